package org.popcorn.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The SDK's identity.
 *
 * @since 0.1.0
 */
public final class PopcornSdk {

    /** The semantic version of this SDK, e.g. {@code 0.1.0}. Plugins require a range of it in {@code Plugin-Requires}. */
    public static final String VERSION = load();

    private PopcornSdk() {
    }

    private static String load() {
        try (InputStream in = PopcornSdk.class.getResourceAsStream("sdk.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("sdk.version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the SDK jar is missing sdk.properties", e);
        }
    }
}
