package org.popcorn.api;

/** Tells members what concerns them, through the core's inbox and e-mail (when the member chose e-mail for the kind). */
public interface Notifications {

    /**
     * Puts a notification in the member's inbox (and the e-mail outbox when chosen). {@code kind} is one of this plugin's
     * {@link PopcornExtension#notificationKinds()}; {@code link} is a path in the web UI such as {@code /#/meetups/42}, or null.
     */
    void notify(long memberId, String kind, String title, String body, String link);
}
