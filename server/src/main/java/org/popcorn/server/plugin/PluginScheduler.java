package org.popcorn.server.plugin;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.popcorn.server.cluster.ClusterLeases;
import org.popcorn.server.platform.PeriodicTask;

/**
 * Calls every active plugin's {@link org.popcorn.api.PopcornExtension#onSchedule} every
 * {@code popcorn.plugins.schedule-seconds} (default 60), from one boot-time loop on the managed scheduled executor (the
 * same kind of thread as event delivery, for the same reasons). A plugin that throws is logged; the others still run.
 * With several servers on one database only the holder of the {@code plugins.schedule} lease runs it (exactly one
 * server at a time; another takes over within three periods when the holder is gone).
 */
@ApplicationScoped
public class PluginScheduler extends PeriodicTask {

    private static final Logger LOG = Logger.getLogger(PluginScheduler.class.getName());

    @Inject
    PluginHost host;

    @Inject
    @ConfigProperty(name = "popcorn.plugins.schedule-seconds", defaultValue = "60")
    int seconds;

    @Override
    protected int periodSeconds() {
        return seconds;
    }

    @Inject
    ClusterLeases leases;

    @Override
    public void tick() {
        if (!leases.hold(ClusterLeases.PLUGINS_SCHEDULE, Duration.ofSeconds(Math.max(5, 3L * seconds)))) {
            return; // another server runs the plugins' schedule
        }
        Instant now = Instant.now();
        for (HostedPlugin p : host.all()) {
            if (!p.isActive()) {
                continue;
            }
            try {
                p.extension.onSchedule(now);
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.SEVERE, "event=plugin.schedule-failed plugin=" + p.id + " reason=\"" + PluginHost.rootMessage(e) + "\"", e);
            }
        }
    }

    /** Lets another server take the schedule over at once when this one stops. */
    @PreDestroy
    void releaseLease() {
        try {
            leases.release(ClusterLeases.PLUGINS_SCHEDULE);
        } catch (RuntimeException e) {
            LOG.fine(() -> "event=plugin.schedule-release-failed reason=" + e.getMessage());
        }
    }
}
