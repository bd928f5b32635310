package org.popcorn.server.voting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.popcorn.server.platform.PeriodicTask;

/**
 * Moves rounds through their states on schedule, without any request arriving: every
 * {@code popcorn.voting.tick-seconds} (default 5) it advances each due round in its own transaction. Safe with several
 * servers: {@link RoundService#advance} locks the round and re-checks, so each transition happens once.
 */
@ApplicationScoped
public class RoundScheduler extends PeriodicTask {

    private static final Logger LOG = Logger.getLogger(RoundScheduler.class.getName());

    @Inject
    RoundService rounds;

    @Inject
    @ConfigProperty(name = "popcorn.voting.tick-seconds", defaultValue = "5")
    int tickSeconds;

    @Override
    protected int periodSeconds() {
        return tickSeconds;
    }

    /** One pass over the due rounds. */
    @Override
    public void tick() {
        Instant now = Instant.now();
        try {
            for (Long id : rounds.dueRounds(now)) {
                try {
                    rounds.advance(id, now);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "event=round.advance-failed round=" + id + " reason=" + e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "event=round.tick-failed reason=" + e.getMessage());
        }
    }
}
