package org.popcorn.plugins.booths;

import java.time.Instant;
import java.time.ZoneId;
import org.popcorn.api.Message;
import org.popcorn.api.Notifications;
import org.popcorn.api.PopcornEvent;

/**
 * What the booths plugin tells members, as {@link Message}s each member reads in their own language (the 简体中文
 * wording is in {@code texts/zh-CN.properties} under {@code message.<key>}).
 */
final class Notices {

    private final Notifications notifications;

    Notices(Notifications notifications) {
        this.notifications = notifications;
    }

    private static Message booth(String key, String english, Booths.Row b) {
        return Message.of(key, english).with("compound", b.compound());
    }

    /** A place someone left (or a grown slot) is now the member's. */
    void placeIsYours(long member, Booths.Row b, boolean lead) {
        notifications.notify(member, BoothsExtension.KIND_PROMOTED, booth("place-yours.title", "You are in: demo booth {compound}", b),
                lead ? Message.of("place-yours.lead", "A place as demo lead became free and is yours.")
                        : Message.of("place-yours.body", "A place became free and is yours."), Booths.link(b.id()));
    }

    void placeOffered(long member, Booths.Row b, Instant until, ZoneId zone) {
        notifications.notify(member, BoothsExtension.KIND_PROMOTED, booth("place-offered.title", "A place is offered to you: demo booth {compound}", b),
                Message.of("place-offered.body", "Accept it before {until}.").time("until", until, zone), Booths.link(b.id()));
    }

    /** A free place went to the next in line because this member could not take it (an overlap, too little rest, or a requirement). */
    void passedOver(long member, Booths.Row b, PopcornEvent event) {
        Message why = switch (event.text("reason")) {
            case "overlap" -> Message.of("passed-over.overlap", "A place became free, but you could not take it because it overlaps {clash}.")
                    .with("clash", event.text("clash"));
            case "too-little-rest" -> Message.of("passed-over.rest", "A place became free, but you could not take it because it is too close to {clash}.")
                    .with("clash", event.text("clash"));
            default -> Message.of("passed-over.requirements", "A place became free, but you could not take it because you do not meet its requirements.");
        };
        notifications.notify(member, BoothsExtension.KIND_SKIPPED, booth("passed-over.title", "Passed over: demo booth {compound}", b), why,
                Booths.link(b.id()));
    }

    void reviewed(Booths.Row b, boolean approved, String reason) {
        notifications.notify(b.proposedBy(), BoothsExtension.KIND_REVIEWED,
                approved ? booth("approved.title", "Your booth is on: {compound}", b)
                        : booth("rejected.title", "Your booth was not approved: {compound}", b),
                approved ? Message.of("approved.body", "An organiser approved it; volunteers can sign up for its slots now.")
                        : Message.of("reason", "Reason: {reason}").with("reason", reason), Booths.link(b.id()));
    }

    void cancelled(long member, Booths.Row b, String reason) {
        notifications.notify(member, BoothsExtension.KIND_CANCELLED, booth("cancelled.title", "Booth cancelled: {compound}", b),
                Message.of("cancelled.body", "The booth you signed up for will not take place. Reason: {reason}").with("reason", reason),
                Booths.link(b.id()));
    }

    void helpWanted(long member, Booths.Row b, Instant slotStart, ZoneId zone) {
        notifications.notify(member, BoothsExtension.KIND_HELP, booth("help-wanted.title", "Help wanted: demo booth {compound}", b),
                Message.of("help-wanted.body", "The slot at {when} still needs volunteers. Can you help?").time("when", slotStart, zone),
                Booths.link(b.id()));
    }
}
