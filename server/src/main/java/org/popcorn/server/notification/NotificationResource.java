package org.popcorn.server.notification;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.popcorn.server.auth.Caller;
import org.popcorn.server.common.Page;

/** My inbox and my e-mail choices. */
@Path("me/notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
@SecurityRequirement(name = "bearer")
public class NotificationResource {

    @Inject
    Caller caller;

    @Inject
    NotificationService notifications;

    /** An inbox entry. */
    @Schema(name = "Notification")
    public static class View {
        public long id;
        public String kind;
        public String title;
        public String body;
        public String link;
        public String source;
        public Instant createdAt;
        public Instant readAt;

        static View of(Notification n, String[] texts) {
            View v = new View();
            v.id = n.id();
            v.kind = n.kind();
            v.title = texts[0];
            v.body = texts[1];
            v.link = n.link();
            v.source = n.source();
            v.createdAt = n.createdAt();
            v.readAt = n.readAt();
            return v;
        }
    }

    /** A page of the inbox with the unread count. */
    @Schema(name = "Inbox")
    public static class Inbox extends Page<View> {
        public long unread;
    }

    /** One kind of notification and whether it also comes by e-mail. */
    @Schema(name = "EmailChoice")
    public static class Choice {
        public String kind;
        public String description;
        public boolean email;
    }

    @GET
    @Operation(summary = "My inbox", description = "Newest first, paginated, with the unread count. ?unread=true for unread only.")
    public Inbox inbox(@QueryParam("unread") @DefaultValue("false") boolean unread, @QueryParam("page") Integer page,
                       @QueryParam("size") Integer size) {
        int[] ps = Page.validate(page, size);
        long me = caller.requireMemberId();
        Page<Notification> p = notifications.inbox(me, unread, ps[0], ps[1]);
        Inbox out = new Inbox();
        String lang = org.popcorn.server.language.Language.current();
        out.items = p.items.stream().map(n -> View.of(n, notifications.texts(n, lang))).toList();
        out.page = p.page;
        out.size = p.size;
        out.total = p.total;
        out.unread = notifications.unreadCount(me);
        return out;
    }

    @POST
    @Path("{id}/read")
    @Operation(summary = "Mark one notification read")
    public Response read(@PathParam("id") long id) {
        notifications.markRead(caller.requireMemberId(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("read-all")
    @Operation(summary = "Mark my whole inbox read")
    public Response readAll() {
        notifications.markAllRead(caller.requireMemberId());
        return Response.noContent().build();
    }

    @GET
    @Path("email")
    @Operation(summary = "Which kinds reach me by e-mail")
    public java.util.List<Choice> emailChoices() {
        return choices(notifications.emailChoices(caller.requireMemberId()));
    }

    @PUT
    @Path("email")
    @Operation(summary = "Choose which kinds reach me by e-mail", description = "Body: {\"badge-earned\": true, ...}; kinds not sent keep their choice.")
    public java.util.List<Choice> setEmailChoices(@NotNull(message = "{popcorn.body.email-choices}") Map<String, Boolean> choices) {
        return choices(notifications.setEmailChoices(caller.requireMemberId(), choices));
    }

    static java.util.List<Choice> choices(Map<String, Boolean> map) {
        Map<String, String> desc = NotificationKinds.all();
        return map.entrySet().stream().map(e -> {
            Choice c = new Choice();
            c.kind = e.getKey();
            c.description = org.popcorn.server.language.Texts.of(NotificationKinds.owner(e.getKey()), "notification." + e.getKey() + ".description",
                    desc.getOrDefault(e.getKey(), e.getKey()));
            c.email = e.getValue();
            return c;
        }).toList();
    }
}
