package org.popcorn.plugins.meetups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.popcorn.api.PluginProblem;
import org.popcorn.testkit.PluginTestKit;

/** "Download my data" and account deletion: the extension's {@code exportMember} and {@code eraseMember} hooks. */
class MemberDataTest {

    PluginTestKit kit;
    MeetupsResource api;
    AttendanceStore attendance;
    long chengdu;
    long org;
    long ann;
    long bob;
    long future;
    long past;

    /** Ann and Bob RSVP to a meetup in 3 days; both came to a past one and rated it; Ann has a proposal waiting. */
    @BeforeEach
    void start() {
        kit = PluginTestKit.start("meetups", new MeetupsExtension());
        api = (MeetupsResource) kit.extension().restResource();
        attendance = new AttendanceStore(kit.context().database());
        chengdu = kit.addCity("Chengdu", "CN", "Asia/Shanghai");
        org = kit.addMember("olga");
        kit.makeOrganiser(org, chengdu);
        ann = kit.addMember("ann", 1, chengdu);
        bob = kit.addMember("bob", 1, chengdu);
        kit.actAs(org);
        future = create("Hotpot night");
        past = create("Picnic");
        kit.sql(c -> c.createStatement().executeUpdate("update meetups_meetup set starts_at = starts_at - interval '5' day, "
                + "ends_at = ends_at - interval '5' day where id = " + past));
        for (long member : List.of(ann, bob)) {
            kit.sql(c -> c.createStatement().executeUpdate("insert into meetups_ticket (meetup_id, member_id, code, created_at, checked_in_at) "
                    + "values (" + past + ", " + member + ", 'PAST" + member + "', current_timestamp, current_timestamp)"));
            kit.actAs(member);
            api.rsvp(future, new MeetupsResource.Rsvp());
        }
        rate(ann, 4, "Lovely, thank you Olga");
        rate(bob, 2, "Too windy");
        kit.actAs(ann);
        create("Ann's board games");
    }

    private long create(String title) {
        MeetupForm n = new MeetupForm();
        n.cityId = chengdu;
        n.title = title;
        n.venueName = title + " place";
        n.startsAt = Instant.now().plus(Duration.ofDays(3)).toString();
        n.endsAt = Instant.now().plus(Duration.ofDays(3)).plus(Duration.ofHours(2)).toString();
        n.capacity = 10;
        n.newcomerSeats = 0;
        n.publish = true;
        return ((MeetupViews.View) api.create(n).getEntity()).id;
    }

    private void rate(long member, int stars, String comment) {
        kit.actAs(member);
        MeetupsResource.RatingForm r = new MeetupsResource.RatingForm();
        r.stars = stars;
        r.comment = comment;
        api.rate(past, r);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> export(long member) {
        return (Map<String, Object>) kit.extension().exportMember(member);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> export, String key) {
        return (List<Map<String, Object>>) export.get(key);
    }

    @Test
    void theExportListsTheMembersOwnTicketsRatingsAndProposalsOnly() {
        attendance.feedToken(ann, false);
        Map<String, Object> mine = export(ann);
        List<Map<String, Object>> tickets = list(mine, "tickets");
        assertEquals(List.of(past, future), tickets.stream().map(t -> t.get("meetupId")).toList(), "by start, past first");
        assertEquals("Picnic", tickets.get(0).get("title"));
        assertTrue(tickets.get(0).get("checkedInAt") instanceof String, "instants as ISO-8601 texts");
        assertNull(tickets.get(1).get("checkedInAt"));
        Instant.parse((String) tickets.get(1).get("startsAt"));
        List<Map<String, Object>> ratings = list(mine, "ratings");
        assertEquals(1, ratings.size(), "Bob's rating is not in Ann's data");
        assertEquals(4, ratings.get(0).get("stars"));
        assertEquals("Lovely, thank you Olga", ratings.get(0).get("comment"));
        List<Map<String, Object>> meetups = list(mine, "meetups");
        assertEquals(1, meetups.size(), "only the meetup Ann proposed, not Olga's");
        assertEquals("PROPOSED", meetups.get(0).get("status"));
        assertEquals(true, meetups.get(0).get("createdByMe"));
        Map<?, ?> feed = (Map<?, ?>) mine.get("calendarFeed");
        assertEquals(true, feed.get("active"));
        assertFalse(mine.toString().contains(attendance.feedToken(ann, false)), "never the feed's token");
        assertFalse(mine.toString().contains("Too windy"));
        assertNull(kit.extension().exportMember(kit.addMember("newbie")), "nothing held: null");
    }

    @Test
    void erasingDeletesTheFeedCommentsFutureTicketsAndProposalsKeepsStarsAndAttendanceAndRunsTwice() {
        String token = attendance.feedToken(ann, false);
        kit.actAs(org);
        api.trust(chengdu, "ann");
        long proposal = (long) list(export(ann), "meetups").get(0).get("meetupId");
        kit.context().signups().leave("meetup-" + future, ann); // as the core does before the hook

        kit.extension().eraseMember(ann);
        kit.extension().eraseMember(ann);

        assertTrue(attendance.feedOwner(token).isEmpty(), "the private feed address stops working");
        assertFalse(new TrustedHostStore(kit.context().database()).isTrusted(chengdu, ann));
        assertTrue(attendance.ticket(future, ann).isEmpty(), "a future commitment is gone");
        assertTrue(attendance.ticket(past, ann).isPresent(), "past attendance stays");
        assertTrue(attendance.ticket(future, bob).isPresent(), "Bob's RSVP is untouched");
        Map<String, Object> ratings = api.ratings(past, 0, 20);
        assertEquals(2L, ratings.get("total"));
        assertEquals(3.0, ratings.get("average"), "Ann's 4 stars still count beside Bob's 2");
        List<AttendanceStore.Rating> rows = attendance.ratings(past, 0, 20);
        assertNull(rows.stream().filter(r -> r.memberId() == ann).findFirst().orElseThrow().comment(), "the free text is gone");
        assertEquals("Too windy", rows.stream().filter(r -> r.memberId() == bob).findFirst().orElseThrow().comment());
        assertEquals(404, assertThrows(PluginProblem.class, () -> new MeetupStore(kit.context().database()).get(proposal)).status(),
                "a proposal that never went live is deleted");
        Map<String, Object> left = export(ann);
        assertEquals(List.of(past), list(left, "tickets").stream().map(t -> t.get("meetupId")).toList());
        assertEquals(false, ((Map<?, ?>) left.get("calendarFeed")).get("active"));
    }
}
