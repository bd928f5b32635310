package org.popcorn.plugins.meetups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.popcorn.api.CoreEvents;
import org.popcorn.api.PluginProblem;
import org.popcorn.testkit.PluginTestKit;

/** The meetups plugin with the test kit: real migrations, the kit's sign-up rules, no server. */
class MeetupsExtensionTest {

    PluginTestKit kit;
    MeetupsResource api;
    long chengdu;
    long wuhan;
    long berlin;
    long org;

    @BeforeEach
    void start() {
        kit = PluginTestKit.start("meetups", new MeetupsExtension());
        api = (MeetupsResource) kit.extension().restResource();
        chengdu = kit.addCity("Chengdu", "CN", "Asia/Shanghai");
        wuhan = kit.addCity("Wuhan", "CN", "Asia/Shanghai");
        berlin = kit.addCity("Berlin", "DE", "Europe/Berlin");
        org = kit.addMember("olga");
        kit.makeOrganiser(org, chengdu);
        kit.makeOrganiser(org, berlin);
    }

    MeetupForm form(long city, int capacity, int maxGuests) {
        MeetupForm n = new MeetupForm();
        n.cityId = city;
        n.title = "Hotpot night";
        n.venueName = "Panda Hall";
        n.startsAt = Instant.now().plus(Duration.ofDays(3)).toString();
        n.endsAt = Instant.now().plus(Duration.ofDays(3)).plus(Duration.ofHours(2)).toString();
        n.capacity = capacity;
        n.maxGuests = maxGuests;
        n.newcomerSeats = 0;
        n.publish = true;
        return n;
    }

    MeetupViews.View create(MeetupForm n) {
        return (MeetupViews.View) api.create(n).getEntity();
    }

    long meetup(int capacity, int maxGuests) {
        kit.actAs(org);
        return create(form(chengdu, capacity, maxGuests)).id;
    }

    MeetupsResource.Rsvp guests(int n) {
        MeetupsResource.Rsvp r = new MeetupsResource.Rsvp();
        r.guests = n;
        return r;
    }

    @Test
    void organisersScheduleInTheirCitiesAndMembersProposeInTheirHomeCity() {
        kit.actAs(org);
        MeetupForm elsewhere = form(wuhan, 10, 0);
        assertEquals(403, assertThrows(PluginProblem.class, () -> api.create(elsewhere)).status(), "not a home city, not an organiser");
        MeetupForm backwards = form(chengdu, 10, 0);
        backwards.endsAt = Instant.now().toString();
        assertEquals("endsAt", assertThrows(PluginProblem.class, () -> api.create(backwards)).field());

        long fan = kit.addMember("fan", 1, chengdu);
        kit.actAs(fan);
        MeetupViews.View proposal = create(form(chengdu, 10, 0));
        assertEquals("PROPOSED", proposal.status);
        assertEquals(403, assertThrows(PluginProblem.class, () -> api.approve(proposal.id)).status(), "no self-approval");
        assertEquals(403, assertThrows(PluginProblem.class, () -> api.create(form(wuhan, 10, 0))).status());
        kit.actAs(null);
        assertEquals(404, assertThrows(PluginProblem.class, () -> api.get(proposal.id)).status(), "proposals are not public");

        kit.actAs(org);
        assertEquals(1, api.proposals(null, 0, 20).total);
        assertEquals("PUBLISHED", api.approve(proposal.id).status);
        assertTrue(kit.notifications().stream().anyMatch(n -> n.memberId() == fan && n.title().startsWith("Approved")));
        MeetupViews.View second = create(form(chengdu, 10, 0));
        assertEquals(409, assertThrows(PluginProblem.class, () -> api.approve(second.id)).status(), "only proposals are approved");

        api.trust(chengdu, "fan");
        kit.actAs(fan);
        assertEquals("PUBLISHED", create(form(chengdu, 10, 0)).status, "a trusted host's meetup goes live at once");
        MeetupForm official = form(chengdu, 10, 0);
        official.kind = "OFFICIAL";
        assertEquals(403, assertThrows(PluginProblem.class, () -> api.create(official)).status());
    }

    @Test
    void hostsEditTheirMeetupAndAttendeesAreToldWhenTheTimeChangesAndVenueClashesWarn() {
        long id = meetup(10, 0);
        long cohost = kit.addMember("cohost");
        long a = kit.addMember("a");
        kit.actAs(a);
        api.rsvp(id, guests(0));
        assertEquals(403, assertThrows(PluginProblem.class, () -> api.update(id, new MeetupForm())).status());

        kit.actAs(org);
        MeetupForm change = new MeetupForm();
        change.hostHandles = List.of("cohost");
        change.tags = List.of("Hotpot", "#food");
        change.startsLocal = "2030-05-01T19:00";
        change.endsLocal = "2030-05-01T22:00";
        MeetupViews.View v = api.update(id, change);
        assertEquals(List.of("food", "hotpot"), v.tags);
        assertEquals("2030-05-01T11:00:00Z", v.startsAt.toString(), "local time in Asia/Shanghai");
        assertEquals("2030-05-01T19:00", v.startsLocal);
        assertTrue(v.hosts.stream().anyMatch(p -> p.memberId() == cohost));
        assertTrue(kit.notifications().stream().anyMatch(n -> n.memberId() == a && n.title().startsWith("Changed")));

        MeetupForm clash = form(chengdu, 5, 0);
        clash.venueName = "  panda   HALL ";
        clash.startsLocal = "2030-05-01T21:00";
        clash.endsLocal = "2030-05-01T23:00";
        MeetupViews.View other = create(clash);
        assertEquals(1, other.warnings.size());
        assertEquals(id, other.warnings.get(0).meetupId());
        assertEquals("venue-clash", other.warnings.get(0).code());

        kit.actAs(cohost);
        MeetupForm rename = new MeetupForm();
        rename.title = "Hotpot night II";
        assertEquals("Hotpot night II", api.update(id, rename).title, "a co-host may edit");
    }

    @Test
    void aMonthlySeriesKeepsTheLocalTimeAcrossDaylightSavingAndOneOccurrenceCanBeCancelled() {
        kit.actAs(org);
        MeetupForm n = form(berlin, 20, 0);
        n.startsAt = null;
        n.endsAt = null;
        n.startsLocal = "2030-02-14T19:00";
        n.endsLocal = "2030-02-14T21:00";
        n.repeat = new MeetupForm.Repeat();
        n.repeat.frequency = "MONTHLY";
        n.repeat.count = 3;
        MeetupViews.View first = create(n);
        assertNotNull(first.seriesId);
        List<MeetupViews.View> series = api.list(null, null, null, null, null, null, null, first.seriesId, 0, 20).items;
        assertEquals(List.of("2030-02-14T19:00", "2030-03-14T19:00", "2030-04-14T19:00"), series.stream().map(v -> v.startsLocal).toList());
        assertEquals("2030-02-14T18:00:00Z", series.get(0).startsAt.toString(), "winter time, UTC+1");
        assertEquals("2030-04-14T17:00:00Z", series.get(2).startsAt.toString(), "summer time, UTC+2");
        MeetupsResource.Reason why = new MeetupsResource.Reason();
        why.reason = "Holiday";
        assertEquals("CANCELLED", api.cancel(series.get(1).id, why).status);
        assertEquals(List.of("PUBLISHED", "CANCELLED", "PUBLISHED"),
                api.list(null, null, null, null, null, null, null, first.seriesId, 0, 20).items.stream().map(v -> v.status).toList());
    }

    @Test
    void rsvpsFillSeatsThenWaitAndALeaverPromotesTheHeadOfTheLine() {
        long id = meetup(3, 2);
        long a = kit.addMember("a");
        long b = kit.addMember("b");
        long c = kit.addMember("c");
        kit.actAs(a);
        assertEquals("CONFIRMED", api.rsvp(id, guests(2)).status, "a party of 3 fills the 3 seats");
        kit.actAs(b);
        assertEquals("WAITING", api.rsvp(id, guests(0)).status);
        kit.actAs(c);
        assertEquals(2, api.rsvp(id, guests(0)).waitingPosition);
        assertNull(api.myTicket(id).checkInCode, "no code while waiting");
        assertEquals("guests", assertThrows(PluginProblem.class, () -> api.rsvp(id, guests(3))).field());
        kit.actAs(a);
        api.leave(id);
        assertEquals(2, kit.notifications().size(), "both waiting members are told they are in");
        kit.actAs(b);
        assertEquals("CONFIRMED", api.get(id).myTicket.status);
        assertNotNull(api.get(id).myTicket.checkInCode);
    }

    @Test
    void withOffersAFreedSeatIsOfferedAndAnUnansweredOfferFallsThroughToTheNextInLine() {
        kit.actAs(org);
        MeetupForm n = form(chengdu, 1, 0);
        n.offerHours = 2;
        long id = create(n).id;
        long a = kit.addMember("a");
        long b = kit.addMember("b");
        long c = kit.addMember("c");
        kit.actAs(a);
        api.rsvp(id, guests(0));
        kit.actAs(b);
        api.rsvp(id, guests(0));
        kit.actAs(c);
        api.rsvp(id, guests(0));
        kit.actAs(a);
        api.leave(id);
        kit.actAs(b);
        MeetupViews.Ticket offered = api.myTicket(id);
        assertEquals("OFFERED", offered.status);
        assertNotNull(offered.offerExpiresAt);
        assertNull(offered.checkInCode);
        kit.expireSignupOffers(Instant.now().plus(Duration.ofHours(3)));
        assertEquals(404, assertThrows(PluginProblem.class, () -> api.myTicket(id)).status(), "b's offer expired");
        assertTrue(kit.notifications().stream().anyMatch(x -> x.memberId() == b && x.title().startsWith("Offer expired")));
        assertTrue(kit.notifications().stream().anyMatch(x -> x.memberId() == c && x.title().startsWith("A seat for you")));
        kit.actAs(c);
        assertEquals("CONFIRMED", api.accept(id).status);
        kit.actAs(b);
        assertEquals(409, assertThrows(PluginProblem.class, () -> api.accept(id)).status());
    }

    @Test
    void newcomerSeatsAreKeptForMembersWhoNeverAttended() {
        kit.actAs(org);
        MeetupForm n = form(chengdu, 3, 0);
        n.newcomerSeats = 1;
        long id = create(n).id;
        long veteran1 = kit.addMember("v1");
        long veteran2 = kit.addMember("v2");
        long veteran3 = kit.addMember("v3");
        long newbie = kit.addMember("newbie");
        for (long v : List.of(veteran1, veteran2, veteran3)) {
            attendedBefore(v);
        }
        kit.actAs(veteran1);
        assertEquals("CONFIRMED", api.rsvp(id, guests(0)).status);
        kit.actAs(veteran2);
        assertEquals("CONFIRMED", api.rsvp(id, guests(0)).status);
        kit.actAs(veteran3);
        assertEquals("WAITING", api.rsvp(id, guests(0)).status, "the last seat is kept for a newcomer");
        kit.actAs(newbie);
        MeetupViews.Ticket t = api.rsvp(id, guests(0));
        assertEquals("CONFIRMED", t.status);
        assertTrue(t.newcomerSeat);
        assertEquals(3, api.get(id).taken);
    }

    @Test
    void unusedNewcomerSeatsGoToEveryoneBeforeTheStart() {
        kit.actAs(org);
        MeetupForm n = form(chengdu, 2, 0);
        n.newcomerSeats = 1;
        n.startsAt = Instant.now().plus(Duration.ofHours(30)).toString();
        n.endsAt = Instant.now().plus(Duration.ofHours(32)).toString();
        long id = create(n).id;
        long v1 = kit.addMember("v1");
        long v2 = kit.addMember("v2");
        attendedBefore(v1);
        attendedBefore(v2);
        kit.actAs(v1);
        assertEquals("CONFIRMED", api.rsvp(id, guests(0)).status);
        kit.actAs(v2);
        assertEquals("WAITING", api.rsvp(id, guests(0)).status, "the last seat is a newcomer's for now");
        kit.runSchedule(Instant.now().plus(Duration.ofHours(7)));
        assertEquals("CONFIRMED", api.myTicket(id).status, "24 h before the start the schedule hands the free newcomer seat on");
        assertEquals(2, api.get(id).taken);
    }

    @Test
    void cuttingNewcomerSeatsThatAreInUseNeverLetsTheMeetupGoOverCapacity() {
        kit.actAs(org);
        MeetupForm n = form(chengdu, 4, 0);
        n.newcomerSeats = 2;
        long id = create(n).id;
        for (String h : List.of("new1", "new2")) {
            kit.actAs(kit.addMember(h));
            assertTrue(api.rsvp(id, guests(0)).newcomerSeat);
        }
        for (String h : List.of("old1", "old2", "old3")) {
            long v = kit.addMember(h);
            attendedBefore(v);
            kit.actAs(v);
            api.rsvp(id, guests(0));
        }
        kit.actAs(org);
        MeetupForm cut = new MeetupForm();
        cut.newcomerSeats = 0;
        MeetupViews.View v = api.update(id, cut);
        assertEquals(4, v.taken, "the two newcomers keep their seats and nobody is promoted past the capacity");
        assertEquals(1, v.waitingParties);
        MeetupForm grow = new MeetupForm();
        grow.capacity = 5;
        assertEquals(5, api.update(id, grow).taken, "growing the capacity promotes the one waiting");
    }

    @Test
    void beforeGeneralOpeningOnlyPriorityMembersRsvpAndNoShowsPauseTheirPriority() {
        kit.actAs(org);
        MeetupForm n = form(chengdu, 10, 0);
        n.rsvpOpensAt = Instant.now().plus(Duration.ofHours(30)).toString();
        long id = create(n).id;
        long plain = kit.addMember("plain");
        long keen = kit.addMember("keen");
        long flaky = kit.addMember("flaky");
        kit.grantPrivilege(keen, "priority-rsvp");
        kit.grantPrivilege(flaky, "priority-rsvp");
        kit.actAs(plain);
        assertEquals(403, assertThrows(PluginProblem.class, () -> api.rsvp(id, guests(0))).status());
        kit.actAs(keen);
        assertEquals("CONFIRMED", api.rsvp(id, guests(0)).status);
        for (int i = 0; i < 2; i++) {
            noShowAt(flaky, Instant.now().minus(Duration.ofDays(5 + i)));
        }
        kit.actAs(flaky);
        PluginProblem paused = assertThrows(PluginProblem.class, () -> api.rsvp(id, guests(0)));
        assertEquals(403, paused.status());
        assertTrue(paused.getMessage().contains("no-shows"), paused.getMessage());
        assertNotNull(api.rules().get("myPriorityPausedUntil"));
        assertEquals(false, api.rules().get("myPriority"), "while paused the rules do not promise priority");
        kit.actAs(keen);
        assertEquals(true, api.rules().get("myPriority"));
        assertNull(api.rules().get("myPriorityPausedUntil"));
    }

    @Test
    void checkInPaysPointsOnceAndFinishingRecordsNoShows() throws Exception {
        kit.actAs(org);
        MeetupForm n = form(chengdu, 10, 0);
        n.startsAt = Instant.now().plus(Duration.ofHours(1)).toString();
        n.endsAt = Instant.now().plus(Duration.ofHours(3)).toString();
        long id = create(n).id;
        long a = kit.addMember("a");
        long b = kit.addMember("b");
        kit.actAs(a);
        String code = api.rsvp(id, guests(0)).checkInCode;
        assertEquals(code, decodeQr(api.qr(id).getEntity()), "the QR code holds the check-in code");
        kit.actAs(b);
        api.rsvp(id, guests(0));

        kit.actAs(a);
        MeetupsResource.CheckIn byCode = new MeetupsResource.CheckIn();
        byCode.code = code.toLowerCase();
        assertEquals(403, assertThrows(PluginProblem.class, () -> api.checkIn(id, byCode)).status(), "hosts check people in");
        kit.actAs(org);
        assertEquals(a, api.checkIn(id, byCode).get("memberId"));
        api.checkIn(id, byCode);
        assertEquals(1, kit.points().size(), "attendance pays once");
        assertEquals(1, kit.activity(a, "meetups_attended"));
        MeetupsResource.CheckIn wrong = new MeetupsResource.CheckIn();
        wrong.code = "NOPE1234";
        assertEquals(404, assertThrows(PluginProblem.class, () -> api.checkIn(id, wrong)).status());
        assertEquals(1, api.attendees(id).get("checkedIn"));

        assertEquals(409, assertThrows(PluginProblem.class, () -> api.finish(id)).status(), "not started yet");
        kit.sql(c -> c.createStatement().executeUpdate("update meetups_meetup set starts_at = starts_at - interval '2' hour where id = " + id));
        assertEquals("FINISHED", api.finish(id).status);
        long noShows = kit.sql(c -> {
            try (var rs = c.createStatement().executeQuery("select count(*) from meetups_no_show where meetup_id = " + id + " and member_id = " + b)) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertEquals(1, noShows, "b had a seat and did not come");

        kit.actAs(a);
        MeetupsResource.RatingForm five = new MeetupsResource.RatingForm();
        five.stars = 5;
        five.comment = "Great";
        assertEquals(5.0, api.rate(id, five).get("average"));
        kit.actAs(b);
        assertEquals(403, assertThrows(PluginProblem.class, () -> api.rate(id, five)).status(), "only attendees rate");
        kit.actAs(org);
        MeetupsResource.RecapForm recap = new MeetupsResource.RecapForm();
        recap.text = "What a night";
        recap.photoUrls = List.of("https://example.org/1.jpg");
        assertEquals(List.of("https://example.org/1.jpg"), api.recap(id, recap).recap.photoUrls());
        recap.photoUrls = List.of("javascript:alert(1)");
        assertEquals("photoUrls", assertThrows(PluginProblem.class, () -> api.recap(id, recap)).field());
    }

    @Test
    void calendarsCarryTheCityTimeZone() {
        kit.actAs(org);
        MeetupForm n = form(chengdu, 10, 0);
        n.startsLocal = "2030-06-01T19:30";
        n.endsLocal = "2030-06-01T21:00";
        long id = create(n).id;
        String ics = Calendars.document("test", List.of(new Calendars.Entry(get(id), "Asia/Shanghai",
                "Chengdu", java.net.URI.create("http://localhost/plugins/meetups/meetup.html#" + id))));
        assertTrue(ics.contains("BEGIN:VTIMEZONE"), ics);
        assertTrue(ics.contains("TZID:Asia/Shanghai"), ics);
        assertTrue(ics.contains("DTSTART;TZID=Asia/Shanghai:20300601T193000"), ics);
        assertTrue(ics.contains("UID:meetup-" + id + "@popcorn"), ics);
    }

    @Test
    void aClosedCityVoteCreatesADraftOfficialMeetupOnce() {
        Map<String, Object> closed = Map.of("roundId", 7L, "title", "Autumn", "winnerCityId", chengdu, "winnerCityName", "Chengdu",
                "chosenSize", 200L, "pledges", 42L, "votes", 60L, "ballots", 80L, "eligible", 120L);
        kit.deliver(CoreEvents.ROUND_CLOSED, closed);
        kit.deliver(CoreEvents.ROUND_CLOSED, closed);
        long drafts = kit.sql(c -> {
            try (var rs = c.createStatement().executeQuery("select count(*) from meetups_meetup where round_id = 7 and status = 'DRAFT' and capacity = 200")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertEquals(1, drafts, "one draft official meetup per closed round");
        kit.actAs(null);
        assertEquals(0, api.list(chengdu, null, null, null, null, null, null, null, 0, 20).total, "drafts are not listed publicly");
    }

    @Test
    void theScheduleFinishesForgottenMeetupsOnceAndRecordsNoShows() {
        kit.actAs(org);
        MeetupForm n = form(chengdu, 10, 0);
        n.startsAt = Instant.now().plus(Duration.ofMinutes(5)).toString();
        n.endsAt = Instant.now().plus(Duration.ofMinutes(65)).toString();
        long id = create(n).id;
        long a = kit.addMember("a");
        kit.actAs(a);
        api.rsvp(id, guests(0));
        kit.runSchedule(Instant.now());
        assertEquals("PUBLISHED", get(id).status.name(), "not over yet");
        kit.runSchedule(Instant.now().plus(Duration.ofHours(8)));
        kit.runSchedule(Instant.now().plus(Duration.ofHours(9)));
        assertEquals("FINISHED", get(id).status.name());
        assertEquals(1, kit.activity(org, "meetups_hosted"), "hosting counted once");
        long noShows = kit.sql(c -> {
            try (var rs = c.createStatement().executeQuery("select count(*) from meetups_no_show where meetup_id = " + id)) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertEquals(1, noShows);
    }

    @Test
    void aDemoCommunityGetsSampleMeetupsOnce() {
        long local1 = kit.addMember("cd-one", 1, chengdu);
        long local2 = kit.addMember("cd-two", 1, chengdu);
        long fan = kit.addMember("demo-fan", 1, wuhan);
        Map<String, Object> demo = Map.of("organiserId", org, "cityId", chengdu, "fanId", fan, "handles", "cd-one,cd-two,nobody");
        kit.deliver(CoreEvents.ROUND_CLOSED, Map.of("roundId", 1L, "title", "Demo", "winnerCityId", chengdu, "winnerCityName", "Chengdu",
                "chosenSize", 50L, "pledges", 3L, "votes", 4L, "ballots", 5L, "eligible", 9L));
        kit.deliver(CoreEvents.DEMO_LOADED, demo);
        kit.deliver(CoreEvents.DEMO_LOADED, demo);
        kit.actAs(fan);
        MeetupViews.Page<MeetupViews.View> all = api.list(chengdu, null, null, null, null, null, null, null, 0, 50);
        assertEquals(7, all.total, "tonight, next week, four runs and the past picnic (the proposal is not public)");
        MeetupViews.View tonight = all.items.stream().filter(v -> v.title.startsWith("Hotpot")).findFirst().orElseThrow();
        assertNotNull(tonight.myTicket.checkInCode, "the demo fan can show a code tonight");
        MeetupViews.View picnic = all.items.stream().filter(v -> v.status.equals("FINISHED")).findFirst().orElseThrow();
        assertEquals(2, picnic.ratingCount);
        kit.actAs(org);
        assertEquals(1, api.proposals(chengdu, 0, 20).total);
        assertTrue(local1 != local2);
    }

    private Meetup get(long id) {
        return new MeetupStore(kit.context().database()).get(id);
    }

    private void attendedBefore(long member) {
        long past = meetup(5, 0);
        kit.sql(c -> c.createStatement().executeUpdate("insert into meetups_ticket (meetup_id, member_id, code, created_at, checked_in_at) values ("
                + past + ", " + member + ", 'PAST" + member + "', current_timestamp, current_timestamp)"));
    }

    private void noShowAt(long member, Instant when) {
        long past = meetup(5, 0);
        kit.sql(c -> c.createStatement().executeUpdate("insert into meetups_no_show (meetup_id, member_id, recorded_at) values ("
                + past + ", " + member + ", timestamp with time zone '" + when.toString().replace('T', ' ').replace("Z", "+00") + "')"));
    }

    private static String decodeQr(Object png) throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream((byte[]) png));
        int[] pixels = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(img.getWidth(), img.getHeight(), pixels))))
                .getText();
    }
}
