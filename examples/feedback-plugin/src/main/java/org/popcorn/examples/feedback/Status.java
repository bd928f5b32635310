package org.popcorn.examples.feedback;

import java.util.Map;
import java.util.Set;

/** Where a piece of feedback stands: received → planned → in progress → done, or declined (with a public note). */
public enum Status {
    RECEIVED, PLANNED, IN_PROGRESS, DONE, DECLINED;

    private static final Map<Status, Set<Status>> NEXT = Map.of(
            RECEIVED, Set.of(PLANNED, IN_PROGRESS, DONE, DECLINED),
            PLANNED, Set.of(IN_PROGRESS, DONE, DECLINED),
            IN_PROGRESS, Set.of(DONE, DECLINED, PLANNED),
            DONE, Set.of(),
            DECLINED, Set.of(RECEIVED));

    /** Whether an organiser may move feedback from this status to {@code next}. */
    public boolean canMoveTo(Status next) {
        return NEXT.get(this).contains(next);
    }
}
