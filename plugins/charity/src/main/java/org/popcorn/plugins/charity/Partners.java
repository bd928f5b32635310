package org.popcorn.plugins.charity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.popcorn.api.PluginContext;
import org.popcorn.api.PluginProblem;
import org.popcorn.plugins.charity.CharityViews.Activity;
import org.popcorn.plugins.support.PluginJdbi;

/**
 * Partner organisations approved by an admin. A partner is the activity's {@code partnerName} (partners have no
 * table of their own), so an admin approves it per activity; who and when is kept ({@code partner_approved_by/_at}).
 */
final class Partners {

    private final PluginContext ctx;
    private final PluginJdbi db;
    private final Activities activities;

    Partners(PluginContext ctx, PluginJdbi db, Activities activities) {
        this.ctx = ctx;
        this.db = db;
        this.activities = activities;
    }

    private long requireAdmin() {
        long me = ctx.currentMember().require();
        if (!ctx.currentMember().isAdmin()) {
            throw PluginProblem.forbidden("Only admins approve partner organisations.").withCode("charity.admin-required");
        }
        return me;
    }

    /** Approves the activity's partner ({@code approved}), or withdraws the approval; approving twice keeps the first approval. */
    Activity approve(long activityId, Boolean approved) {
        long me = requireAdmin();
        if (approved == null) {
            throw PluginProblem.invalid("Send {\"approved\": true} or {\"approved\": false}.", "approved").withCode("charity.missing-field");
        }
        Activities.Row a = activities.row(activityId);
        if (a.partnerName() == null) {
            throw PluginProblem.conflict("This activity names no partner organisation to approve.", "partnerName").withCode("charity.no-partner");
        }
        db.with(h -> approved
                ? h.createUpdate("update charity_activity set partner_approved_by = :by, partner_approved_at = :at "
                        + "where id = :id and partner_approved_at is null")
                        .bind("by", me).bind("at", PluginJdbi.ts(Instant.now(ctx.clock()))).bind("id", activityId).execute()
                : h.createUpdate("update charity_activity set partner_approved_by = null, partner_approved_at = null where id = :id")
                        .bind("id", activityId).execute());
        ctx.log().info("event=charity.partner-" + (approved ? "approved" : "unapproved") + " activity=" + activityId + " by=" + me);
        return activities.view(activities.row(activityId));
    }

    /** Activities (published or proposed) whose partner is not yet approved, oldest first, for admins. */
    List<Activity> pending() {
        requireAdmin();
        List<Long> ids = db.with(h -> h.createQuery("select id from charity_activity where partner_name is not null "
                + "and partner_approved_at is null and status in ('PUBLISHED', 'PROPOSED') order by created_at, id limit 200").mapTo(Long.class).list());
        List<Activity> out = new ArrayList<>();
        for (long id : ids) {
            out.add(activities.view(activities.row(id)));
        }
        return out;
    }
}
