package org.popcorn.plugins.charity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.popcorn.api.PluginProblem;
import org.popcorn.api.Signups;
import org.popcorn.plugins.charity.CharityForms.ActivityForm;
import org.popcorn.plugins.charity.CharityForms.CampaignCityForm;
import org.popcorn.plugins.charity.CharityForms.CampaignForm;
import org.popcorn.plugins.charity.CharityForms.HoursForm;
import org.popcorn.plugins.charity.CharityForms.MemberRef;
import org.popcorn.plugins.charity.CharityForms.RoleForm;
import org.popcorn.plugins.charity.CharityForms.ShiftForm;
import org.popcorn.plugins.charity.CharityViews.Activity;
import org.popcorn.plugins.charity.CharityViews.Campaign;
import org.popcorn.plugins.charity.CharityViews.RosterEntry;
import org.popcorn.testkit.PluginTestKit;

/** The charity plugin with the test kit: real migrations (Jdbi over the kit's connection), the kit's sign-up rules. */
class CharityExtensionTest {

    PluginTestKit kit;
    CharityResource api;
    long chengdu;
    long wuhan;
    long admin;
    long org;
    long campaign;

    @BeforeEach
    void start() {
        kit = PluginTestKit.start("charity", new CharityExtension());
        api = (CharityResource) kit.extension().restResource();
        CharityFixture f = CharityFixture.of(kit, api);
        chengdu = f.chengdu();
        wuhan = f.wuhan();
        admin = f.admin();
        org = f.org();
        campaign = f.campaign();
    }

    static CampaignForm campaignForm() {
        CampaignForm c = new CampaignForm();
        c.name = "Charity Month";
        c.startsOn = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
        c.endsOn = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30).toString();
        c.hoursGoal = 1000;
        c.causes = List.of("elderly-company", "rural-revitalisation");
        c.cities = List.of(city(1, 300), city(2, 200));
        return c;
    }

    static CampaignCityForm city(long id, int goal) {
        CampaignCityForm cc = new CampaignCityForm();
        cc.cityId = id;
        cc.hoursGoal = goal;
        return cc;
    }

    static RoleForm role(String code, int capacity, Integer minLevel) {
        RoleForm r = new RoleForm();
        r.code = code;
        r.name = code;
        r.capacity = capacity;
        r.minLevel = minLevel;
        return r;
    }

    ActivityForm activity(Instant start, Duration length, RoleForm... roles) {
        ActivityForm a = new ActivityForm();
        a.cityId = chengdu;
        a.cause = "elderly-company";
        a.title = "Tea at the care home";
        a.meetingPoint = "Main gate";
        a.meetingMinutesBefore = 15;
        ShiftForm s = new ShiftForm();
        s.startsAt = start.toString();
        s.endsAt = start.plus(length).toString();
        s.roles = List.of(roles);
        a.shifts = List.of(s);
        return a;
    }

    Activity create(ActivityForm a) {
        return (Activity) api.createActivity(campaign, a).getEntity();
    }

    @Test
    void campaignsAreForAdminsAndBadInputNamesItsField() {
        kit.actAs(org);
        assertEquals(403, assertThrows(PluginProblem.class, () -> api.createCampaign(campaignForm())).status());
        kit.actAs(admin);
        CampaignForm bad = campaignForm();
        bad.endsOn = "2027-02-30";
        assertEquals("endsOn", assertThrows(PluginProblem.class, () -> api.createCampaign(bad)).field());
        CampaignForm noCities = campaignForm();
        noCities.cities = List.of(city(999, 10));
        assertEquals("cities", assertThrows(PluginProblem.class, () -> api.createCampaign(noCities)).field());
        Campaign c = api.campaign(campaign);
        assertEquals(List.of("Chengdu", "Wuhan"), c.cities().stream().map(CharityViews.CampaignCity::cityName).toList());
        assertEquals(0, c.progress().minutes());
        assertEquals(1, api.campaigns(0, 20).total());
    }

    @Test
    void organisersPublishFansProposeAndProposalsOpenOnlyWhenApproved() {
        Instant start = Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        kit.actAs(org);
        Activity live = create(activity(start, Duration.ofHours(2), role("helper", 5, null)));
        assertEquals("PUBLISHED", live.status());
        assertEquals("Asia/Shanghai", live.zone());
        assertEquals(start.minus(Duration.ofMinutes(15)), live.shifts().get(0).meetingAt(), "the meeting time comes first");

        long fan = kit.addMember("fan", 1, chengdu);
        kit.actAs(fan);
        Activity proposal = create(activity(start.plus(Duration.ofDays(1)), Duration.ofHours(2), role("helper", 5, null)));
        assertEquals("PROPOSED", proposal.status());
        long shift = proposal.shifts().get(0).id();
        assertEquals("charity.not-published", assertThrows(PluginProblem.class, () -> api.signUp(shift, "helper", null)).code(), "not before approval");
        assertEquals(403, assertThrows(PluginProblem.class, () -> api.approve(proposal.id())).status(), "no self-approval");
        kit.actAs(null);
        assertEquals(404, assertThrows(PluginProblem.class, () -> api.activity(proposal.id())).status(), "proposals are not public");
        kit.actAs(org);
        assertEquals(1, api.proposals().size());
        assertEquals("PUBLISHED", api.approve(proposal.id()).status());
        assertTrue(kit.notifications().stream().anyMatch(n -> n.memberId() == fan && n.title().startsWith("Approved")));
        kit.actAs(fan);
        assertEquals("CONFIRMED", api.signUp(shift, "helper", null).status());
    }

    @Test
    void rolesHaveCapacityWaitingListsEligibilityAndNoOverlaps() {
        Instant start = Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        kit.actAs(org);
        Activity a = create(activity(start, Duration.ofHours(3), role("helper", 1, null), role("lead", 1, 3)));
        Activity b = create(activity(start.plus(Duration.ofHours(1)), Duration.ofHours(3), role("helper", 5, null)));
        long s1 = a.shifts().get(0).id();
        long s2 = b.shifts().get(0).id();
        long ann = kit.addMember("ann", 1, chengdu);
        long bob = kit.addMember("bob", 1, chengdu);
        kit.actAs(ann);
        assertEquals("CONFIRMED", api.signUp(s1, "helper", null).status());
        PluginProblem lead = assertThrows(PluginProblem.class, () -> api.signUp(s1, "lead", null));
        assertEquals("signup.not-eligible", lead.code());
        assertEquals("min-level:3", lead.rule());
        PluginProblem overlap = assertThrows(PluginProblem.class, () -> api.signUp(s2, "helper", null));
        assertEquals("signup.overlap", overlap.code(), "a second, overlapping shift is refused");
        kit.actAs(bob);
        CharityViews.SignupView waiting = api.signUp(s1, "helper", null);
        assertEquals("WAITING", waiting.status());
        assertEquals(1, waiting.waitingPosition());
        kit.actAs(ann);
        api.cancel(s1, "helper");
        assertTrue(kit.notifications().stream().anyMatch(n -> n.memberId() == bob && n.title().startsWith("You are in")),
                "the next in line is promoted and told");
        kit.actAs(bob);
        assertEquals("CONFIRMED", api.myShifts().items().get(0).status());
    }

    @Test
    void cancellingClosesBeforeTheShift() {
        kit.actAs(org);
        Activity a = create(activity(Instant.now().plus(Duration.ofHours(2)), Duration.ofHours(2), role("helper", 5, null)));
        long s = a.shifts().get(0).id();
        long ann = kit.addMember("ann", 1, chengdu);
        kit.actAs(ann);
        api.signUp(s, "helper", null);
        assertEquals("charity.cancel-closed", assertThrows(PluginProblem.class, () -> api.cancel(s, "helper")).code());
        kit.setSetting("cancel-hours", "1");
        api.cancel(s, "helper");
        assertTrue(api.myShifts().items().isEmpty());
    }

    @Test
    void theCancellationDeadlineFollowsTheKitsClock() {
        kit.actAs(org);
        Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        Activity a = create(activity(start, Duration.ofHours(2), role("helper", 5, null)));
        long s = a.shifts().get(0).id();
        long ann = kit.addMember("ann", 1, chengdu);
        long bea = kit.addMember("bea", 1, chengdu);
        kit.actAs(ann);
        api.signUp(s, "helper", null);
        kit.actAs(bea);
        api.signUp(s, "helper", null);
        kit.setNow(start.minus(Duration.ofHours(13))); // cancelling closes 12 hours before (the default)
        api.cancel(s, "helper");
        kit.actAs(ann);
        kit.advance(Duration.ofHours(2)); // now 11 hours before: the plugin sees the kit's time, not the wall clock's
        assertEquals("charity.cancel-closed", assertThrows(PluginProblem.class, () -> api.cancel(s, "helper")).code());
        assertEquals(start.minus(Duration.ofHours(11)), kit.now());
    }

    @Test
    void leadsCheckInAndOutThenVerifiedHoursPayOnceAndCorrectionsKeepTheirHistory() {
        kit.actAs(org);
        Activity a = create(activity(Instant.now().plus(Duration.ofHours(1)), Duration.ofHours(2), role("helper", 5, null), role("lead", 1, null)));
        long s = a.shifts().get(0).id();
        long lea = kit.addMember("lea", 1, chengdu);
        long vic = kit.addMember("vic", 1, chengdu);
        long stranger = kit.addMember("sam", 1, chengdu);
        kit.actAs(lea);
        api.signUp(s, "lead", null);
        kit.actAs(vic);
        api.signUp(s, "helper", null);
        MemberRef ref = new MemberRef();
        ref.memberId = vic;
        kit.actAs(stranger);
        assertEquals(403, assertThrows(PluginProblem.class, () -> api.checkIn(s, ref)).status(), "only the lead or an organiser");
        kit.actAs(vic);
        assertEquals(403, assertThrows(PluginProblem.class, () -> api.roster(s)).status());

        kit.actAs(lea);
        assertEquals("charity.not-checked-in", assertThrows(PluginProblem.class, () -> api.checkOut(s, ref)).code());
        RosterEntry in = api.checkIn(s, ref);
        assertTrue(in.checkedInAt() != null);
        RosterEntry out = api.checkOut(s, ref);
        assertEquals("PENDING", out.hoursStatus());
        assertEquals(0, out.minutes(), "checked out at once");

        HoursForm adjust = new HoursForm();
        adjust.status = "VERIFIED";
        adjust.minutes = 120;
        assertEquals("reason", assertThrows(PluginProblem.class, () -> api.setHours(s, vic, adjust)).field(), "a changed figure needs a reason");
        adjust.reason = "Checked out late on the app; stayed the whole shift";
        RosterEntry verified = api.setHours(s, vic, adjust);
        assertEquals("VERIFIED", verified.hoursStatus());
        assertEquals(120, verified.minutes());
        assertEquals(20, kit.points().stream().filter(p -> p.memberId() == vic).mapToInt(PluginTestKit.PointsAward::amount).sum(), "10 per hour");
        api.setHours(s, vic, adjust);
        assertEquals(20, kit.points().stream().filter(p -> p.memberId() == vic).mapToInt(PluginTestKit.PointsAward::amount).sum(),
                "the same verification twice pays once");

        HoursForm fix = new HoursForm();
        fix.status = "VERIFIED";
        fix.minutes = 90;
        fix.reason = "Left at 15:30";
        RosterEntry corrected = api.setHours(s, vic, fix);
        assertEquals(15, kit.points().stream().filter(p -> p.memberId() == vic).mapToInt(PluginTestKit.PointsAward::amount).sum(),
                "a correction takes back the difference");
        assertEquals(List.of("Checked out", "Checked out late on the app; stayed the whole shift", "Left at 15:30"),
                corrected.history().stream().map(CharityViews.Change::reason).toList());
        assertEquals("lea", corrected.history().get(2).byHandle());
        assertEquals(120, corrected.history().get(2).fromMinutes());
        assertEquals(90, kit.activity(vic, HoursService.MINUTES_KIND));
        assertEquals(90, api.campaign(campaign).progress().minutes(), "the campaign counts verified hours");
        assertEquals(90, api.campaign(campaign).progress().cities().get(0).minutes());
        kit.actAs(org);
        assertEquals(List.of("vic"), api.leaderboard(campaign, null, null).stream().map(CharityViews.Leader::handle).toList());
        String csv = api.campaignCsv(campaign, null, 50.0).getEntity().toString();
        assertTrue(csv.contains("Tea at the care home") && csv.contains(",vic,90,1.50,75.00"), csv);
        kit.actAs(vic);
        assertEquals(90, api.myShifts().verifiedMinutes());
        assertEquals(403, assertThrows(PluginProblem.class, () -> api.campaignCsv(campaign, null, null)).status());

        kit.actAs(org);
        HoursForm noShow = new HoursForm();
        noShow.status = "NO_SHOW";
        noShow.reason = "Mixed up with another volunteer";
        assertEquals(0, api.setHours(s, vic, noShow).minutes());
        assertEquals(0, kit.points().stream().filter(p -> p.memberId() == vic).mapToInt(PluginTestKit.PointsAward::amount).sum());
    }

    CharityForms.Join group(int n) {
        CharityForms.Join j = new CharityForms.Join();
        j.groupSize = n;
        return j;
    }

    @Test
    void aGroupSignsUpAndWaitsTogetherAndRemindersGoOutOnce() {
        Instant start = Instant.now().plus(Duration.ofHours(24)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        kit.actAs(org);
        Activity a = create(activity(start, Duration.ofHours(2), role("helper", 4, null)));
        long s = a.shifts().get(0).id();
        long fam = kit.addMember("fam", 1, chengdu);
        long team = kit.addMember("team", 1, chengdu);
        long solo = kit.addMember("solo", 1, chengdu);
        kit.actAs(fam);
        assertEquals("groupSize", assertThrows(PluginProblem.class, () -> api.signUp(s, "helper", group(5))).field(), "at most max-group");
        assertEquals(3, api.signUp(s, "helper", group(3)).groupSize());
        kit.actAs(team);
        assertEquals("WAITING", api.signUp(s, "helper", group(2)).status(), "a group of 2 waits for 2 places");
        kit.actAs(solo);
        assertEquals("WAITING", api.signUp(s, "helper", null).status(), "and those behind it wait too");

        kit.runSchedule(Instant.now());
        kit.runSchedule(Instant.now().plusSeconds(60));
        assertEquals(1, kit.notifications().stream().filter(n -> n.memberId() == fam && n.title().startsWith("Tomorrow")).count(),
                "the day-before reminder, once");
        assertTrue(kit.notifications().stream().noneMatch(n -> n.memberId() == team && n.title().startsWith("Tomorrow")), "not to those waiting");
        assertTrue(kit.notifications().stream().filter(n -> n.memberId() == fam).anyMatch(n -> n.body().contains("Main gate")));

        kit.actAs(org);
        String csv = api.activityCsv(a.id()).getEntity().toString();
        assertTrue(csv.startsWith("shift_start,shift_end,zone,role,handle"), csv);
        assertTrue(csv.contains(",fam,") && csv.contains("CONFIRMED,3") && csv.contains("WAITING,2"), csv);
        kit.actAs(fam);
        assertEquals(403, assertThrows(PluginProblem.class, () -> api.activityCsv(a.id())).status());
    }

    /** Vic: verified hours in a shift that has begun, a place and a check-in in one still to come, reminders, a proposal. Ann shares the first shift. */
    record Story(long vic, long ann, long past, long future, long proposal, long proposalShift) {
    }

    Story story() {
        Instant base = kit.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        kit.actAs(org);
        long past = create(activity(base.plus(Duration.ofHours(1)), Duration.ofHours(1), role("helper", 5, null))).shifts().get(0).id();
        long future = create(activity(base.plus(Duration.ofMinutes(150)), Duration.ofHours(1), role("helper", 5, null))).shifts().get(0).id();
        long vic = kit.addMember("vic", 1, chengdu);
        long ann = kit.addMember("ann", 1, chengdu);
        kit.actAs(vic);
        api.signUp(past, "helper", null);
        api.signUp(future, "helper", null);
        kit.actAs(ann);
        api.signUp(past, "helper", null);
        kit.runSchedule(kit.now()); // both shifts start within 4 hours: the on-the-day reminders
        kit.actAs(org);
        verify(past, vic, 60, "Stayed the whole hour");
        verify(past, ann, 45, "Left early for the train");
        api.checkIn(future, ref(vic));
        kit.actAs(vic);
        Activity proposal = create(activity(base.plus(Duration.ofDays(3)), Duration.ofHours(2), role("helper", 5, null)));
        assertEquals("PROPOSED", proposal.status());
        kit.setNow(base.plus(Duration.ofMinutes(130))); // the first shift has begun, the second not yet
        return new Story(vic, ann, past, future, proposal.id(), proposal.shifts().get(0).id());
    }

    static MemberRef ref(long member) {
        MemberRef r = new MemberRef();
        r.memberId = member;
        return r;
    }

    void verify(long shift, long member, int minutes, String reason) {
        api.checkIn(shift, ref(member));
        api.checkOut(shift, ref(member));
        HoursForm f = new HoursForm();
        f.status = "VERIFIED";
        f.minutes = minutes;
        f.reason = reason;
        api.setHours(shift, member, f);
    }


    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object export, String key) {
        return (List<Map<String, Object>>) ((Map<String, Object>) export).get(key);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDownloadListsTheMembersOwnShiftsHoursHistoryAndProposalsOnly() {
        Story st = story();
        Object mine = kit.extension().exportMember(st.vic());
        List<Map<String, Object>> shifts = list(mine, "shifts");
        assertEquals(List.of(st.past(), st.future()), shifts.stream().map(x -> x.get("shiftId")).toList());
        Map<String, Object> past = shifts.get(0);
        assertEquals("Tea at the care home", past.get("activity"));
        assertEquals("Chengdu", past.get("city"));
        assertEquals("helper", past.get("role"));
        assertEquals("CONFIRMED", past.get("place"));
        Instant.parse((String) past.get("startsAt")); // ISO-8601
        Map<String, Object> hours = (Map<String, Object>) past.get("hours");
        assertEquals(60, hours.get("minutes"));
        assertEquals("VERIFIED", hours.get("status"));
        Map<String, Object> checkedIn = (Map<String, Object>) shifts.get(1).get("hours");
        assertTrue(checkedIn.get("checkedInAt") != null && checkedIn.get("status") == null, "checked in, not yet out");
        assertEquals(List.of("Checked out", "Stayed the whole hour"), list(mine, "hoursHistory").stream().map(x -> x.get("reason")).toList());
        assertEquals(List.of(st.proposal()), list(mine, "activitiesCreated").stream().map(x -> x.get("id")).toList());
        assertEquals("PROPOSED", list(mine, "activitiesCreated").get(0).get("status"));
        assertEquals(2, list(mine, "reminders").size());
        assertFalse(mine.toString().contains("Left early"), "not another volunteer's hours: " + mine);

        Object hers = kit.extension().exportMember(st.ann());
        assertEquals(List.of(45), list(hers, "shifts").stream().map(x -> ((Map<String, Object>) x.get("hours")).get("minutes")).toList());
        assertFalse(hers.toString().contains("Stayed the whole hour"));
        assertTrue(list(hers, "activitiesCreated").isEmpty());
        assertNull(kit.extension().exportMember(kit.addMember("nobody")), "nothing held: null");
    }

    @Test
    void erasingDeletesRemindersFutureHoursAndProposalsAndKeepsCountedHoursTwiceOver() {
        Story st = story();
        long campaignMinutes = api.campaign(campaign).progress().minutes();
        assertEquals(105, campaignMinutes);
        String proposalPool = Activities.pool(st.proposalShift(), "helper");
        // as the core does before the hook: every place the member held is given up
        Signups signups = kit.context().signups();
        assertEquals(1, signups.pools(List.of(proposalPool)).size(), "the proposal's closed pool");
        for (Signups.Place p : signups.placesOf(st.vic())) {
            signups.leave(p.pool(), st.vic());
        }
        kit.actAs(null); // the hook does not rely on a caller
        for (int round = 1; round <= 2; round++) {
            kit.extension().eraseMember(st.vic()); // the second time finds nothing left to do
            assertEquals(0, kit.count("select count(*) from charity_reminder where member_id = " + st.vic()), "round " + round);
            assertEquals(1, kit.count("select count(*) from charity_reminder where member_id = " + st.ann()), "another's reminders stay");
            assertEquals(0, kit.count("select count(*) from charity_hours where shift_id = " + st.future() + " and member_id = " + st.vic()));
            assertEquals(1, kit.count("select count(*) from charity_hours where shift_id = " + st.past() + " and member_id = " + st.vic()
                    + " and status = 'VERIFIED' and minutes = 60"));
            assertEquals(2, kit.count("select count(*) from charity_hours_change where member_id = " + st.vic()), "the history stays");
            assertEquals(0, kit.count("select count(*) from charity_activity where created_by = " + st.vic()), "the proposal is gone");
            assertEquals(0, kit.count("select count(*) from charity_shift where id = " + st.proposalShift()));
            assertTrue(signups.pools(List.of(proposalPool)).isEmpty(), "with its pool");
            Campaign c = api.campaign(campaign);
            assertEquals(campaignMinutes, c.progress().minutes(), "the campaign still counts the hours");
            assertEquals(2, c.progress().volunteers());
            assertEquals(campaignMinutes, c.progress().cities().get(0).minutes());
        }
        kit.actAs(org);
        assertEquals(List.of(st.vic(), st.ann()), api.leaderboard(campaign, null, null).stream().map(CharityViews.Leader::memberId).toList());
        assertEquals(1, list(kit.extension().exportMember(st.vic()), "shifts").size(), "what is kept under the id");
    }
}
