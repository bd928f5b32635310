package org.popcorn.server.event;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.popcorn.server.auth.Caller;
import org.popcorn.server.common.Page;

/** Admins read the domain event log (what happened, with its payload), newest first. */
@Path("admin/events")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
@SecurityRequirement(name = "bearer")
public class EventResource {

    @Inject
    Caller caller;

    @PersistenceContext(unitName = "popcorn")
    EntityManager em;

    /** A recorded event. */
    @Schema(name = "DomainEvent")
    public static class View {
        public long id;
        public String type;
        public String source;
        @Schema(description = "The event's data as a JSON text")
        public String payload;
        public Instant occurredAt;
    }

    @GET
    @Operation(operationId = "listEvents", summary = "The domain event log", description = "Filter by type (e.g. round.closed). Paginated, newest first.")
    public Page<View> list(@QueryParam("type") String type, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        caller.requireAdmin();
        int[] ps = Page.validate(page, size);
        String where = type == null || type.isBlank() ? "" : " where e.type = :t";
        var q = em.createQuery("select e from DomainEvent e" + where + " order by e.id desc", DomainEvent.class);
        var count = em.createQuery("select count(e) from DomainEvent e" + where, Long.class);
        if (!where.isEmpty()) {
            q.setParameter("t", type.strip());
            count.setParameter("t", type.strip());
        }
        List<View> items = q.setFirstResult(ps[0] * ps[1]).setMaxResults(ps[1]).getResultList().stream().map(e -> {
            View v = new View();
            v.id = e.id();
            v.type = e.type();
            v.source = e.source();
            v.payload = e.payload();
            v.occurredAt = e.occurredAt();
            return v;
        }).toList();
        return new Page<>(items, ps[0], ps[1], count.getSingleResult());
    }
}
