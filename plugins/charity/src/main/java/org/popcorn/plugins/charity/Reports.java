package org.popcorn.plugins.charity;

import org.popcorn.plugins.support.PluginJdbi;

import java.io.IOException;
import java.io.StringWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.popcorn.api.Members;
import org.popcorn.api.PluginContext;
import org.popcorn.api.PluginProblem;
import org.popcorn.api.Signups;
import org.popcorn.plugins.charity.Activities.RoleRow;
import org.popcorn.plugins.charity.Activities.Row;
import org.popcorn.plugins.charity.Activities.ShiftRow;
import org.popcorn.plugins.charity.CharityViews.Leader;

/** Leaderboards and CSV exports of sign-ups and hours (times in the city's zone, as organisers and partners read them). */
final class Reports {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final PluginContext ctx;
    private final PluginJdbi db;
    private final Activities activities;

    Reports(PluginContext ctx, PluginJdbi db, Activities activities) {
        this.ctx = ctx;
        this.db = db;
        this.activities = activities;
    }

    List<Leader> leaderboard(long campaignId, Long cityId, int size) {
        String sql = "select h.member_id, sum(h.minutes) as total from charity_hours h join charity_shift s on s.id = h.shift_id "
                + "join charity_activity a on a.id = s.activity_id where a.campaign_id = :c and h.status = 'VERIFIED'"
                + (cityId == null ? "" : " and a.city_id = :city") + " group by h.member_id order by total desc, h.member_id limit :n";
        List<long[]> rows = db.with(h -> {
            var q = h.createQuery(sql).bind("c", campaignId).bind("n", size);
            if (cityId != null) {
                q.bind("city", cityId);
            }
            return q.map((rs, c) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        });
        List<Leader> out = new ArrayList<>();
        for (long[] r : rows) {
            Members.MemberInfo m = ctx.members().byId(r[0]).orElse(null);
            out.add(new Leader(out.size() + 1, r[0], m == null ? "former-member" : m.handle(), m == null ? "Former member" : m.displayName(), r[1]));
        }
        return out;
    }

    String activityCsv(long activityId) {
        Row a = activities.row(activityId);
        List<ShiftRow> shifts = activities.shifts(activityId);
        if (shifts.stream().noneMatch(s -> activities.leads(a, s.id()))) {
            throw PluginProblem.forbidden("Only the activity's organisers and team leads export its sign-ups.").withCode("charity.team-lead-required");
        }
        ZoneId zone = activities.zone(a.cityId());
        return csv(List.of("shift_start", "shift_end", "zone", "role", "handle", "name", "place", "group_size", "checked_in", "checked_out",
                "minutes", "hours_status"), p -> {
            for (ShiftRow s : shifts) {
                for (RoleRow r : activities.roles(s.id())) {
                    for (Signups.Status st : List.of(Signups.Status.CONFIRMED, Signups.Status.OFFERED, Signups.Status.WAITING)) {
                        for (Signups.Place place : ctx.signups().places(Activities.pool(s.id(), r.code()), st, 0, 1000)) {
                            Object[] hours = db.with(h -> h.createQuery("select checked_in_at, checked_out_at, minutes, status from charity_hours "
                                    + "where shift_id = :s and member_id = :m").bind("s", s.id()).bind("m", place.memberId())
                                    .map((rs, c) -> new Object[] {PluginJdbi.instant(rs, "checked_in_at"), PluginJdbi.instant(rs, "checked_out_at"),
                                            rs.getObject("minutes"), rs.getString("status")}).findOne().orElse(new Object[4]));
                            Members.MemberInfo m = ctx.members().byId(place.memberId()).orElse(null);
                            p.printRecord(LOCAL.format(s.startsAt().atZone(zone)), LOCAL.format(s.endsAt().atZone(zone)), zone.getId(), r.code(),
                                    m == null ? "former-member" : m.handle(), m == null ? "" : m.displayName(), st.name(), place.partySize(),
                                    hours[0] == null ? "" : LOCAL.format(((java.time.Instant) hours[0]).atZone(zone)),
                                    hours[1] == null ? "" : LOCAL.format(((java.time.Instant) hours[1]).atZone(zone)),
                                    hours[2] == null ? "" : hours[2], hours[3] == null ? "" : hours[3]);
                        }
                    }
                }
            }
        });
    }

    String campaignCsv(long campaignId, String partner, Double valuePerHour) {
        ctx.currentMember().require();
        List<Long> cities = db.with(h -> h.createQuery("select city_id from charity_campaign_city where campaign_id = :c").bind("c", campaignId)
                .mapTo(Long.class).list());
        if (cities.isEmpty()) {
            throw PluginProblem.notFound("No campaign " + campaignId + ".").withCode("charity.campaign-not-found");
        }
        if (!ctx.currentMember().isAdmin() && cities.stream().noneMatch(c -> ctx.currentMember().organises(c))) {
            throw PluginProblem.forbidden("Only admins and the campaign's organisers export its hours.").withCode("charity.organiser-required");
        }
        if (valuePerHour != null && (valuePerHour < 0 || valuePerHour > 100_000)) {
            throw PluginProblem.invalid("valuePerHour is between 0 and 100000.", "valuePerHour").withCode("charity.invalid-value-per-hour");
        }
        String sql = "select a.id, a.title, a.partner_name, a.city_id, a.cause, s.starts_at, h.member_id, h.minutes, a.partner_approved_at "
                + "from charity_hours h join charity_shift s on s.id = h.shift_id join charity_activity a on a.id = s.activity_id where a.campaign_id = :c "
                + "and h.status = 'VERIFIED'" + (partner == null ? "" : " and a.partner_name = :p") + " order by s.starts_at, a.id, h.member_id";
        List<Object[]> rows = db.with(h -> {
            var q = h.createQuery(sql).bind("c", campaignId);
            if (partner != null) {
                q.bind("p", partner);
            }
            return q.map((rs, c) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                    PluginJdbi.instant(rs, "starts_at"), rs.getLong(7), rs.getInt(8), rs.getObject(9) != null}).list();
        });
        List<String> header = new ArrayList<>(List.of("activity_id", "activity", "partner", "partner_approved", "city", "cause", "shift_start",
                "zone", "handle", "minutes", "hours"));
        if (valuePerHour != null) {
            header.add("value");
        }
        return csv(header, p -> {
            for (Object[] r : rows) {
                ZoneId zone = activities.zone((Long) r[3]);
                String city = ctx.cities().byId((Long) r[3]).map(c -> c.name()).orElse("?");
                String handle = ctx.members().byId((Long) r[6]).map(Members.MemberInfo::handle).orElse("former-member");
                int minutes = (Integer) r[7];
                List<Object> record = new ArrayList<>(List.of(r[0], r[1], r[2] == null ? "" : r[2],
                        r[2] == null ? "" : (Boolean) r[8] ? "yes" : "no", city, r[4],
                        LOCAL.format(((java.time.Instant) r[5]).atZone(zone)), zone.getId(), handle, minutes,
                        String.format(Locale.ROOT, "%.2f", minutes / 60.0)));
                if (valuePerHour != null) {
                    record.add(String.format(Locale.ROOT, "%.2f", minutes / 60.0 * valuePerHour));
                }
                p.printRecord(record);
            }
        });
    }

    private interface Rows {
        void print(CSVPrinter p) throws IOException;
    }

    private static String csv(List<String> header, Rows rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get().print(out)) {
            rows.print(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
