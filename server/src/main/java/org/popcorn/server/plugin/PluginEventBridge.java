package org.popcorn.server.plugin;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.popcorn.api.PopcornEvent;
import org.popcorn.server.event.DomainEvent;

/**
 * Delivers domain events to plugins' listeners, at least once. Publishing an event writes one {@link PluginDelivery}
 * per subscribed plugin in the publishing transaction (the outbox); after the commit the delivery loop, one per server
 * on the managed scheduler, claims each due delivery, runs the listener as one unit of work and deletes the delivery in
 * that same unit, so a listener's writes and "delivered" commit together. A {@code kill -9} between commit and delivery
 * delivers after the restart; a listener that throws is logged with the plugin's id, recorded in
 * {@code plugin_event_failure}, retried with a doubling back-off and, after {@code popcorn.events.max-attempts}, kept for
 * admins to replay. Deliveries to a disabled plugin wait until it is enabled. It never affects the core's write or
 * another plugin. Several servers may run the loop: a claim (a lease) keeps each attempt on one of them.
 */
@ApplicationScoped
public class PluginEventBridge {

    private static final Logger LOG = Logger.getLogger(PluginEventBridge.class.getName());

    /**
     * The loop runs on the managed scheduled executor, started at boot. Tasks submitted from the request thread
     * (managed executor) inherited the request's invocation context, and a listener doing core work (JPA) while the
     * request finished corrupted its invocation stack; bare managed threads lacked injection for beans created there.
     * The boot-time loop has neither problem (like the round scheduler).
     */
    @Resource
    jakarta.enterprise.concurrent.ManagedScheduledExecutorService scheduler;

    private java.util.concurrent.ScheduledFuture<?> loop;

    /** Set after a commit that published events, so the loop looks at once rather than at its next poll. */
    private volatile boolean wake = true;
    private volatile long lastPoll;

    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "popcorn.events.max-attempts", defaultValue = "8")
    int maxAttempts;

    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "popcorn.events.retry-seconds", defaultValue = "5")
    int retrySeconds;

    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "popcorn.events.poll-ms", defaultValue = "1000")
    int pollMillis;

    /** Starts the delivery loop (called once at boot, after plugins started). */
    public synchronized void start() {
        if (loop == null) {
            loop = scheduler.scheduleWithFixedDelay(this::drain, 100, 100, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    /** Makes the loop look for due deliveries at its next tick (a plugin was enabled, a delivery replayed). */
    public void wake() {
        wake = true;
    }

    void drain() {
        long nowMillis = System.currentTimeMillis();
        if (!wake && nowMillis - lastPoll < pollMillis) {
            return;
        }
        wake = false;
        lastPoll = nowMillis;
        try {
            List<String> active = host.all().stream().filter(HostedPlugin::isActive).map(HostedPlugin::id).toList();
            if (active.isEmpty()) {
                return;
            }
            while (true) {
                List<Long> due = deliveries.due(active, Instant.now(), 50);
                for (Long id : due) {
                    deliverOne(id);
                }
                if (due.size() < 50) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "event=plugin.delivery-loop-failed reason=" + e.getMessage(), e);
        }
    }

    @jakarta.annotation.PreDestroy
    synchronized void shutdown() {
        if (loop != null) {
            loop.cancel(false);
        }
    }

    @Inject
    PluginHost host;

    @Inject
    FailureLog failures;

    @Inject
    PluginUnitOfWork units;

    @Inject
    PluginDeliveries deliveries;

    /** In the publishing transaction: one delivery per plugin that listens to the type (enabled or not). */
    void onPublish(@Observes DomainEvent e) {
        Instant now = Instant.now();
        for (HostedPlugin p : host.all()) {
            if (p.extension != null && p.state != HostedPlugin.State.FAILED && p.extension.eventTypes().contains(e.type())
                    && !p.id.equals(e.source())) {
                deliveries.add(p.id, e.id(), now);
            }
        }
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) DomainEvent e) {
        wake = true;
    }

    void deliverOne(long deliveryId) {
        Optional<PluginDeliveries.Claim> claimed = deliveries.claim(deliveryId, Instant.now(), Duration.ofMinutes(5));
        if (claimed.isEmpty()) {
            return; // another server has it, or it is gone
        }
        PluginDeliveries.Claim c = claimed.get();
        HostedPlugin p;
        try {
            p = host.active(c.pluginId());
        } catch (RuntimeException notActive) {
            deliveries.release(deliveryId);
            return;
        }
        PopcornEvent event = c.event();
        try {
            units.run(() -> {
                p.extension.onEvent(event); // one unit of work: what the listener wrote commits with "delivered", or neither
                deliveries.complete(deliveryId);
                return null;
            });
        } catch (Exception | LinkageError ex) {
            String why = PluginHost.rootMessage(ex);
            try {
                PluginDelivery d = deliveries.failed(deliveryId, why, Instant.now(), maxAttempts, Duration.ofSeconds(Math.max(1, retrySeconds)));
                boolean gaveUp = d != null && d.status == PluginDelivery.Status.FAILED;
                LOG.log(Level.SEVERE, "event=plugin.listener-failed plugin=" + p.id + " eventType=" + event.type() + " eventId="
                        + event.id() + " attempt=" + (d == null ? "?" : d.attempts) + (gaveUp ? " gave-up=true" : " retry-at=" + d.nextAttemptAt)
                        + " reason=\"" + why + "\"", ex);
                failures.record(p.id, event, why);
            } catch (RuntimeException recordFailed) {
                LOG.log(Level.SEVERE, "event=plugin.listener-failure-not-recorded plugin=" + p.id + " reason=" + recordFailed.getMessage());
            }
        }
    }

    /** Records failed deliveries in their own transaction. */
    @ApplicationScoped
    public static class FailureLog {

        @PersistenceContext(unitName = "popcorn")
        EntityManager em;

        @Transactional
        public void record(String pluginId, PopcornEvent event, String error) {
            em.persist(new PluginEventFailure(pluginId, event.id(), event.type(), error, java.time.Instant.now()));
        }
    }
}
