package org.popcorn.plugins.booths;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.popcorn.api.PluginContext;
import org.popcorn.api.PluginProblem;
import org.popcorn.api.Signups;
import org.popcorn.plugins.booths.Booths.Row;
import org.popcorn.plugins.booths.Booths.SlotRow;
import org.popcorn.plugins.booths.BoothsViews.BoothLine;
import org.popcorn.plugins.booths.BoothsViews.HourCount;
import org.popcorn.plugins.booths.BoothsViews.ProductCount;
import org.popcorn.plugins.booths.BoothsViews.Report;
import org.popcorn.plugins.support.Check;
import org.popcorn.plugins.support.PluginJdbi;

/**
 * What booths gave, per booth and per city: visitors (and per local hour), demos per product, questions, leads and
 * the share of visitors who left one, the share of leads who want meetup invitations, and volunteer time (confirmed
 * places times slot length).
 */
final class Reports {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:00");

    private final PluginContext ctx;
    private final PluginJdbi db;
    private final Booths booths;

    Reports(PluginContext ctx, PluginJdbi db, Booths booths) {
        this.ctx = ctx;
        this.db = db;
        this.booths = booths;
    }

    Report booth(long boothId) {
        Row b = booths.requireManaged(boothId);
        return report(List.of(b), booths.zone(b.cityId()), false);
    }

    Report city(long cityId, String from, String to) {
        ctx.currentMember().require();
        if (!ctx.currentMember().organises(cityId)) {
            throw PluginProblem.forbidden("A city's report is for its organisers.").withCode("booths.organiser-required");
        }
        ZoneId zone = booths.zone(cityId);
        Instant start = from == null ? Instant.EPOCH : Check.date(from, "from").atStartOfDay(zone).toInstant();
        Instant end = to == null ? Instant.now(ctx.clock()).plus(Duration.ofDays(400)) : Check.date(to, "to").plusDays(1).atStartOfDay(zone).toInstant();
        if (!end.isAfter(start)) {
            throw PluginProblem.invalid("'to' is on or after 'from'.", "to").withCode("booths.invalid-period");
        }
        List<Row> rows = db.with(h -> h.createQuery("select * from booths_booth where city_id = :c and status in ('PLANNED', 'CONFIRMED', 'DONE') "
                        + "and first_opens_at >= :f and first_opens_at < :t order by first_opens_at")
                .bind("c", cityId).bind("f", PluginJdbi.ts(start)).bind("t", PluginJdbi.ts(end)).map((rs, c) -> Booths.row(rs)).list());
        return report(rows, zone, true);
    }

    private Report report(List<Row> rows, ZoneId zone, boolean perBooth) {
        long visitors = 0;
        long questions = 0;
        long leads = 0;
        long invites = 0;
        long minutes = 0;
        Map<Long, long[]> demos = new TreeMap<>();
        Map<String, Long> perHour = new TreeMap<>();
        List<BoothLine> lines = new ArrayList<>();
        for (Row b : rows) {
            List<Object[]> tallies = db.with(h -> h.createQuery("select t.kind, t.product_id, t.amount, t.captured_at from booths_tally t "
                            + "join booths_slot s on s.id = t.slot_id where s.booth_id = :b").bind("b", b.id())
                    .map((rs, c) -> new Object[] {rs.getString(1), (Long) rs.getObject(2), rs.getInt(3), PluginJdbi.instant(rs, "captured_at")}).list());
            long boothVisitors = 0;
            for (Object[] t : tallies) {
                int n = (Integer) t[2];
                switch ((String) t[0]) {
                    case "visitor" -> {
                        boothVisitors += n;
                        perHour.merge(HOUR.format(((Instant) t[3]).atZone(zone)), (long) n, Long::sum);
                    }
                    case "question" -> questions += n;
                    default -> demos.computeIfAbsent((Long) t[1], k -> new long[1])[0] += n;
                }
            }
            visitors += boothVisitors;
            long[] l = db.with(h -> h.createQuery("select count(*), sum(case when meetup_invite then 1 else 0 end) from booths_lead where booth_id = :b")
                    .bind("b", b.id()).map((rs, c) -> new long[] {rs.getLong(1), rs.getLong(2)}).one());
            leads += l[0];
            invites += l[1];
            for (SlotRow s : booths.slots(b.id())) {
                long length = Duration.between(s.startsAt(), s.endsAt()).toMinutes();
                for (String role : List.of(Booths.VOLUNTEER, Booths.LEAD)) {
                    if (Booths.VOLUNTEER.equals(role) || s.lead()) {
                        minutes += length * ctx.signups().places(Booths.pool(s.id(), role), Signups.Status.CONFIRMED, 0, 500).size();
                    }
                }
            }
            if (perBooth) {
                lines.add(new BoothLine(b.id(), b.compound(), b.status(), boothVisitors, l[0]));
            }
        }
        Map<Long, String> names = new java.util.HashMap<>();
        db.with(h -> h.createQuery("select id, name from booths_product").map((rs, c) -> names.put(rs.getLong(1), rs.getString(2))).list());
        List<ProductCount> perProduct = demos.entrySet().stream()
                .map(e -> new ProductCount(e.getKey(), names.get(e.getKey()), e.getValue()[0])).toList();
        List<HourCount> hours = perHour.entrySet().stream().map(e -> new HourCount(e.getKey(), e.getValue())).toList();
        double consentRate = visitors == 0 ? 0 : Math.min(1.0, (double) leads / visitors);
        double inviteRate = leads == 0 ? 0 : (double) invites / leads;
        return new Report(zone.getId(), visitors, questions, perProduct, leads, round(consentRate), round(inviteRate), minutes, hours,
                perBooth ? lines : null);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
