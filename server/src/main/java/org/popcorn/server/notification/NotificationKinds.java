package org.popcorn.server.notification;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The kinds of notification members can choose to get by e-mail, with a description for the settings page.
 * Plugins register their own kinds at start.
 */
public final class NotificationKinds {

    public static final String BADGE_EARNED = "badge-earned";
    public static final String LEVEL_REACHED = "level-reached";
    public static final String ROLE_CHANGED = "role-changed";
    public static final String ACCOUNT = "account";

    private static final Map<String, String> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put(BADGE_EARNED, "You earned a badge");
        KINDS.put(LEVEL_REACHED, "You reached a new level");
        KINDS.put(ROLE_CHANGED, "You became (or stopped being) an organiser");
        KINDS.put(ACCOUNT, "Security notices about your account (password changed)");
    }

    private NotificationKinds() {
    }

    public static synchronized void register(String kind, String description) {
        KINDS.putIfAbsent(kind, description);
    }

    public static synchronized Map<String, String> all() {
        return new LinkedHashMap<>(KINDS);
    }
}
