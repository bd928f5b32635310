package org.popcorn.api;

import java.util.List;
import java.util.Optional;

/**
 * Capacity-limited sign-ups with a waiting list: the building block behind meetup RSVPs, charity-month shifts and
 * demo-booth slots. A <em>pool</em> has a number of seats; members join it with a party (themselves plus guests).
 * The host keeps pools in its own tables and changes them under a row lock, so capacity is never exceeded, whatever
 * the concurrency and however many servers share the database.
 *
 * <p>Rules: a party is confirmed when its seats are free and nobody is waiting ahead of it; otherwise it waits. The
 * waiting list is first come, first served and keeps parties together: when seats free up (someone leaves, or the
 * capacity grows), waiting parties are confirmed in order while the one at the head fits — a party of 3 waits for 3
 * seats, and the parties behind it wait too. Pool keys are the plugin's own (the host prefixes them with the plugin id).
 */
public interface Signups {

    /** Where a member stands in a pool. */
    enum Status { CONFIRMED, WAITING }

    /**
     * A member's place.
     *
     * @param pool            the pool key, as the plugin named it
     * @param memberId        the member
     * @param partySize       seats taken: the member plus guests
     * @param status          confirmed or waiting
     * @param waitingPosition 1 for the head of the waiting list; null when confirmed
     */
    record Place(String pool, long memberId, int partySize, Status status, Integer waitingPosition) {
    }

    /** A pool's counts: capacity, seats taken by confirmed parties, parties waiting. */
    record Pool(String pool, int capacity, int taken, int waitingParties) {
    }

    /**
     * Creates a pool or changes its capacity (0 or more). Growing it confirms waiting parties in order; shrinking it
     * below the seats taken confirms nobody new but un-confirms nobody either. Answers the places confirmed by the change.
     */
    List<Place> setCapacity(String pool, int capacity);

    /**
     * Joins a pool with a party of {@code partySize} (1 or more). Joining again with the same size answers the existing
     * place; with another size the member leaves and joins again (at the back of the waiting list if not confirmed).
     * 404 (PluginProblem) when the pool does not exist, 422 for a party size below 1.
     */
    Place join(String pool, long memberId, int partySize);

    /** Leaves a pool (nothing happens when the member is not in it); answers the waiting places confirmed in its stead. */
    List<Place> leave(String pool, long memberId);

    /** A member's place in a pool, if any. */
    Optional<Place> placeOf(String pool, long memberId);

    /** A pool's counts; 404 (PluginProblem) when it does not exist. */
    Pool pool(String pool);

    /** The places of one status, confirmed in the order they were confirmed, waiting in waiting-list order. */
    List<Place> places(String pool, Status status, int page, int size);
}
