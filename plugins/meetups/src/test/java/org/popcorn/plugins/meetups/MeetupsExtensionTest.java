package org.popcorn.plugins.meetups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.popcorn.api.PluginProblem;
import org.popcorn.api.Signups;
import org.popcorn.testkit.PluginTestKit;

/** The meetups plugin with the test kit: real migrations, the kit's sign-up rules, no server. */
class MeetupsExtensionTest {

    PluginTestKit kit;
    MeetupsExtension.Api api;
    long chengdu;
    long wuhan;
    long org;

    @BeforeEach
    void start() {
        kit = PluginTestKit.start("meetups", new MeetupsExtension());
        api = (MeetupsExtension.Api) kit.extension().restResource();
        chengdu = kit.addCity("Chengdu", "CN", "Asia/Shanghai");
        wuhan = kit.addCity("Wuhan", "CN", "Asia/Shanghai");
        org = kit.addMember("olga");
        kit.makeOrganiser(org, chengdu);
    }

    long meetup(int capacity, int maxGuests) {
        kit.actAs(org);
        MeetupsExtension.NewMeetup n = new MeetupsExtension.NewMeetup();
        n.cityId = chengdu;
        n.title = "Hotpot night";
        n.venueName = "Panda Hall";
        n.startsAt = Instant.now().plusSeconds(86_400).toString();
        n.endsAt = Instant.now().plusSeconds(90_000).toString();
        n.capacity = capacity;
        n.maxGuests = maxGuests;
        n.publish = true;
        return ((MeetupsExtension.View) api.create(n).getEntity()).id;
    }

    @Test
    void organisersScheduleOnlyInTheirCity() {
        kit.actAs(org);
        MeetupsExtension.NewMeetup n = new MeetupsExtension.NewMeetup();
        n.cityId = wuhan;
        n.title = "Elsewhere";
        n.venueName = "Hall";
        n.startsAt = "2027-01-01T10:00:00Z";
        n.endsAt = "2027-01-01T12:00:00Z";
        n.capacity = 10;
        assertEquals(403, assertThrows(PluginProblem.class, () -> api.create(n)).status());
        n.cityId = chengdu;
        n.endsAt = "2027-01-01T09:00:00Z";
        assertEquals("endsAt", assertThrows(PluginProblem.class, () -> api.create(n)).field());
    }

    @Test
    void rsvpsFillSeatsThenWaitAndALeaverPromotesTheHeadOfTheLine() {
        long id = meetup(3, 2);
        long a = kit.addMember("a");
        long b = kit.addMember("b");
        long c = kit.addMember("c");
        MeetupsExtension.Rsvp twoGuests = new MeetupsExtension.Rsvp();
        twoGuests.guests = 2;
        kit.actAs(a);
        assertEquals(Signups.Status.CONFIRMED, api.rsvp(id, twoGuests).status(), "a party of 3 fills the 3 seats");
        kit.actAs(b);
        assertEquals(Signups.Status.WAITING, api.rsvp(id, new MeetupsExtension.Rsvp()).status());
        kit.actAs(c);
        assertEquals(2, api.rsvp(id, new MeetupsExtension.Rsvp()).waitingPosition());
        MeetupsExtension.Rsvp tooMany = new MeetupsExtension.Rsvp();
        tooMany.guests = 3;
        assertEquals("guests", assertThrows(PluginProblem.class, () -> api.rsvp(id, tooMany)).field());
        kit.actAs(a);
        api.cancelRsvp(id);
        assertEquals(2, kit.notifications().size(), "both waiting members are told they are in");
        kit.actAs(b);
        assertEquals(Signups.Status.CONFIRMED, api.get(id).myPlace.status());
    }

    @Test
    void cancellingTellsEveryoneAndAClosedVoteCreatesADraftOfficialMeetupOnce() {
        long id = meetup(1, 0);
        long a = kit.addMember("a");
        long b = kit.addMember("b");
        kit.actAs(a);
        api.rsvp(id, new MeetupsExtension.Rsvp());
        kit.actAs(b);
        api.rsvp(id, new MeetupsExtension.Rsvp());
        kit.actAs(org);
        MeetupsExtension.Cancel cancel = new MeetupsExtension.Cancel();
        assertEquals("reason", assertThrows(PluginProblem.class, () -> api.cancel(id, cancel)).field());
        cancel.reason = "The venue flooded";
        assertEquals("CANCELLED", api.cancel(id, cancel).status);
        assertEquals(2, kit.notifications().stream().filter(n -> n.body().equals("The venue flooded")).count());

        Map<String, Object> closed = Map.of("roundId", 7L, "title", "Autumn", "winnerCityId", chengdu, "chosenSize", 200L, "pledges", 42L);
        kit.deliver("round.closed", closed);
        kit.deliver("round.closed", closed);
        long drafts = kit.sql(c -> {
            try (var rs = c.createStatement().executeQuery("select count(*) from meetups_meetup where round_id = 7 and status = 'DRAFT' and capacity = 200")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertEquals(1, drafts, "one draft official meetup per closed round");
        assertTrue(api.list(chengdu, 0, 20).stream().noneMatch(m -> "DRAFT".equals(m.status)), "drafts are not listed publicly");
    }
}
