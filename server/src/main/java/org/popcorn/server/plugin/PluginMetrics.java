package org.popcorn.server.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The plugin host's gauges on {@code /metrics}, read when scraped: {@code popcorn_event_delivery_lag_seconds} (how long
 * the oldest event still waiting for an active plugin has waited; 0 when none waits — it should stay near the poll
 * interval), {@code popcorn_event_deliveries_failed} (deliveries that used up their attempts, waiting for an admin's
 * replay) and {@code popcorn_plugins_failed} (plugins refused at load or start).
 */
@ApplicationScoped
public class PluginMetrics {

    private static final Logger LOG = Logger.getLogger(PluginMetrics.class.getName());

    @Inject
    MetricRegistry metrics;

    @Inject
    PluginDeliveries deliveries;

    @Inject
    PluginHost host;

    /** Registers the gauges (once, at start). */
    public void register() {
        metrics.gauge("popcorn_event_delivery_lag_seconds", this, m -> safely(m::deliveryLagSeconds));
        metrics.gauge("popcorn_event_deliveries_failed", this, m -> safely(() -> (double) m.deliveries.failedCount()));
        metrics.gauge("popcorn_plugins_failed", this, m -> (double) m.host.all().stream().filter(p -> p.state == HostedPlugin.State.FAILED).count());
    }

    /** A gauge that cannot be read (the database is away) shows NaN instead of breaking the whole {@code /metrics}. */
    private static double safely(DoubleSupplier read) {
        try {
            return read.getAsDouble();
        } catch (RuntimeException e) {
            LOG.fine(() -> "event=metrics.gauge-failed reason=" + e.getMessage());
            return Double.NaN;
        }
    }

    double deliveryLagSeconds() {
        return deliveries.oldestWaiting(host.all().stream().filter(HostedPlugin::isActive).map(HostedPlugin::id).toList())
                .map(oldest -> Math.max(0, Duration.between(oldest, Instant.now()).toMillis() / 1000.0)).orElse(0.0);
    }
}
