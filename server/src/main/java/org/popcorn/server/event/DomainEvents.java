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

/**
 * Publishes domain events: records them in {@code domain_event} within the current transaction and fires a CDI
 * {@link DomainEvent} that observers receive with {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}, i.e.
 * only once the cause has committed. The plugin host turns these into SDK events.
 */
@ApplicationScoped
public class DomainEvents {

    private static final Logger LOG = Logger.getLogger(DomainEvents.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();

    /** Event types published by the core. */
    public static final String ROUND_CLOSED = "round.closed";
    public static final String ROUND_OPENED = "round.opened";
    public static final String BALLOT_CAST = "ballot.cast";
    public static final String MEMBER_REGISTERED = "member.registered";
    /** A member deleted their account: {@code memberId}, {@code placesReleased}. Their sign-up places are already given up. */
    public static final String MEMBER_DELETED = "member.deleted";

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
        DomainEvent e = new DomainEvent(type, source, JSON.toJson(payload), Instant.now());
        em.persist(e);
        LOG.info(() -> "event=" + type + " source=" + source + " payload=" + e.payload());
        bus.fire(e);
        return e;
    }
}
