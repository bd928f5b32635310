package org.popcorn.plugins.charity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.popcorn.api.PluginProblem;
import org.popcorn.plugins.charity.CharityForms.ActivityForm;
import org.popcorn.plugins.charity.CharityForms.ShiftForm;
import org.popcorn.plugins.charity.CharityViews.Activity;
import org.popcorn.testkit.PluginTestKit;

/** The setting "rest-minutes": the free time a volunteer keeps between two shifts, at join and at promotion. */
class RestBetweenShiftsTest {

    PluginTestKit kit;
    CharityResource api;
    long chengdu;
    long org;
    long campaign;
    Instant day;

    @BeforeEach
    void start() {
        kit = PluginTestKit.start("charity", new CharityExtension());
        api = (CharityResource) kit.extension().restResource();
        CharityFixture f = CharityFixture.of(kit, api);
        chengdu = f.chengdu();
        org = f.org();
        campaign = f.campaign();
        day = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.DAYS);
    }

    /** A published activity with one shift from {@code fromHour} to {@code toHour} (minutes allowed: 12.5 = 12:30). */
    CharityViews.Shift shift(double fromHour, double toHour, int capacity) {
        kit.actAs(org);
        ActivityForm a = new ActivityForm();
        a.cityId = chengdu;
        a.cause = "elderly-company";
        a.title = "Shift " + fromHour;
        a.meetingPoint = "Main gate";
        a.meetingMinutesBefore = 15;
        ShiftForm s = new ShiftForm();
        s.startsAt = day.plus(Duration.ofMinutes((long) (fromHour * 60))).toString();
        s.endsAt = day.plus(Duration.ofMinutes((long) (toHour * 60))).toString();
        s.roles = List.of(CharityExtensionTest.role("helper", capacity, null));
        a.shifts = List.of(s);
        Activity created = (Activity) api.createActivity(campaign, a).getEntity();
        return created.shifts().get(0);
    }

    @Test
    void aJoinTooCloseToAHeldShiftIsRefusedNamingItAndAShiftAnHourAwayIsFine() {
        kit.setSetting(Activities.REST_SETTING, "60");
        CharityViews.Shift morning = shift(10, 12, 5);
        CharityViews.Shift soon = shift(12.5, 14, 5); // 30 minutes after the morning shift ends
        CharityViews.Shift later = shift(13, 15, 5); // exactly an hour after
        long ann = kit.addMember("ann", 1, chengdu);
        kit.actAs(ann);
        assertEquals("CONFIRMED", api.signUp(morning.id(), "helper", null).status());
        PluginProblem close = assertThrows(PluginProblem.class, () -> api.signUp(soon.id(), "helper", null));
        assertEquals("signup.too-little-rest", close.code());
        assertEquals(409, close.status());
        assertTrue(close.rule().startsWith("rest:"), close.rule());
        assertEquals(0, helper(soon).taken(), "a refused join changes nothing");
        assertEquals("CONFIRMED", api.signUp(later.id(), "helper", null).status(), "an hour's rest is kept");
    }

    @Test
    void withoutTheSettingBackToBackShiftsAreFine() {
        CharityViews.Shift morning = shift(10, 12, 5);
        CharityViews.Shift noon = shift(12, 13, 5);
        long ann = kit.addMember("ann", 1, chengdu);
        kit.actAs(ann);
        assertEquals("CONFIRMED", api.signUp(morning.id(), "helper", null).status());
        assertEquals("CONFIRMED", api.signUp(noon.id(), "helper", null).status());
    }

    @Test
    void promotionPassesOverAVolunteerWhoseRestIsTaken() {
        kit.setSetting(Activities.REST_SETTING, "60");
        CharityViews.Shift soon = shift(12.5, 14, 1);
        CharityViews.Shift morning = shift(10, 12, 5);
        long cat = kit.addMember("cat", 1, chengdu);
        long bob = kit.addMember("bob", 1, chengdu);
        kit.actAs(cat);
        assertEquals("CONFIRMED", api.signUp(soon.id(), "helper", null).status());
        kit.actAs(bob);
        assertEquals("WAITING", api.signUp(soon.id(), "helper", null).status());
        assertEquals("CONFIRMED", api.signUp(morning.id(), "helper", null).status(), "a waiting place holds no time");
        kit.actAs(cat);
        api.cancel(soon.id(), "helper");
        CharityViews.Role role = helper(soon);
        assertEquals(0, role.taken(), "bob, 30 minutes after his morning shift, is passed over");
        assertEquals(0, role.waiting());
    }

    CharityViews.Role helper(CharityViews.Shift shift) {
        return api.activity(shift.activityId()).shifts().get(0).roles().get(0);
    }
}
