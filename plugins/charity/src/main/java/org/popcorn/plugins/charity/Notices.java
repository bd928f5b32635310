package org.popcorn.plugins.charity;

import java.time.Instant;
import java.time.ZoneId;
import org.popcorn.api.Message;
import org.popcorn.api.Notifications;
import org.popcorn.api.PopcornEvent;

/**
 * What the charity plugin tells volunteers, as {@link Message}s each member reads in their own language (the 简体中文
 * wording is in {@code texts/zh-CN.properties} under {@code message.<key>}).
 */
final class Notices {

    private final Notifications notifications;

    Notices(Notifications notifications) {
        this.notifications = notifications;
    }

    private static Message activity(String key, String english, Activities.Row a) {
        return Message.of(key, english).with("title", a.title());
    }

    /** A place someone left is now the member's. */
    void placeIsYours(long member, Activities.Row a, String roleName) {
        notifications.notify(member, CharityExtension.KIND_PROMOTED, activity("place-yours.title", "You are in: {title}", a),
                roleName == null ? Message.of("place-yours.body", "A place became free and is yours.")
                        : Message.of("place-yours.role", "A place as {role} became free and is yours.").with("role", roleName),
                CharityExtension.link(a.id()));
    }

    void placeOffered(long member, Activities.Row a, Instant until, ZoneId zone) {
        notifications.notify(member, CharityExtension.KIND_PROMOTED, activity("place-offered.title", "A place is offered to you: {title}", a),
                Message.of("place-offered.body", "Accept it before {until}.").time("until", until, zone), CharityExtension.link(a.id()));
    }

    /** A free place went to the next in line because this member could not take it (an overlap, or a requirement). */
    void passedOver(long member, Activities.Row a, PopcornEvent event) {
        Message why = "overlap".equals(event.text("reason"))
                ? Message.of("passed-over.overlap", "A place became free, but you could not take it because it overlaps {clash}.")
                        .with("clash", event.text("clash"))
                : Message.of("passed-over.requirements",
                        "A place became free, but you could not take it because you no longer meet its requirements.");
        notifications.notify(member, CharityExtension.KIND_SKIPPED, activity("passed-over.title", "Passed over: {title}", a), why,
                CharityExtension.link(a.id()));
    }

    void reviewed(Activities.Row a, boolean approved, String reason) {
        notifications.notify(a.createdBy(), CharityExtension.KIND_REVIEWED,
                approved ? activity("approved.title", "Approved: {title}", a) : activity("rejected.title", "Not approved: {title}", a),
                approved ? Message.of("approved.body", "Your activity is live. Volunteers can sign up now.")
                        : Message.of("reason", "Reason: {reason}").with("reason", reason), CharityExtension.link(a.id()));
    }

    /** The day before or on the day of a shift the volunteer holds a place in. */
    void reminder(long member, Activities.Row a, boolean dayBefore, Instant meetAt, ZoneId zone, String roleName) {
        notifications.notify(member, CharityExtension.KIND_REMINDER,
                dayBefore ? activity("reminder.tomorrow", "Tomorrow: {title}", a) : activity("reminder.today", "Today: {title}", a),
                Message.of("reminder.body", "Meet at {place} at {when}, as {role}. Still coming? Great. Can't come? Cancel on the "
                        + "activity page so someone else can go.").with("place", a.meetingPoint()).time("when", meetAt, zone).with("role", roleName),
                CharityExtension.link(a.id()));
    }

    void hoursVerified(long member, Activities.Row a, long verifiedMinutes) {
        notifications.notify(member, CharityExtension.KIND_HOURS, activity("hours-verified.title", "Hours verified: {title}", a),
                verifiedMinutes == 60 ? Message.of("hours-verified.one", "1 hour is on your record. Thank you!")
                        : Message.of("hours-verified.body", "{hours} hours are on your record. Thank you!").with("hours", verifiedMinutes / 60.0),
                "/#/p/charity/mine");
    }
}
