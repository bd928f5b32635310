package org.popcorn.plugins.booths;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.popcorn.api.PluginContext;
import org.popcorn.api.PluginProblem;
import org.popcorn.api.Signups;
import org.popcorn.plugins.booths.Booths.Row;
import org.popcorn.plugins.booths.Booths.SlotRow;
import org.popcorn.plugins.booths.BoothsViews.Booth;
import org.popcorn.plugins.support.Check;
import org.popcorn.plugins.support.PluginJdbi;

/**
 * A booth's organiser editing its slots one by one (times, how many volunteers, a demo lead or not) or removing one
 * nobody holds; the slot's pools follow, and those a wider slot lets in are told.
 */
final class Slots {

    private final PluginContext ctx;
    private final PluginJdbi db;
    private final Booths booths;

    Slots(PluginContext ctx, PluginJdbi db, Booths booths) {
        this.ctx = ctx;
        this.db = db;
        this.booths = booths;
    }

    Booth edit(long slotId, BoothsForms.SlotForm f) {
        long me = ctx.currentMember().require();
        SlotRow s = booths.slot(slotId);
        Row b = booths.requireManaged(s.boothId());
        if (!b.open() && !Booths.PROPOSED.equals(b.status())) {
            throw PluginProblem.conflict("The slots of a " + b.status().toLowerCase() + " booth stay as they were.", "status")
                    .withCode("booths.wrong-status");
        }
        if (f == null) {
            throw PluginProblem.invalid("Send the slot: startsAt, endsAt, volunteers, lead.", null).withCode("booths.missing-body");
        }
        Instant start = f.startsAt == null ? s.startsAt() : Check.instant(f.startsAt, "startsAt");
        Instant end = f.endsAt == null ? s.endsAt() : Check.instant(f.endsAt, "endsAt");
        if (!end.isAfter(start) || Duration.between(start, end).toHours() >= 12) {
            throw PluginProblem.invalid("A slot ends after it starts, within 12 hours.", "endsAt").withCode("booths.invalid-slot-time");
        }
        int volunteers = f.volunteers == null ? s.volunteers() : Check.range(f.volunteers, "volunteers", 1, 50);
        boolean lead = f.lead == null ? s.lead() : f.lead;
        Signups.Pool held = ctx.signups().pool(Booths.pool(slotId, Booths.VOLUNTEER));
        if (volunteers < held.taken()) {
            throw PluginProblem.conflict(held.taken() + " volunteers hold this slot; it cannot need fewer.", "volunteers")
                    .withCode("booths.below-taken");
        }
        if (!lead && s.lead() && ctx.signups().pool(Booths.pool(slotId, Booths.LEAD)).taken() > 0) {
            throw PluginProblem.conflict("A demo lead holds this slot; they cancel first.", "lead").withCode("booths.lead-held");
        }
        db.with(h -> h.createUpdate("update booths_slot set starts_at = :s, ends_at = :e, volunteers = :v, lead = :l where id = :id")
                .bind("s", PluginJdbi.ts(start)).bind("e", PluginJdbi.ts(end)).bind("v", volunteers).bind("l", lead).bind("id", slotId).execute());
        if (!lead && s.lead()) {
            ctx.signups().delete(Booths.pool(slotId, Booths.LEAD)); // those waiting to lead it go with it
        }
        for (Signups.Place p : booths.definePools(b, booths.slot(slotId))) {
            booths.notices.placeIsYours(p.memberId(), b, false);
        }
        ctx.log().info("event=booths.slot-edited slot=" + slotId + " booth=" + b.id());
        return booths.view(b.id(), me);
    }

    void delete(long slotId) {
        SlotRow s = booths.slot(slotId);
        booths.requireManaged(s.boothId());
        for (String role : List.of(Booths.VOLUNTEER, Booths.LEAD)) {
            if (s.lead() || Booths.VOLUNTEER.equals(role)) {
                Signups.Pool p = ctx.signups().pool(Booths.pool(slotId, role));
                if (p.taken() > 0 || p.waitingParties() > 0) {
                    throw PluginProblem.conflict("Volunteers hold or wait for this slot; it stays.", "slot").withCode("booths.slot-held");
                }
            }
        }
        db.with(h -> h.createUpdate("delete from booths_slot where id = :id").bind("id", slotId).execute());
        ctx.signups().delete(Booths.pool(slotId, Booths.VOLUNTEER));
        ctx.signups().delete(Booths.pool(slotId, Booths.LEAD));
        ctx.log().info("event=booths.slot-deleted slot=" + slotId + " booth=" + s.boothId());
    }
}
