package org.popcorn.server.signup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.popcorn.server.platform.PeriodicTask;

/**
 * Expires unanswered sign-up offers every {@code popcorn.signups.tick-seconds} (default 15) and offers the seats to the
 * next in line. Safe with several servers: each expiry locks the pool and re-checks the offer, so it happens once.
 */
@ApplicationScoped
public class OfferSweeper extends PeriodicTask {

    private static final Logger LOG = Logger.getLogger(OfferSweeper.class.getName());

    @Inject
    SignupService signups;

    @Inject
    @ConfigProperty(name = "popcorn.signups.tick-seconds", defaultValue = "15")
    int tickSeconds;

    @Override
    protected int periodSeconds() {
        return tickSeconds;
    }

    /** One pass over the expired offers. */
    @Override
    public void tick() {
        Instant now = Instant.now();
        try {
            for (SignupPlace.Key key : signups.expiredOffers(now, 200)) {
                try {
                    signups.expire(key, now);
                } catch (RuntimeException e) {
                    LOG.warning("event=signup.expire-failed pool=" + key.poolKey + " member=" + key.memberId + " reason=" + e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            LOG.warning("event=signup.sweep-failed reason=" + e.getMessage());
        }
    }
}
