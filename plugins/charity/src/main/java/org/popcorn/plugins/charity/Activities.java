package org.popcorn.plugins.charity;

import org.popcorn.plugins.support.Check;

import org.popcorn.plugins.support.PluginJdbi;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.popcorn.api.Cities;
import org.popcorn.api.PluginContext;
import org.popcorn.api.PluginProblem;
import org.popcorn.api.Signups;
import org.popcorn.plugins.charity.CharityForms.ActivityForm;
import org.popcorn.plugins.charity.CharityForms.RoleForm;
import org.popcorn.plugins.charity.CharityForms.ShiftForm;
import org.popcorn.plugins.charity.CharityViews.Activity;
import org.popcorn.plugins.charity.CharityViews.Campaign;
import org.popcorn.plugins.charity.CharityViews.Mine;
import org.popcorn.plugins.charity.CharityViews.Page;
import org.popcorn.plugins.charity.CharityViews.Role;
import org.popcorn.plugins.charity.CharityViews.SeriesView;
import org.popcorn.plugins.charity.CharityViews.Shift;

/**
 * Activities of a campaign in a city, with their shifts and roles. Each role of a shift is a host sign-up pool
 * ({@code shift-<id>-<role>}): timed and exclusive, so a volunteer's places never overlap, with the role's minimum
 * level as eligibility. A proposal's pools stay closed until an organiser approves it. A role may carry a waiver
 * volunteers accept before signing up (see {@link Waivers}). An open-ended activity ({@code selfLoggedHours}) has its
 * volunteers log their own hours instead of being checked in and out (see {@link SelfLoggedHours}).
 */
final class Activities {

    static final String PUBLISHED = "PUBLISHED";

    /** The setting: minutes a volunteer keeps free between two shifts (0: back to back is fine). */
    static final String REST_SETTING = "rest-minutes";

    static final String PROPOSED = "PROPOSED";
    static final String REJECTED = "REJECTED";
    static final int MAX_SHIFTS = 60;

    private final PluginContext ctx;
    private final PluginJdbi db;
    private final Campaigns campaigns;
    private final Waivers waivers;
    final Notices notices;

    Activities(PluginContext ctx, PluginJdbi db, Campaigns campaigns, Waivers waivers) {
        this.ctx = ctx;
        this.db = db;
        this.campaigns = campaigns;
        this.waivers = waivers;
        this.notices = new Notices(ctx.notifications());
    }

    static String pool(long shiftId, String role) {
        return "shift-" + shiftId + "-" + role;
    }

    /** A stored activity row; {@code selfLoggedHours} when its volunteers log their own hours (an open-ended task). */
    record Row(long id, long campaignId, long cityId, String cause, String title, String description, String meetingPoint,
               int meetingMinutesBefore, String partnerName, String status, String decisionReason, long createdBy,
               Instant partnerApprovedAt, boolean selfLoggedHours) {
    }

    /** A stored shift with its roles; {@code seriesId} when it is one of a series (see {@link Series}). */
    record ShiftRow(long id, long activityId, Instant startsAt, Instant endsAt, Long seriesId) {
    }

    /** One shift entry of a request, checked: its shifts (one, or a series) and its roles. */
    private record Planned(List<Series.Occurrence> times, List<RoleForm> roles, Series.Repeat repeat) {
    }

    record RoleRow(long shiftId, String code, String name, int capacity, Integer minLevel) {
    }

    Activity create(long campaignId, ActivityForm f) {
        long me = ctx.currentMember().require();
        return createAs(me, f == null || f.cityId == null ? false : ctx.currentMember().organises(f.cityId), campaignId, f);
    }

    /** Creates an activity for {@code me}: live at once when {@code live} (an organiser's), else a proposal. */
    Activity createAs(long me, boolean live, long campaignId, ActivityForm f) {
        Campaign campaign = campaigns.get(campaignId, false);
        if (f == null) {
            throw PluginProblem.invalid("Send the activity as JSON.", null).withCode("charity.missing-body");
        }
        if (f.cityId == null || campaign.cities().stream().noneMatch(c -> c.cityId() == f.cityId)) {
            throw PluginProblem.invalid("Pick one of the campaign's cities.", "cityId").withCode("charity.city-not-in-campaign");
        }
        String cause = Check.code(f.cause, "cause");
        if (!campaign.causes().contains(cause)) {
            throw PluginProblem.invalid("Pick one of the campaign's causes: " + String.join(", ", campaign.causes()) + ".", "cause").withCode("charity.cause-not-in-campaign");
        }
        String title = Check.text(f.title, "title", 200, true);
        String description = Check.text(f.description, "description", 4000, false);
        String meetingPoint = Check.text(f.meetingPoint, "meetingPoint", 300, true);
        int meetingBefore = f.meetingMinutesBefore == null ? 15 : Check.range(f.meetingMinutesBefore, "meetingMinutesBefore", 0, 240);
        String partner = Check.text(f.partnerName, "partnerName", 200, false);
        boolean selfLogged = Boolean.TRUE.equals(f.selfLoggedHours); // absent: the lead checks volunteers in and out
        Cities.CityInfo city = ctx.cities().byId(f.cityId).orElseThrow();
        ZoneId zone = ZoneId.of(city.timeZone());
        List<ShiftForm> shifts = f.shifts == null ? List.of() : f.shifts;
        if (shifts.isEmpty() || shifts.size() > MAX_SHIFTS) {
            throw PluginProblem.invalid("Give 1 to " + MAX_SHIFTS + " shifts.", "shifts").withCode("charity.invalid-shift-count");
        }
        List<Planned> planned = new ArrayList<>();
        Map<String, Waivers.Wording> waiverOf = new LinkedHashMap<>();
        int total = 0;
        for (int i = 0; i < shifts.size(); i++) {
            ShiftForm s = shifts.get(i);
            if (s == null) {
                throw PluginProblem.invalid("A shift is an object with startsAt, endsAt and roles.", "shifts").withCode("charity.invalid-shift");
            }
            Instant start = Check.instant(s.startsAt, "shifts.startsAt");
            Instant end = Check.instant(s.endsAt, "shifts.endsAt");
            checkLength(start, end);
            LocalDate day = start.atZone(zone).toLocalDate();
            if (day.isBefore(campaign.startsOn()) || day.isAfter(campaign.endsOn())) {
                throw PluginProblem.invalid("Shifts take place during the campaign (" + campaign.startsOn() + " to " + campaign.endsOn()
                        + ", " + zone.getId() + ").", "shifts.startsAt").withCode("charity.shift-outside-campaign");
            }
            if (!start.isAfter(Instant.now(ctx.clock()))) {
                throw PluginProblem.invalid("A new shift starts in the future.", "shifts.startsAt").withCode("charity.shift-in-past");
            }
            Series.Repeat repeat = Series.check(s.repeat, i, start, zone, campaign.endsOn());
            List<Series.Occurrence> times = Series.expand(start, end, zone, repeat);
            times.forEach(o -> checkLength(o.startsAt(), o.endsAt())); // a clock change may lengthen one of a series
            total += times.size();
            List<RoleForm> roles = checkRoles(s.roles);
            waivers(roles, i, waiverOf);
            planned.add(new Planned(times, roles, repeat));
        }
        if (total > MAX_SHIFTS) {
            throw PluginProblem.invalid("Give 1 to " + MAX_SHIFTS + " shifts; the repetitions make " + total + ".", "shifts")
                    .withCode("charity.invalid-shift-count");
        }
        String status = live ? PUBLISHED : PROPOSED;
        long id = db.with(h -> {
            long aid = h.createUpdate("insert into charity_activity (campaign_id, city_id, cause, title, description, meeting_point, "
                            + "meeting_minutes_before, partner_name, status, created_by, created_at, self_logged_hours) "
                            + "values (:c, :city, :cause, :t, :d, :mp, :mb, :p, :s, :by, :at, :self)")
                    .bind("c", campaignId).bind("city", f.cityId).bind("cause", cause).bind("t", title).bind("d", description)
                    .bind("mp", meetingPoint).bind("mb", meetingBefore).bind("p", partner).bind("s", status).bind("by", me)
                    .bind("self", selfLogged)
                    .bind("at", PluginJdbi.ts(Instant.now(ctx.clock()))).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            for (Planned p : planned) {
                Long series = p.repeat() == null ? null
                        : h.createUpdate("insert into charity_series (activity_id, repeat_every, until_on) values (:a, :e, :u)")
                                .bind("a", aid).bind("e", p.repeat().every()).bind("u", p.repeat().until())
                                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                for (Series.Occurrence o : p.times()) {
                    long sid = h.createUpdate("insert into charity_shift (activity_id, starts_at, ends_at, series_id) values (:a, :s, :e, :sr)")
                            .bind("a", aid).bind("s", PluginJdbi.ts(o.startsAt())).bind("e", PluginJdbi.ts(o.endsAt())).bind("sr", series)
                            .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                    int position = 0;
                    for (RoleForm r : p.roles()) {
                        h.createUpdate("insert into charity_role (shift_id, code, name, capacity, min_level, position) values (?, ?, ?, ?, ?, ?)")
                                .bind(0, sid).bind(1, r.code).bind(2, r.name).bind(3, r.capacity).bind(4, r.minLevel).bind(5, position++)
                                .execute();
                    }
                }
            }
            return aid;
        });
        waiverOf.forEach((code, w) -> waivers.put(id, code, w, me)); // in this unit of work: a refused activity publishes nothing
        definePools(row(id));
        ctx.log().info("event=charity.activity-created activity=" + id + " campaign=" + campaignId + " city=" + f.cityId + " status=" + status);
        return view(row(id));
    }

    private static void checkLength(Instant start, Instant end) {
        if (!end.isAfter(start) || Duration.between(start, end).toHours() > 24) {
            throw PluginProblem.invalid("A shift ends after it starts, within 24 hours.", "shifts.endsAt").withCode("charity.invalid-shift-time");
        }
    }

    private static List<RoleForm> checkRoles(List<RoleForm> roles) {
        if (roles == null || roles.isEmpty()) {
            RoleForm helper = new RoleForm();
            helper.code = "helper";
            helper.name = "Helper";
            helper.capacity = 10;
            return List.of(helper);
        }
        if (roles.size() > 10) {
            throw PluginProblem.invalid("A shift has at most 10 roles.", "shifts.roles").withCode("charity.too-many-roles");
        }
        Set<String> codes = new HashSet<>();
        for (RoleForm r : roles) {
            if (r == null) {
                throw PluginProblem.invalid("A role is an object with code, name and capacity.", "shifts.roles").withCode("charity.invalid-role");
            }
            r.code = Check.code(r.code, "roles.code");
            if (!codes.add(r.code)) {
                throw PluginProblem.invalid("Each role of a shift has its own code.", "roles.code").withCode("charity.duplicate-role");
            }
            r.name = Check.text(r.name, "roles.name", 100, true);
            Check.range(r.capacity, "roles.capacity", 1, 500);
            if (r.minLevel != null) {
                Check.range(r.minLevel, "roles.minLevel", 1, 100);
            }
        }
        return roles;
    }

    /**
     * Each role's waiver as sent, into {@code into} by role code: one per role of the activity, so every shift that
     * gives the role one gives the same (a shift that gives none has the role's waiver too).
     */
    private static void waivers(List<RoleForm> roles, int shift, Map<String, Waivers.Wording> into) {
        for (int j = 0; j < roles.size(); j++) {
            RoleForm r = roles.get(j);
            String field = "shifts[" + shift + "].roles[" + j + "].waiver";
            Waivers.Wording w = Waivers.check(r.waiver, field, false);
            Waivers.Wording before = w == null ? null : into.putIfAbsent(r.code, w);
            if (before != null && !before.equals(w)) {
                throw PluginProblem.invalid("The role '" + r.code + "' has one waiver in every shift of the activity: give it once, or the "
                        + "same text in each shift.", field).withCode("charity.waiver-conflict");
            }
        }
    }

    /** Sets ({@code sent}) or removes the waiver of one of the activity's roles (see {@link Waivers#change}); answers the activity. */
    Activity changeWaiver(long id, String code, Map<String, String> sent, boolean remove) {
        Row a = row(id);
        waivers.change(a, code, sent, remove);
        return view(a);
    }

    /** (Re)defines the pools of every role of an activity: its time, title, eligibility, closed unless published. */
    private void definePools(Row a) {
        ZoneId zone = zone(a.cityId());
        // The rest a volunteer keeps free around a shift (setting "rest-minutes"), within what the SDK allows.
        java.time.Duration rest = java.time.Duration.ofMinutes(Math.max(0, Math.min(ctx.settings().getLong(REST_SETTING),
                Signups.PoolSpec.MAX_REST.toMinutes())));
        for (ShiftRow s : shifts(a.id())) {
            for (RoleRow r : roles(s.id())) {
                Signups.Eligibility rules = r.minLevel() == null ? Signups.Eligibility.ANYONE : Signups.Eligibility.minLevel(r.minLevel());
                ctx.signups().define(pool(s.id(), r.code()), Signups.PoolSpec.capacity(r.capacity())
                        .withExclusiveTime(s.startsAt(), s.endsAt(), zone).withTitle(a.title() + " \u00b7 " + r.name())
                        .withEligibility(rules).withClosed(!PUBLISHED.equals(a.status())).withMinRest(rest));
            }
        }
    }

    ZoneId zone(long cityId) {
        return ctx.cities().byId(cityId).map(c -> ZoneId.of(c.timeZone())).orElse(java.time.ZoneOffset.UTC);
    }

    Row row(long id) {
        return db.with(h -> h.createQuery("select * from charity_activity where id = :id").bind("id", id)
                .map((rs, c) -> new Row(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("city_id"), rs.getString("cause"),
                        rs.getString("title"), rs.getString("description"), rs.getString("meeting_point"), rs.getInt("meeting_minutes_before"),
                        rs.getString("partner_name"), rs.getString("status"), rs.getString("decision_reason"), rs.getLong("created_by"),
                        PluginJdbi.instant(rs, "partner_approved_at"), rs.getBoolean("self_logged_hours")))
                .findOne()).orElseThrow(() -> PluginProblem.notFound("No activity " + id + ".").withCode("charity.activity-not-found"));
    }

    List<ShiftRow> shifts(long activityId) {
        return db.with(h -> h.createQuery("select * from charity_shift where activity_id = :a order by starts_at, id").bind("a", activityId)
                .map((rs, c) -> new ShiftRow(rs.getLong("id"), rs.getLong("activity_id"), PluginJdbi.instant(rs, "starts_at"), PluginJdbi.instant(rs, "ends_at"),
                        rs.getObject("series_id", Long.class)))
                .list());
    }

    Optional<ShiftRow> shift(long shiftId) {
        return db.with(h -> h.createQuery("select * from charity_shift where id = :s").bind("s", shiftId)
                .map((rs, c) -> new ShiftRow(rs.getLong("id"), rs.getLong("activity_id"), PluginJdbi.instant(rs, "starts_at"), PluginJdbi.instant(rs, "ends_at"),
                        rs.getObject("series_id", Long.class)))
                .findOne());
    }

    List<RoleRow> roles(long shiftId) {
        return db.with(h -> h.createQuery("select * from charity_role where shift_id = :s order by position").bind("s", shiftId)
                .map((rs, c) -> new RoleRow(rs.getLong("shift_id"), rs.getString("code"), rs.getString("name"), rs.getInt("capacity"),
                        (Integer) rs.getObject("min_level")))
                .list());
    }

    /** Whether the caller may see this activity: published ones anyone; proposals their author and the city's organisers. */
    private boolean visible(Row a) {
        if (PUBLISHED.equals(a.status())) {
            return true;
        }
        Optional<Long> me = ctx.currentMember().id();
        return me.isPresent() && (me.get() == a.createdBy() || ctx.currentMember().organises(a.cityId()));
    }

    /** Whether the caller runs this shift: an organiser of the city, or a confirmed team lead of the shift. */
    boolean leads(Row a, long shiftId) {
        Optional<Long> me = ctx.currentMember().id();
        if (me.isEmpty()) {
            return false;
        }
        if (ctx.currentMember().organises(a.cityId())) {
            return true;
        }
        return roles(shiftId).stream().anyMatch(r -> r.code().equals("lead"))
                && ctx.signups().placeOf(pool(shiftId, "lead"), me.get()).filter(p -> p.status() == Signups.Status.CONFIRMED).isPresent();
    }

    Activity view(long id) {
        Row a = row(id);
        if (!visible(a)) {
            throw PluginProblem.notFound("No activity " + id + ".").withCode("charity.activity-not-found");
        }
        return view(a);
    }

    Activity view(Row a) {
        ZoneId zone = zone(a.cityId());
        String cityName = ctx.cities().byId(a.cityId()).map(Cities.CityInfo::name).orElse("?");
        List<ShiftRow> shifts = shifts(a.id());
        Map<Long, List<RoleRow>> roles = new HashMap<>();
        List<String> pools = new ArrayList<>();
        for (ShiftRow s : shifts) {
            List<RoleRow> rs = roles(s.id());
            roles.put(s.id(), rs);
            rs.forEach(r -> pools.add(pool(s.id(), r.code())));
        }
        Map<String, Signups.Pool> counts = ctx.signups().pools(pools);
        Map<String, Waivers.Stored> waiverOf = waivers.of(a.id());
        Map<String, Integer> accepted = waiverOf.isEmpty() ? Map.of() : ctx.currentMember().id().map(waivers::acceptedBy).orElse(Map.of());
        Map<String, Signups.Place> mine = new HashMap<>();
        ctx.currentMember().id().ifPresent(me -> ctx.signups().placesOf(me).forEach(p -> mine.put(p.pool(), p)));
        boolean manage = false;
        List<Shift> out = new ArrayList<>();
        for (ShiftRow s : shifts) {
            List<Role> rv = new ArrayList<>();
            for (RoleRow r : roles.get(s.id())) {
                String key = pool(s.id(), r.code());
                Signups.Pool c = counts.get(key);
                Signups.Place p = mine.get(key);
                Waivers.Stored w = waiverOf.get(r.code());
                rv.add(new Role(r.code(), r.name(), r.capacity(), c == null ? 0 : c.taken(), c == null ? 0 : c.waitingParties(), r.minLevel(),
                        p == null ? null : new Mine(p.status().name(), p.waitingPosition()),
                        w == null ? null : w.view(accepted.get(Waivers.purpose(a.id(), r.code())))));
            }
            manage = manage || leads(a, s.id());
            out.add(new Shift(s.id(), a.id(), s.startsAt(), s.endsAt(), s.startsAt().minus(Duration.ofMinutes(a.meetingMinutesBefore())),
                    zone.getId(), rv, s.seriesId()));
        }
        return new Activity(a.id(), a.campaignId(), a.cityId(), cityName, zone.getId(), a.cause(), a.title(), a.description(),
                a.meetingPoint(), a.meetingMinutesBefore(), a.partnerName(), a.partnerName() != null && a.partnerApprovedAt() != null,
                a.partnerName() == null ? null : a.partnerApprovedAt(), a.status(), a.decisionReason(), manage, out, series(a.id(), shifts),
                a.selfLoggedHours());
    }

    /** The activity's series, each with how many of its shifts there are and when the first starts. */
    private List<SeriesView> series(long activityId, List<ShiftRow> shifts) {
        return db.with(h -> h.createQuery("select id, repeat_every, until_on from charity_series where activity_id = :a order by id")
                .bind("a", activityId).map((rs, c) -> {
                    long id = rs.getLong("id");
                    List<ShiftRow> mine = shifts.stream().filter(s -> s.seriesId() != null && s.seriesId() == id).toList();
                    return new SeriesView(id, rs.getString("repeat_every"), rs.getObject("until_on", LocalDate.class), mine.size(),
                            mine.isEmpty() ? null : mine.get(0).startsAt());
                }).list());
    }

    Page<Activity> list(long campaignId, Long cityId, int page, int size) {
        campaigns.get(campaignId, false);
        String where = "from charity_activity a where a.campaign_id = :c and a.status = 'PUBLISHED'" + (cityId == null ? "" : " and a.city_id = :city");
        return db.with(h -> {
            var count = h.createQuery("select count(*) " + where).bind("c", campaignId);
            var ids = h.createQuery("select a.id " + where + " order by (select min(s.starts_at) from charity_shift s where s.activity_id = a.id), a.id "
                    + "limit :s offset :o").bind("c", campaignId).bind("s", size).bind("o", (long) page * size);
            if (cityId != null) {
                count.bind("city", cityId);
                ids.bind("city", cityId);
            }
            long total = count.mapTo(Long.class).one();
            List<Activity> items = new ArrayList<>();
            for (long id : ids.mapTo(Long.class).list()) {
                items.add(view(row(id)));
            }
            return new Page<>(items, total, page, size);
        });
    }

    /** Proposals in the cities the caller organises, oldest first. */
    List<Activity> proposals() {
        ctx.currentMember().require();
        if (!ctx.currentMember().isOrganiser()) {
            throw PluginProblem.forbidden("Only organisers review proposals.").withCode("charity.organiser-required");
        }
        List<Long> ids = db.with(h -> h.createQuery("select id from charity_activity where status = 'PROPOSED' order by created_at, id limit 500")
                .mapTo(Long.class).list());
        List<Activity> out = new ArrayList<>();
        for (long id : ids) {
            Row a = row(id);
            if (ctx.currentMember().organises(a.cityId())) {
                out.add(view(a));
            }
        }
        return out;
    }

    Activity decide(long id, boolean approve, String reason) {
        ctx.currentMember().require(); // 401 for an anonymous caller, before anything about the activity is said
        Row a = row(id);
        if (!ctx.currentMember().organises(a.cityId())) {
            throw PluginProblem.forbidden("Only an organiser of this city decides its proposals.").withCode("charity.organiser-required");
        }
        String why = Check.text(reason, "reason", 500, !approve);
        int changed = db.with(h -> h.createUpdate("update charity_activity set status = :to, decision_reason = :r where id = :id and status = 'PROPOSED'")
                .bind("to", approve ? PUBLISHED : REJECTED).bind("r", why).bind("id", id).execute());
        if (changed == 0) {
            throw PluginProblem.conflict("Only a proposal can be decided; this activity is " + a.status().toLowerCase() + ".", "status")
                    .withCode("charity.not-a-proposal");
        }
        Row now = row(id);
        if (approve) {
            definePools(now);
        }
        notices.reviewed(a, approve, why);
        ctx.log().info("event=charity.activity-" + (approve ? "approved" : "rejected") + " activity=" + id + " by=" + ctx.currentMember().require());
        return view(now);
    }
}
