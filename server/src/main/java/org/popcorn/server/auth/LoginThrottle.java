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
 * Every attempt is counted before its password is checked (and given back when it succeeds), so guesses sent in
 * parallel are held to the same limit as guesses sent one by one. A successful login clears the account's counter.
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

    /**
     * Counts a log-in attempt against each key before its password is checked, each key in its own committed
     * transaction under the key's row lock: answers the seconds to wait when a key is locked (nothing counted for it),
     * else 0. Counting first means parallel guesses cannot all pass the check before any of them is counted; a
     * successful log-in gives its attempt back ({@link #succeeded}).
     */
    public long attempt(List<String> keys, Instant now) {
        for (String key : keys) {
            int max = key.startsWith("account:") ? maxPerAccount : maxPerAddress;
            long wait;
            try {
                wait = writer.attempt(key, max, now, windowSeconds, lockSeconds);
            } catch (RuntimeException raced) {
                // another request inserted the same key at the same moment; the row exists now, so once more counts on it
                wait = writer.attempt(key, max, now, windowSeconds, lockSeconds);
            }
            if (wait > 0) {
                return wait;
            }
        }
        return 0;
    }

    /** A log-in succeeded: the account starts afresh, and the address gets back the attempt it was charged. */
    public void succeeded(String accountKey, String addressKey) {
        writer.clear(accountKey);
        writer.giveBack(addressKey, maxPerAddress);
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

        /** Seconds to wait when the key is locked; else counts the attempt (which may lock it for the next) and answers 0. */
        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public long attempt(String key, int max, Instant now, long windowSeconds, long lockSeconds) {
            ThrottleEntry e = em.find(ThrottleEntry.class, key, LockModeType.PESSIMISTIC_WRITE);
            if (e == null) {
                e = new ThrottleEntry(key, now);
                em.persist(e);
                em.flush();
            }
            if (e.lockedUntil() != null && e.lockedUntil().isAfter(now)) {
                return Math.max(1, Duration.between(now, e.lockedUntil()).toSeconds() + 1);
            }
            e.registerFailure(now, max, windowSeconds, lockSeconds);
            return 0;
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void giveBack(String key, int max) {
            ThrottleEntry e = em.find(ThrottleEntry.class, key, LockModeType.PESSIMISTIC_WRITE);
            if (e != null) {
                e.giveBack(max);
            }
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
