package org.popcorn.server.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.popcorn.server.platform.PeriodicTask;

/**
 * Calls every active plugin's {@link org.popcorn.api.PopcornExtension#onSchedule} every
 * {@code popcorn.plugins.schedule-seconds} (default 60), from one boot-time loop on the managed scheduled executor (the
 * same kind of thread as event delivery, for the same reasons). A plugin that throws is logged; the others still run.
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

    @Override
    public void tick() {
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
}
