package org.popcorn.api;

import java.util.logging.Logger;

/** The host's services for one plugin. Handed to {@link PopcornExtension#start}; safe to keep and use from any thread.
 *
 * @since 0.1.0
 */
public interface PluginContext {

    /** The plugin's id (from its manifest). */
    String pluginId();

    /** The SDK version the host provides. */
    String sdkVersion();

    /** The plugin's own tables, with transactions. */
    Database database();

    /** Look up members (public data only). */
    Members members();

    /** Look up cities. */
    Cities cities();

    /** Capacity-limited sign-ups with waiting lists (RSVPs, shifts, slots), enforced by the host. */
    Signups signups();

    /** Qualifications this plugin grants its members, which sign-up pools can require. @since 0.2.0 */
    Qualifications qualifications();

    /** Consent to a purpose's text, recorded with its version, time and who captured it. @since 0.2.0 */
    Consents consents();

    /** Award points, count activities and award badges; the source is this plugin. */
    Rewards rewards();

    /** Tell members: inbox, and e-mail when they chose it. */
    Notifications notifications();

    /** Publish this plugin's own events. */
    Events events();

    /** Who is making the current HTTP request and what they may do. Only meaningful inside a request. */
    CurrentMember currentMember();

    /** This plugin's settings, as admins set them. */
    Settings settings();

    /** A logger named after the plugin; log one line per event with context. */
    Logger log();

    /**
     * The time as the host keeps it: decide everything about time with {@code Instant.now(ctx.clock())} (is check-in
     * open, may a volunteer still cancel, is a lead's retention over), so the test kit can move time for your tests
     * ({@code PluginTestKit.advance}). On the server it is the system clock in UTC.
     *
     * @since 0.2.0
     */
    default java.time.Clock clock() {
        return java.time.Clock.systemUTC();
    }
}
