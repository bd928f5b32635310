package org.popcorn.api;

import java.util.Map;

/**
 * An entry in the web UI's navigation. The page it opens is served by the host from the plugin jar's {@code web/} folder
 * at {@code /plugins/<pluginId>/...}.
 *
 * @param labels    label per language tag, e.g. {@code {"en": "Meetups", "zh-CN": "聚会"}}
 * @param href      the page, e.g. {@code /plugins/meetups/index.html}
 * @param icon      an icon: an emoji (shown before the label, e.g. {@code "🎪"}) or an icon name (not shown by the built-in UI)
 * @param countPath what awaits the signed-in member there, as a GET route of this plugin relative to
 *                  {@code /api/plugins/<pluginId>/} that answers a page ({@code {"total": 3, ...}}), e.g. the proposals
 *                  waiting for an organiser: the app shows the total beside the entry when it is above 0 and ignores
 *                  an error (a member the route is not for). Null for none. @since 0.2.0
 *
 * @since 0.1.0
 */
public record NavigationEntry(Map<String, String> labels, String href, String icon, String countPath) {

    /** An entry without a count. */
    public NavigationEntry(Map<String, String> labels, String href, String icon) {
        this(labels, href, icon, null);
    }
}
