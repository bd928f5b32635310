package org.popcorn.api;

/**
 * Something members of a plugin may do once they reach a level, or when an admin grants it: declared by the plugin
 * ({@link PopcornExtension#privileges()}), listed on the rewards page beside the core's, grantable by admins on a
 * member's page, and asked with {@link Rewards#may}. The plugin owns the code: a code the core or another plugin
 * already owns makes the host refuse the plugin. Names and descriptions in other languages come from the plugin's
 * catalogue, keys {@code privilege.<code>.name} and {@code privilege.<code>.description}.
 *
 * @param code        unique, lower-case letters, digits and {@code -}; prefix new ones with the plugin id
 * @param name        the English name members read
 * @param description what it lets a member do, in English
 * @param minLevel    the level that unlocks it, or null when only an admin's grant does
 *
 * @since 0.2.0
 */
public record PrivilegeDefinition(String code, String name, String description, Integer minLevel) {
}
