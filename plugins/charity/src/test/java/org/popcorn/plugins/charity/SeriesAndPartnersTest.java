package org.popcorn.plugins.charity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.popcorn.api.PluginProblem;
import org.popcorn.plugins.charity.CharityForms.ActivityForm;
import org.popcorn.plugins.charity.CharityForms.CampaignCityForm;
import org.popcorn.plugins.charity.CharityForms.CampaignForm;
import org.popcorn.plugins.charity.CharityForms.HoursForm;
import org.popcorn.plugins.charity.CharityForms.PartnerApproval;
import org.popcorn.plugins.charity.CharityForms.RepeatForm;
import org.popcorn.plugins.charity.CharityForms.RoleForm;
import org.popcorn.plugins.charity.CharityForms.ShiftForm;
import org.popcorn.plugins.charity.CharityViews.Activity;
import org.popcorn.plugins.charity.CharityViews.Campaign;
import org.popcorn.plugins.charity.CharityViews.Shift;
import org.popcorn.testkit.PluginTestKit;

/** Recurring series of shifts (in a zone with daylight saving) and partner organisations approved by an admin. */
class SeriesAndPartnersTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    PluginTestKit kit;
    CharityResource api;
    long berlin;
    long admin;
    long org;
    long campaign;

    @BeforeEach
    void start() {
        kit = PluginTestKit.start("charity", new CharityExtension());
        api = (CharityResource) kit.extension().restResource();
        berlin = kit.addCity("Berlin", "DE", "Europe/Berlin");
        admin = kit.addMember("ada");
        kit.makeAdmin(admin);
        org = kit.addMember("olga");
        kit.makeOrganiser(org, berlin);
        kit.actAs(admin);
        CampaignForm c = new CampaignForm();
        c.name = "Charity Month 2030";
        c.startsOn = "2030-03-01"; // clocks in Berlin go forward on Sunday 31 March 2030
        c.endsOn = "2030-04-30";
        c.hoursGoal = 100;
        c.causes = List.of("environment");
        CampaignCityForm cc = new CampaignCityForm();
        cc.cityId = berlin;
        cc.hoursGoal = 100;
        c.cities = List.of(cc);
        campaign = ((Campaign) api.createCampaign(c).getEntity()).id();
    }

    static Instant berlin(String date, String time) {
        return ZonedDateTime.of(LocalDate.parse(date), LocalTime.parse(time), BERLIN).toInstant();
    }

    static ShiftForm shift(String date, String from, String to, String every, String until) {
        ShiftForm s = new ShiftForm();
        s.startsAt = berlin(date, from).toString();
        s.endsAt = berlin(date, to).toString();
        RoleForm r = new RoleForm();
        r.code = "helper";
        r.name = "Helper";
        r.capacity = 3;
        s.roles = List.of(r);
        if (every != null || until != null) {
            s.repeat = new RepeatForm();
            s.repeat.every = every;
            s.repeat.until = until;
        }
        return s;
    }

    ActivityForm activity(String partner, ShiftForm... shifts) {
        ActivityForm a = new ActivityForm();
        a.cityId = berlin;
        a.cause = "environment";
        a.title = "Clean-up of the Spree banks";
        a.meetingPoint = "Oberbaum Bridge, south end";
        a.partnerName = partner;
        a.shifts = List.of(shifts);
        return a;
    }

    Activity create(ActivityForm a) {
        return (Activity) api.createActivity(campaign, a).getEntity();
    }

    PluginProblem refused(ActivityForm a) {
        return assertThrows(PluginProblem.class, () -> api.createActivity(campaign, a));
    }


    @Test
    void everySaturdayOfAMonthKeepsItsLocalTimesAcrossTheClockChange() {
        kit.actAs(org);
        Activity a = create(activity(null, shift("2030-03-09", "09:00", "12:00", "week", "2030-04-06")));
        List<Shift> shifts = a.shifts();
        assertEquals(5, shifts.size(), "9, 16, 23, 30 March and 6 April");
        for (Shift s : shifts) {
            ZonedDateTime from = s.startsAt().atZone(BERLIN);
            assertEquals(DayOfWeek.SATURDAY, from.getDayOfWeek());
            assertEquals(LocalTime.of(9, 0), from.toLocalTime(), s.startsAt().toString());
            assertEquals(LocalTime.of(12, 0), s.endsAt().atZone(BERLIN).toLocalTime());
        }
        assertEquals(Instant.parse("2030-03-30T08:00:00Z"), shifts.get(3).startsAt(), "winter time, UTC+1");
        assertEquals(Instant.parse("2030-04-06T07:00:00Z"), shifts.get(4).startsAt(), "summer time, UTC+2: not 7×24 hours later");

        assertEquals(1, a.series().size());
        CharityViews.SeriesView series = a.series().get(0);
        assertEquals("week", series.every());
        assertEquals(LocalDate.parse("2030-04-06"), series.until());
        assertEquals(5, series.shifts());
        assertEquals(shifts.get(0).startsAt(), series.firstStartsAt());
        assertTrue(shifts.stream().allMatch(s -> Long.valueOf(series.id()).equals(s.seriesId())));
        assertEquals(5, shifts.stream().map(Shift::id).distinct().count());

        long ann = kit.addMember("ann", 1, berlin);
        kit.actAs(ann);
        assertEquals("CONFIRMED", api.signUp(shifts.get(0).id(), "helper", null).status(), "each shift has its own pools");
        assertEquals("CONFIRMED", api.signUp(shifts.get(4).id(), "helper", null).status());
        assertEquals(0, api.activity(a.id()).shifts().get(2).roles().get(0).taken());
        assertEquals(5, kit.count("select count(*) from charity_role where shift_id in (select id from charity_shift where activity_id = " + a.id() + ")"));
    }

    @Test
    void aDailySeriesBesideAHandEnteredShift() {
        kit.actAs(org);
        Activity a = create(activity(null, shift("2030-03-02", "14:00", "16:00", null, null),
                shift("2030-03-30", "10:00", "11:30", "day", "2030-04-01")));
        assertEquals(4, a.shifts().size());
        assertNull(a.shifts().get(0).seriesId(), "the hand-entered shift belongs to no series");
        assertEquals(List.of(Instant.parse("2030-03-30T09:00:00Z"), Instant.parse("2030-03-31T08:00:00Z"), Instant.parse("2030-04-01T08:00:00Z")),
                a.shifts().subList(1, 4).stream().map(Shift::startsAt).toList(), "10:00 in Berlin every day");
        assertEquals("day", a.series().get(0).every());
        assertEquals(3, a.series().get(0).shifts());
    }

    @Test
    void theExpansionKeepsWallTimesWhenTheClocksGoBackToo() {
        Series.Repeat weekly = new Series.Repeat(Series.WEEK, LocalDate.parse("2030-11-02"));
        List<Series.Occurrence> out = Series.expand(berlin("2030-10-19", "18:00"), berlin("2030-10-19", "20:00"), BERLIN, weekly);
        assertEquals(List.of(Instant.parse("2030-10-19T16:00:00Z"), Instant.parse("2030-10-26T16:00:00Z"), Instant.parse("2030-11-02T17:00:00Z")),
                out.stream().map(Series.Occurrence::startsAt).toList());
        assertTrue(out.stream().allMatch(o -> o.endsAt().atZone(BERLIN).toLocalTime().equals(LocalTime.of(20, 0))));
        // overnight: the end keeps its day after the start
        List<Series.Occurrence> night = Series.expand(berlin("2030-03-29", "22:00"), berlin("2030-03-30", "06:00"), BERLIN,
                new Series.Repeat(Series.DAY, LocalDate.parse("2030-03-31")));
        assertEquals(berlin("2030-04-01", "06:00"), night.get(2).endsAt());
        assertEquals(7, java.time.Duration.between(night.get(1).startsAt(), night.get(1).endsAt()).toHours(), "the night the clocks go forward");
    }

    @Test
    void repetitionsOutsideTheRulesAreRefusedNamingTheirField() {
        kit.actAs(org);
        PluginProblem before = refused(activity(null, shift("2030-03-09", "09:00", "12:00", "week", "2030-03-08")));
        assertEquals("charity.repeat-until-before-start", before.code());
        assertEquals("shifts[0].repeat.until", before.field());
        assertEquals(422, before.status());

        PluginProblem beyond = refused(activity(null, shift("2030-03-02", "09:00", "12:00", null, null),
                shift("2030-04-20", "09:00", "12:00", "week", "2030-05-04")));
        assertEquals("charity.repeat-beyond-campaign", beyond.code());
        assertEquals("shifts[1].repeat.until", beyond.field(), "the second shift's repetition");

        PluginProblem many = refused(activity(null, shift("2030-03-01", "09:00", "12:00", "day", "2030-04-01")));
        assertEquals("charity.repeat-too-many-shifts", many.code(), "32 days");
        assertEquals("shifts[0].repeat.until", many.field());
        assertEquals(1, create(activity(null, shift("2030-03-01", "09:00", "12:00", "day", "2030-03-31"))).series().size(), "31 is fine");

        PluginProblem monthly = refused(activity(null, shift("2030-03-09", "09:00", "12:00", "month", "2030-04-06")));
        assertEquals("charity.invalid-repeat", monthly.code());
        assertEquals("shifts[0].repeat.every", monthly.field());
        PluginProblem badDate = refused(activity(null, shift("2030-03-09", "09:00", "12:00", "week", "2030-04-31")));
        assertEquals("request.invalid-date", badDate.code());
        assertEquals("shifts[0].repeat.until", badDate.field());

        PluginProblem total = refused(activity(null, shift("2030-03-01", "09:00", "10:00", "day", "2030-03-31"),
                shift("2030-04-01", "09:00", "10:00", "day", "2030-04-30")));
        assertEquals("charity.invalid-shift-count", total.code(), "61 shifts in all");
        assertEquals(1, kit.count("select count(*) from charity_activity"), "nothing refused was stored");
        assertEquals(1, kit.count("select count(*) from charity_series"));
    }

    static PartnerApproval approved(Boolean yes) {
        PartnerApproval p = new PartnerApproval();
        p.approved = yes;
        return p;
    }

    @Test
    void anAdminApprovesAPartnerOthersMayNot() {
        kit.actAs(org);
        Activity a = create(activity("Green Spree e.V.", shift("2030-03-09", "09:00", "12:00", null, null)));
        Activity none = create(activity(null, shift("2030-03-16", "09:00", "12:00", null, null)));
        assertFalse(a.partnerApproved());
        assertNull(a.partnerApprovedAt());
        PluginProblem notAdmin = assertThrows(PluginProblem.class, () -> api.partnerApproval(a.id(), approved(true)));
        assertEquals(403, notAdmin.status());
        assertEquals("charity.admin-required", notAdmin.code(), "an organiser is not an admin");
        assertEquals("charity.admin-required", assertThrows(PluginProblem.class, () -> api.partnerApprovals()).code());
        kit.actAs(null);
        assertEquals(401, assertThrows(PluginProblem.class, () -> api.partnerApproval(a.id(), approved(true))).status());

        kit.actAs(admin);
        assertEquals(List.of(a.id()), api.partnerApprovals().stream().map(Activity::id).toList(), "the activity with a partner");
        assertEquals("approved", assertThrows(PluginProblem.class, () -> api.partnerApproval(a.id(), null)).field());
        assertEquals("charity.no-partner", assertThrows(PluginProblem.class, () -> api.partnerApproval(none.id(), approved(true))).code());
        Instant at = kit.now().plusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        kit.setNow(at);
        Activity yes = api.partnerApproval(a.id(), approved(true));
        assertTrue(yes.partnerApproved());
        assertEquals(at, yes.partnerApprovedAt());
        kit.advance(java.time.Duration.ofMinutes(5));
        assertEquals(at, api.partnerApproval(a.id(), approved(true)).partnerApprovedAt(), "approving again keeps the first approval");
        assertEquals(admin, kit.count("select partner_approved_by from charity_activity where id = " + a.id()));
        assertTrue(api.partnerApprovals().isEmpty());
        kit.actAs(null);
        assertTrue(api.activity(a.id()).partnerApproved(), "anyone reads it");

        kit.actAs(admin);
        assertFalse(api.partnerApproval(a.id(), approved(false)).partnerApproved(), "withdrawn");
        assertEquals(0, kit.count("select count(*) from charity_activity where partner_approved_by is not null"));
        api.partnerApproval(a.id(), approved(true));

        // the campaign's CSV (for partners) says whether the partner is approved
        long vic = kit.addMember("vic", 1, berlin);
        kit.actAs(vic);
        long s = a.shifts().get(0).id();
        api.signUp(s, "helper", null);
        kit.setNow(a.shifts().get(0).startsAt());
        kit.actAs(org);
        api.checkIn(s, CharityExtensionTest.ref(vic));
        api.checkOut(s, CharityExtensionTest.ref(vic));
        HoursForm f = new HoursForm();
        f.status = "VERIFIED";
        f.minutes = 180;
        f.reason = "The whole morning";
        api.setHours(s, vic, f);
        String csv = api.campaignCsv(campaign, "Green Spree e.V.", null).getEntity().toString();
        assertTrue(csv.startsWith("activity_id,activity,partner,partner_approved,city"), csv);
        assertTrue(csv.contains(",Green Spree e.V.,yes,Berlin,"), csv);
    }
}
