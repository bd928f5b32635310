package org.popcorn.server.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.popcorn.server.auth.LoginThrottle;
import org.popcorn.server.auth.SessionService;
import org.popcorn.server.event.DomainEvents;

/**
 * Removes what has served its time, every {@code popcorn.housekeeping.tick-seconds} (default hourly): expired
 * sessions, login-throttle rows whose window and lock are over, and domain events older than
 * {@code popcorn.events.retention-days} (default 90). Each is one guarded delete, so several servers doing it at once
 * remove each row once.
 */
@ApplicationScoped
public class Housekeeping extends PeriodicTask {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());

    @Inject
    SessionService sessions;

    @Inject
    LoginThrottle throttle;

    @Inject
    DomainEvents events;

    @Inject
    @ConfigProperty(name = "popcorn.housekeeping.tick-seconds", defaultValue = "3600")
    int tickSeconds;

    @Inject
    @ConfigProperty(name = "popcorn.events.retention-days", defaultValue = "90")
    int eventRetentionDays;

    @Override
    protected int periodSeconds() {
        return tickSeconds;
    }

    @Override
    public void tick() {
        Instant now = Instant.now();
        int tokens = sessions.purgeExpired();
        int throttles = throttle.purgeStale(now);
        int old = events.purgeOlderThan(now.minus(Duration.ofDays(Math.max(1, eventRetentionDays))));
        if (tokens + throttles + old > 0) {
            LOG.info(() -> "event=housekeeping.purged tokens=" + tokens + " throttles=" + throttles + " events=" + old);
        }
    }
}
