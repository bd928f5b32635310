package org.popcorn.plugins.meetups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.popcorn.api.Cities;
import org.popcorn.api.Consents;
import org.popcorn.api.CurrentMember;
import org.popcorn.api.Database;
import org.popcorn.api.Events;
import org.popcorn.api.Members;
import org.popcorn.api.Notifications;
import org.popcorn.api.Panel;
import org.popcorn.api.PanelDefinition;
import org.popcorn.api.PluginContext;
import org.popcorn.api.PluginProblem;
import org.popcorn.api.Qualifications;
import org.popcorn.api.Rewards;
import org.popcorn.api.Settings;
import org.popcorn.api.Signups;
import org.popcorn.testkit.PluginTestKit;

/** The meetups' panels on the city page and on profiles, with the test kit. */
class PanelsTest {

    PluginTestKit kit;
    MeetupsResource api;
    long chengdu;
    long berlin;
    long org;

    @BeforeEach
    void start() {
        kit = PluginTestKit.start("meetups", new MeetupsExtension());
        api = (MeetupsResource) kit.extension().restResource();
        chengdu = kit.addCity("Chengdu", "CN", "Asia/Shanghai");
        berlin = kit.addCity("Berlin", "DE", "Europe/Berlin");
        org = kit.addMember("olga");
        kit.makeOrganiser(org, chengdu);
        kit.makeOrganiser(org, berlin);
    }

    /** A meetup by the organiser starting {@code in} from now, two hours long; published or a draft. */
    long meetup(long city, String title, Duration in, boolean publish) {
        kit.actAs(org);
        MeetupForm n = new MeetupForm();
        n.cityId = city;
        n.title = title;
        n.venueName = "Panda Hall";
        Instant start = Instant.now().plus(in);
        n.startsAt = start.toString();
        n.endsAt = start.plus(Duration.ofHours(2)).toString();
        n.capacity = 10;
        n.maxGuests = 0;
        n.newcomerSeats = 0;
        n.publish = publish;
        return ((MeetupViews.View) api.create(n).getEntity()).id;
    }

    @Test
    void thePluginDeclaresACityAndAProfilePanel() {
        List<PanelDefinition> panels = kit.extension().panels();
        assertEquals(List.of(PanelDefinition.CITY, PanelDefinition.PROFILE), panels.stream().map(PanelDefinition::slot).toList());
        assertEquals(List.of("panels/city", "panels/profile"), panels.stream().map(PanelDefinition::path).toList());
        assertTrue(panels.stream().allMatch(p -> p.titles().get("en").equals("Meetups") && p.titles().get("zh-CN").equals("聚会")));
    }

    @Test
    void theCityPanelListsTheCitysNextPublishedMeetupsSoonestFirstAtMostFive() {
        for (int day : new int[] {6, 2, 4, 1, 5, 3, 7}) {
            meetup(chengdu, "Day " + day, Duration.ofDays(day), true);
        }
        meetup(chengdu, "Draft", Duration.ofHours(12), false);
        meetup(berlin, "Elsewhere", Duration.ofHours(12), true);
        long cancelled = meetup(chengdu, "Cancelled", Duration.ofHours(14), true);
        MeetupsResource.Reason why = new MeetupsResource.Reason();
        why.reason = "Rain";
        api.cancel(cancelled, why);
        long over = meetup(chengdu, "Over", Duration.ofHours(16), true);
        kit.sql(c -> c.createStatement().executeUpdate("update meetups_meetup set starts_at = starts_at - interval '10' day, "
                + "ends_at = ends_at - interval '10' day where id = " + over));

        kit.actAs(null);
        Panel panel = api.panels().city(chengdu);
        assertEquals(List.of("Day 1", "Day 2", "Day 3", "Day 4", "Day 5"), panel.items().stream().map(Panel.Item::title).toList(),
                "only the city's published meetups not over yet, soonest first, at most 5");
        assertEquals("/plugins/meetups/index.html#city=" + chengdu, panel.moreHref(), "the list, filtered to the city");
        Panel.Item first = panel.items().get(0);
        Meetup day1 = new MeetupStore(kit.context().database()).get(idOf(first));
        assertEquals("Panda Hall", first.detail());
        assertEquals(day1.startsAt, first.at());
        assertEquals("Asia/Shanghai", first.zone());
        assertEquals("/plugins/meetups/meetup.html#" + day1.id, first.href());

        assertEquals(List.of("Elsewhere"), api.panels().city(berlin).items().stream().map(Panel.Item::title).toList());
        PluginProblem unknown = assertThrows(PluginProblem.class, () -> api.panels().city(987_654L));
        assertEquals(404, unknown.status());
        assertEquals("meetups.city-not-found", unknown.code());
    }

    @Test
    void theProfilePanelShowsAttendedMeetupsToTheMemberAndToOthersOnlyWhenTheMemberShowsAttendance() {
        long ann = kit.addMember("ann");
        long bob = kit.addMember("bob");
        for (int day = 1; day <= 6; day++) {
            long id = meetup(chengdu, "Past " + day, Duration.ofDays(day), true);
            kit.sql(c -> c.createStatement().executeUpdate("update meetups_meetup set starts_at = starts_at - interval '10' day, "
                    + "ends_at = ends_at - interval '10' day, status = 'FINISHED' where id = " + id));
            checkedIn(id, ann);
        }
        long called = meetup(chengdu, "Called off", Duration.ofDays(2), true);
        checkedIn(called, ann);
        kit.sql(c -> c.createStatement().executeUpdate("update meetups_meetup set status = 'CANCELLED' where id = " + called));
        long coming = meetup(chengdu, "Coming", Duration.ofDays(3), true);
        kit.actAs(ann);
        api.rsvp(coming, new MeetupsResource.Rsvp()); // a ticket, not checked in: not attended
        long tea = meetup(chengdu, "Tea now", Duration.ofHours(1), true);
        kit.actAs(ann);
        MeetupsResource.CheckIn byCode = new MeetupsResource.CheckIn();
        byCode.code = api.rsvp(tea, new MeetupsResource.Rsvp()).checkInCode;
        kit.actAs(org);
        api.checkIn(tea, byCode);

        List<String> latestFive = List.of("Tea now", "Past 6", "Past 5", "Past 4", "Past 3");
        kit.actAs(ann);
        Panel own = api.panels().profile(ann);
        assertEquals(latestFive, titles(own), "checked-in public meetups, latest first, at most 5");
        assertEquals("/plugins/meetups/index.html", own.moreHref(), "the member's own list (My meetups)");
        assertEquals("Asia/Shanghai", own.items().get(0).zone());
        assertEquals("/plugins/meetups/meetup.html#" + tea, own.items().get(0).href());

        kit.actAs(bob);
        Panel shown = api.panels().profile(ann);
        assertEquals(latestFive, titles(shown), "ann shows her attendance");
        assertNull(shown.moreHref());
        kit.actAs(null);
        assertEquals(latestFive, titles(api.panels().profile(ann)));

        Panels hiding = new Panels(hidingAttendance(kit.context(), ann), new MeetupStore(kit.context().database()));
        kit.actAs(bob);
        Panel hidden = hiding.profile(ann);
        assertEquals(List.of(), hidden.items(), "ann hides her attendance: no items, no error");
        assertNull(hidden.moreHref());
        kit.actAs(null);
        assertEquals(List.of(), hiding.profile(ann).items());
        kit.actAs(ann);
        assertEquals(latestFive, titles(hiding.profile(ann)), "a member always sees their own");

        kit.actAs(bob);
        assertEquals(List.of(), api.panels().profile(bob).items(), "bob went nowhere");
        assertEquals(List.of(), api.panels().profile(987_654L).items(), "an unknown member: nothing");
    }

    private void checkedIn(long meetupId, long member) {
        kit.sql(c -> c.createStatement().executeUpdate("insert into meetups_ticket (meetup_id, member_id, code, created_at, checked_in_at) values ("
                + meetupId + ", " + member + ", 'P" + meetupId + "M" + member + "', current_timestamp, current_timestamp)"));
    }

    private static List<String> titles(Panel p) {
        return p.items().stream().map(Panel.Item::title).toList();
    }

    private static long idOf(Panel.Item item) {
        return Long.parseLong(item.href().substring(item.href().indexOf('#') + 1));
    }

    /** The kit's context, except that {@code member} chose not to show their attendance (the kit's members all show it). */
    private static PluginContext hidingAttendance(PluginContext kitContext, long member) {
        Members kitMembers = kitContext.members();
        Members members = new Members() {
            @Override
            public Optional<MemberInfo> byId(long id) {
                return kitMembers.byId(id).map(m -> hidden(m, member));
            }

            @Override
            public Optional<MemberInfo> byHandle(String handle) {
                return kitMembers.byHandle(handle).map(m -> hidden(m, member));
            }

            @Override
            public List<MemberInfo> livingIn(long cityId, int page, int size) {
                return kitMembers.livingIn(cityId, page, size).stream().map(m -> hidden(m, member)).toList();
            }
        };
        return new PluginContext() {
            @Override
            public String pluginId() {
                return kitContext.pluginId();
            }

            @Override
            public String sdkVersion() {
                return kitContext.sdkVersion();
            }

            @Override
            public Database database() {
                return kitContext.database();
            }

            @Override
            public Members members() {
                return members;
            }

            @Override
            public Cities cities() {
                return kitContext.cities();
            }

            @Override
            public Signups signups() {
                return kitContext.signups();
            }

            @Override
            public Qualifications qualifications() {
                return kitContext.qualifications();
            }

            @Override
            public Consents consents() {
                return kitContext.consents();
            }

            @Override
            public Rewards rewards() {
                return kitContext.rewards();
            }

            @Override
            public Notifications notifications() {
                return kitContext.notifications();
            }

            @Override
            public Events events() {
                return kitContext.events();
            }

            @Override
            public CurrentMember currentMember() {
                return kitContext.currentMember();
            }

            @Override
            public Settings settings() {
                return kitContext.settings();
            }

            @Override
            public Logger log() {
                return kitContext.log();
            }

            @Override
            public java.time.Clock clock() {
                return kitContext.clock();
            }
        };
    }

    private static Members.MemberInfo hidden(Members.MemberInfo m, long member) {
        return m.id() != member ? m : new Members.MemberInfo(m.id(), m.handle(), m.displayName(), m.homeCityId(), m.level(),
                m.lifetimePoints(), false);
    }
}
