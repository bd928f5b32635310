package org.popcorn.plugins.charity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.popcorn.api.Panel;
import org.popcorn.api.PanelDefinition;
import org.popcorn.api.PluginProblem;
import org.popcorn.plugins.charity.CharityForms.ActivityForm;
import org.popcorn.plugins.charity.CharityForms.HoursForm;
import org.popcorn.plugins.charity.CharityForms.ShiftForm;
import org.popcorn.plugins.charity.CharityViews.Activity;
import org.popcorn.plugins.charity.CharityViews.Campaign;
import org.popcorn.testkit.PluginTestKit;

/** The charity's panels on the city page and the profile, with the test kit. */
class PanelsTest {

    PluginTestKit kit;
    CharityResource api;
    long chengdu;
    long wuhan;
    long admin;
    long org;
    long campaign;
    Instant t0;

    @BeforeEach
    void start() {
        kit = PluginTestKit.start("charity", new CharityExtension());
        api = (CharityResource) kit.extension().restResource();
        chengdu = kit.addCity("Chengdu", "CN", "Asia/Shanghai"); // 1 and 2: the cities of CharityExtensionTest.campaignForm()
        wuhan = kit.addCity("Wuhan", "CN", "Asia/Shanghai");
        admin = kit.addMember("ada");
        kit.makeAdmin(admin);
        org = kit.addMember("olga");
        kit.makeOrganiser(org, chengdu);
        kit.makeOrganiser(org, wuhan);
        kit.actAs(admin);
        campaign = ((Campaign) api.createCampaign(CharityExtensionTest.campaignForm()).getEntity()).id();
        t0 = kit.now().truncatedTo(ChronoUnit.MINUTES);
    }

    /** An activity in {@code city} with one 3-hour shift (one role, "helper") at each of {@code starts}. */
    Activity create(long city, String title, Instant... starts) {
        ActivityForm a = new ActivityForm();
        a.cityId = city;
        a.cause = "elderly-company";
        a.title = title;
        a.meetingPoint = "Main gate";
        a.shifts = new ArrayList<>();
        for (Instant start : starts) {
            ShiftForm s = new ShiftForm();
            s.startsAt = start.toString();
            s.endsAt = start.plus(Duration.ofHours(3)).toString();
            s.roles = List.of(CharityExtensionTest.role("helper", 5, null));
            a.shifts.add(s);
        }
        return (Activity) api.createActivity(campaign, a).getEntity();
    }

    @Test
    void declaresACityAndAProfilePanel() {
        List<PanelDefinition> panels = kit.extension().panels();
        assertEquals(List.of(PanelDefinition.CITY, PanelDefinition.PROFILE), panels.stream().map(PanelDefinition::slot).toList());
        assertEquals(List.of("panels/city", "panels/profile"), panels.stream().map(PanelDefinition::path).toList());
        assertEquals("志愿活动", panels.get(0).titles().get("zh-CN"));
        assertEquals("Volunteering", panels.get(1).titles().get("en"));
    }

    @Test
    void theCityPanelListsOnlyThatCitysPublishedActivitiesWithAShiftToComeSoonestFirstAtMostFive() {
        Instant day = t0.plus(Duration.ofDays(1));
        kit.actAs(org);
        Activity d3 = create(chengdu, "Day 3", day.plus(Duration.ofDays(2)));
        Activity d1 = create(chengdu, "Day 1", day);
        Activity twice = create(chengdu, "Twice", t0.plus(Duration.ofHours(2)), t0.plus(Duration.ofHours(36)));
        create(chengdu, "Day 6", day.plus(Duration.ofDays(5)));
        Activity d2 = create(chengdu, "Day 2", day.plus(Duration.ofDays(1)));
        Activity d4 = create(chengdu, "Day 4", day.plus(Duration.ofDays(3)));
        create(chengdu, "Day 5", day.plus(Duration.ofDays(4)));
        create(chengdu, "Over", t0.plus(Duration.ofHours(1)));
        create(wuhan, "In Wuhan", t0.plus(Duration.ofHours(5)));
        long fan = kit.addMember("fan", 1, chengdu);
        kit.actAs(fan);
        assertEquals("PROPOSED", create(chengdu, "A proposal", t0.plus(Duration.ofHours(6))).status());
        kit.advance(Duration.ofHours(4)); // "Over" and the first shift of "Twice" have begun

        kit.actAs(null); // the city page's reader may be anonymous
        Panel p = api.panels().city(chengdu);
        assertEquals(List.of("Day 1", "Twice", "Day 2", "Day 3", "Day 4"), p.items().stream().map(Panel.Item::title).toList());
        Panel.Item first = p.items().get(0);
        assertEquals(day, first.at());
        assertEquals("Asia/Shanghai", first.zone());
        assertEquals("Main gate", first.detail());
        assertEquals(CharityExtension.link(d1.id()), first.href());
        assertEquals(t0.plus(Duration.ofHours(36)), p.items().get(1).at(), "the next shift still to come, not the first one");
        assertEquals(CharityExtension.link(twice.id()), p.items().get(1).href());
        assertEquals(List.of(d2.id(), d3.id(), d4.id()).stream().map(CharityExtension::link).toList(),
                p.items().subList(2, 5).stream().map(Panel.Item::href).toList());
        assertEquals("/#/p/charity/campaign/" + campaign + "?city=" + chengdu, p.moreHref());

        assertEquals(List.of("In Wuhan"), api.panels().city(wuhan).items().stream().map(Panel.Item::title).toList());
        long xian = kit.addCity("Xi'an", "CN", "Asia/Shanghai");
        Panel none = api.panels().city(xian);
        assertTrue(none.items().isEmpty());
        assertEquals("/#/p/charity/campaigns", none.moreHref(), "a city in no campaign: the plugin's main page");
        PluginProblem unknown = assertThrows(PluginProblem.class, () -> api.panels().city(999_999L));
        assertEquals(404, unknown.status());
        assertEquals("charity.unknown-city", unknown.code());
    }

    @Test
    void theProfilePanelTotalsTheVerifiedHoursThenTheLatestShifts() {
        int[] minutes = {120, 150, 90, 180, 60, 150}; // 750 minutes: 12.5 hours
        kit.actAs(org);
        List<Activity> done = new ArrayList<>();
        for (int i = 0; i < minutes.length; i++) {
            done.add(create(chengdu, "Shift " + (i + 1), t0.plus(Duration.ofDays(i + 1))));
        }
        Activity missed = create(chengdu, "Missed", t0.plus(Duration.ofDays(8)));
        Activity pending = create(chengdu, "Pending", t0.plus(Duration.ofDays(9)));
        long vic = kit.addMember("vic", 1, chengdu);
        long other = kit.addMember("otto", 1, chengdu);
        kit.actAs(vic);
        for (Activity a : done) {
            api.signUp(a.shifts().get(0).id(), "helper", null);
        }
        api.signUp(missed.shifts().get(0).id(), "helper", null);
        api.signUp(pending.shifts().get(0).id(), "helper", null);
        kit.actAs(other);
        api.signUp(done.get(0).shifts().get(0).id(), "helper", null);

        kit.actAs(org);
        for (int i = 0; i < minutes.length; i++) {
            api.setHours(done.get(i).shifts().get(0).id(), vic, hours("VERIFIED", minutes[i]));
        }
        api.setHours(done.get(0).shifts().get(0).id(), other, hours("VERIFIED", 600));
        api.setHours(missed.shifts().get(0).id(), vic, hours("NO_SHOW", null));

        kit.actAs(vic);
        assertEquals(750, api.myShifts().verifiedMinutes());
        Panel mine = api.panels().profile(vic);
        assertEquals("12.5 verified hours", mine.items().get(0).title(), "the total is the member's verified hours, no one else's");
        assertNull(mine.items().get(0).at());
        assertEquals("/#/p/charity/mine", mine.moreHref());

        kit.actAs(null); // hours are public, as on the leaderboards
        Panel seen = api.panels().profile(vic);
        assertEquals("12.5 verified hours", seen.items().get(0).title());
        assertNull(seen.moreHref());
        List<Panel.Item> recent = seen.items().subList(1, seen.items().size());
        assertEquals(List.of("Shift 6", "Shift 5", "Shift 4", "Shift 3"), recent.stream().map(Panel.Item::title).toList(),
                "the 4 latest verified shifts, latest first; the no-show and the unverified one are left out");
        assertEquals(List.of("2.5 hours", "1 hour", "3 hours", "1.5 hours"), recent.stream().map(Panel.Item::detail).toList());
        assertEquals(t0.plus(Duration.ofDays(6)), recent.get(0).at());
        assertEquals("Asia/Shanghai", recent.get(0).zone());
        assertEquals(CharityExtension.link(done.get(5).id()), recent.get(0).href());

        assertEquals("10 verified hours", api.panels().profile(other).items().get(0).title());
        long newcomer = kit.addMember("nina", 1, chengdu);
        assertTrue(api.panels().profile(newcomer).items().isEmpty(), "no verified hours: nothing to show");
        assertTrue(api.panels().profile(999_999L).items().isEmpty());
    }

    static HoursForm hours(String status, Integer minutes) {
        HoursForm f = new HoursForm();
        f.status = status;
        f.minutes = minutes;
        f.reason = "Recorded by the lead";
        return f;
    }
}
