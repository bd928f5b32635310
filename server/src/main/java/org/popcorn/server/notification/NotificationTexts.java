package org.popcorn.server.notification;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.util.logging.Logger;
import org.popcorn.api.Message;
import org.popcorn.server.language.Messages;

/**
 * A notification's title and body in the reader's language: rendered from the stored messages (see
 * {@link Notification#message()}) by the owner's catalogue, or the stored English text when the notification was sent
 * as plain text, its messages no longer parse, or they were too long to keep.
 */
final class NotificationTexts {

    private static final Logger LOG = Logger.getLogger(NotificationTexts.class.getName());
    private static final JsonProvider JSON = JsonProvider.provider();
    static final int MAX_JSON = 8000;

    private NotificationTexts() {
    }

    /** The stored form of a title and body; null (English text only) when it would not fit its column. */
    static String json(Message title, Message body) {
        String json = JSON.createObjectBuilder().add("title", Messages.toJson(title)).add("body", Messages.toJson(body))
                .build().toString();
        return json.length() <= MAX_JSON ? json : null;
    }

    /** {title, body} of the notification in {@code lang}. */
    static String[] read(Notification n, String lang, java.util.function.LongFunction<String> cityNames) {
        if (n.message() == null) {
            return new String[] {n.title(), n.body()};
        }
        try {
            JsonObject o = Messages.parse(n.message());
            return new String[] {
                Messages.render(n.source(), Messages.fromJson(o.getJsonObject("title")), lang, cityNames),
                Messages.render(n.source(), Messages.fromJson(o.getJsonObject("body")), lang, cityNames)};
        } catch (RuntimeException unreadable) {
            LOG.warning(() -> "event=notification.message-unreadable id=" + n.id() + " reason=" + unreadable);
            return new String[] {n.title(), n.body()};
        }
    }
}
