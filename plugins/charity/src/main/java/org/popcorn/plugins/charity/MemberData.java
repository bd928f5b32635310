package org.popcorn.plugins.charity;

import org.popcorn.plugins.support.PluginJdbi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.popcorn.api.PluginContext;
import org.popcorn.api.Signups;
import org.popcorn.plugins.charity.Activities.RoleRow;
import org.popcorn.plugins.charity.Activities.Row;
import org.popcorn.plugins.charity.Activities.ShiftRow;

/**
 * A member's charity data: their part of "download my data" and its erasure when the account is deleted.
 *
 * <p>Erasure keeps, under the (now anonymous) id, what campaigns and other volunteers rely on: hours of shifts that
 * have begun (they count in campaign totals, city relays and partners' reports, verified or still to be verified),
 * their correction history (the lead's record of the figures), and the activities and campaigns the member created that
 * went live (volunteers signed up for them). It deletes what is personal or still to come: the reminders sent to the
 * member, hours rows of shifts that have not started (the core has already given up their places), the member's
 * proposals that never went live (their free texts; nobody signed up for them), and their certificates of hours (a
 * deleted member's certificate no longer verifies: its address would otherwise keep showing their name). The texts of
 * live activities are the activity's, and a change's reason is the lead's note on someone's hours (not null, and part
 * of that volunteer's record), so both stay. The one free text a volunteer writes about themselves is the note on hours
 * they logged in an open-ended activity (see {@link SelfLoggedHours}), kept as the reason of their own changes: the
 * download lists it in the history (made by them), and erasure replaces it with {@link #NOTE_ERASED} while the
 * figures, statuses and times stay for the totals and the lead's record.
 *
 * <p>The member's acceptances of waivers are kept by the host's consent block: the download lists them, and erasure
 * withdraws them ({@code withdrawAll}, as the consent block asks and the booths plugin does for a lead), leaving the
 * records under the opaque subject {@code member-<id>}. The waivers of a deleted proposal go with it.
 */
final class MemberData {

    /** What an erased volunteer's own note on their hours becomes (the reason column needs a text). */
    static final String NOTE_ERASED = "Note removed with the account";

    private final PluginContext ctx;
    private final PluginJdbi db;
    private final Activities activities;
    private final Waivers waivers;

    MemberData(PluginContext ctx, PluginJdbi db, Activities activities, Waivers waivers) {
        this.ctx = ctx;
        this.db = db;
        this.activities = activities;
        this.waivers = waivers;
    }

    // ---- download my data ----

    /**
     * The member's shifts (places and hours), the history of their hours, what they created, the reminders they got,
     * their certificates and the waivers they accepted.
     */
    Object export(long memberId) {
        Map<Long, Map<String, Object>> hours = new LinkedHashMap<>();
        db.with(h -> h.createQuery("select * from charity_hours where member_id = :m order by shift_id").bind("m", memberId)
                .map((rs, c) -> {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("role", rs.getString("role_code"));
                    e.put("checkedInAt", text(PluginJdbi.instant(rs, "checked_in_at")));
                    e.put("checkedOutAt", text(PluginJdbi.instant(rs, "checked_out_at")));
                    e.put("minutes", rs.getObject("minutes"));
                    e.put("status", rs.getString("status"));
                    e.put("pointsPaid", rs.getInt("points_paid"));
                    return hours.put(rs.getLong("shift_id"), e);
                }).list());
        List<Map<String, Object>> shifts = new ArrayList<>();
        Set<Long> listed = new HashSet<>();
        for (Signups.Place p : ctx.signups().placesOf(memberId)) {
            String[] parts = p.pool().split("-", 3); // shift-<id>-<role>
            if (parts.length == 3 && parts[0].equals("shift")) {
                long shiftId = Long.parseLong(parts[1]);
                listed.add(shiftId);
                shift(shiftId, parts[2], p, hours.get(shiftId)).ifPresent(shifts::add);
            }
        }
        for (Map.Entry<Long, Map<String, Object>> e : hours.entrySet()) {
            if (!listed.contains(e.getKey())) { // hours of a shift whose place is gone
                shift(e.getKey(), (String) e.getValue().get("role"), null, e.getValue()).ifPresent(shifts::add);
            }
        }
        List<Map<String, Object>> history = db.with(h -> h.createQuery("select c.*, a.title from charity_hours_change c "
                        + "left join charity_shift s on s.id = c.shift_id left join charity_activity a on a.id = s.activity_id "
                        + "where c.member_id = :m order by c.id").bind("m", memberId)
                .map((rs, c) -> {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("shiftId", rs.getLong("shift_id"));
                    e.put("activity", rs.getString("title"));
                    e.put("at", text(PluginJdbi.instant(rs, "changed_at")));
                    e.put("byYou", rs.getLong("changed_by") == memberId); // who else changed it is the lead's data, not theirs
                    e.put("fromMinutes", rs.getObject("from_minutes"));
                    e.put("toMinutes", rs.getObject("to_minutes"));
                    e.put("fromStatus", rs.getString("from_status"));
                    e.put("toStatus", rs.getString("to_status"));
                    e.put("reason", rs.getString("reason"));
                    return e;
                }).list());
        List<Map<String, Object>> created = db.with(h -> h.createQuery("select * from charity_activity where created_by = :m order by id")
                .bind("m", memberId).map((rs, c) -> {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("id", rs.getLong("id"));
                    e.put("campaignId", rs.getLong("campaign_id"));
                    e.put("city", city(rs.getLong("city_id")));
                    e.put("cause", rs.getString("cause"));
                    e.put("title", rs.getString("title"));
                    e.put("description", rs.getString("description"));
                    e.put("meetingPoint", rs.getString("meeting_point"));
                    e.put("partnerName", rs.getString("partner_name"));
                    e.put("status", rs.getString("status"));
                    e.put("decisionReason", rs.getString("decision_reason"));
                    e.put("createdAt", text(PluginJdbi.instant(rs, "created_at")));
                    return e;
                }).list());
        List<Map<String, Object>> campaigns = db.with(h -> h.createQuery("select id, name, created_at from charity_campaign where created_by = :m "
                + "order by id").bind("m", memberId).map((rs, c) -> {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("id", rs.getLong("id"));
                    e.put("name", rs.getString("name"));
                    e.put("createdAt", text(PluginJdbi.instant(rs, "created_at")));
                    return e;
                }).list());
        List<Map<String, Object>> reminders = db.with(h -> h.createQuery("select * from charity_reminder where member_id = :m "
                + "order by sent_at, shift_id, kind").bind("m", memberId).map((rs, c) -> {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("shiftId", rs.getLong("shift_id"));
                    e.put("kind", rs.getString("kind"));
                    e.put("sentAt", text(PluginJdbi.instant(rs, "sent_at")));
                    return e;
                }).list());
        List<Map<String, Object>> certificates = db.with(h -> h.createQuery("select x.code, x.campaign_id, x.minutes, x.issued_at, c.name "
                + "from charity_certificate x left join charity_campaign c on c.id = x.campaign_id where x.member_id = :m "
                + "order by x.issued_at, x.code").bind("m", memberId).map((rs, c) -> {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("code", rs.getString("code"));
                    e.put("campaignId", rs.getLong("campaign_id"));
                    e.put("campaign", rs.getString("name"));
                    e.put("minutes", rs.getInt("minutes"));
                    e.put("hours", rs.getInt("minutes") / 60.0);
                    e.put("issuedAt", text(PluginJdbi.instant(rs, "issued_at")));
                    return e;
                }).list());
        List<Map<String, Object>> accepted = waivers.export(memberId);
        if (shifts.isEmpty() && history.isEmpty() && created.isEmpty() && campaigns.isEmpty() && reminders.isEmpty() && certificates.isEmpty()
                && accepted.isEmpty()) {
            return null;
        }
        shifts.sort((x, y) -> ((String) x.get("startsAt")).compareTo((String) y.get("startsAt")));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("shifts", shifts);
        out.put("hoursHistory", history);
        out.put("activitiesCreated", created);
        out.put("campaignsCreated", campaigns);
        out.put("reminders", reminders);
        out.put("certificates", certificates);
        out.put("waiversAccepted", accepted);
        return out;
    }

    /** One shift of the member: the activity, times, role, their place (null when it is gone) and their hours (null: none). */
    private Optional<Map<String, Object>> shift(long shiftId, String role, Signups.Place place, Map<String, Object> hours) {
        Optional<ShiftRow> s = activities.shift(shiftId);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        Row a = activities.row(s.get().activityId());
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("shiftId", shiftId);
        e.put("activityId", a.id());
        e.put("activity", a.title());
        e.put("city", city(a.cityId()));
        e.put("startsAt", s.get().startsAt().toString());
        e.put("endsAt", s.get().endsAt().toString());
        e.put("role", role);
        e.put("roleName", activities.roles(shiftId).stream().filter(r -> r.code().equals(role)).map(RoleRow::name).findFirst().orElse(role));
        e.put("place", place == null ? null : place.status().name());
        e.put("groupSize", place == null ? null : place.partySize());
        if (hours != null) {
            Map<String, Object> hv = new LinkedHashMap<>(hours);
            hv.remove("role");
            e.put("hours", hv);
        } else {
            e.put("hours", null);
        }
        return Optional.of(e);
    }

    private String city(long cityId) {
        return ctx.cities().byId(cityId).map(c -> c.name()).orElse("?");
    }

    private static String text(Instant i) {
        return i == null ? null : i.toString();
    }

    // ---- delete my data ----

    /** Erases the member's personal and future-facing rows (see the class comment); a second call finds nothing to do. */
    void erase(long memberId) {
        Instant now = Instant.now(ctx.clock());
        List<String> pools = db.with(h -> {
            h.createUpdate("delete from charity_reminder where member_id = :m").bind("m", memberId).execute();
            h.createUpdate("delete from charity_certificate where member_id = :m").bind("m", memberId).execute();
            String notStarted = " and shift_id in (select id from charity_shift where starts_at > :now)";
            h.createUpdate("delete from charity_hours_change where member_id = :m" + notStarted)
                    .bind("m", memberId).bind("now", PluginJdbi.ts(now)).execute();
            h.createUpdate("delete from charity_hours where member_id = :m" + notStarted)
                    .bind("m", memberId).bind("now", PluginJdbi.ts(now)).execute();
            // the member's own notes on the hours they logged in open-ended activities: their words go, the figures stay
            h.createUpdate("update charity_hours_change set reason = :erased where member_id = :m and changed_by = :m "
                            + "and reason not in (:erased, :none) and shift_id in (select s.id from charity_shift s "
                            + "join charity_activity a on a.id = s.activity_id where a.self_logged_hours = true)")
                    .bind("m", memberId).bind("erased", NOTE_ERASED).bind("none", SelfLoggedHours.NO_NOTE).execute();
            // proposals that never went live; one with any hours or reminders (which cannot happen) stays rather than fail
            List<Long> proposals = h.createQuery("select a.id from charity_activity a where a.created_by = :m and a.status in ('PROPOSED', 'REJECTED') "
                            + "and not exists (select 1 from charity_shift s join charity_hours x on x.shift_id = s.id where s.activity_id = a.id) "
                            + "and not exists (select 1 from charity_shift s join charity_reminder r on r.shift_id = s.id where s.activity_id = a.id)")
                    .bind("m", memberId).mapTo(Long.class).list();
            List<String> gone = new ArrayList<>();
            for (long id : proposals) {
                h.createQuery("select r.shift_id, r.code from charity_role r join charity_shift s on s.id = r.shift_id where s.activity_id = :a")
                        .bind("a", id).map((rs, c) -> gone.add(Activities.pool(rs.getLong(1), rs.getString(2)))).list();
                h.createUpdate("delete from charity_waiver where activity_id = :a").bind("a", id).execute();
                h.createUpdate("delete from charity_role where shift_id in (select id from charity_shift where activity_id = :a)").bind("a", id).execute();
                h.createUpdate("delete from charity_shift where activity_id = :a").bind("a", id).execute();
                h.createUpdate("delete from charity_series where activity_id = :a").bind("a", id).execute();
                h.createUpdate("delete from charity_activity where id = :a").bind("a", id).execute();
            }
            return gone;
        });
        for (String pool : pools) {
            ctx.signups().delete(pool); // a proposal's pools are closed: nobody held a place in them
        }
        int withdrawn = waivers.erase(memberId);
        ctx.log().info("event=charity.member-erased member=" + memberId + " pools-deleted=" + pools.size() + " waivers-withdrawn=" + withdrawn);
    }
}
