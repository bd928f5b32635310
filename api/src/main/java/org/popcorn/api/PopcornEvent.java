package org.popcorn.api;

import java.time.Instant;
import java.util.Map;

/**
 * A domain event delivered to {@link PopcornExtension#onEvent}. Core events: {@code member.registered}
 * ({@code memberId}, {@code handle}), {@code member.deleted} ({@code memberId}, {@code placesReleased}: the account is
 * erased and every sign-up place it held is already given up, those promoted in its place told through
 * {@code signup.confirmed} / {@code signup.offered}; a plugin erases or anonymises its own data about the member),
 * {@code ballot.cast} ({@code roundId}, {@code memberId}), {@code round.opened}
 * ({@code roundId}), {@code round.closed} ({@code roundId}, {@code title}, {@code winnerCityId}, {@code winnerCityName},
 * {@code chosenSize}, {@code pledges}, {@code votes}, {@code ballots}, {@code eligible}), {@code signup.offered},
 * {@code signup.confirmed}, {@code signup.offer-expired} and, since 0.2.0, {@code signup.skipped} ({@code plugin},
 * {@code pool}, {@code memberId}, {@code reason} {@code overlap} or {@code not-eligible}, {@code clash}: a waiting
 * member passed over at promotion and removed from the line; see {@link Signups}), and {@code demo.loaded} when the
 * server filled an empty community with demo data ({@code organiserId}, {@code cityId} the organiser's city,
 * {@code fanId}, {@code handles} a comma-separated list of demo members living in that city), so a plugin can add its
 * own sample data.
 *
 * @param id         unique and increasing; use it to make handling idempotent
 * @param type       e.g. {@code round.closed}
 * @param source     {@code core} or the publishing plugin's id
 * @param payload    the event's data (numbers as {@link Number}, texts as {@link String})
 * @param occurredAt when the cause committed
 *
 * @since 0.1.0
 */
public record PopcornEvent(long id, String type, String source, Map<String, Object> payload, Instant occurredAt) {

    /** A payload number as a long, or null when absent. */
    public Long longValue(String key) {
        Object v = payload.get(key);
        return v instanceof Number n ? n.longValue() : null;
    }

    /** A payload value as text, or null when absent. */
    public String text(String key) {
        Object v = payload.get(key);
        return v == null ? null : String.valueOf(v);
    }
}
