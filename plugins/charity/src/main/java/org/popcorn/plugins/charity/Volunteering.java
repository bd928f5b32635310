package org.popcorn.plugins.charity;

import org.popcorn.plugins.support.PluginJdbi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.popcorn.api.PluginContext;
import org.popcorn.api.PluginProblem;
import org.popcorn.api.Signups;
import org.popcorn.plugins.charity.Activities.RoleRow;
import org.popcorn.plugins.charity.Activities.Row;
import org.popcorn.plugins.charity.Activities.ShiftRow;
import org.popcorn.plugins.charity.CharityViews.Hours;
import org.popcorn.plugins.charity.CharityViews.MyShift;
import org.popcorn.plugins.charity.CharityViews.MyShifts;
import org.popcorn.plugins.charity.CharityViews.SignupView;

/**
 * Volunteers signing up for a role of a shift and cancelling. The host's pools keep the capacity, the waiting list and
 * the no-overlap rule; this class adds the charity's rules: published activities only, not after the start, the
 * role's waiver accepted in its current version (see {@link Waivers}), and self-cancellation closing
 * {@code cancel-hours} before it.
 */
final class Volunteering {

    private final PluginContext ctx;
    private final PluginJdbi db;
    private final Activities activities;
    private final Waivers waivers;

    Volunteering(PluginContext ctx, PluginJdbi db, Activities activities, Waivers waivers) {
        this.ctx = ctx;
        this.db = db;
        this.activities = activities;
        this.waivers = waivers;
    }

    private record Target(Row activity, ShiftRow shift, RoleRow role) {
    }

    private Target target(long shiftId, String code) {
        ShiftRow s = activities.shift(shiftId).orElseThrow(() -> PluginProblem.notFound("No shift " + shiftId + ".").withCode("charity.shift-not-found"));
        RoleRow r = activities.roles(shiftId).stream().filter(x -> x.code().equals(code)).findFirst()
                .orElseThrow(() -> PluginProblem.notFound("This shift has no role '" + code + "'.").withCode("charity.role-not-found"));
        return new Target(activities.row(s.activityId()), s, r);
    }

    /** Signs the caller up for a role; {@code acceptWaiverVersion} is the version of the role's waiver they accept (null: none sent). */
    SignupView signUp(long shiftId, String code, Integer groupSize, Integer acceptWaiverVersion) {
        long me = ctx.currentMember().require();
        long max = ctx.settings().getLong("max-group");
        int group = groupSize == null ? 1 : groupSize;
        if (group < 1 || group > max) {
            throw PluginProblem.invalid("A group is 1 to " + max + " people (you and those you bring).", "groupSize").withCode("charity.invalid-group-size");
        }
        Target t = target(shiftId, code);
        if (!Activities.PUBLISHED.equals(t.activity().status())) {
            throw PluginProblem.conflict("Sign-up opens when the activity is published.", "status").withCode("charity.not-published");
        }
        if (!Instant.now(ctx.clock()).isBefore(t.shift().startsAt())) {
            throw PluginProblem.conflict("This shift has started.", "startsAt").withCode("charity.shift-started");
        }
        // checked before anything is written; recorded after the join, so a refused join (an overlap, a requirement)
        // records no acceptance, and in this unit of work, so a failure after it undoes the place as well
        Optional<Waivers.Acceptance> waiver = waivers.required(t.activity().id(), code, me, acceptWaiverVersion);
        Signups.Place p = ctx.signups().join(Activities.pool(shiftId, code), me, group); // a group takes and waits for places together
        waiver.ifPresent(waivers::record);
        ctx.log().info("event=charity.signed-up shift=" + shiftId + " role=" + code + " member=" + me + " status=" + p.status());
        return new SignupView(shiftId, code, p.status().name(), p.waitingPosition(), p.partySize());
    }

    void cancel(long shiftId, String code) {
        long me = ctx.currentMember().require();
        Target t = target(shiftId, code);
        String pool = Activities.pool(shiftId, code);
        Optional<Signups.Place> held = ctx.signups().placeOf(pool, me);
        if (held.isEmpty()) {
            return; // cancelling twice changes nothing
        }
        long hours = ctx.settings().getLong("cancel-hours");
        if (held.get().status() != Signups.Status.WAITING && Instant.now(ctx.clock()).isAfter(t.shift().startsAt().minus(Duration.ofHours(hours)))) {
            throw PluginProblem.conflict("Cancelling closes " + hours + " hours before the shift; please tell your team lead instead.",
                    "startsAt").withCode("charity.cancel-closed");
        }
        List<Signups.Place> promoted = ctx.signups().leave(pool, me);
        for (Signups.Place p : promoted) {
            activities.notices.placeIsYours(p.memberId(), t.activity(), t.role().name());
        }
        ctx.log().info("event=charity.cancelled shift=" + shiftId + " role=" + code + " member=" + me + " promoted=" + promoted.size());
    }

    MyShifts mine() {
        long me = ctx.currentMember().require();
        List<Signups.Place> places = ctx.signups().placesOf(me);
        Map<Long, Hours> hours = new HashMap<>();
        db.with(h -> h.createQuery("select shift_id, minutes, status from charity_hours where member_id = :m").bind("m", me)
                .map((rs, c) -> hours.put(rs.getLong(1), new Hours((Integer) rs.getObject(2), rs.getString(3)))).list());
        List<MyShift> items = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (Signups.Place p : places) {
            String[] parts = p.pool().split("-", 3); // shift-<id>-<role>
            if (parts.length != 3 || !parts[0].equals("shift")) {
                continue;
            }
            long shiftId = Long.parseLong(parts[1]);
            seen.add(shiftId);
            items.add(item(shiftId, parts[2], p.status().name(), p.waitingPosition(), hours.get(shiftId)));
        }
        // shifts with recorded hours whose place is gone (e.g. the pool of a past shift was cleaned up) still count
        for (Map.Entry<Long, Hours> e : hours.entrySet()) {
            if (!seen.contains(e.getKey())) {
                String role = db.with(h -> h.createQuery("select role_code from charity_hours where shift_id = :s and member_id = :m")
                        .bind("s", e.getKey()).bind("m", me).mapTo(String.class).one());
                items.add(item(e.getKey(), role, "CONFIRMED", null, e.getValue()));
            }
        }
        items.sort(java.util.Comparator.comparing(MyShift::startsAt).reversed());
        long verified = hours.values().stream().filter(x -> "VERIFIED".equals(x.status()) && x.minutes() != null).mapToLong(Hours::minutes).sum();
        long pending = hours.values().stream().filter(x -> "PENDING".equals(x.status()) && x.minutes() != null).mapToLong(Hours::minutes).sum();
        return new MyShifts(items, verified, pending);
    }

    /** One of the caller's shifts as "my shifts" lists it (also the answer to logging one's own hours). */
    MyShift item(long shiftId, String code, String status, Integer position, Hours hours) {
        ShiftRow s = activities.shift(shiftId).orElseThrow();
        Row a = activities.row(s.activityId());
        String roleName = activities.roles(shiftId).stream().filter(r -> r.code().equals(code)).map(RoleRow::name).findFirst().orElse(code);
        String zone = activities.zone(a.cityId()).getId();
        String city = ctx.cities().byId(a.cityId()).map(c -> c.name()).orElse("?");
        return new MyShift(shiftId, a.id(), a.title(), city, zone, s.startsAt(), s.endsAt(),
                s.startsAt().minus(Duration.ofMinutes(a.meetingMinutesBefore())), a.meetingPoint(), code, roleName, status, position, hours,
                a.selfLoggedHours());
    }
}
