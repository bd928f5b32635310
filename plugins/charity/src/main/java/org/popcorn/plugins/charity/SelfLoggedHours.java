package org.popcorn.plugins.charity;

import org.popcorn.plugins.support.Check;
import org.popcorn.plugins.support.PluginJdbi;

import java.time.Instant;
import java.util.Optional;
import org.popcorn.api.PluginContext;
import org.popcorn.api.PluginProblem;
import org.popcorn.api.Signups;
import org.popcorn.plugins.charity.Activities.RoleRow;
import org.popcorn.plugins.charity.Activities.Row;
import org.popcorn.plugins.charity.Activities.ShiftRow;
import org.popcorn.plugins.charity.CharityForms.MyHoursForm;
import org.popcorn.plugins.charity.CharityViews.Hours;
import org.popcorn.plugins.charity.CharityViews.MyShift;

/**
 * Hours volunteers log themselves, for the shifts of an open-ended activity ({@code selfLoggedHours}: sorting
 * donations, translating leaflets at home), where there is no door for a lead to check anyone in at.
 *
 * <p>Only a volunteer with a confirmed place, and only once the shift has started (time not yet given cannot be
 * logged). The figure is written to the same hours row a check-out writes, as {@code PENDING}, so the lead sees it on
 * the roster and verifies, adjusts or marks a no-show through {@link HoursService#setHours}, the one path that pays
 * points: logging never pays. Logging again while pending replaces the figure; every log is a change in the entry's
 * history, made by the volunteer, with their note as its reason, so the lead sees what was claimed and when. Once the
 * lead has decided (verified or no-show) the figure is no longer the volunteer's to change: a correction is then the
 * lead's, with a reason.
 */
final class SelfLoggedHours {

    static final int MAX_MINUTES = 24 * 60;

    /** The history's reason for a log without a note (the column needs one; shown as is, like "Checked out"). */
    static final String NO_NOTE = "Logged by the volunteer";

    private final PluginContext ctx;
    private final PluginJdbi db;
    private final Activities activities;
    private final HoursService hours;
    private final Volunteering volunteering;

    SelfLoggedHours(PluginContext ctx, PluginJdbi db, Activities activities, HoursService hours, Volunteering volunteering) {
        this.ctx = ctx;
        this.db = db;
        this.activities = activities;
        this.hours = hours;
        this.volunteering = volunteering;
    }

    /** The caller logs (or, while pending, replaces) their minutes for a shift; answers the shift as "my shifts" lists it. */
    MyShift log(long shiftId, MyHoursForm f) {
        long me = ctx.currentMember().require();
        ShiftRow s = activities.shift(shiftId).orElseThrow(() -> PluginProblem.notFound("No shift " + shiftId + ".").withCode("charity.shift-not-found"));
        Row a = activities.row(s.activityId());
        if (!a.selfLoggedHours()) {
            throw PluginProblem.conflict("The team lead checks volunteers in and out of this shift; only open-ended activities "
                    + "have hours logged by the volunteers.", "selfLoggedHours").withCode("charity.not-self-logged");
        }
        String role = confirmedRole(shiftId, me);
        if (Instant.now(ctx.clock()).isBefore(s.startsAt())) {
            throw PluginProblem.conflict("Hours are logged once the shift has started.", "startsAt").withCode("charity.shift-not-started");
        }
        if (f == null) {
            throw PluginProblem.invalid("Send {\"minutes\": …, \"note\": …} as JSON.", null).withCode("charity.missing-body");
        }
        if (f.minutes == null || f.minutes < 1 || f.minutes > MAX_MINUTES) {
            throw PluginProblem.invalid("Give the minutes you worked, 1 to " + MAX_MINUTES + ".", "minutes").withCode("charity.invalid-minutes");
        }
        int minutes = f.minutes;
        String note = Check.text(f.note, "note", 500, false);
        Optional<HoursService.Entry> current = hours.entry(shiftId, me, true);
        String statusBefore = current.map(HoursService.Entry::status).orElse(null);
        Integer before = current.map(HoursService.Entry::minutes).orElse(null);
        if (HoursService.VERIFIED.equals(statusBefore) || HoursService.NO_SHOW.equals(statusBefore)) {
            throw PluginProblem.conflict("The team lead has already " + (HoursService.VERIFIED.equals(statusBefore) ? "verified" : "marked")
                    + " these hours; ask them to correct the figure.", "status").withCode("charity.hours-already-verified");
        }
        if (HoursService.PENDING.equals(statusBefore) && before != null && before == minutes && (note == null || note.equals(lastReason(shiftId, me)))) {
            return answer(shiftId, role, minutes); // the same log again (a retried request) adds nothing to the history
        }
        if (current.isEmpty()) {
            db.with(h -> h.createUpdate("insert into charity_hours (shift_id, member_id, role_code, minutes, status) values (:s, :m, :r, :min, :st)")
                    .bind("s", shiftId).bind("m", me).bind("r", role).bind("min", minutes).bind("st", HoursService.PENDING).execute());
        } else {
            db.with(h -> h.createUpdate("update charity_hours set minutes = :min, status = :st where shift_id = :s and member_id = :m")
                    .bind("min", minutes).bind("st", HoursService.PENDING).bind("s", shiftId).bind("m", me).execute());
        }
        hours.record(shiftId, me, before, minutes, statusBefore, HoursService.PENDING, note == null ? NO_NOTE : note);
        ctx.log().info("event=charity.hours-self-logged shift=" + shiftId + " member=" + me + " minutes=" + minutes + " before=" + before);
        return answer(shiftId, role, minutes);
    }

    /** The role of the caller's confirmed place in the shift: only those on the roster have hours. */
    private String confirmedRole(long shiftId, long me) {
        for (RoleRow r : activities.roles(shiftId)) {
            Optional<Signups.Place> p = ctx.signups().placeOf(Activities.pool(shiftId, r.code()), me);
            if (p.isPresent() && p.get().status() == Signups.Status.CONFIRMED) {
                return r.code();
            }
        }
        throw PluginProblem.conflict("You have no confirmed place in this shift, so no hours to log.", null).withCode("charity.not-on-roster");
    }

    private String lastReason(long shiftId, long me) {
        return db.with(h -> h.createQuery("select reason from charity_hours_change where shift_id = :s and member_id = :m order by id desc limit 1")
                .bind("s", shiftId).bind("m", me).mapTo(String.class).findOne()).orElse(null);
    }

    private MyShift answer(long shiftId, String role, int minutes) {
        return volunteering.item(shiftId, role, Signups.Status.CONFIRMED.name(), null, new Hours(minutes, HoursService.PENDING));
    }
}
