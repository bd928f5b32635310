package org.popcorn.server.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.popcorn.api.PopcornEvent;
import org.popcorn.server.common.ProblemException;
import org.popcorn.server.event.DomainEvent;

/** The stored deliveries of events to plugins ({@code plugin_delivery}): written, claimed, completed, failed, replayed. */
@ApplicationScoped
public class PluginDeliveries {

    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext(unitName = "popcorn")
    EntityManager em;

    /** A claimed delivery and its event. */
    record Claim(long id, String pluginId, PopcornEvent event) {
    }

    /** In the publishing transaction: the event will reach this plugin. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String pluginId, long eventId, Instant now) {
        em.persist(new PluginDelivery(pluginId, eventId, now));
    }

    /** Pending deliveries to these plugins that are due and not claimed by a live attempt, oldest event first. */
    @Transactional
    public List<Long> due(Collection<String> plugins, Instant now, int max) {
        return em.createQuery("select d.id from PluginDelivery d where d.status = :s and d.pluginId in :p and d.nextAttemptAt <= :now"
                        + " and (d.claimedUntil is null or d.claimedUntil < :now) order by d.eventId, d.id", Long.class)
                .setParameter("s", PluginDelivery.Status.PENDING).setParameter("p", plugins).setParameter("now", now)
                .setMaxResults(max).getResultList();
    }

    /** When the oldest event still waiting for one of these plugins happened; empty when none waits. */
    @Transactional
    public Optional<Instant> oldestWaiting(Collection<String> plugins) {
        if (plugins.isEmpty()) {
            return Optional.empty();
        }
        // ordered and limited, not min(): an aggregate bypasses the attribute's converter on PostgreSQL
        return em.createQuery("select e.occurredAt from PluginDelivery d, DomainEvent e where e.id = d.eventId"
                        + " and d.status = :s and d.pluginId in :p order by e.occurredAt", Instant.class)
                .setParameter("s", PluginDelivery.Status.PENDING).setParameter("p", plugins).setMaxResults(1)
                .getResultList().stream().findFirst();
    }

    /** Deliveries that used up their attempts and wait for an admin's replay. */
    @Transactional
    public long failedCount() {
        return em.createQuery("select count(d) from PluginDelivery d where d.status = :s", Long.class)
                .setParameter("s", PluginDelivery.Status.FAILED).getSingleResult();
    }

    /**
     * Claims a delivery for one attempt (another server or a crashed attempt cannot take it until {@code lease} is
     * over); empty when someone else has it, or it is gone. A delivery whose event was purged is dropped.
     */
    @Transactional
    public Optional<Claim> claim(long id, Instant now, Duration lease) {
        int n = em.createQuery("update PluginDelivery d set d.claimedUntil = :until where d.id = :id and d.status = :s"
                        + " and (d.claimedUntil is null or d.claimedUntil < :now)")
                .setParameter("until", now.plus(lease)).setParameter("id", id).setParameter("s", PluginDelivery.Status.PENDING)
                .setParameter("now", now).executeUpdate();
        if (n == 0) {
            return Optional.empty();
        }
        PluginDelivery d = em.find(PluginDelivery.class, id);
        DomainEvent e = em.find(DomainEvent.class, d.eventId);
        if (e == null) {
            em.remove(d);
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = JSON.fromJson(e.payload(), HashMap.class);
        return Optional.of(new Claim(id, d.pluginId, new PopcornEvent(e.id(), e.type(), e.source(), Map.copyOf(payload), e.occurredAt())));
    }

    /** Inside the listener's unit of work: delivered, together with what the listener wrote. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(long id) {
        em.createQuery("delete from PluginDelivery d where d.id = :id").setParameter("id", id).executeUpdate();
    }

    /** Gives a claimed delivery back untried (its plugin was disabled meanwhile). */
    @Transactional
    public void release(long id) {
        em.createQuery("update PluginDelivery d set d.claimedUntil = null where d.id = :id").setParameter("id", id).executeUpdate();
    }

    /** An attempt failed; returns the delivery as it now stands. */
    @Transactional
    public PluginDelivery failed(long id, String error, Instant now, int maxAttempts, Duration firstDelay) {
        PluginDelivery d = em.find(PluginDelivery.class, id);
        if (d != null) {
            d.failed(error, now, maxAttempts, firstDelay);
        }
        return d;
    }

    /** Admin: deliveries to a plugin that failed at least once (retrying or given up), newest first. */
    @Transactional
    public List<Object[]> failedTo(String pluginId, int max) {
        return em.createQuery("select d, e.type from PluginDelivery d, DomainEvent e where e.id = d.eventId and d.pluginId = :p"
                        + " and d.attempts > 0 order by d.lastFailedAt desc, d.id desc", Object[].class)
                .setParameter("p", pluginId).setMaxResults(max).getResultList();
    }

    /** Admin: try a delivery again now, with a fresh set of attempts. */
    @Transactional
    public PluginDelivery replay(String pluginId, long id, Instant now) {
        PluginDelivery d = em.find(PluginDelivery.class, id);
        if (d == null || !d.pluginId.equals(pluginId)) {
            throw ProblemException.notFound("No failed delivery " + id + " to plugin '" + ProblemException.shorten(pluginId) + "'.").withCode("plugin.delivery-not-found");
        }
        d.replay(now);
        return d;
    }

    /** How many deliveries to a plugin wait (for the admin page and tests). */
    @Transactional
    public long pending(String pluginId) {
        return em.createQuery("select count(d) from PluginDelivery d where d.pluginId = :p and d.status = :s", Long.class)
                .setParameter("p", pluginId).setParameter("s", PluginDelivery.Status.PENDING).getSingleResult();
    }
}
