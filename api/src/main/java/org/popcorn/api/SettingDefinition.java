package org.popcorn.api;

/**
 * A typed setting admins may change at run time.
 *
 * @param key          e.g. {@code default-capacity}
 * @param type         STRING, INTEGER or BOOLEAN; values are checked against it
 * @param defaultValue the value until an admin sets one
 * @param description  what it does, for the admin page
 *
 * @since 0.1.0
 */
public record SettingDefinition(String key, Type type, String defaultValue, String description) {

    /** The value types. */
    public enum Type { STRING, INTEGER, BOOLEAN }
}
