package org.popcorn.plugins.charity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.popcorn.api.PluginProblem;
import org.popcorn.plugins.charity.CharityForms.ActivityForm;
import org.popcorn.plugins.charity.CharityForms.HoursForm;
import org.popcorn.plugins.charity.CharityForms.MyHoursForm;
import org.popcorn.plugins.charity.CharityForms.ShiftForm;
import org.popcorn.plugins.charity.CharityViews.Activity;
import org.popcorn.plugins.charity.CharityViews.Change;
import org.popcorn.plugins.charity.CharityViews.MyShift;
import org.popcorn.plugins.charity.CharityViews.RosterEntry;
import org.popcorn.testkit.PluginTestKit;

/**
 * Open-ended activities: volunteers with a confirmed place log their own hours once the shift has started; the
 * figures stay pending (no points) until the lead verifies them, which pays once; after that they are the lead's.
 */
class SelfLoggedHoursTest {

    PluginTestKit kit;
    CharityResource api;
    long chengdu;
    long org;
    long campaign;
    long lea;
    long vic;
    Instant start;

    @BeforeEach
    void start() {
        kit = PluginTestKit.start("charity", new CharityExtension());
        api = (CharityResource) kit.extension().restResource();
        CharityFixture f = CharityFixture.of(kit, api);
        chengdu = f.chengdu();
        org = f.org();
        campaign = f.campaign();
        lea = kit.addMember("lea", 1, chengdu);
        vic = kit.addMember("vic", 1, chengdu);
        start = kit.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
    }

    /** A published activity with one two-hour shift: a helper role with {@code helpers} places and a lead's place. */
    Activity activity(Boolean selfLogged, int helpers) {
        kit.actAs(org);
        ActivityForm a = new ActivityForm();
        a.cityId = chengdu;
        a.cause = "elderly-company";
        a.title = "Sorting donated clothes";
        a.meetingPoint = "The food bank's store room";
        a.selfLoggedHours = selfLogged;
        ShiftForm s = new ShiftForm();
        s.startsAt = start.toString();
        s.endsAt = start.plus(Duration.ofHours(2)).toString();
        s.roles = List.of(CharityExtensionTest.role("helper", helpers, null), CharityExtensionTest.role("lead", 1, null));
        a.shifts = List.of(s);
        return (Activity) api.createActivity(campaign, a).getEntity();
    }

    /** The shift of a new activity, with lea confirmed as its lead and vic as a helper. */
    long shift(Boolean selfLogged) {
        long shift = activity(selfLogged, 5).shifts().get(0).id();
        kit.actAs(lea);
        assertEquals("CONFIRMED", api.signUp(shift, "lead", null).status());
        kit.actAs(vic);
        assertEquals("CONFIRMED", api.signUp(shift, "helper", null).status());
        return shift;
    }

    static MyHoursForm hours(Integer minutes, String note) {
        MyHoursForm f = new MyHoursForm();
        f.minutes = minutes;
        f.note = note;
        return f;
    }

    int points(long member) {
        return kit.points().stream().filter(p -> p.memberId() == member).mapToInt(PluginTestKit.PointsAward::amount).sum();
    }

    RosterEntry entry(long shift, long member) {
        kit.actAs(lea);
        return api.roster(shift).entries().stream().filter(e -> e.memberId() == member).findFirst().orElseThrow();
    }

    long rows(long shift) {
        return kit.count("select count(*) from charity_hours where shift_id = " + shift);
    }

    PluginProblem refused(long shift, MyHoursForm f) {
        return assertThrows(PluginProblem.class, () -> api.logMyHours(shift, f));
    }

    @Test
    void anActivityIsOpenEndedOnlyWhenItsOrganiserSaysSo() {
        Activity open = activity(true, 5);
        assertTrue(open.selfLoggedHours());
        assertTrue(api.activity(open.id()).selfLoggedHours(), "stored, not only echoed");
        assertFalse(activity(null, 5).selfLoggedHours(), "the default: checked in and out by the lead");
        assertFalse(activity(false, 5).selfLoggedHours());
    }

    @Test
    void aShiftTheLeadChecksInAndOutRefusesSelfLoggedHours() {
        long checked = shift(false);
        kit.setNow(start.plus(Duration.ofMinutes(30)));
        kit.actAs(vic);
        PluginProblem p = refused(checked, hours(90, null));
        assertEquals("charity.not-self-logged", p.code());
        assertEquals(409, p.status());
        assertEquals("selfLoggedHours", p.field());
        assertEquals(0, rows(checked));
    }

    @Test
    void anOpenEndedShiftHasNoCheckInOrOut() {
        long open = shift(true);
        kit.setNow(start.plus(Duration.ofMinutes(30)));
        kit.actAs(lea);
        PluginProblem in = assertThrows(PluginProblem.class, () -> api.checkIn(open, CharityExtensionTest.ref(vic)));
        assertEquals("charity.self-logged-shift", in.code());
        assertEquals(409, in.status());
        assertEquals("charity.self-logged-shift", assertThrows(PluginProblem.class, () -> api.checkOut(open, CharityExtensionTest.ref(vic))).code());
        assertEquals(0, rows(open));
        assertTrue(api.roster(open).activity().selfLoggedHours(), "the lead's page knows there is nobody to check in");
    }

    @Test
    void nothingIsLoggedBeforeTheStartWithoutAConfirmedPlaceOrWithAWrongFigure() {
        long shift = activity(true, 1).shifts().get(0).id();
        kit.actAs(vic);
        api.signUp(shift, "helper", null);
        long wai = kit.addMember("wai", 1, chengdu);
        kit.actAs(wai);
        assertEquals("WAITING", api.signUp(shift, "helper", null).status());

        kit.actAs(vic);
        kit.setNow(start.minus(Duration.ofMinutes(1)));
        PluginProblem early = refused(shift, hours(60, null));
        assertEquals("charity.shift-not-started", early.code());
        assertEquals(409, early.status());
        assertEquals("startsAt", early.field());

        kit.setNow(start);
        for (long who : List.of(wai, kit.addMember("sam", 1, chengdu))) { // waiting, and not signed up at all
            kit.actAs(who);
            PluginProblem stranger = refused(shift, hours(60, null));
            assertEquals("charity.not-on-roster", stranger.code(), "member " + who);
            assertEquals(409, stranger.status());
        }
        kit.actAs(vic);
        for (Integer wrong : Arrays.asList(0, -5, 1441, null)) {
            PluginProblem bad = refused(shift, hours(wrong, null));
            assertEquals("charity.invalid-minutes", bad.code(), "minutes " + wrong);
            assertEquals(422, bad.status());
            assertEquals("minutes", bad.field());
        }
        PluginProblem longNote = refused(shift, hours(60, "x".repeat(501)));
        assertEquals("note", longNote.field());
        assertEquals("request.too-long", longNote.code());
        assertEquals("charity.missing-body", refused(shift, null).code());
        assertEquals(0, rows(shift), "no refusal writes anything");
        assertEquals(0, kit.count("select count(*) from charity_hours_change where shift_id = " + shift));

        assertEquals(1440, api.logMyHours(shift, hours(1440, "x".repeat(500))).hours().minutes(), "the bounds themselves are fine");
        assertEquals(1, api.logMyHours(shift, hours(1, null)).hours().minutes());
    }

    @Test
    void aLogIsPendingAndPaysNothingAndLoggingAgainReplacesItWithBothInTheHistory() {
        long shift = shift(true);
        kit.setNow(start.plus(Duration.ofHours(3)));
        kit.actAs(vic);
        MyShift first = api.logMyHours(shift, hours(90, " sorted donations "));
        assertEquals("PENDING", first.hours().status());
        assertEquals(90, first.hours().minutes());
        assertTrue(first.selfLoggedHours());
        assertEquals("helper", first.role());
        assertEquals(0, points(vic), "pending hours pay no points");
        assertEquals(0, kit.activity(vic, HoursService.MINUTES_KIND), "nor count toward the badges");
        assertEquals(90, api.myShifts().pendingMinutes());
        assertEquals(0, api.myShifts().verifiedMinutes());
        assertEquals(0, api.campaign(campaign).progress().minutes(), "the campaign counts verified hours only");

        MyShift second = api.logMyHours(shift, hours(120, "and packed the boxes"));
        assertEquals(120, second.hours().minutes());
        assertEquals(120, api.myShifts().pendingMinutes(), "replaced, not added");
        api.logMyHours(shift, hours(120, "and packed the boxes")); // a retried request
        api.logMyHours(shift, hours(120, null)); // the same figure, nothing new to say
        assertEquals(0, points(vic));

        RosterEntry e = entry(shift, vic);
        assertEquals("PENDING", e.hoursStatus(), "the lead sees it like a checked-out entry");
        assertEquals(120, e.minutes());
        assertNull(e.checkedInAt());
        assertEquals(List.of("sorted donations", "and packed the boxes"), e.history().stream().map(Change::reason).toList());
        assertEquals(List.of("vic", "vic"), e.history().stream().map(Change::byHandle).toList(), "logged by the volunteer");
        assertNull(e.history().get(0).fromMinutes());
        assertEquals(90, e.history().get(0).toMinutes());
        assertEquals(90, e.history().get(1).fromMinutes());
        assertEquals(120, e.history().get(1).toMinutes());
        assertEquals("PENDING", e.history().get(1).fromStatus());

        kit.actAs(vic);
        api.logMyHours(shift, hours(100, null));
        assertEquals(SelfLoggedHours.NO_NOTE, entry(shift, vic).history().get(2).reason(), "a log without a note says who logged it");
    }

    @Test
    void theLeadsVerificationPaysOnceAndThenTheVolunteerCanNoLongerChangeTheFigure() {
        long shift = shift(true);
        long ann = kit.addMember("ann", 1, chengdu);
        kit.actAs(ann);
        api.signUp(shift, "helper", null);
        kit.setNow(start.plus(Duration.ofHours(2)));
        kit.actAs(vic);
        api.logMyHours(shift, hours(90, "sorted donations"));
        kit.actAs(ann);
        api.logMyHours(shift, hours(60, "I was there"));

        kit.actAs(lea);
        HoursForm approve = new HoursForm();
        approve.status = HoursService.VERIFIED; // no figure, no reason: the logged minutes as they stand
        RosterEntry verified = api.setHours(shift, vic, approve);
        assertEquals("VERIFIED", verified.hoursStatus());
        assertEquals(90, verified.minutes());
        assertEquals(15, points(vic), "10 points per hour, for an hour and a half");
        api.setHours(shift, vic, approve); // a double tap on the phone: nothing changes, so no reason is asked for
        assertEquals(15, points(vic), "approving twice pays once");
        assertEquals(2, entry(shift, vic).history().size(), "and records once");
        assertEquals(90, kit.activity(vic, HoursService.MINUTES_KIND));
        assertEquals(90, api.campaign(campaign).progress().minutes());

        HoursForm noShow = new HoursForm();
        noShow.status = HoursService.NO_SHOW;
        noShow.reason = "Nobody saw her at the store room";
        api.setHours(shift, ann, noShow);

        kit.actAs(vic);
        PluginProblem late = refused(shift, hours(120, "forgot the afternoon"));
        assertEquals("charity.hours-already-verified", late.code());
        assertEquals(409, late.status());
        assertEquals("status", late.field());
        kit.actAs(ann);
        assertEquals("charity.hours-already-verified", refused(shift, hours(60, "but I was")).code(), "a no-show is decided too");

        RosterEntry after = entry(shift, vic);
        assertEquals("VERIFIED", after.hoursStatus());
        assertEquals(90, after.minutes());
        assertEquals(2, after.history().size(), "the log and the approval; the refused change left no trace");
        assertEquals("lea", after.history().get(1).byHandle());
        assertEquals(15, points(vic));
        assertEquals(0, points(ann));
        kit.actAs(vic);
        assertEquals(90, api.myShifts().verifiedMinutes());
        assertEquals(0, api.myShifts().pendingMinutes());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDownloadHasTheVolunteersNoteAndErasureDropsItKeepingTheFigures() {
        long shift = shift(true);
        kit.setNow(start.plus(Duration.ofHours(2)));
        kit.actAs(vic);
        api.logMyHours(shift, hours(90, "Call me on 138 0000 0000 about the next sorting day"));
        kit.actAs(lea);
        HoursForm adjust = new HoursForm();
        adjust.status = HoursService.VERIFIED;
        adjust.minutes = 80;
        adjust.reason = "Left before the last van";
        api.setHours(shift, vic, adjust);

        List<Map<String, Object>> history = CharityExtensionTest.list(kit.extension().exportMember(vic), "hoursHistory");
        assertEquals(List.of("Call me on 138 0000 0000 about the next sorting day", "Left before the last van"),
                history.stream().map(x -> x.get("reason")).toList());
        assertEquals(List.of(true, false), history.stream().map(x -> x.get("byYou")).toList());

        kit.actAs(null);
        kit.extension().eraseMember(vic);
        assertEquals(0, kit.count("select count(*) from charity_hours_change where reason like '%138 0000%'"), "the volunteer's words go");
        assertEquals(1, kit.count("select count(*) from charity_hours_change where member_id = " + vic + " and reason = '"
                + MemberData.NOTE_ERASED + "' and to_minutes = 90"), "the figure they logged stays");
        assertEquals(1, kit.count("select count(*) from charity_hours_change where member_id = " + vic + " and reason = 'Left before the last van'"),
                "the lead's reason stays");
        assertEquals(1, kit.count("select count(*) from charity_hours where member_id = " + vic + " and status = 'VERIFIED' and minutes = 80"));
        assertEquals(80, api.campaign(campaign).progress().minutes(), "the campaign still counts them");
    }
}
