package org.popcorn.examples.feedback;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.pf4j.Extension;
import org.popcorn.api.BadgeDefinition;
import org.popcorn.api.NavigationEntry;
import org.popcorn.api.NotificationKind;
import org.popcorn.api.PluginContext;
import org.popcorn.api.PluginProblem;
import org.popcorn.api.PopcornExtension;
import org.popcorn.api.SettingDefinition;

/**
 * Feedback with visible progress: members post a suggestion or a bug, others +1 it, organisers move it through
 * received → planned → in progress → done / declined with a public note; every member sees where their feedback
 * stands, is told when it moves, and gets points when it ships.
 */
@Extension
public class FeedbackExtension implements PopcornExtension {

    static final String KIND_STATUS = "feedback-status";

    private PluginContext ctx;
    private FeedbackStore store;

    @Override
    public void start(PluginContext context) {
        this.ctx = context;
        this.store = new FeedbackStore(context.database());
        context.log().info("event=feedback.started sdk=" + context.sdkVersion());
    }

    @Override
    public Object restResource() {
        return new Api();
    }

    @Override
    public List<SettingDefinition> settings() {
        return List.of(new SettingDefinition("points-when-shipped", SettingDefinition.Type.INTEGER, "10",
                "Points paid to the author when their feedback is done"));
    }

    @Override
    public List<BadgeDefinition> badges() {
        return List.of(new BadgeDefinition("feedback-shipped", "Idea shipped", "Your feedback made it into the product.",
                "rocket", null, null));
    }

    @Override
    public List<NotificationKind> notificationKinds() {
        return List.of(new NotificationKind(KIND_STATUS, "Your feedback moved (planned, in progress, done, declined)"));
    }

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(new NavigationEntry(Map.of("en", "Feedback", "zh-CN", "反馈"), "/plugins/feedback/index.html", "lightbulb"));
    }

    /** A new piece of feedback. */
    public static class NewItem {
        public String kind;
        public String title;
        public String body;
    }

    /** A status change. */
    public static class StatusChange {
        public String status;
        public String note;
    }

    /** Routes under /api/plugins/feedback. */
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    public class Api {

        @GET
        @Path("items")
        public FeedbackStore.Page list(@QueryParam("status") String status, @QueryParam("page") Integer page,
                                       @QueryParam("size") Integer size) {
            int p = page == null ? 0 : page;
            int s = size == null ? 20 : size;
            if (p < 0 || s < 1 || s > 100) {
                throw new PluginProblem(400, "page >= 0 and size 1..100.", p < 0 ? "page" : "size").withCode("feedback.bad-paging");
            }
            return store.list(status == null || status.isBlank() ? null : parse(status), null, p, s, ctx.currentMember().id().orElse(null));
        }

        @GET
        @Path("mine")
        @SecurityRequirement(name = "bearer")
        public FeedbackStore.Page mine() {
            long me = ctx.currentMember().require();
            return store.list(null, me, 0, 100, me);
        }

        @GET
        @Path("items/{id}")
        public FeedbackStore.Item get(@PathParam("id") long id) {
            return store.get(id, ctx.currentMember().id().orElse(null));
        }

        @POST
        @Path("items")
        @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json",
                schema = @Schema(implementation = FeedbackStore.Item.class)))
        @SecurityRequirement(name = "bearer")
        public Response create(NewItem in) {
            long me = ctx.currentMember().require();
            if (in == null || in.title == null || in.title.isBlank() || in.title.length() > 200) {
                throw PluginProblem.invalid("Give a title of 1 to 200 characters.", "title").withCode("feedback.invalid-title");
            }
            if (in.body == null || in.body.isBlank() || in.body.length() > 4000) {
                throw PluginProblem.invalid("Describe it in 1 to 4000 characters.", "body").withCode("feedback.invalid-body");
            }
            if (!"suggestion".equals(in.kind) && !"bug".equals(in.kind)) {
                throw PluginProblem.invalid("kind is 'suggestion' or 'bug'.", "kind").withCode("feedback.invalid-kind");
            }
            FeedbackStore.Item item = store.create(me, in.kind, in.title.strip(), in.body.strip());
            ctx.log().info("event=feedback.created item=" + item.id + " member=" + me);
            return Response.status(201).entity(item).build();
        }

        @POST
        @Path("items/{id}/votes")
        @SecurityRequirement(name = "bearer")
        public FeedbackStore.Item vote(@PathParam("id") long id) {
            long me = ctx.currentMember().require();
            return store.vote(id, me);
        }

        @DELETE
        @Path("items/{id}/votes")
        @SecurityRequirement(name = "bearer")
        public FeedbackStore.Item unvote(@PathParam("id") long id) {
            long me = ctx.currentMember().require();
            return store.unvote(id, me);
        }

        @PUT
        @Path("items/{id}/status")
        @SecurityRequirement(name = "bearer")
        public FeedbackStore.Item move(@PathParam("id") long id, StatusChange change) {
            ctx.currentMember().require();
            if (!ctx.currentMember().isOrganiser()) {
                throw PluginProblem.forbidden("Only organisers and admins move feedback along.").withCode("feedback.organiser-required");
            }
            if (change == null || change.status == null) {
                throw PluginProblem.invalid("Give the new status.", "status").withCode("feedback.missing-field");
            }
            Status next = parse(change.status);
            if (next == Status.DECLINED && (change.note == null || change.note.isBlank())) {
                throw PluginProblem.invalid("Say why it is declined: the note is public.", "note").withCode("feedback.note-required");
            }
            FeedbackStore.Item item = store.move(id, next, change.note == null ? null : change.note.strip());
            ctx.notifications().notify(item.authorId, KIND_STATUS, "Your feedback is " + next.name().toLowerCase().replace('_', ' '),
                    "“" + item.title + "”" + (item.statusNote == null ? "" : ": " + item.statusNote), "/plugins/feedback/index.html#" + id);
            if (next == Status.DONE) {
                int points = (int) ctx.settings().getLong("points-when-shipped");
                ctx.rewards().awardPoints(item.authorId, points, "Your feedback shipped: " + item.title, "shipped-" + id);
                ctx.rewards().awardBadge(item.authorId, "feedback-shipped");
            }
            ctx.events().publish("feedback.status-changed", Map.of("itemId", id, "status", next.name()));
            return item;
        }

        private Status parse(String s) {
            try {
                return Status.valueOf(s.strip().toUpperCase().replace(' ', '_'));
            } catch (IllegalArgumentException e) {
                throw PluginProblem.invalid("status is one of received, planned, in_progress, done, declined.", "status").withCode("feedback.invalid-status");
            }
        }
    }
}
