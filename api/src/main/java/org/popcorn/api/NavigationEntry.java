package org.popcorn.api;

import java.util.Map;

/**
 * An entry in the web UI's navigation. The page it opens is served by the host from the plugin jar's {@code web/} folder
 * at {@code /plugins/<pluginId>/...}.
 *
 * @param labels label per language tag, e.g. {@code {"en": "Meetups", "zh-CN": "聚会"}}
 * @param href   the page, e.g. {@code /plugins/meetups/index.html}
 * @param icon   an icon: an emoji (shown before the label, e.g. {@code "🎪"}) or an icon name (not shown by the built-in UI)
 */
public record NavigationEntry(Map<String, String> labels, String href, String icon) {
}
