package org.popcorn.api;

/** This plugin's settings: the admin's value when set, else the default from {@link SettingDefinition}. Read them each time you need them: admins change them at run time.
 *
 * @since 0.1.0
 */
public interface Settings {

    /** The value as text. */
    String get(String key);

    /** The value of an INTEGER setting. */
    long getLong(String key);

    /** The value of a BOOLEAN setting. */
    boolean getBoolean(String key);
}
