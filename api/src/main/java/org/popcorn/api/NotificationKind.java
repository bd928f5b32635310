package org.popcorn.api;

/**
 * A kind of notification a plugin sends; members choose per kind whether it also comes by e-mail.
 *
 * @param kind        unique; prefix it with the plugin id, e.g. {@code meetups-waitlist-promoted}
 * @param description what members read on their e-mail choices
 */
public record NotificationKind(String kind, String description) {
}
