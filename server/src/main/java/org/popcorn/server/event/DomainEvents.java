package org.popcorn.server.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Logger;
import org.popcorn.api.CoreEvents;

/**
 * Publishes domain events: records them in {@code domain_event} within the current transaction and fires a CDI
 * {@link DomainEvent} that observers receive with {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}, i.e.
 * only once the cause has committed. The plugin host turns these into SDK events.
 */
@ApplicationScoped
public class DomainEvents {

    private static final Logger LOG = Logger.getLogger(DomainEvents.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();


    /** The source of the core's own events. */
    public static final String CORE = "core";

    @PersistenceContext(unitName = "popcorn")
    EntityManager em;

    @Inject
    Event<DomainEvent> bus;

    /** Removes events older than {@code before} (housekeeping: the log of what happened is kept for a while, not forever). */
    @Transactional
    public int purgeOlderThan(Instant before) {
        return em.createQuery("delete from DomainEvent e where e.occurredAt < :before").setParameter("before", before).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public DomainEvent publish(String type, String source, Map<String, Object> payload) {
        if (CORE.equals(source)) {
            checkCatalogued(type, payload);
        }
        DomainEvent e = new DomainEvent(type, source, JSON.toJson(payload), Instant.now());
        em.persist(e);
        LOG.info(() -> "event=" + type + " source=" + source + " payload=" + e.payload());
        bus.fire(e);
        return e;
    }

    /**
     * The core publishes only what the SDK's {@link CoreEvents} lists, with exactly its payload fields: a new event or
     * field is added there (and so in the guide and the Javadoc) first.
     */
    static void checkCatalogued(String type, Map<String, Object> payload) {
        CoreEvents.find(type)
                .orElseThrow(() -> new IllegalStateException("The core event " + type + " is not listed in CoreEvents."))
                .check(payload);
    }
}
