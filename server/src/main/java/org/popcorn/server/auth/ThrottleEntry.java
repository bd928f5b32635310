package org.popcorn.server.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Failed-login counter for one key (an account or a client address). */
@Entity
@Table(name = "login_throttle")
class ThrottleEntry {

    @Id
    @Column(name = "throttle_key")
    String key;

    int failures;

    @Column(name = "window_start")
    Instant windowStart;

    @Column(name = "locked_until")
    Instant lockedUntil;

    protected ThrottleEntry() {
    }

    ThrottleEntry(String key, Instant now) {
        this.key = key;
        this.windowStart = now;
    }

    /**
     * Counts one failure. A new window starts when the last one has passed (and no lock is running). Reaching
     * {@code max} failures locks the key for {@code lockSeconds}, doubled for each further failure, at most a day.
     * (State changes go through methods: EclipseLink's weaving only tracks changes the entity makes itself.)
     */
    void registerFailure(Instant now, int max, long windowSeconds, long lockSeconds) {
        boolean windowOver = windowStart.plusSeconds(windowSeconds).isBefore(now);
        boolean unlocked = lockedUntil == null || lockedUntil.isBefore(now);
        if (windowOver && unlocked) {
            windowStart = now;
            failures = 0;
        }
        failures++;
        if (failures >= max) {
            int beyond = Math.min(failures - max, 8);
            long seconds = Math.min(lockSeconds << beyond, 86_400L);
            lockedUntil = now.plusSeconds(seconds);
        }
    }

    /** An attempt counted in advance succeeded: it was not a failure; below the limit again, the key is not locked. */
    void giveBack(int max) {
        if (failures > 0) {
            failures--;
        }
        if (failures < max) {
            lockedUntil = null;
        }
    }

    Instant lockedUntil() {
        return lockedUntil;
    }
}
