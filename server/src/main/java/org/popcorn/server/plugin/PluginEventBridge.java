package org.popcorn.server.plugin;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.popcorn.api.PopcornEvent;
import org.popcorn.server.event.DomainEvent;

/**
 * Delivers domain events to plugins' listeners once the transaction that caused them committed, on the managed
 * delivery loop, one task per plugin. A listener that throws is logged with the plugin's id and recorded in
 * {@code plugin_event_failure} (admins see it); it never affects the core's write or another plugin.
 */
@ApplicationScoped
public class PluginEventBridge {

    private static final Logger LOG = Logger.getLogger(PluginEventBridge.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();

    /**
     * Deliveries wait in this queue and are run by one loop on the managed scheduled executor, started at boot. Tasks
     * submitted from the request thread (managed executor) inherited the request's invocation context, and a listener
     * doing core work (JPA) while the request finished corrupted its invocation stack ("postInvoke not called with top
     * of the invocation stack", then a 500 from a closed EntityManager after the commit). Bare managed threads, in turn,
     * lacked injection for beans created there. The boot-time loop has neither problem (like the round scheduler).
     */
    private final java.util.concurrent.ConcurrentLinkedQueue<Runnable> queue = new java.util.concurrent.ConcurrentLinkedQueue<>();

    @Resource
    jakarta.enterprise.concurrent.ManagedScheduledExecutorService scheduler;

    private java.util.concurrent.ScheduledFuture<?> loop;

    /** Starts the delivery loop (called once at boot, after plugins started). */
    public synchronized void start() {
        if (loop == null) {
            loop = scheduler.scheduleWithFixedDelay(this::drain, 100, 100, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    void drain() {
        Runnable task;
        while ((task = queue.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "event=plugin.delivery-failed reason=" + e.getMessage(), e);
            }
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

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) DomainEvent e) {
        for (HostedPlugin p : host.all()) {
            if (!p.isActive() || !p.extension.eventTypes().contains(e.type()) || p.id.equals(e.source())) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> payload = JSON.fromJson(e.payload(), HashMap.class);
            PopcornEvent event = new PopcornEvent(e.id(), e.type(), e.source(), Map.copyOf(payload), e.occurredAt());
            queue.add(() -> deliver(p, event));
        }
    }

    void deliver(HostedPlugin p, PopcornEvent event) {
        if (!p.isActive()) {
            return;
        }
        try {
            units.run(() -> {
                p.extension.onEvent(event); // one unit of work: what the listener wrote commits together, or not at all
                return null;
            });
        } catch (Exception | LinkageError ex) {
            String why = PluginHost.rootMessage(ex);
            LOG.log(Level.SEVERE, "event=plugin.listener-failed plugin=" + p.id + " eventType=" + event.type() + " eventId="
                    + event.id() + " reason=\"" + why + "\"", ex);
            try {
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
