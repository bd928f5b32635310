package org.popcorn.api;

/**
 * A badge a plugin awards. With an activity kind and a threshold it is awarded automatically when the member's counter
 * reaches it (see {@link Rewards#recordActivity}); otherwise the plugin awards it with {@link Rewards#awardBadge}.
 *
 * @param code          unique; prefix it with the plugin id, e.g. {@code meetups-host}
 * @param name          shown to members
 * @param description   what it is for
 * @param icon          an icon name
 * @param activityKind  the counter that awards it, or null
 * @param threshold     the counter value that awards it, or null
 *
 * @since 0.1.0
 */
public record BadgeDefinition(String code, String name, String description, String icon, String activityKind, Long threshold) {
}
