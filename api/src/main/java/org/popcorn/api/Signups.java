package org.popcorn.api;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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
 *
 * <p><b>Time, roles and eligibility</b> (since SDK 0.2.0): {@link #define} sets up a pool in full with a {@link PoolSpec}.
 * <ul>
 * <li><em>Time</em>: a pool may have a start and an end. When it is {@linkplain PoolSpec#exclusive() exclusive}, a member's
 * held places (confirmed or offered) in exclusive pools must not overlap — across all plugins: a charity shift, a booth
 * slot, a meetup seat. A join that would overlap is refused with 409 (code {@code signup.overlap}) naming the place it
 * clashes with; a waiting member whose time is taken when their turn comes is skipped and taken off the list, told to
 * plugins as the core event {@code signup.skipped} ({@code plugin}, {@code pool}, {@code memberId}, {@code reason}
 * {@code overlap} or {@code not-eligible}, {@code clash} the clashing place's title). The host serialises a member's
 * joins in the database, so two concurrent joins of one member for overlapping places: exactly one wins.</li>
 * <li><em>Roles</em>: an activity with several roles (driver, helper, team lead) is several pools, each with its own
 * capacity, waiting list and eligibility; {@link #pools(Collection)} counts many in one call, {@link #placesOf(long)}
 * lists a member's places in this plugin's pools, {@link #commitmentsOf(long, Instant, Instant)} their timed places in
 * every plugin's, {@link #close} stops new joins and {@link #delete} removes a pool.</li>
 * <li><em>Eligibility</em>: a pool may require a minimum level, a privilege, or one of this plugin's
 * {@linkplain Qualifications qualifications}; checked at join (403, code {@code signup.not-eligible}, naming the rule)
 * and again at promotion.</li>
 * </ul>
 *
 * @since 0.1.0
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
     * Who may take a place in a pool. Every rule set must hold; null means no such rule.
     *
     * @param minLevel      the lowest member level that may join (e.g. 3 for a team lead)
     * @param privilege     a privilege code the member must have, by level or an admin's grant (see {@link Rewards#may})
     * @param qualification one of this plugin's qualification codes the member must hold (see {@link Qualifications})
     * @since 0.2.0
     */
    record Eligibility(Integer minLevel, String privilege, String qualification) {

        /** Anyone may join. */
        public static final Eligibility ANYONE = new Eligibility(null, null, null);

        /** Members of at least this level. */
        public static Eligibility minLevel(int level) {
            return new Eligibility(level, null, null);
        }

        /** Members with this privilege. */
        public static Eligibility privilege(String code) {
            return new Eligibility(null, code, null);
        }

        /** Members holding this qualification of the plugin. */
        public static Eligibility qualification(String code) {
            return new Eligibility(null, null, code);
        }

        /** This rule set and a minimum level. */
        public Eligibility andMinLevel(int level) {
            return new Eligibility(level, privilege, qualification);
        }

        /** This rule set and a qualification. */
        public Eligibility andQualification(String code) {
            return new Eligibility(minLevel, privilege, code);
        }
    }

    /**
     * A pool's set-up, for {@link #define}. Build it from {@link #capacity(int)} and the {@code with…} methods.
     *
     * @param capacity    seats, 0 or more
     * @param offerWindow null: freed seats confirm the head of the line at once; else they are offered for this long
     * @param startsAt    when the place begins (null: untimed)
     * @param endsAt      when it ends (after {@code startsAt}; both or neither)
     * @param zone        the time zone people read the times in (the city's), used in texts such as an overlap refusal
     * @param exclusive   whether a member's place here must not overlap their other exclusive places
     * @param title       what a person calls the place, e.g. "Beach clean-up · driver" (named in overlap refusals)
     * @param eligibility who may join
     * @param closed      whether joins are refused (409, code {@code signup.closed}); places already taken stay
     * @param minRest     for an exclusive place: the least free time a member keeps between it and their other
     *                    exclusive places (null: back to back is fine); of two places the longer rest applies, so a
     *                    charity shift asking for an hour keeps an hour free before a booth slot that asks for none.
     *                    At most {@link #MAX_REST}. A join that would leave less is refused (409, code
     *                    {@code signup.too-little-rest}) and promotion passes such a member over, as for an overlap.
     * @since 0.2.0
     */
    record PoolSpec(int capacity, Duration offerWindow, Instant startsAt, Instant endsAt, ZoneId zone, boolean exclusive,
                    String title, Eligibility eligibility, boolean closed, Duration minRest) {

        /** The longest rest a place may ask for. @since 0.2.0 */
        public static final Duration MAX_REST = Duration.ofHours(24);

        /** The set-up without a rest between places (as before rests existed). @since 0.2.0 */
        public PoolSpec(int capacity, Duration offerWindow, Instant startsAt, Instant endsAt, ZoneId zone, boolean exclusive,
                        String title, Eligibility eligibility, boolean closed) {
            this(capacity, offerWindow, startsAt, endsAt, zone, exclusive, title, eligibility, closed, null);
        }

        /** An untimed, open pool anyone may join, promoting at once. */
        public static PoolSpec capacity(int capacity) {
            return new PoolSpec(capacity, null, null, null, null, false, null, Eligibility.ANYONE, false, null);
        }

        /** The same with time-limited offers. */
        public PoolSpec withOfferWindow(Duration window) {
            return new PoolSpec(capacity, window, startsAt, endsAt, zone, exclusive, title, eligibility, closed, minRest);
        }

        /** The same, timed and exclusive: a member's places here must not overlap their other exclusive places. */
        public PoolSpec withExclusiveTime(Instant start, Instant end, ZoneId zone) {
            return new PoolSpec(capacity, offerWindow, start, end, zone, true, title, eligibility, closed, minRest);
        }

        /** The same, timed but not exclusive (shown in a member's commitments, never refused for overlap). */
        public PoolSpec withTime(Instant start, Instant end, ZoneId zone) {
            return new PoolSpec(capacity, offerWindow, start, end, zone, false, title, eligibility, closed, minRest);
        }

        /** The same with a title. */
        public PoolSpec withTitle(String title) {
            return new PoolSpec(capacity, offerWindow, startsAt, endsAt, zone, exclusive, title, eligibility, closed, minRest);
        }

        /** The same with eligibility rules. */
        public PoolSpec withEligibility(Eligibility rules) {
            return new PoolSpec(capacity, offerWindow, startsAt, endsAt, zone, exclusive, title, rules, closed, minRest);
        }

        /** The same, open or closed to new joins. */
        public PoolSpec withClosed(boolean closed) {
            return new PoolSpec(capacity, offerWindow, startsAt, endsAt, zone, exclusive, title, eligibility, closed, minRest);
        }

        /** The same with a rest kept free between this place and the member's other exclusive places. @since 0.2.0 */
        public PoolSpec withMinRest(Duration rest) {
            return new PoolSpec(capacity, offerWindow, startsAt, endsAt, zone, exclusive, title, eligibility, closed, rest);
        }
    }

    /**
     * A member's timed place in any plugin's pool.
     *
     * @param plugin   the owning plugin's id
     * @param pool     the pool key, as that plugin named it
     * @param title    the pool's title, or null
     * @param startsAt when it starts
     * @param endsAt   when it ends
     * @param zone     the zone its times are read in, or null
     * @param status   confirmed, offered or waiting
     * @param exclusive whether it blocks overlapping exclusive places
     * @since 0.2.0
     */
    record Commitment(String plugin, String pool, String title, Instant startsAt, Instant endsAt, String zone, Status status,
                      boolean exclusive) {
    }

    /**
     * Creates a pool or changes its whole set-up (capacity, offers, time, eligibility, open or closed). Growing it
     * promotes waiting parties in order (skipping those no longer eligible or whose time is taken); a changed time or
     * rule refuses nobody who already holds a place. 422 (PluginProblem, field named) for a negative capacity, an
     * offer window under the host's minimum, or an end not after the start. Answers the places confirmed or offered.
     *
     * @since 0.2.0
     */
    List<Place> define(String pool, PoolSpec spec);

    /** A pool's set-up as last defined (pools made with {@link #setCapacity} are untimed). 404 when it does not exist. @since 0.2.0 */
    PoolSpec spec(String pool);

    /** Closes a pool to new joins (places taken stay; leaving still works). 404 when it does not exist. @since 0.2.0 */
    void close(String pool);

    /**
     * Deletes a pool with its places, e.g. a cancelled shift. Answers the places it held (confirmed, offered and
     * waiting), so the plugin can tell those members. Nothing happens when it does not exist.
     *
     * @since 0.2.0
     */
    List<Place> delete(String pool);

    /** The counts of many pools of this plugin in one call; pools that do not exist are absent from the answer. @since 0.2.0 */
    Map<String, Pool> pools(Collection<String> pools);

    /** A member's places in this plugin's pools, in pool-key order. @since 0.2.0 */
    List<Place> placesOf(long memberId);

    /**
     * A member's timed places in every plugin's pools that overlap {@code [from, to)}, soonest first: what their
     * calendar holds, across meetups, shifts and slots.
     *
     * @since 0.2.0
     */
    List<Commitment> commitmentsOf(long memberId, Instant from, Instant to);

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
