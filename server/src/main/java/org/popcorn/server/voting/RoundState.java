package org.popcorn.server.voting;

/** The life of a voting round: DRAFT → NOMINATING → OPEN → CLOSED, or CANCELLED from any state before CLOSED. */
public enum RoundState {
    DRAFT, NOMINATING, OPEN, CLOSED, CANCELLED;

    public boolean isFinished() {
        return this == CLOSED || this == CANCELLED;
    }
}
