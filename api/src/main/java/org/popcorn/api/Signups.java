package org.popcorn.api;

import java.time.Duration;
import java.time.Instant;
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
 *
 * <p><b>Offers</b> (since SDK 0.1.1): a pool may promote by time-limited offer instead of at once (see
 * {@link #setCapacity(String, int, Duration)}). The head of the line then gets an {@link Status#OFFERED OFFERED} place
 * that holds its seats until {@link Place#offerExpiresAt()}; the member {@link #accept}s it (or joins again with the
 * same party), or {@link #leave}s. An offer nobody answers expires: the host's sweeper (every few seconds) removes it
 * and offers the seats to the next in line. Changes made by the sweeper are told to plugins as core events
 * {@code signup.offered} (or {@code signup.confirmed}, had the pool switched to instant promotion) and
 * {@code signup.offer-expired} with the payload {@code plugin} (the owning plugin's id),
 * {@code pool} (the plugin's key), {@code memberId}, and for offers {@code expiresAt} (ISO-8601); listen to them with
 * {@link PopcornExtension#eventTypes()} and ignore pools of other plugins. Changes caused by your own calls are in the
 * calls' answers instead.
 */
public interface Signups {

    /** Where a member stands in a pool. */
    enum Status {
        /** Has the seats. */
        CONFIRMED,
        /** Holds the seats until the offer expires; must accept it to be confirmed. */
        OFFERED,
        /** In the waiting list. */
        WAITING
    }

    /**
     * A member's place.
     *
     * @param pool            the pool key, as the plugin named it
     * @param memberId        the member
     * @param partySize       seats taken: the member plus guests
     * @param status          confirmed or waiting
     * @param waitingPosition 1 for the head of the waiting list; null unless waiting
     * @param offerExpiresAt  when an offer runs out; null unless offered
     */
    record Place(String pool, long memberId, int partySize, Status status, Integer waitingPosition, Instant offerExpiresAt) {

        /** A place without an offer (confirmed, or waiting at a position). */
        public Place(String pool, long memberId, int partySize, Status status, Integer waitingPosition) {
            this(pool, memberId, partySize, status, waitingPosition, null);
        }
    }

    /** A pool's counts: capacity, seats taken by confirmed and offered parties, parties waiting. */
    record Pool(String pool, int capacity, int taken, int waitingParties) {
    }

    /**
     * Creates a pool or changes its capacity (0 or more). Growing it confirms waiting parties in order; shrinking it
     * below the seats taken confirms nobody new but un-confirms nobody either. Answers the places confirmed by the change.
     */
    List<Place> setCapacity(String pool, int capacity);

    /**
     * Like {@link #setCapacity(String, int)}, and sets how freed seats reach the waiting list: {@code offerWindow} null
     * confirms the head of the line at once; a duration offers the seats to it for that long (at least one minute; the host's
     * {@code popcorn.signups.min-offer-seconds}).
     * The answer lists the places confirmed or offered by the change. Since SDK 0.1.1.
     */
    List<Place> setCapacity(String pool, int capacity, Duration offerWindow);

    /**
     * Joins a pool with a party of {@code partySize} (1 or more). Joining again with the same size answers the existing
     * place (and accepts it when it is an offer); with another size the member leaves and joins again (at the back of
     * the waiting list if not confirmed). 404 (PluginProblem) when the pool does not exist, 422 for a party size below 1.
     */
    Place join(String pool, long memberId, int partySize);

    /**
     * Joins only if the party is confirmed at once (seats free and nobody waiting); otherwise changes nothing and answers
     * empty. A member already in the pool gets their place unchanged. For reserved shares kept in a separate pool
     * (e.g. newcomer seats). Since SDK 0.1.1.
     */
    Optional<Place> joinIfFree(String pool, long memberId, int partySize);

    /** Accepts the member's offer: the place becomes confirmed. 409 (PluginProblem) when the member holds no offer. Since SDK 0.1.1. */
    Place accept(String pool, long memberId);

    /** Leaves a pool (nothing happens when the member is not in it); answers the waiting places confirmed or offered in its stead. */
    List<Place> leave(String pool, long memberId);

    /** A member's place in a pool, if any. */
    Optional<Place> placeOf(String pool, long memberId);

    /** A pool's counts; 404 (PluginProblem) when it does not exist. */
    Pool pool(String pool);

    /** The places of one status: confirmed in the order they were confirmed, offered and waiting in waiting-list order. */
    List<Place> places(String pool, Status status, int page, int size);
}
