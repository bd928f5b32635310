package org.popcorn.server.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.popcorn.server.cluster.ClusterSignals;
import org.popcorn.server.platform.PeriodicTask;

/**
 * Keeps this server's plugins in step with what an admin did through any server on the same database: every
 * {@code popcorn.plugins.follow-seconds} (default 2) it applies the recorded enable/disable choices
 * ({@code plugin_state}) and, when the rescan signal was raised since it last looked, rescans the plugins directory.
 * Deliveries to a plugin that was switched on here are woken at once.
 */
@ApplicationScoped
public class PluginFollower extends PeriodicTask {

    @Inject
    PluginHost host;

    @Inject
    PluginStates states;

    @Inject
    ClusterSignals signals;

    @Inject
    PluginEventBridge events;

    @Inject
    @ConfigProperty(name = "popcorn.plugins.follow-seconds", defaultValue = "2")
    int seconds;

    private volatile long rescansSeen = -1;

    @Override
    protected int periodSeconds() {
        return seconds;
    }

    /** Remembers the rescans already covered by this server's own scan at boot. */
    public void startAfterBootScan() {
        rescansSeen = signals.current(ClusterSignals.PLUGINS_RESCAN);
        start();
    }

    @Override
    public void tick() {
        long rescans = signals.current(ClusterSignals.PLUGINS_RESCAN);
        if (rescans != rescansSeen) {
            host.rescan();
            rescansSeen = rescans;
        }
        if (host.follow(states.all())) {
            events.wake();
        }
    }
}
