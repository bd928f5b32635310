package org.popcorn.api;

import java.util.Map;

/**
 * A panel this plugin adds to a page of the core's: the city page lists what happens in that city, a member's profile
 * what they did. The core renders the panel itself, in its own look, from what the plugin's route answers (a
 * {@link Panel}): a title, a few items and a link to see all. The route is called with the page's subject as a query
 * parameter — {@code cityId} on {@link #CITY}, {@code memberId} on {@link #PROFILE} — by the page's reader (signed in or
 * not), so answer only what that reader may see. A route that fails leaves the panel out.
 *
 * @param slot   where it shows: {@link #CITY} or {@link #PROFILE}
 * @param titles the panel's heading per language tag, e.g. {@code {"en": "Meetups", "zh-CN": "聚会"}}
 * @param path   a GET route of this plugin relative to {@code /api/plugins/<pluginId>/}, e.g. {@code panels/city}
 *
 * @since 0.2.0
 */
public record PanelDefinition(String slot, Map<String, String> titles, String path) {

    /** The city page ({@code #/cities/<id>}); the route gets {@code ?cityId=}. */
    public static final String CITY = "city";

    /** A member's profile ({@code #/members/<handle>} and the member's own); the route gets {@code ?memberId=}. */
    public static final String PROFILE = "profile";
}
