package org.popcorn.plugins.charity;

import org.popcorn.plugins.support.PluginJdbi;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.popcorn.api.PluginContext;
import org.popcorn.api.Signups;
import org.popcorn.plugins.charity.Activities.RoleRow;
import org.popcorn.plugins.charity.Activities.Row;
import org.popcorn.plugins.charity.Activities.ShiftRow;

/**
 * Reminds volunteers of their shift the day before and on the day (inbox, and e-mail unless they turned it off), with
 * the meeting point and time and the page where they can cancel. Each reminder is a row, so several servers running the
 * schedule send it once.
 */
final class Reminders {


    private final PluginContext ctx;
    private final PluginJdbi db;
    private final Activities activities;

    Reminders(PluginContext ctx, PluginJdbi db, Activities activities) {
        this.ctx = ctx;
        this.db = db;
        this.activities = activities;
    }

    void send(Instant now) {
        remind(now.plus(Duration.ofHours(23)), now.plus(Duration.ofHours(25)), "DAY_BEFORE");
        remind(now, now.plus(Duration.ofHours(4)), "ON_THE_DAY");
    }

    private void remind(Instant from, Instant to, String kind) {
        List<Long> shifts = db.with(h -> h.createQuery("select s.id from charity_shift s join charity_activity a on a.id = s.activity_id "
                        + "where a.status = 'PUBLISHED' and s.starts_at >= :f and s.starts_at < :t order by s.starts_at limit 500")
                .bind("f", PluginJdbi.ts(from)).bind("t", PluginJdbi.ts(to)).mapTo(Long.class).list());
        for (long shiftId : shifts) {
            ShiftRow s = activities.shift(shiftId).orElseThrow();
            Row a = activities.row(s.activityId());
            ZoneId zone = activities.zone(a.cityId());
            Instant meet = s.startsAt().minus(Duration.ofMinutes(a.meetingMinutesBefore()));
            for (RoleRow r : activities.roles(shiftId)) {
                for (Signups.Place p : ctx.signups().places(Activities.pool(shiftId, r.code()), Signups.Status.CONFIRMED, 0, 1000)) {
                    db.with(h -> {
                        // one reminder of each kind per volunteer and shift: the ones already sent are skipped, so a
                        // shift that stays in the window for several runs never stops the others being reminded
                        int fresh = h.createUpdate("insert into charity_reminder (shift_id, member_id, kind, sent_at) "
                                        + "select :s, :m, :k, :at where not exists (select 1 from charity_reminder "
                                        + "where shift_id = :s and member_id = :m and kind = :k)")
                                .bind("s", shiftId).bind("m", p.memberId()).bind("k", kind).bind("at", PluginJdbi.ts(Instant.now(ctx.clock()))).execute();
                        if (fresh == 1) {
                            activities.notices.reminder(p.memberId(), a, kind.equals("DAY_BEFORE"), meet, zone, r.name());
                        }
                        return null;
                    });
                }
            }
        }
    }
}
