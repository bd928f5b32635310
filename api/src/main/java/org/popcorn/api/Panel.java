package org.popcorn.api;

import java.time.Instant;
import java.util.List;

/**
 * What a plugin's panel route answers (see {@link PanelDefinition}): up to a handful of items, newest or soonest first,
 * and where to see all. Texts are in the reader's language (the request's {@code Accept-Language}); the core formats
 * {@link Item#at} in {@link Item#zone} in the reader's language. No items: the core says there is nothing yet, beside
 * the link.
 *
 * @param items    what to show, at most 10
 * @param moreHref the page listing all of it (e.g. {@code /plugins/meetups/index.html#city=3}), or null
 *
 * @since 0.2.0
 */
public record Panel(List<Item> items, String moreHref) {

    /**
     * One line of a panel.
     *
     * @param title  what it is, e.g. a meetup's title
     * @param detail a second line (a venue, "3 h verified"), or null
     * @param at     when it happens or happened, or null
     * @param zone   the IANA zone to show {@code at} in (the city's), or null for UTC
     * @param href   the item's page, or null
     * @since 0.2.0
     */
    public record Item(String title, String detail, Instant at, String zone, String href) {
    }
}
