package org.popcorn.plugins.booths;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.popcorn.api.Consents;
import org.popcorn.api.PluginContext;
import org.popcorn.api.PluginProblem;
import org.popcorn.api.Signups;
import org.popcorn.plugins.booths.Booths.Row;
import org.popcorn.plugins.booths.Booths.SlotRow;
import org.popcorn.plugins.booths.BoothsForms.ConsentForm;
import org.popcorn.plugins.booths.BoothsForms.LeadForm;
import org.popcorn.plugins.booths.BoothsForms.TallyBatch;
import org.popcorn.plugins.booths.BoothsForms.TallyEntry;
import org.popcorn.plugins.booths.BoothsViews.ConsentText;
import org.popcorn.plugins.booths.BoothsViews.Lead;
import org.popcorn.plugins.booths.BoothsViews.ProductCount;
import org.popcorn.plugins.booths.BoothsViews.Tallies;
import org.popcorn.plugins.booths.BoothsViews.TallyResult;
import org.popcorn.plugins.support.Check;
import org.popcorn.plugins.support.PluginJdbi;

/**
 * What the phone page at the booth sends: counts (visitors, demos per product, questions) and leads, each with a key
 * made on the phone so that sending a queue again after the network came back stores nothing twice. Only the slot's
 * volunteers and the booth's organisers capture; each count is credited to whoever captured it. A lead is stored
 * only with the consent to be contacted about products, recorded by the host's consent block.
 */
final class AtBooth {

    static final String CONTACT = "product-contact";
    static final String MEETUPS = "meetup-invite";
    static final Map<String, Map<String, String>> TEXTS = Map.of(
            CONTACT, Map.of("en", "I agree that the fan community may store my name and contact to contact me about the products I am "
                            + "interested in. I can ask for my data to be deleted at any time; it is deleted after six months anyway.",
                    "zh-CN", "我同意粉丝社区保存我的姓名和联系方式，用于就我感兴趣的产品与我联系。我可以随时要求删除我的数据；无论如何，数据会在六个月后删除。"),
            MEETUPS, Map.of("en", "I would like to be invited to the fan community's meetups near me.",
                    "zh-CN", "我希望收到附近粉丝社区线下聚会的邀请。"));
    private static final String KEY = "[A-Za-z0-9-]{8,64}";
    private static final List<String> KINDS = List.of("visitor", "demo", "question");

    /** A lead and whether this call stored it (false: the key was seen before). */
    record Captured(Lead lead, boolean created) {
    }

    private final PluginContext ctx;
    private final PluginJdbi db;
    private final Booths booths;
    private final Leads leads;

    AtBooth(PluginContext ctx, PluginJdbi db, Booths booths, Leads leads) {
        this.ctx = ctx;
        this.db = db;
        this.booths = booths;
        this.leads = leads;
    }

    /** Publishes the consent texts (a changed text becomes a new version). */
    void publishTexts() {
        TEXTS.forEach((purpose, text) -> ctx.consents().publish(purpose, text));
    }

    List<ConsentText> texts(String locale) {
        List<ConsentText> out = new ArrayList<>();
        for (String purpose : List.of(CONTACT, MEETUPS)) {
            ctx.consents().current(purpose).ifPresent(t -> out.add(new ConsentText(purpose, t.version(),
                    t.text().getOrDefault(locale == null ? "en" : locale, t.text().get("en")), CONTACT.equals(purpose))));
        }
        return out;
    }

    /** The slot, when the caller may capture at it: a confirmed place in it, or running the booth. */
    private SlotRow capturing(long slotId, long me) {
        SlotRow s = booths.slot(slotId);
        Row b = booths.row(s.boothId());
        if (!b.open() && !Booths.DONE.equals(b.status())) {
            throw PluginProblem.conflict("This booth is " + b.status().toLowerCase() + "; nothing is recorded for it.", "status")
                    .withCode("booths.not-open");
        }
        if (!booths.manages(b, me) && !holds(slotId, me)) {
            throw PluginProblem.forbidden("Counts and leads come from the slot's volunteers and the booth's organisers.").withCode("booths.staff-required");
        }
        return s;
    }

    private boolean holds(long slotId, long me) {
        for (String role : List.of(Booths.VOLUNTEER, Booths.LEAD)) {
            Optional<Signups.Place> p = ctx.signups().placeOf(Booths.pool(slotId, role), me);
            if (p.isPresent() && p.get().status() == Signups.Status.CONFIRMED) {
                return true;
            }
        }
        return false;
    }

    TallyResult record(long slotId, TallyBatch batch) {
        long me = ctx.currentMember().require();
        SlotRow s = capturing(slotId, me);
        if (batch == null || batch.entries == null || batch.entries.isEmpty() || batch.entries.size() > 500) {
            throw PluginProblem.invalid("Send 1 to 500 entries.", "entries").withCode("booths.invalid-batch-size");
        }
        Set<Long> shown = products(s.boothId());
        Set<String> keys = new HashSet<>();
        Instant now = Instant.now(ctx.clock());
        List<Object[]> rows = new ArrayList<>();
        for (TallyEntry e : batch.entries) {
            if (e == null) {
                throw PluginProblem.invalid("An entry is {clientKey, kind, productId, count, at}.", "entries").withCode("booths.invalid-entry");
            }
            String key = clientKey(e.clientKey, "entries.clientKey");
            if (!keys.add(key)) {
                continue; // the same entry twice in one batch counts once
            }
            if (e.kind == null || !KINDS.contains(e.kind)) {
                throw PluginProblem.invalid("kind is visitor, demo or question.", "entries.kind").withCode("booths.invalid-kind");
            }
            if ("demo".equals(e.kind) != (e.productId != null)) {
                throw PluginProblem.invalid("A demo names its productId; visitors and questions do not.", "entries.productId").withCode("booths.product-kind-mismatch");
            }
            if (e.productId != null && !shown.contains(e.productId)) {
                throw PluginProblem.invalid("Product " + e.productId + " is not shown at this booth.", "entries.productId").withCode("booths.product-not-shown");
            }
            int count = e.count == null ? 1 : Check.range(e.count, "entries.count", 1, 100);
            Instant at = e.at == null ? now : Check.instant(e.at, "entries.at");
            rows.add(new Object[] {key, e.kind, e.productId, count, at.isAfter(now) ? now : at});
        }
        int accepted = 0;
        int duplicates = batch.entries.size() - rows.size();
        for (Object[] r : rows) {
            try {
                // Each insert is its own savepoint: a key already stored (or being stored by a resend) breaks the unique
                // constraint, which undoes only this row.
                db.with(h -> h.createUpdate("insert into booths_tally (slot_id, client_key, kind, product_id, amount, member_id, captured_at, "
                                + "received_at) values (:s, :k, :kind, :p, :n, :m, :at, :now)")
                        .bind("s", slotId).bind("k", (String) r[0]).bind("kind", (String) r[1]).bind("p", (Long) r[2]).bind("n", (Integer) r[3])
                        .bind("m", me).bind("at", PluginJdbi.ts((Instant) r[4])).bind("now", PluginJdbi.ts(now)).execute());
                accepted++;
            } catch (PluginProblem conflict) {
                if (conflict.status() != 409) {
                    throw conflict;
                }
                duplicates++;
            }
        }
        ctx.log().info("event=booths.tallies slot=" + slotId + " member=" + me + " accepted=" + accepted + " duplicates=" + duplicates);
        return new TallyResult(accepted, duplicates);
    }

    Tallies tallies(long slotId) {
        long me = ctx.currentMember().require();
        SlotRow s = capturing(slotId, me);
        List<Object[]> rows = db.with(h -> h.createQuery("select kind, product_id, member_id, sum(amount) from booths_tally where slot_id = :s "
                        + "group by kind, product_id, member_id").bind("s", slotId)
                .map((rs, c) -> new Object[] {rs.getString(1), (Long) rs.getObject(2), rs.getLong(3), rs.getLong(4)}).list());
        long visitors = 0;
        long questions = 0;
        long myVisitors = 0;
        long myQuestions = 0;
        long myDemos = 0;
        Map<Long, Long> demos = new java.util.TreeMap<>();
        for (Object[] r : rows) {
            long n = (Long) r[3];
            boolean mine = (Long) r[2] == me;
            switch ((String) r[0]) {
                case "visitor" -> {
                    visitors += n;
                    myVisitors += mine ? n : 0;
                }
                case "question" -> {
                    questions += n;
                    myQuestions += mine ? n : 0;
                }
                default -> {
                    demos.merge((Long) r[1], n, Long::sum);
                    myDemos += mine ? n : 0;
                }
            }
        }
        Map<Long, String> names = db.with(h -> h.createQuery("select id, name from booths_product").map((rs, c) -> Map.entry(rs.getLong(1),
                rs.getString(2))).list()).stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<ProductCount> perProduct = demos.entrySet().stream().map(e -> new ProductCount(e.getKey(), names.get(e.getKey()), e.getValue())).toList();
        long[] leadCounts = db.with(h -> h.createQuery("select count(*), sum(case when captured_by = :m then 1 else 0 end) from booths_lead "
                + "where slot_id = :s").bind("s", slotId).bind("m", me).map((rs, c) -> new long[] {rs.getLong(1), rs.getLong(2)}).one());
        return new Tallies(s.id(), visitors, questions, perProduct, leadCounts[0], myVisitors, myQuestions, myDemos, leadCounts[1]);
    }

    Captured capture(long slotId, LeadForm f) {
        long me = ctx.currentMember().require();
        SlotRow s = capturing(slotId, me);
        if (f == null) {
            throw PluginProblem.invalid("Send the lead: clientKey, name, contact, productIds, consents.", null).withCode("booths.missing-body");
        }
        String key = clientKey(f.clientKey, "clientKey");
        Optional<Long> seen = db.with(h -> h.createQuery("select id from booths_lead where client_key = :k").bind("k", key).mapTo(Long.class).findOne());
        if (seen.isPresent()) {
            return new Captured(leads.view(seen.get()), false);
        }
        String name = Check.text(f.name, "name", 100, true);
        String contact = Check.text(f.contact, "contact", 200, true);
        Set<Long> shown = products(s.boothId());
        List<Long> interest = f.productIds == null ? List.of() : f.productIds.stream().distinct().toList();
        for (Long p : interest) {
            if (p == null || !shown.contains(p)) {
                throw PluginProblem.invalid("Product " + p + " is not shown at this booth.", "productIds").withCode("booths.product-not-shown");
            }
        }
        Map<String, Integer> given = new java.util.LinkedHashMap<>();
        for (ConsentForm c : f.consents == null ? List.<ConsentForm>of() : f.consents) {
            if (c == null || c.purpose == null || !TEXTS.containsKey(c.purpose)) {
                throw PluginProblem.invalid("A consent is {purpose, version}; purposes are " + CONTACT + " and " + MEETUPS + ".", "consents.purpose").withCode("booths.invalid-consent-purpose");
            }
            if (c.version == null) {
                throw PluginProblem.invalid("Give the version of the consent text the person agreed to.", "consents.version").withCode("booths.missing-consent-version");
            }
            given.put(c.purpose, c.version);
        }
        if (!given.containsKey(CONTACT)) {
            throw PluginProblem.invalid("A lead is stored only with the person's consent to be contacted about products.", "consents")
                    .withCode("booths.consent-required");
        }
        Instant at = f.at == null ? Instant.now(ctx.clock()) : Check.instant(f.at, "at");
        Instant capturedAt = at.isAfter(Instant.now(ctx.clock())) ? Instant.now(ctx.clock()) : at;
        long id = db.with(h -> h.createUpdate("insert into booths_lead (slot_id, booth_id, client_key, name, contact, product_ids, captured_by, "
                        + "captured_at, meetup_invite) values (:s, :b, :k, :n, :c, :p, :m, :at, :mi)")
                .bind("s", slotId).bind("b", s.boothId()).bind("k", key).bind("n", name).bind("c", contact)
                .bind("p", String.join(",", interest.stream().map(String::valueOf).toList())).bind("m", me)
                .bind("at", PluginJdbi.ts(capturedAt)).bind("mi", given.containsKey(MEETUPS))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        // In the same unit of work as the lead: an outdated text version refuses the lead and stores nothing.
        for (Map.Entry<String, Integer> c : given.entrySet()) {
            Consents.Consent recorded = ctx.consents().record(Leads.subject(id), c.getKey(), c.getValue(), me);
            ctx.log().info("event=booths.consent lead=" + id + " purpose=" + c.getKey() + " version=" + recorded.version());
        }
        ctx.log().info("event=booths.lead-captured lead=" + id + " slot=" + slotId + " by=" + me);
        return new Captured(leads.view(id), true);
    }

    private Set<Long> products(long boothId) {
        return new HashSet<>(db.with(h -> h.createQuery("select product_id from booths_booth_product where booth_id = :b").bind("b", boothId)
                .mapTo(Long.class).list()));
    }

    private static String clientKey(String value, String field) {
        if (value == null || !value.matches(KEY)) {
            throw PluginProblem.invalid("A clientKey is 8 to 64 letters, digits and dashes (a UUID made on the phone).", field).withCode("booths.invalid-client-key");
        }
        return value;
    }
}
