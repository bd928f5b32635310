package org.popcorn.plugins.charity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.popcorn.api.Consents;
import org.popcorn.api.PluginProblem;
import org.popcorn.api.Signups;
import org.popcorn.plugins.charity.CharityForms.ActivityForm;
import org.popcorn.plugins.charity.CharityForms.Join;
import org.popcorn.plugins.charity.CharityForms.RoleForm;
import org.popcorn.plugins.charity.CharityForms.ShiftForm;
import org.popcorn.plugins.charity.CharityViews.Activity;
import org.popcorn.plugins.charity.CharityViews.Role;
import org.popcorn.testkit.PluginTestKit;

/**
 * Waivers on roles: published through the host's consent block (a changed text is a new version), shown with the
 * role, accepted in their current version by a sign-up and recorded with it, listed in the member's data and withdrawn
 * on erasure.
 */
class WaiversTest {

    static final String DRIVING_EN = "I drive the association's van carefully and hold a valid licence.";
    static final String DRIVING_ZH = "我会谨慎驾驶协会的车辆，并持有有效驾照。";

    PluginTestKit kit;
    CharityResource api;
    Consents consents;
    Signups signups;
    long chengdu;
    long org;
    long campaign;
    Instant start;

    @BeforeEach
    void start() {
        kit = PluginTestKit.start("charity", new CharityExtension());
        api = (CharityResource) kit.extension().restResource();
        consents = kit.context().consents();
        signups = kit.context().signups();
        CharityFixture f = CharityFixture.of(kit, api);
        chengdu = f.chengdu();
        org = f.org();
        campaign = f.campaign();
        start = kit.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES); // far enough to cancel
    }

    static Map<String, String> text(String en, String zh) {
        Map<String, String> t = new HashMap<>();
        if (en != null) {
            t.put("en", en);
        }
        if (zh != null) {
            t.put("zh-CN", zh);
        }
        return t;
    }

    static RoleForm role(String code, Integer minLevel, Map<String, String> waiver) {
        RoleForm r = CharityExtensionTest.role(code, 5, minLevel);
        r.waiver = waiver;
        return r;
    }

    static ShiftForm shift(Instant from, RoleForm... roles) {
        ShiftForm s = new ShiftForm();
        s.startsAt = from.toString();
        s.endsAt = from.plus(Duration.ofHours(3)).toString();
        s.roles = List.of(roles);
        return s;
    }

    ActivityForm activity(ShiftForm... shifts) {
        ActivityForm a = new ActivityForm();
        a.cityId = chengdu;
        a.cause = "rural-revitalisation";
        a.title = "Vegetable run to the village school";
        a.meetingPoint = "Association garage";
        a.shifts = List.of(shifts);
        return a;
    }

    /** An organiser's activity with a helper (no waiver) and a driver (the driving waiver) in one shift. */
    Activity driving() {
        kit.actAs(org);
        return (Activity) api.createActivity(campaign, activity(shift(start, role("helper", null, null),
                role("driver", null, text(DRIVING_EN, DRIVING_ZH))))).getEntity();
    }

    static Join accepting(Integer version) {
        Join j = new Join();
        j.acceptWaiverVersion = version;
        return j;
    }

    static Role roleOf(Activity a, int shift, String code) {
        return a.shifts().get(shift).roles().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    }

    static String subject(long member) {
        return "member-" + member;
    }

    /** Asserts that the member holds no place in the pool and accepted nothing. */
    void nothingWritten(long member, long shift, String code) {
        assertTrue(signups.placeOf(Activities.pool(shift, code), member).isEmpty(), "no place");
        assertTrue(consents.of(subject(member)).isEmpty(), "no acceptance");
    }

    @Test
    void aRoleWithAWaiverShowsItsVersionAndTextsAndItsPurposeIsPublished() {
        Activity a = driving();
        Role driver = roleOf(a, 0, "driver");
        assertNotNull(driver.waiver());
        assertEquals(1, driver.waiver().version());
        assertEquals(DRIVING_EN, driver.waiver().text(), "English: the view picks no reader's language");
        assertEquals(Map.of("en", DRIVING_EN, "zh-CN", DRIVING_ZH), driver.waiver().texts());
        assertFalse(driver.waiver().accepted());
        assertNull(roleOf(a, 0, "helper").waiver(), "a role without a waiver shows none");

        String purpose = Waivers.purpose(a.id(), "driver");
        assertEquals("waiver-" + a.id() + "-driver", purpose);
        Consents.Text published = consents.current(purpose).orElseThrow();
        assertEquals(1, published.version());
        assertEquals(Map.of("en", DRIVING_EN, "zh-CN", DRIVING_ZH), published.text());
        assertTrue(consents.current(Waivers.purpose(a.id(), "helper")).isEmpty());
        assertEquals(1, kit.count("select count(*) from charity_waiver where activity_id = " + a.id() + " and version = 1"));

        kit.actAs(null);
        assertEquals(1, roleOf(api.activity(a.id()), 0, "driver").waiver().version(), "anyone reads it");
    }

    @Test
    void signingUpWithoutTheVersionIsRefusedAndWritesNothing() {
        Activity a = driving();
        long s = a.shifts().get(0).id();
        long fan = kit.addMember("fan", 1, chengdu);
        kit.actAs(fan);
        PluginProblem missing = assertThrows(PluginProblem.class, () -> api.signUp(s, "driver", null));
        assertEquals(422, missing.status());
        assertEquals("charity.waiver-required", missing.code());
        assertEquals("acceptWaiverVersion", missing.field());
        Join group = new Join();
        group.groupSize = 2;
        assertEquals("charity.waiver-required", assertThrows(PluginProblem.class, () -> api.signUp(s, "driver", group)).code(),
                "a body without the version");
        nothingWritten(fan, s, "driver");
        assertEquals(0, roleOf(api.activity(a.id()), 0, "driver").taken());

        long other = kit.addMember("hana", 1, chengdu);
        kit.actAs(other);
        assertEquals("CONFIRMED", api.signUp(s, "helper", null).status(), "a role without a waiver needs nothing");
        assertTrue(consents.of(subject(other)).isEmpty());
    }

    @Test
    void anOutdatedVersionIsRefusedNamingTheCurrentOne() {
        Activity a = driving();
        long s = a.shifts().get(0).id();
        kit.actAs(org);
        assertEquals(2, roleOf(api.putWaiver(a.id(), "driver", text(DRIVING_EN + " I never drive after drinking.", null)), 0, "driver")
                .waiver().version());
        long fan = kit.addMember("fan", 1, chengdu);
        kit.actAs(fan);
        PluginProblem old = assertThrows(PluginProblem.class, () -> api.signUp(s, "driver", accepting(1)));
        assertEquals(409, old.status());
        assertEquals("charity.waiver-outdated", old.code());
        assertEquals("acceptWaiverVersion", old.field());
        assertTrue(old.getMessage().contains("version 2"), old.getMessage());
        assertEquals("charity.waiver-outdated", assertThrows(PluginProblem.class, () -> api.signUp(s, "driver", accepting(3))).code(),
                "a version never published is not the current one either");
        nothingWritten(fan, s, "driver");
    }

    @Test
    void theCurrentVersionTakesThePlaceAndRecordsTheAcceptanceOnce() {
        Activity a = driving();
        long s = a.shifts().get(0).id();
        long fan = kit.addMember("fan", 1, chengdu);
        Instant at = kit.now().truncatedTo(ChronoUnit.SECONDS);
        kit.setNow(at);
        kit.actAs(fan);
        assertEquals("CONFIRMED", api.signUp(s, "driver", accepting(1)).status());
        assertTrue(signups.placeOf(Activities.pool(s, "driver"), fan).isPresent());
        String purpose = Waivers.purpose(a.id(), "driver");
        Consents.Consent given = consents.standing(subject(fan), purpose).orElseThrow();
        assertEquals(1, given.version());
        assertEquals(at, given.givenAt());
        assertNull(given.capturedBy(), "given by the member themselves");
        assertTrue(roleOf(api.activity(a.id()), 0, "driver").waiver().accepted(), "the page asks no more");

        // leaving and joining again: the current version is accepted already
        api.cancel(s, "driver");
        assertEquals("CONFIRMED", api.signUp(s, "driver", null).status());
        assertEquals("CONFIRMED", api.signUp(s, "driver", accepting(1)).status(), "sending it anyway is fine");
        assertEquals(1, consents.of(subject(fan)).size(), "one record, not one per sign-up");

        List<Map<String, Object>> mine = CharityExtensionTest.list(kit.extension().exportMember(fan), "waiversAccepted");
        assertEquals(1, mine.size());
        assertEquals(purpose, mine.get(0).get("purpose"));
        assertEquals(1, mine.get(0).get("version"));
        assertEquals(at.toString(), mine.get(0).get("acceptedAt"));
        assertEquals("driver", mine.get(0).get("role"));
        assertEquals(a.id(), mine.get(0).get("activityId"));
        assertNull(mine.get(0).get("withdrawnAt"));
    }

    @Test
    void changingTheTextBumpsTheVersionAndSignUpsFromThenOnAcceptTheNewOne() {
        Activity a = driving();
        long s = a.shifts().get(0).id();
        long first = kit.addMember("fei", 1, chengdu);
        long second = kit.addMember("gao", 1, chengdu);
        kit.actAs(first);
        api.signUp(s, "driver", accepting(1));

        kit.actAs(org);
        assertEquals(1, roleOf(api.putWaiver(a.id(), "driver", text(DRIVING_EN, DRIVING_ZH)), 0, "driver").waiver().version(),
                "the same text keeps its version");
        String changed = DRIVING_EN + " I check the tyres before leaving.";
        Role now = roleOf(api.putWaiver(a.id(), "driver", text(changed, null)), 0, "driver");
        assertEquals(2, now.waiver().version());
        assertEquals(changed, now.waiver().text());
        assertEquals(Map.of("en", changed), now.waiver().texts(), "the Chinese text was not given again");
        assertEquals(2, consents.current(Waivers.purpose(a.id(), "driver")).orElseThrow().version());
        assertEquals(1, kit.count("select count(*) from charity_waiver where activity_id = " + a.id() + " and version = 2 and text_zh is null"));

        kit.actAs(second);
        assertEquals("charity.waiver-outdated", assertThrows(PluginProblem.class, () -> api.signUp(s, "driver", accepting(1))).code());
        assertEquals("CONFIRMED", api.signUp(s, "driver", accepting(2)).status());
        assertEquals(2, consents.standing(subject(second), Waivers.purpose(a.id(), "driver")).orElseThrow().version());

        kit.actAs(first);
        Role seen = roleOf(api.activity(a.id()), 0, "driver");
        assertEquals("CONFIRMED", seen.mine().status(), "a place taken under version 1 stays");
        assertFalse(seen.waiver().accepted(), "but version 2 is not accepted yet");
        api.cancel(s, "driver");
        assertEquals("charity.waiver-required", assertThrows(PluginProblem.class, () -> api.signUp(s, "driver", null)).code(),
                "joining again needs the new version");
        api.signUp(s, "driver", accepting(2));
        List<Consents.Consent> history = consents.of(subject(first));
        assertEquals(List.of(2, 1), history.stream().map(Consents.Consent::version).toList(), "newest first");
        assertTrue(history.get(0).standing());
        assertNotNull(history.get(1).withdrawnAt(), "version 1 gave way to version 2");
        assertEquals(List.of(1, 2), CharityExtensionTest.list(kit.extension().exportMember(first), "waiversAccepted").stream()
                .map(e -> e.get("version")).toList());
    }

    @Test
    void aSignUpTheHostRefusesLaterInItsUnitRecordsNoAcceptance() {
        // The kit has no rollback of its in-memory services, so this shows the order that makes it hold there too: the
        // acceptance is recorded only after the host has taken the place.
        kit.actAs(org);
        Activity a = (Activity) api.createActivity(campaign, activity(shift(start, role("driver", 3, text(DRIVING_EN, null))))).getEntity();
        Activity other = (Activity) api.createActivity(campaign, activity(shift(start.plus(Duration.ofHours(1)), role("helper", null, null))))
                .getEntity();
        long s = a.shifts().get(0).id();
        long novice = kit.addMember("nia", 1, chengdu);
        kit.actAs(novice);
        assertEquals("signup.not-eligible", assertThrows(PluginProblem.class, () -> api.signUp(s, "driver", accepting(1))).code());
        nothingWritten(novice, s, "driver");

        long busy = kit.addMember("bo", 5, chengdu);
        kit.actAs(busy);
        api.signUp(other.shifts().get(0).id(), "helper", null);
        assertEquals("signup.overlap", assertThrows(PluginProblem.class, () -> api.signUp(s, "driver", accepting(1))).code());
        assertTrue(consents.of(subject(busy)).isEmpty(), "no acceptance without the place");
    }

    @Test
    void onlyOrganisersChangeWaiversAndARemovedOneIsNoLongerAsked() {
        Activity a = driving();
        long s = a.shifts().get(0).id();
        long fan = kit.addMember("fan", 1, chengdu);
        kit.actAs(fan);
        PluginProblem notOrganiser = assertThrows(PluginProblem.class, () -> api.putWaiver(a.id(), "driver", text("Anything", null)));
        assertEquals(403, notOrganiser.status());
        assertEquals("charity.organiser-required", notOrganiser.code());
        assertEquals("charity.organiser-required", assertThrows(PluginProblem.class, () -> api.removeWaiver(a.id(), "driver")).code());
        kit.actAs(null);
        assertEquals(401, assertThrows(PluginProblem.class, () -> api.putWaiver(a.id(), "driver", text("Anything", null))).status());

        kit.actAs(org);
        assertEquals("charity.role-not-found", assertThrows(PluginProblem.class, () -> api.putWaiver(a.id(), "cook", text("Hot pans", null))).code());
        Map<String, String> french = text("Fine", null);
        french.put("fr", "Bien");
        assertEquals("charity.invalid-waiver", assertThrows(PluginProblem.class, () -> api.putWaiver(a.id(), "driver", french)).code());
        PluginProblem noEnglish = assertThrows(PluginProblem.class, () -> api.putWaiver(a.id(), "driver", text(null, DRIVING_ZH)));
        assertEquals("request.missing-field", noEnglish.code());
        assertEquals("en", noEnglish.field());
        assertEquals("charity.missing-body", assertThrows(PluginProblem.class, () -> api.putWaiver(a.id(), "driver", null)).code());
        assertEquals(1, consents.current(Waivers.purpose(a.id(), "driver")).orElseThrow().version(), "nothing refused was published");

        // a helper gets a waiver later; the driver's is removed (twice changes nothing)
        assertEquals(1, roleOf(api.putWaiver(a.id(), "helper", text("I wear gloves.", null)), 0, "helper").waiver().version());
        assertNull(roleOf(api.removeWaiver(a.id(), "driver"), 0, "driver").waiver());
        assertNull(roleOf(api.removeWaiver(a.id(), "driver"), 0, "driver").waiver());
        kit.actAs(fan);
        assertEquals("CONFIRMED", api.signUp(s, "driver", null).status(), "no waiver, nothing to accept");
        assertTrue(consents.of(subject(fan)).isEmpty());
    }

    @Test
    void anActivitysWaiversAreCheckedBeforeAnythingIsStored() {
        kit.actAs(org);
        PluginProblem noEnglish = assertThrows(PluginProblem.class, () -> api.createActivity(campaign,
                activity(shift(start, role("helper", null, null), role("driver", null, text(null, DRIVING_ZH))))));
        assertEquals("request.missing-field", noEnglish.code());
        assertEquals("shifts[0].roles[1].waiver.en", noEnglish.field());
        PluginProblem tooLong = assertThrows(PluginProblem.class, () -> api.createActivity(campaign,
                activity(shift(start, role("driver", null, text("x".repeat(4001), null))))));
        assertEquals("request.too-long", tooLong.code());
        PluginProblem twoTexts = assertThrows(PluginProblem.class, () -> api.createActivity(campaign, activity(
                shift(start, role("driver", null, text(DRIVING_EN, null))),
                shift(start.plus(Duration.ofDays(1)), role("driver", null, text("Another text", null))))));
        assertEquals(422, twoTexts.status());
        assertEquals("charity.waiver-conflict", twoTexts.code());
        assertEquals("shifts[1].roles[0].waiver", twoTexts.field());
        assertEquals(0, kit.count("select count(*) from charity_activity"), "nothing refused was stored");
        assertEquals(0, kit.count("select count(*) from charity_waiver"));

        // given once (or blank elsewhere), it holds for the role in every shift: one purpose, one acceptance
        Activity a = (Activity) api.createActivity(campaign, activity(shift(start, role("driver", null, text(DRIVING_EN, null))),
                shift(start.plus(Duration.ofDays(1)), role("driver", null, text(" ", ""))))).getEntity();
        assertEquals(1, roleOf(a, 1, "driver").waiver().version());
        assertEquals(DRIVING_EN, roleOf(a, 1, "driver").waiver().text());
        long fan = kit.addMember("fan", 1, chengdu);
        kit.actAs(fan);
        api.signUp(a.shifts().get(0).id(), "driver", accepting(1));
        assertEquals("CONFIRMED", api.signUp(a.shifts().get(1).id(), "driver", null).status(), "accepted for the activity's role");
        assertEquals(1, consents.of(subject(fan)).size());
    }

    @Test
    void erasureWithdrawsTheAcceptancesKeepsTheirRecordsAndTakesAProposalsWaivers() {
        Activity a = driving();
        long fan = kit.addMember("fan", 1, chengdu);
        kit.actAs(fan);
        api.signUp(a.shifts().get(0).id(), "driver", accepting(1));
        Activity proposal = (Activity) api.createActivity(campaign, activity(shift(start.plus(Duration.ofDays(3)),
                role("driver", null, text("I bring my own helmet.", null))))).getEntity();
        assertEquals("PROPOSED", proposal.status());
        assertEquals(1, kit.count("select count(*) from charity_waiver where activity_id = " + proposal.id()));

        for (Signups.Place p : signups.placesOf(fan)) { // as the core does before the hook
            signups.leave(p.pool(), fan);
        }
        kit.actAs(null);
        for (int round = 1; round <= 2; round++) {
            kit.extension().eraseMember(fan); // the second time finds nothing left to do
            assertTrue(consents.standing(subject(fan), Waivers.purpose(a.id(), "driver")).isEmpty(), "round " + round);
            List<Consents.Consent> kept = consents.of(subject(fan));
            assertEquals(1, kept.size(), "the record stays under the opaque subject");
            assertNotNull(kept.get(0).withdrawnAt());
            assertEquals(0, kit.count("select count(*) from charity_activity where id = " + proposal.id()), "the proposal is gone");
            assertEquals(0, kit.count("select count(*) from charity_waiver where activity_id = " + proposal.id()), "with its waiver");
            assertEquals(1, kit.count("select count(*) from charity_waiver where activity_id = " + a.id()), "another's activity keeps its own");
        }
        assertNotNull(CharityExtensionTest.list(kit.extension().exportMember(fan), "waiversAccepted").get(0).get("withdrawnAt"));
    }

    /** The SDK block itself: agreeing to a newer version records it even while the older one stands. */
    @Test
    void aNewerVersionIsRecordedBesideAStandingOlderOne() {
        consents.publish("kit-check", text("Version one", null));
        Consents.Consent v1 = consents.record("member-1", "kit-check", 1, null);
        assertEquals(v1.id(), consents.record("member-1", "kit-check", 1, null).id(), "the same consent twice keeps the first");
        consents.publish("kit-check", text("Version two", null));
        Consents.Consent v2 = consents.record("member-1", "kit-check", 2, null);
        assertEquals(2, v2.version(), "the newer version is recorded, not the older record answered");
        assertEquals(2, consents.standing("member-1", "kit-check").orElseThrow().version(), "the newest standing one");
    }
}
