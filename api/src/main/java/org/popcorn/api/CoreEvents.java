package org.popcorn.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every event type the core publishes, with its payload's fields: the one list to read before writing
 * {@link PopcornExtension#eventTypes()} and {@link PopcornExtension#onEvent}. The server refuses to publish a core event
 * that is not listed here or whose payload differs from its {@link Type}, so this list and what listeners receive
 * cannot drift apart.
 *
 * <p>Numbers arrive as {@link Number} (read them with {@link PopcornEvent#longValue}), texts and instants (ISO-8601) as
 * {@link String}. Plugins publish their own events through {@link Events}, named {@code <pluginId>.<what>} (e.g.
 * {@code feedback.status-changed}); the publishing plugin documents their payload.
 *
 * <p>Delivery: each plugin reads the stored event log with its own cursor, after the cause committed, in id order, at
 * least once (a listener that throws is retried with back-off and, after its last try, listed for admins to replay).
 * Events that happen while a plugin is disabled wait for it and are delivered when it is enabled again. Use
 * {@link PopcornEvent#id()} to make handling idempotent.
 *
 * @since 0.2.0
 */
public final class CoreEvents {

    /** An event type and its payload: the fields always present and those present only sometimes.
     *
     * @param name           the event type, e.g. {@code round.closed}
     * @param fields         the payload fields every event of this type carries
     * @param optionalFields the fields carried only when they apply (see the type's constant)
     * @since 0.2.0
     */
    public record Type(String name, List<String> fields, List<String> optionalFields) {

        /** Whether {@code field} may appear in this type's payload. */
        public boolean allows(String field) {
            return fields.contains(field) || optionalFields.contains(field);
        }

        /**
         * Checks that {@code payload} carries every field of this type and none other; the server calls it for each
         * core event it publishes, the test kit for each core event a test delivers.
         *
         * @throws IllegalArgumentException naming the missing or unlisted field
         */
        public void check(Map<String, ?> payload) {
            for (String field : fields) {
                if (!payload.containsKey(field)) {
                    throw new IllegalArgumentException("The event " + name + " lacks its field " + field + ".");
                }
            }
            for (String field : payload.keySet()) {
                if (!allows(field)) {
                    throw new IllegalArgumentException("The event " + name + " carries " + field + ", which CoreEvents does not list.");
                }
            }
        }
    }

    /** A member joined. Payload: {@code memberId}, {@code handle}, {@code homeCityId}. */
    public static final String MEMBER_REGISTERED = "member.registered";

    /**
     * A member's account was erased. Payload: {@code memberId}, {@code placesReleased} (how many sign-up places the
     * member held; they are already given up and those promoted in their place told through {@link #SIGNUP_CONFIRMED}
     * / {@link #SIGNUP_OFFERED}). Every plugin's {@link PopcornExtension#eraseMember} ran in the same transaction.
     */
    public static final String MEMBER_DELETED = "member.deleted";

    /** A member cast their first ballot in a round (changes of it publish nothing). Payload: {@code roundId},
     * {@code memberId}. */
    public static final String BALLOT_CAST = "ballot.cast";

    /** A voting round opened. Payload: {@code roundId}, {@code title}, {@code closesAt} (instant). */
    public static final String ROUND_OPENED = "round.opened";

    /**
     * A voting round closed; its results are final. Payload: {@code roundId}, {@code title}, {@code ballots},
     * {@code eligible}; when a city won: {@code winnerCityId}, {@code winnerCityName}, {@code pledges}, {@code votes};
     * when members chose a size: {@code chosenSize}.
     */
    public static final String ROUND_CLOSED = "round.closed";

    /** A waiting member was offered a freed place, to accept before {@code expiresAt}. Payload: {@code plugin},
     * {@code pool} (the plugin's pool name), {@code memberId}, {@code expiresAt} (instant). See {@link Signups}. */
    public static final String SIGNUP_OFFERED = "signup.offered";

    /** A waiting member was given a freed place outright. Payload: {@code plugin}, {@code pool}, {@code memberId}. */
    public static final String SIGNUP_CONFIRMED = "signup.confirmed";

    /** An offered place was not accepted in time and went to the next in line. Payload: {@code plugin}, {@code pool},
     * {@code memberId}; {@code expiresAt} (instant) when the offer had one. */
    public static final String SIGNUP_OFFER_EXPIRED = "signup.offer-expired";

    /**
     * A waiting member was passed over at promotion and removed from the line. Payload: {@code plugin}, {@code pool},
     * {@code memberId}, {@code reason} ({@code overlap}, {@code too-little-rest} or {@code not-eligible}); {@code clash}
     * (the place whose time they hold, as a person reads it) when the reason is {@code overlap} or
     * {@code too-little-rest} (the place is too close to one they hold, see {@link Signups.PoolSpec#minRest()}).
     */
    public static final String SIGNUP_SKIPPED = "signup.skipped";

    /**
     * The server filled an empty community with demo data, so a plugin can add its own. Payload: {@code organiserId},
     * {@code cityId} (the organiser's city), {@code fanId}, {@code handles} (comma-separated demo members living there).
     */
    public static final String DEMO_LOADED = "demo.loaded";

    private static final List<String> SIGNUP = List.of("plugin", "pool", "memberId");

    /** Every core event type, in the order above. */
    public static final List<Type> ALL = List.of(
            new Type(MEMBER_REGISTERED, List.of("memberId", "handle", "homeCityId"), List.of()),
            new Type(MEMBER_DELETED, List.of("memberId", "placesReleased"), List.of()),
            new Type(BALLOT_CAST, List.of("roundId", "memberId"), List.of()),
            new Type(ROUND_OPENED, List.of("roundId", "title", "closesAt"), List.of()),
            new Type(ROUND_CLOSED, List.of("roundId", "title", "ballots", "eligible"),
                    List.of("winnerCityId", "winnerCityName", "pledges", "votes", "chosenSize")),
            new Type(SIGNUP_OFFERED, List.of("plugin", "pool", "memberId", "expiresAt"), List.of()),
            new Type(SIGNUP_CONFIRMED, SIGNUP, List.of("expiresAt")),
            new Type(SIGNUP_OFFER_EXPIRED, SIGNUP, List.of("expiresAt")),
            new Type(SIGNUP_SKIPPED, List.of("plugin", "pool", "memberId", "reason"), List.of("clash")),
            new Type(DEMO_LOADED, List.of("organiserId", "cityId", "fanId", "handles"), List.of()));

    private CoreEvents() {
    }

    /** The core event type called {@code name}, if the core publishes one. */
    public static Optional<Type> find(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
