package org.popcorn.plugins.booths;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.popcorn.api.Consents;
import org.popcorn.api.Members;
import org.popcorn.api.PluginContext;
import org.popcorn.api.PluginProblem;
import org.popcorn.plugins.booths.Booths.Row;
import org.popcorn.plugins.booths.BoothsViews.ConsentView;
import org.popcorn.plugins.booths.BoothsViews.Lead;
import org.popcorn.plugins.booths.BoothsViews.Page;
import org.popcorn.plugins.support.PluginJdbi;

/**
 * The neighbours who asked to be contacted: seen and exported only by the booth's organisers, erased on request or
 * {@code lead-retention-days} after capture. Erasure blanks name and contact and withdraws the consents; the row (and
 * so every count) stays.
 */
final class Leads {

    private final PluginContext ctx;
    private final PluginJdbi db;
    private final Booths booths;

    Leads(PluginContext ctx, PluginJdbi db, Booths booths) {
        this.ctx = ctx;
        this.db = db;
        this.booths = booths;
    }

    /** The host's consent subject for a lead: an opaque reference, no personal data. */
    static String subject(long leadId) {
        return "lead-" + leadId;
    }

    Page<Lead> list(long boothId, int page, int size) {
        booths.requireManaged(boothId);
        long total = db.with(h -> h.createQuery("select count(*) from booths_lead where booth_id = :b").bind("b", boothId).mapTo(Long.class).one());
        List<Long> ids = db.with(h -> h.createQuery("select id from booths_lead where booth_id = :b order by captured_at desc, id desc "
                + "limit :n offset :o").bind("b", boothId).bind("n", size).bind("o", page * size).mapTo(Long.class).list());
        return new Page<>(ids.stream().map(this::view).toList(), total, page, size);
    }

    Lead view(long id) {
        Lead bare = db.with(h -> h.createQuery("select * from booths_lead where id = :id").bind("id", id).map((rs, c) -> {
            String products = rs.getString("product_ids");
            List<Long> interest = products == null || products.isEmpty() ? List.of()
                    : Arrays.stream(products.split(",")).map(Long::valueOf).toList();
            long by = rs.getLong("captured_by");
            return new Lead(rs.getLong("id"), rs.getLong("booth_id"), rs.getLong("slot_id"), rs.getString("name"), rs.getString("contact"),
                    interest, by, null, PluginJdbi.instant(rs, "captured_at"), PluginJdbi.instant(rs, "erased_at"), List.of());
        }).findOne()).orElseThrow(() -> PluginProblem.notFound("No lead " + id + ".").withCode("booths.lead-not-found"));
        List<ConsentView> consents = ctx.consents().of(subject(id)).stream()
                .map(c -> new ConsentView(c.purpose(), c.version(), c.givenAt(), c.capturedBy(), c.withdrawnAt())).toList();
        String byName = ctx.members().byId(bare.capturedBy()).map(Members.MemberInfo::displayName).orElse("former member");
        return new Lead(bare.id(), bare.boothId(), bare.slotId(), bare.name(), bare.contact(), bare.productIds(), bare.capturedBy(), byName,
                bare.capturedAt(), bare.erasedAt(), consents);
    }

    String csv(long boothId) {
        Row b = booths.requireManaged(boothId);
        ZoneId zone = booths.zone(b.cityId());
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        db.with(h -> h.createQuery("select id, name from booths_product").map((rs, c) -> names.put(rs.getLong(1), rs.getString(2))).list());
        List<Long> ids = db.with(h -> h.createQuery("select id from booths_lead where booth_id = :b and erased_at is null order by captured_at, id")
                .bind("b", boothId).mapTo(Long.class).list());
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("lead", "captured_at (" + zone.getId() + ")", "name",
                "contact", "products", "contact_consent_version", "contact_consent_given_at", "meetup_invite", "captured_by").get())) {
            for (Long id : ids) {
                Lead l = view(id);
                Consents.Consent contact = ctx.consents().standing(subject(id), AtBooth.CONTACT).orElse(null);
                if (contact == null) {
                    continue; // consent withdrawn: no longer exported
                }
                boolean meetups = ctx.consents().standing(subject(id), AtBooth.MEETUPS).isPresent();
                csv.printRecord(l.id(), l.capturedAt().atZone(zone).toLocalDateTime(), l.name(), l.contact(),
                        String.join("; ", l.productIds().stream().map(p -> names.getOrDefault(p, String.valueOf(p))).toList()),
                        contact.version(), contact.givenAt().atZone(zone).toLocalDateTime(), meetups ? "yes" : "no", l.capturedByName());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ctx.log().info("event=booths.leads-exported booth=" + boothId + " by=" + ctx.currentMember().require() + " leads=" + ids.size());
        return out.toString();
    }

    void eraseOnRequest(long leadId) {
        Lead l = view(leadId);
        booths.requireManaged(l.boothId());
        erase(leadId);
        ctx.log().info("event=booths.lead-erased lead=" + leadId + " by=" + ctx.currentMember().require() + " reason=request");
    }

    private void erase(long leadId) {
        db.with(h -> h.createUpdate("update booths_lead set name = null, contact = null, erased_at = :now where id = :id and erased_at is null")
                .bind("now", PluginJdbi.ts(Instant.now(ctx.clock()))).bind("id", leadId).execute());
        ctx.consents().withdrawAll(subject(leadId));
    }

    /** Erases the leads captured more than {@code lead-retention-days} ago; returns how many. */
    int eraseExpired(Instant now) {
        long days = ctx.settings().getLong("lead-retention-days");
        List<Long> due = db.with(h -> h.createQuery("select id from booths_lead where erased_at is null and captured_at < :cut")
                .bind("cut", PluginJdbi.ts(now.minus(Duration.ofDays(days)))).mapTo(Long.class).list());
        for (Long id : due) {
            db.with(h -> {
                erase(id);
                return null;
            });
        }
        if (!due.isEmpty()) {
            ctx.log().info("event=booths.leads-expired erased=" + due.size() + " retention-days=" + days);
        }
        return due.size();
    }
}
