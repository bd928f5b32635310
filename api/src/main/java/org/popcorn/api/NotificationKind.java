package org.popcorn.api;

/**
 * A kind of notification a plugin sends; members choose per kind whether it also comes by e-mail.
 *
 * @param kind           unique; prefix it with the plugin id, e.g. {@code meetups-waitlist-promoted}
 * @param description    what members read on their e-mail choices
 * @param emailByDefault whether it is e-mailed until the member turns it off: say {@code true} for what expires or
 *                       needs an action (an offered place, a reminder, a cancellation), which a member who does not
 *                       open the app would otherwise miss; {@code false} (the default) for news. @since 0.2.0
 *
 * @since 0.1.0
 */
public record NotificationKind(String kind, String description, boolean emailByDefault) {

    /** A kind that is not e-mailed unless the member asks for it. */
    public NotificationKind(String kind, String description) {
        this(kind, description, false);
    }
}
