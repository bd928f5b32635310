package org.popcorn.api;

import java.time.Instant;
import java.util.Map;

/**
 * A domain event delivered to {@link PopcornExtension#onEvent}. The core's event types and their payload fields are
 * listed in {@link CoreEvents}; a plugin's own events are named after it ({@code feedback.status-changed}).
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
