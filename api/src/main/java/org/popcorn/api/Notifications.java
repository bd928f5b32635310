package org.popcorn.api;

/** Tells members what concerns them, through the core's inbox and e-mail (when the member chose e-mail for the kind).
 *
 * @since 0.1.0
 */
public interface Notifications {

    /**
     * Puts a notification in the member's inbox (and the e-mail outbox when chosen). {@code kind} is one of this plugin's
     * {@link PopcornExtension#notificationKinds()}; {@code link} is a path in the web UI such as {@code /#/meetups/42}, or null.
     * The texts are stored as given and read the same in every language: prefer
     * {@link #notify(long, String, Message, Message, String)}.
     */
    void notify(long memberId, String kind, String title, String body, String link);

    /**
     * The same with texts every member reads in their own language: the inbox renders {@code title} and {@code body} in
     * the language the member reads it in, an e-mail in the member's language (the one they last chose in the app),
     * from this plugin's catalogues ({@link Message}).
     *
     * @since 0.2.0
     */
    default void notify(long memberId, String kind, Message title, Message body, String link) {
        notify(memberId, kind, title.english(), body.english(), link);
    }
}
