package org.popcorn.plugins.charity;

import org.popcorn.api.Message;
import org.popcorn.plugins.support.Check;

import org.popcorn.plugins.support.PluginJdbi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.popcorn.api.Members;
import org.popcorn.api.PluginContext;
import org.popcorn.api.PluginProblem;
import org.popcorn.api.Signups;
import org.popcorn.plugins.charity.Activities.RoleRow;
import org.popcorn.plugins.charity.Activities.Row;
import org.popcorn.plugins.charity.Activities.ShiftRow;
import org.popcorn.plugins.charity.CharityForms.HoursForm;
import org.popcorn.plugins.charity.CharityViews.Change;
import org.popcorn.plugins.charity.CharityViews.Roster;
import org.popcorn.plugins.charity.CharityViews.RosterActivity;
import org.popcorn.plugins.charity.CharityViews.RosterEntry;

/**
 * The day and after: the lead checks volunteers in and out, then verifies each one's hours (or marks a no-show).
 * Every change of a figure or a status is kept with who made it and why; verified hours pay points once (a later
 * correction pays or takes back the difference) and count toward the hour badges. In an open-ended activity the
 * volunteers log their own hours instead ({@link SelfLoggedHours}): nobody is checked in or out, and the lead verifies
 * the logged figures here like checked-out ones.
 */
final class HoursService {

    static final String PENDING = "PENDING";
    static final String VERIFIED = "VERIFIED";
    static final String NO_SHOW = "NO_SHOW";
    static final String MINUTES_KIND = "charity-minutes";

    private final PluginContext ctx;
    private final PluginJdbi db;
    private final Activities activities;

    HoursService(PluginContext ctx, PluginJdbi db, Activities activities) {
        this.ctx = ctx;
        this.db = db;
        this.activities = activities;
    }

    /** A volunteer's hours row of a shift. */
    record Entry(long memberId, String role, Instant in, Instant out, Integer minutes, String status, int pointsPaid) {
    }

    private record Lead(Row activity, ShiftRow shift, List<RoleRow> roles) {
    }

    private Lead lead(long shiftId) {
        ctx.currentMember().require();
        ShiftRow s = activities.shift(shiftId).orElseThrow(() -> PluginProblem.notFound("No shift " + shiftId + ".").withCode("charity.shift-not-found"));
        Row a = activities.row(s.activityId());
        if (!activities.leads(a, shiftId)) {
            throw PluginProblem.forbidden("Only this shift's team lead or an organiser of the city runs it.").withCode("charity.team-lead-required");
        }
        return new Lead(a, s, activities.roles(shiftId));
    }

    /** The role in which the member holds a confirmed place in this shift. */
    private String confirmedRole(Lead l, long memberId) {
        for (RoleRow r : l.roles()) {
            Optional<Signups.Place> p = ctx.signups().placeOf(Activities.pool(l.shift().id(), r.code()), memberId);
            if (p.isPresent() && p.get().status() == Signups.Status.CONFIRMED) {
                return r.code();
            }
        }
        throw PluginProblem.conflict("This member has no confirmed place in the shift.", "memberId").withCode("charity.not-on-roster");
    }

    Optional<Entry> entry(long shiftId, long memberId, boolean lock) {
        return db.with(h -> h.createQuery("select * from charity_hours where shift_id = :s and member_id = :m" + (lock ? " for update" : ""))
                .bind("s", shiftId).bind("m", memberId)
                .map((rs, c) -> new Entry(rs.getLong("member_id"), rs.getString("role_code"), PluginJdbi.instant(rs, "checked_in_at"),
                        PluginJdbi.instant(rs, "checked_out_at"), (Integer) rs.getObject("minutes"), rs.getString("status"), rs.getInt("points_paid")))
                .findOne());
    }

    /** Volunteers of an open-ended activity log their own time: a check-in or -out would clash with their figure. */
    private static void notSelfLogged(Lead l) {
        if (l.activity().selfLoggedHours()) {
            throw PluginProblem.conflict("Volunteers log their own hours in this open-ended activity; verify them instead of "
                    + "checking anyone in or out.", "selfLoggedHours").withCode("charity.self-logged-shift");
        }
    }

    RosterEntry checkIn(long shiftId, Long memberId) {
        Lead l = lead(shiftId);
        notSelfLogged(l);
        long member = requireMember(memberId);
        Instant now = Instant.now(ctx.clock());
        if (now.isBefore(l.shift().startsAt().minus(Duration.ofHours(3))) || now.isAfter(l.shift().endsAt().plus(Duration.ofHours(24)))) {
            throw PluginProblem.conflict("Check-in opens 3 hours before the shift and closes a day after it.", "startsAt")
                    .withCode("charity.check-in-closed");
        }
        String role = confirmedRole(l, member);
        Optional<Entry> e = entry(shiftId, member, true);
        if (e.isEmpty()) {
            db.with(h -> h.createUpdate("insert into charity_hours (shift_id, member_id, role_code, checked_in_at) values (:s, :m, :r, :at)")
                    .bind("s", shiftId).bind("m", member).bind("r", role).bind("at", PluginJdbi.ts(now)).execute());
        } else if (e.get().in() == null) {
            db.with(h -> h.createUpdate("update charity_hours set checked_in_at = :at where shift_id = :s and member_id = :m")
                    .bind("s", shiftId).bind("m", member).bind("at", PluginJdbi.ts(now)).execute());
        }
        ctx.log().info("event=charity.checked-in shift=" + shiftId + " member=" + member + " by=" + ctx.currentMember().require());
        return rosterEntry(l, member);
    }

    RosterEntry checkOut(long shiftId, Long memberId) {
        Lead l = lead(shiftId);
        notSelfLogged(l);
        long member = requireMember(memberId);
        Entry e = entry(shiftId, member, true).filter(x -> x.in() != null)
                .orElseThrow(() -> PluginProblem.conflict("Check the volunteer in first.", "memberId").withCode("charity.not-checked-in"));
        if (e.out() != null) {
            return rosterEntry(l, member);
        }
        Instant now = Instant.now(ctx.clock());
        int minutes = (int) Math.min(1440, Math.max(0, Duration.between(e.in(), now).toMinutes()));
        db.with(h -> h.createUpdate("update charity_hours set checked_out_at = :at, minutes = :min, status = :st where shift_id = :s and member_id = :m")
                .bind("at", PluginJdbi.ts(now)).bind("min", minutes).bind("st", PENDING).bind("s", shiftId).bind("m", member).execute());
        record(shiftId, member, e.minutes(), minutes, e.status(), PENDING, "Checked out");
        return rosterEntry(l, member);
    }

    /** The lead verifies, corrects or marks a no-show; a reason is needed whenever a figure changes or a verified entry is reopened. */
    RosterEntry setHours(long shiftId, long member, HoursForm f) {
        Lead l = lead(shiftId);
        long me = ctx.currentMember().require();
        if (f == null || f.status == null || !(f.status.equals(VERIFIED) || f.status.equals(NO_SHOW))) {
            throw PluginProblem.invalid("The status is VERIFIED or NO_SHOW.", "status").withCode("charity.invalid-hours-status");
        }
        Optional<Entry> current = entry(shiftId, member, true);
        String role = current.map(Entry::role).orElseGet(() -> confirmedRole(l, member));
        int shiftMinutes = (int) Duration.between(l.shift().startsAt(), l.shift().endsAt()).toMinutes();
        Integer before = current.map(Entry::minutes).orElse(null);
        String statusBefore = current.map(Entry::status).orElse(null);
        int minutes;
        if (f.status.equals(NO_SHOW)) {
            minutes = 0;
        } else if (f.minutes != null) {
            minutes = Check.range(f.minutes, "minutes", 0, 1440);
        } else {
            minutes = before != null ? before : shiftMinutes; // forgot to check out: the shift's length, for the lead to approve
        }
        String reason = Check.text(f.reason, "reason", 500, false);
        if (f.status.equals(statusBefore) && before != null && before == minutes) {
            return rosterEntry(l, member); // nothing changes (a repeated approval from the phone, too): nothing to explain
        }
        boolean plainApproval = f.status.equals(VERIFIED) && PENDING.equals(statusBefore) && before != null && before == minutes;
        if (reason == null && !plainApproval) {
            throw PluginProblem.invalid("Say why: the hours or the status change from what was recorded.", "reason").withCode("charity.reason-required");
        }
        if (current.isEmpty()) {
            db.with(h -> h.createUpdate("insert into charity_hours (shift_id, member_id, role_code, minutes, status) values (:s, :m, :r, :min, :st)")
                    .bind("s", shiftId).bind("m", member).bind("r", role).bind("min", minutes).bind("st", f.status).execute());
        } else {
            db.with(h -> h.createUpdate("update charity_hours set minutes = :min, status = :st where shift_id = :s and member_id = :m")
                    .bind("min", minutes).bind("st", f.status).bind("s", shiftId).bind("m", member).execute());
        }
        long change = record(shiftId, member, before, minutes, statusBefore, f.status, reason == null ? "Approved" : reason);
        pay(l, member, current.map(Entry::pointsPaid).orElse(0), VERIFIED.equals(statusBefore) && before != null ? before : 0,
                f.status.equals(VERIFIED) ? minutes : 0, change);
        ctx.log().info("event=charity.hours shift=" + shiftId + " member=" + member + " status=" + f.status + " minutes=" + minutes + " by=" + me);
        return rosterEntry(l, member);
    }

    /** Pays the difference between what the verified minutes are worth and what was paid; moves the minutes counter. */
    private void pay(Lead l, long member, int paid, int verifiedBefore, int verifiedNow, long change) {
        long perHour = ctx.settings().getLong("points-per-hour");
        int worth = (int) (verifiedNow * perHour / 60);
        if (worth != paid) {
            ctx.rewards().awardPoints(member, worth - paid, (worth > paid
                    ? Message.of("points.hours", "Volunteer hours: {title}") : Message.of("points.hours-corrected", "Volunteer hours corrected: {title}"))
                    .with("title", l.activity().title()), "hours-" + l.shift().id() + "-" + member + "-" + change);
            db.with(h -> h.createUpdate("update charity_hours set points_paid = :p where shift_id = :s and member_id = :m")
                    .bind("p", worth).bind("s", l.shift().id()).bind("m", member).execute());
        }
        if (verifiedNow != verifiedBefore) {
            ctx.rewards().recordActivity(member, MINUTES_KIND, verifiedNow - verifiedBefore);
        }
        if (verifiedNow > 0) {
            activities.notices.hoursVerified(member, l.activity(), verifiedNow);
        }
    }

    /** Adds a change to the entry's history, made by the caller; answers its id (which keys the points paid for it). */
    long record(long shiftId, long member, Integer fromMinutes, Integer toMinutes, String fromStatus, String toStatus, String reason) {
        long by = ctx.currentMember().require();
        return db.with(h -> h.createUpdate("insert into charity_hours_change (shift_id, member_id, changed_at, changed_by, from_minutes, to_minutes, "
                        + "from_status, to_status, reason) values (:s, :m, :at, :by, :fm, :tm, :fs, :ts, :r)")
                .bind("s", shiftId).bind("m", member).bind("at", PluginJdbi.ts(Instant.now(ctx.clock()))).bind("by", by).bind("fm", fromMinutes)
                .bind("tm", toMinutes).bind("fs", fromStatus).bind("ts", toStatus).bind("r", reason)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    private static long requireMember(Long memberId) {
        if (memberId == null) {
            throw PluginProblem.invalid("Give the memberId.", "memberId").withCode("charity.missing-field");
        }
        return memberId;
    }

    Roster roster(long shiftId) {
        Lead l = lead(shiftId);
        List<RosterEntry> entries = new ArrayList<>();
        java.util.Set<Long> listed = new java.util.HashSet<>();
        for (RoleRow r : l.roles()) {
            for (Signups.Place p : ctx.signups().places(Activities.pool(shiftId, r.code()), Signups.Status.CONFIRMED, 0, 500)) {
                if (listed.add(p.memberId())) {
                    entries.add(rosterEntry(l, p.memberId()));
                }
            }
        }
        for (long m : db.with(h -> h.createQuery("select member_id from charity_hours where shift_id = :s order by member_id")
                .bind("s", shiftId).mapTo(Long.class).list())) {
            if (listed.add(m)) {
                entries.add(rosterEntry(l, m)); // hours of someone who has since left the roster stay visible
            }
        }
        String city = ctx.cities().byId(l.activity().cityId()).map(c -> c.name()).orElse("?");
        String zone = activities.zone(l.activity().cityId()).getId();
        CharityViews.Shift shift = activities.view(l.activity()).shifts().stream().filter(s -> s.id() == shiftId).findFirst().orElseThrow();
        return new Roster(shift, new RosterActivity(l.activity().id(), l.activity().title(), city, zone, l.activity().meetingPoint(),
                l.activity().selfLoggedHours()), entries);
    }

    private RosterEntry rosterEntry(Lead l, long member) {
        Optional<Entry> e = entry(l.shift().id(), member, false);
        String role = e.map(Entry::role).orElse(null);
        String status = null;
        for (RoleRow r : l.roles()) {
            Optional<Signups.Place> p = ctx.signups().placeOf(Activities.pool(l.shift().id(), r.code()), member);
            if (p.isPresent()) {
                role = r.code();
                status = p.get().status().name();
                break;
            }
        }
        Map<Long, String> handles = new HashMap<>();
        List<Change> history = db.with(h -> h.createQuery("select * from charity_hours_change where shift_id = :s and member_id = :m order by id")
                .bind("s", l.shift().id()).bind("m", member)
                .map((rs, c) -> new Change(PluginJdbi.instant(rs, "changed_at"), handles.computeIfAbsent(rs.getLong("changed_by"), this::handle),
                        (Integer) rs.getObject("from_minutes"), (Integer) rs.getObject("to_minutes"), rs.getString("from_status"),
                        rs.getString("to_status"), rs.getString("reason"))).list());
        Optional<Members.MemberInfo> info = ctx.members().byId(member);
        return new RosterEntry(member, info.map(Members.MemberInfo::handle).orElse("former-member"),
                info.map(Members.MemberInfo::displayName).orElse("Former member"), role, status, e.map(Entry::in).orElse(null),
                e.map(Entry::out).orElse(null), e.map(Entry::minutes).orElse(null), e.map(Entry::status).orElse(null), history);
    }

    private String handle(long memberId) {
        return ctx.members().byId(memberId).map(Members.MemberInfo::handle).orElse("former-member");
    }
}
