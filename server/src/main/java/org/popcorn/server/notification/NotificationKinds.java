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
    private static final Map<String, String> OWNERS = new java.util.HashMap<>();
    /** Kinds e-mailed unless the member turned them off (what expires or needs an action). */
    private static final java.util.Set<String> EMAILED = new java.util.HashSet<>(java.util.Set.of(ACCOUNT));

    static {
        KINDS.put(BADGE_EARNED, "You earned a badge");
        KINDS.put(LEVEL_REACHED, "You reached a new level");
        KINDS.put(ROLE_CHANGED, "You became (or stopped being) an organiser");
        KINDS.put(ACCOUNT, "Security notices about your account (password changed)");
    }

    private NotificationKinds() {
    }

    public static synchronized void register(String kind, String description) {
        register(kind, description, false);
    }

    /** A plugin's kind; {@code emailByDefault} for what a member must not miss (offers, reminders, cancellations). */
    public static synchronized void register(String kind, String description, boolean emailByDefault) {
        register(kind, description, emailByDefault, null);
    }

    /** The same, remembering which plugin's text catalogue describes the kind in other languages. */
    public static synchronized void register(String kind, String description, boolean emailByDefault, String owner) {
        KINDS.putIfAbsent(kind, description);
        if (owner != null) {
            OWNERS.putIfAbsent(kind, owner);
        }
        if (emailByDefault) {
            EMAILED.add(kind);
        }
    }

    /** The plugin that registered a kind, or "core". */
    public static synchronized String owner(String kind) {
        return OWNERS.getOrDefault(kind, "core");
    }

    /** Whether a kind is e-mailed to a member who has not chosen. */
    public static synchronized boolean emailedByDefault(String kind) {
        return EMAILED.contains(kind);
    }

    public static synchronized Map<String, String> all() {
        return new LinkedHashMap<>(KINDS);
    }
}
