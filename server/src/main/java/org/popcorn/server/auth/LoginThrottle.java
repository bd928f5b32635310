package org.popcorn.server.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Throttles failed logins per account and per client address. Counters live in the database ({@code login_throttle})
 * so that several instances behind one load balancer share them. After {@code max} failures inside the window the key
 * is locked for {@code popcorn.auth.lock-seconds}; each further failure while counting doubles the lock (capped at a day).
 * A successful login clears the account's counter.
 */
@ApplicationScoped
public class LoginThrottle {

    @PersistenceContext(unitName = "popcorn")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "popcorn.auth.max-failures-per-account", defaultValue = "5")
    int maxPerAccount;

    @Inject
    @ConfigProperty(name = "popcorn.auth.max-failures-per-address", defaultValue = "20")
    int maxPerAddress;

    @Inject
    @ConfigProperty(name = "popcorn.auth.failure-window-seconds", defaultValue = "900")
    long windowSeconds;

    @Inject
    @ConfigProperty(name = "popcorn.auth.lock-seconds", defaultValue = "300")
    long lockSeconds;

    @Inject
    ThrottleWriter writer;

    public static String accountKey(long memberId) {
        return "account:" + memberId;
    }

    public static String addressKey(String address) {
        return "address:" + address;
    }

    /** Seconds until the first of these keys unlocks, or 0 when none is locked. */
    public long secondsLocked(List<String> keys, Instant now) {
        long wait = 0;
        for (String key : keys) {
            ThrottleEntry e = em.find(ThrottleEntry.class, key);
            if (e != null && e.lockedUntil() != null && e.lockedUntil().isAfter(now)) {
                wait = Math.max(wait, Math.max(1, Duration.between(now, e.lockedUntil()).toSeconds() + 1));
            }
        }
        return wait;
    }

    /** Records a failure against each key, each in its own committed transaction. */
    public void recordFailure(List<String> keys, Instant now) {
        for (String key : keys) {
            int max = key.startsWith("account:") ? maxPerAccount : maxPerAddress;
            try {
                writer.fail(key, max, now, windowSeconds, lockSeconds);
            } catch (RuntimeException raced) {
                // Another request inserted the same key at the same moment; the row exists now, so once more updates it.
                writer.fail(key, max, now, windowSeconds, lockSeconds);
            }
        }
    }

    public void clear(String key) {
        writer.clear(key);
    }

    /**
     * Removes throttle rows that no longer hold anything back: their window is over and no lock is running
     * (housekeeping; without it every address that ever mistyped a password stays in the table).
     */
    @Transactional
    public int purgeStale(Instant now) {
        return em.createQuery("delete from ThrottleEntry e where e.windowStart < :windowOver"
                        + " and (e.lockedUntil is null or e.lockedUntil < :now)")
                .setParameter("windowOver", now.minusSeconds(windowSeconds)).setParameter("now", now).executeUpdate();
    }

    /** Transactions of the throttle, separate from the login's own so that a failed login still counts. */
    @ApplicationScoped
    public static class ThrottleWriter {

        @PersistenceContext(unitName = "popcorn")
        EntityManager em;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void fail(String key, int max, Instant now, long windowSeconds, long lockSeconds) {
            ThrottleEntry e = em.find(ThrottleEntry.class, key, LockModeType.PESSIMISTIC_WRITE);
            if (e == null) {
                e = new ThrottleEntry(key, now);
                em.persist(e);
                em.flush();
            }
            e.registerFailure(now, max, windowSeconds, lockSeconds);
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void clear(String key) {
            ThrottleEntry e = em.find(ThrottleEntry.class, key);
            if (e != null) {
                em.remove(e);
            }
        }
    }
}
