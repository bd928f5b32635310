package org.popcorn.testkit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The test kit's clock: the real time until a test moves it; from then on it stands where the test put it. */
final class KitClock extends Clock {

    private volatile Instant fixed;

    void set(Instant at) {
        fixed = at;
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f != null ? f : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the kit's clock is UTC");
    }
}
