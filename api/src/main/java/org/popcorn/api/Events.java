package org.popcorn.api;

import java.util.Map;

/** Publishes this plugin's own events to listeners (other plugins); recorded in the core's event log.
 *
 * @since 0.1.0
 */
public interface Events {

    /** Publishes {@code type} (prefix it with your plugin id, e.g. {@code meetups.rsvp}) with a JSON-able payload. */
    void publish(String type, Map<String, Object> payload);
}
