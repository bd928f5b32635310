package org.popcorn.server.booths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.popcorn.server.support.Api;
import org.popcorn.server.support.Api.Reply;

/** The demo-booths plugin (plugins/booths, SDK only) on the real server, next to the charity and meetups plugins. */
@ExtendWith(ArquillianExtension.class)
class BoothsPluginIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/ROOT.war"));
    }

    @ArquillianResource
    URL base;

    static final String B = "api/plugins/booths/";

    /** An organiser of the city, by handle. */
    static String organiser(Api api, String admin, String handle, long city) {
        String token = api.member(handle, city);
        assertEquals(200, api.put("api/admin/members/" + handle + "/organiser/" + city, null, admin).status());
        return token;
    }

    static long product(Api api, String org, String code) {
        Reply r = api.post(B + "products", "{\"code\":\"" + code + "\",\"name\":\"Product " + code + "\"}", org);
        assertEquals(201, r.status(), r.toString());
        return r.json().getJsonNumber("id").longValue();
    }

    static ZoneId zone(Api api, long city) {
        return ZoneId.of(api.get("api/cities/" + city, null).json().getString("timeZone"));
    }

    /** A booth in {@code days} days' time from 10:00 to {@code closes} local, in slots of an hour. */
    static JsonObject booth(Api api, String token, long city, long product, int days, String closes, int volunteers, String lead) {
        LocalDate day = LocalDate.now(zone(api, city)).plusDays(days);
        Reply r = api.post(B + "booths", "{\"cityId\":" + city + ",\"compound\":\"Lakeside Gardens\",\"address\":\"Gate 2\",\"productIds\":["
                + product + "],\"slotMinutes\":60,\"volunteersPerSlot\":" + volunteers + (lead == null ? ",\"lead\":false" : ",\"lead\":true," + lead)
                + ",\"openings\":[{\"date\":\"" + day + "\",\"opens\":\"10:00\",\"closes\":\"" + closes + "\"}]}", token);
        assertEquals(201, r.status(), r.toString());
        return r.json();
    }

    static long slot(JsonObject booth, int i) {
        return booth.getJsonArray("slots").getJsonObject(i).getJsonNumber("id").longValue();
    }

    /** JSON-B leaves null fields out. */
    static boolean absent(JsonObject o, String key) {
        return !o.containsKey(key) || o.isNull(key);
    }

    static long id(Api api, String token) {
        return api.get("api/me", token).json().getJsonNumber("id").longValue();
    }

    @Test
    void theLastPlacesOfASlotGoToExactlyItsNeedAndTheWaitingListMovesUp() throws Exception {
        Api api = new Api(base);
        String admin = api.adminToken();
        long city = api.cityId("Tianjin");
        String org = organiser(api, admin, "tj-org", city);
        JsonObject booth = booth(api, org, city, product(api, org, "tj-hub"), 2, "12:00", 3, null);
        assertEquals("PLANNED", booth.getString("status"));
        assertEquals(2, booth.getJsonArray("slots").size(), "10:00-12:00 in slots of an hour");
        assertEquals("Asia/Shanghai", booth.getString("zone"));
        long slot = slot(booth, 0);

        ExecutorService pool = Executors.newFixedThreadPool(40);
        try {
            List<Future<String>> reg = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String h = "tj-vol-" + i;
                reg.add(pool.submit(() -> api.member(h, city)));
            }
            List<String> tokens = new ArrayList<>();
            for (Future<String> f : reg) {
                tokens.add(f.get());
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Future<JsonObject>> joins = new ArrayList<>();
            for (String t : tokens) {
                joins.add(pool.submit(() -> {
                    go.await();
                    Reply r = api.put(B + "slots/" + slot + "/roles/volunteer/signup", null, t);
                    assertEquals(200, r.status(), r.toString());
                    return r.json();
                }));
            }
            go.countDown();
            List<JsonObject> out = new ArrayList<>();
            for (Future<JsonObject> f : joins) {
                out.add(f.get());
            }
            assertEquals(3, out.stream().filter(p -> p.getString("status").equals("CONFIRMED")).count(), "exactly the need");
            assertEquals(java.util.stream.IntStream.rangeClosed(1, 37).boxed().toList(), out.stream()
                    .filter(p -> p.getString("status").equals("WAITING")).map(p -> p.getInt("waitingPosition")).sorted().toList());
            JsonObject s = api.get(B + "booths/" + booth.getJsonNumber("id"), null).json().getJsonArray("slots").getJsonObject(0);
            assertEquals(3, s.getInt("taken"));
            assertEquals(37, s.getInt("waiting"));

            // a confirmed volunteer cancels: the first in line moves up and is told
            String confirmed = null;
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i).getString("status").equals("CONFIRMED")) {
                    confirmed = tokens.get(i);
                    break;
                }
            }
            String first = tokens.get(out.indexOf(out.stream().filter(p -> p.getString("status").equals("WAITING") && p.getInt("waitingPosition") == 1)
                    .findFirst().orElseThrow()));
            assertEquals(204, api.delete(B + "slots/" + slot + "/roles/volunteer/signup", null, confirmed).status());
            JsonArray mine = api.get(B + "my/slots", first).jsonValue().asJsonArray();
            assertEquals("CONFIRMED", mine.getJsonObject(0).getString("status"));
            assertTrue(api.get("api/me/notifications", first).body().contains("You are in: demo booth Lakeside Gardens"));
            // the staffing view shows the second slot (nobody yet) as short; the first is full
            JsonArray gaps = api.get(B + "staffing?city=" + city, org).jsonValue().asJsonArray();
            assertTrue(gaps.stream().map(JsonObject.class::cast).anyMatch(g -> g.getJsonNumber("slotId").longValue() == slot(booth, 1)
                    && g.getInt("missing") == 3));
            assertFalse(gaps.stream().map(JsonObject.class::cast).anyMatch(g -> g.getJsonNumber("slotId").longValue() == slot));
            assertEquals(403, api.get(B + "staffing?city=" + city, first).status(), "organisers only");
            // asking the city for help tells its members who hold nothing in that slot; not twice in a row
            Reply ask = api.post(B + "slots/" + slot(booth, 1) + "/ask", null, org);
            assertEquals(200, ask.status(), ask.toString());
            assertTrue(ask.json().getInt("asked") >= 40, ask.toString());
            Reply again = api.post(B + "slots/" + slot(booth, 1) + "/ask", null, org);
            assertEquals(409, again.status());
            assertEquals("booths.asked-recently", again.json().getString("code"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDemoLeadNeedsTheLevelOrTheQualificationAndSlotsNeverOverlapAcrossPlugins() {
        Api api = new Api(base);
        String admin = api.adminToken();
        long city = api.cityId("Chongqing");
        String org = organiser(api, admin, "cq-org", city);
        long hub = product(api, org, "cq-hub");
        JsonObject byLevel = booth(api, org, city, hub, 3, "11:00", 2, "\"leadMinLevel\":2");
        long slot = slot(byLevel, 0);
        String newcomer = api.member("cq-new", city);
        Reply refused = api.put(B + "slots/" + slot + "/roles/lead/signup", null, newcomer);
        assertEquals(403, refused.status(), refused.toString());
        assertEquals("signup.not-eligible", refused.json().getString("code"));
        String regular = api.member("cq-regular", city);
        assertEquals(201, api.post("api/admin/members/cq-regular/points", "{\"amount\":150,\"reason\":\"Ran a meetup\",\"idempotencyKey\":\"cq\"}",
                admin).status());
        assertEquals("CONFIRMED", api.put(B + "slots/" + slot + "/roles/lead/signup", null, regular).json().getString("status"));
        // holding the lead place, the same member cannot also volunteer in that slot (the same time)
        Reply twice = api.put(B + "slots/" + slot + "/roles/volunteer/signup", null, regular);
        assertEquals(409, twice.status());
        assertEquals("signup.overlap", twice.json().getString("code"));

        // the product training instead of a level
        JsonObject byTraining = booth(api, org, city, hub, 4, "11:00", 2, "\"leadQualification\":\"product-training\"");
        long trained = slot(byTraining, 0);
        assertEquals(403, api.put(B + "slots/" + trained + "/roles/lead/signup", null, newcomer).status());
        assertEquals(403, api.post(B + "qualifications", "{\"memberId\":" + id(api, newcomer) + ",\"code\":\"product-training\"}", newcomer).status());
        assertEquals(404, api.delete(B + "qualifications/cq-new/product-training", null, org).status(), "nothing to withdraw yet");
        Reply granted = api.post(B + "qualifications", "{\"handle\":\"@cq-new\",\"code\":\"product-training\"}", org);
        assertEquals(201, granted.status(), granted.toString());
        assertEquals("[\"product-training\"]", granted.json().getJsonArray("qualifications").toString());
        assertEquals(422, api.post(B + "qualifications", "{\"handle\":\"nobody-here\",\"code\":\"product-training\"}", org).status());
        assertEquals("CONFIRMED", api.put(B + "slots/" + trained + "/roles/lead/signup", null, newcomer).json().getString("status"));

        // a charity shift at the same time as a booth slot: the slot is refused, naming the shift
        LocalDate today = LocalDate.now();
        Reply campaign = api.post("api/plugins/charity/campaigns", "{\"name\":\"Booth clash month\",\"startsOn\":\"" + today + "\",\"endsOn\":\""
                + today.plusDays(30) + "\",\"hoursGoal\":100,\"causes\":[\"elderly-company\"],\"cities\":[{\"cityId\":" + city + ",\"hoursGoal\":50}]}", admin);
        assertEquals(201, campaign.status(), campaign.toString());
        JsonObject boothSlot = byLevel.getJsonArray("slots").getJsonObject(0);
        Instant start = Instant.parse(boothSlot.getString("startsAt")).minus(Duration.ofMinutes(30));
        Reply activity = api.post("api/plugins/charity/campaigns/" + campaign.json().getJsonNumber("id") + "/activities", "{\"cityId\":" + city
                + ",\"cause\":\"elderly-company\",\"title\":\"Riverside care home\",\"meetingPoint\":\"Gate\",\"meetingMinutesBefore\":10,"
                + "\"shifts\":[{\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plus(Duration.ofHours(1)) + "\",\"roles\":[{\"code\":\"helper\","
                + "\"name\":\"Helper\",\"capacity\":5}]}]}", org);
        assertEquals(201, activity.status(), activity.toString());
        long shift = activity.json().getJsonArray("shifts").getJsonObject(0).getJsonNumber("id").longValue();
        String fan = api.member("cq-fan", city);
        assertEquals(200, api.put("api/plugins/charity/shifts/" + shift + "/roles/helper/signup", null, fan).status());
        Reply clash = api.put(B + "slots/" + slot + "/roles/volunteer/signup", null, fan);
        assertEquals(409, clash.status(), clash.toString());
        assertEquals("signup.overlap", clash.json().getString("code"));
        assertTrue(clash.json().getString("detail").contains("Riverside care home"), clash.json().getString("detail"));
        // and the other way round: holding the slot, the charity shift is refused
        String other = api.member("cq-other", city);
        assertEquals(200, api.put(B + "slots/" + slot + "/roles/volunteer/signup", null, other).status());
        Reply back = api.put("api/plugins/charity/shifts/" + shift + "/roles/helper/signup", null, other);
        assertEquals(409, back.status());
        assertTrue(back.json().getString("detail").contains("Demo booth Lakeside Gardens"), back.json().getString("detail"));
    }

    @Test
    void countsAndLeadsAreStoredOnceALeadNeedsConsentAndErasureKeepsTheCounts() {
        Api api = new Api(base);
        String admin = api.adminToken();
        long city = api.cityId("Qingdao");
        String org = organiser(api, admin, "qd-org", city);
        long hub = product(api, org, "qd-hub");
        JsonObject booth = booth(api, org, city, hub, 1, "11:00", 2, null);
        long boothId = booth.getJsonNumber("id").longValue();
        long slot = slot(booth, 0);
        String vol = api.member("qd-vol", city);
        String stranger = api.member("qd-stranger", city);
        assertEquals(200, api.put(B + "slots/" + slot + "/roles/volunteer/signup", null, vol).status());

        String batch = "{\"entries\":[{\"clientKey\":\"k-visitor-0001\",\"kind\":\"visitor\"},{\"clientKey\":\"k-visitor-0002\",\"kind\":\"visitor\"},"
                + "{\"clientKey\":\"k-demo-000001\",\"kind\":\"demo\",\"productId\":" + hub + "}]}";
        assertEquals(403, api.post(B + "slots/" + slot + "/tallies", batch, stranger).status(), "only the slot's volunteers count");
        JsonObject first = api.post(B + "slots/" + slot + "/tallies", batch, vol).json();
        assertEquals(3, first.getInt("accepted"));
        JsonObject resent = api.post(B + "slots/" + slot + "/tallies", batch, vol).json();
        assertEquals(0, resent.getInt("accepted"));
        assertEquals(3, resent.getInt("duplicates"));
        Reply badKind = api.post(B + "slots/" + slot + "/tallies", "{\"entries\":[{\"clientKey\":\"k-bad-000001\",\"kind\":\"hug\"}]}", vol);
        assertEquals(422, badKind.status());
        assertEquals("entries.kind", badKind.json().getString("field"));
        JsonObject tallies = api.get(B + "slots/" + slot + "/tallies", vol).json();
        assertEquals(2, tallies.getInt("visitors"));
        assertEquals(1, tallies.getJsonArray("demos").getJsonObject(0).getInt("count"));

        // a lead without the consent to be contacted is refused and nothing is stored
        Reply noConsent = api.post(B + "slots/" + slot + "/leads", "{\"clientKey\":\"lead-key-0001\",\"name\":\"Ms Wang\",\"contact\":\"138 0000 0000\","
                + "\"productIds\":[" + hub + "],\"consents\":[]}", vol);
        assertEquals(422, noConsent.status(), noConsent.toString());
        assertEquals("booths.consent-required", noConsent.json().getString("code"));
        JsonArray texts = api.get(B + "consent-texts?locale=zh-CN", null).jsonValue().asJsonArray();
        JsonObject contactText = texts.stream().map(JsonObject.class::cast).filter(t -> t.getString("purpose").equals("product-contact")).findFirst()
                .orElseThrow();
        assertTrue(contactText.getBoolean("required"));
        assertTrue(contactText.getString("text").contains("联系"), "the text in the asked language");
        int version = contactText.getInt("version");
        Reply outdated = api.post(B + "slots/" + slot + "/leads", "{\"clientKey\":\"lead-key-0001\",\"name\":\"Ms Wang\",\"contact\":\"138 0000 0000\","
                + "\"consents\":[{\"purpose\":\"product-contact\",\"version\":" + (version + 1) + "}]}", vol);
        assertEquals(409, outdated.status(), outdated.toString());
        assertEquals("consent.outdated-text", outdated.json().getString("code"));
        assertEquals(0, api.get(B + "booths/" + boothId + "/leads", org).json().getInt("total"), "a refused lead leaves nothing behind");

        String lead = "{\"clientKey\":\"lead-key-0001\",\"name\":\"Ms Wang\",\"contact\":\"138 0000 0000\",\"productIds\":[" + hub + "],"
                + "\"consents\":[{\"purpose\":\"product-contact\",\"version\":" + version + "}]}";
        Reply captured = api.post(B + "slots/" + slot + "/leads", lead, vol);
        assertEquals(201, captured.status(), captured.toString());
        Reply again = api.post(B + "slots/" + slot + "/leads", lead, vol);
        assertEquals(200, again.status(), "the same key is the same lead");
        assertEquals(captured.json().getJsonNumber("id"), again.json().getJsonNumber("id"));
        long leadId = captured.json().getJsonNumber("id").longValue();

        assertEquals(403, api.get(B + "booths/" + boothId + "/leads", vol).status(), "leads are for the booth's organisers only");
        assertEquals(403, api.get(B + "booths/" + boothId + "/roster", vol).status());
        assertTrue(api.get(B + "booths/" + boothId + "/roster", org).body().contains("\"handle\":\"qd-vol\""), "the organiser sees who comes");
        JsonObject listed = api.get(B + "booths/" + boothId + "/leads", org).json();
        assertEquals(1, listed.getInt("total"));
        JsonObject l = listed.getJsonArray("items").getJsonObject(0);
        assertEquals("Ms Wang", l.getString("name"));
        JsonObject consent = l.getJsonArray("consents").getJsonObject(0);
        assertEquals("product-contact", consent.getString("purpose"));
        assertEquals(version, consent.getInt("version"));
        assertEquals(id(api, vol), consent.getJsonNumber("capturedBy").longValue(), "who captured it");
        Reply csv = api.send("GET", B + "booths/" + boothId + "/leads.csv", null, org, "text/csv");
        assertEquals(200, csv.status(), csv.toString());
        assertTrue(csv.body().contains("Ms Wang") && csv.body().contains("138 0000 0000"));

        JsonObject before = api.get(B + "booths/" + boothId + "/report", org).json();
        assertEquals(2, before.getInt("visitors"));
        assertEquals(1, before.getInt("leads"));
        assertEquals(0.5, before.getJsonNumber("consentRate").doubleValue(), 1e-9);

        assertEquals(403, api.delete(B + "leads/" + leadId, null, vol).status());
        assertEquals(204, api.delete(B + "leads/" + leadId, null, org).status());
        JsonObject erased = api.get(B + "booths/" + boothId + "/leads", org).json().getJsonArray("items").getJsonObject(0);
        assertTrue(absent(erased, "name") && absent(erased, "contact"), erased.toString());
        assertFalse(erased.isNull("erasedAt"));
        assertFalse(erased.getJsonArray("consents").getJsonObject(0).isNull("withdrawnAt"), "the consent is withdrawn");
        assertFalse(api.send("GET", B + "booths/" + boothId + "/leads.csv", null, org, "text/csv").body().contains("Ms Wang"));
        JsonObject after = api.get(B + "booths/" + boothId + "/report", org).json();
        assertEquals(2, after.getInt("visitors"), "the counts stay");
        assertEquals(1, after.getInt("leads"));
    }

    @Test
    void aFanProposesABoothAnOrganiserApprovesItAndADoneBoothPaysItsVolunteersOnce() {
        Api api = new Api(base);
        String admin = api.adminToken();
        long city = api.cityId("Tianjin");
        String org = organiser(api, admin, "tj-org2", city);
        long hub = product(api, org, "tj2-hub");
        String fan = api.member("tj-proposer", city);
        JsonObject proposed = booth(api, fan, city, hub, 5, "12:00", 2, null);
        assertEquals("PROPOSED", proposed.getString("status"));
        long id = proposed.getJsonNumber("id").longValue();
        assertEquals(409, api.put(B + "slots/" + slot(proposed, 0) + "/roles/volunteer/signup", null, fan).status(), "not open yet");
        assertEquals(403, api.post(B + "booths/" + id + "/approve", null, fan).status());
        assertTrue(api.get(B + "proposals", org).body().contains("\"id\":" + id));
        JsonObject approved = api.post(B + "booths/" + id + "/approve", null, org).json();
        assertEquals("PLANNED", approved.getString("status"));
        assertEquals(id(api, org), approved.getJsonNumber("organiserId").longValue(), "the approving organiser is in charge");
        assertTrue(api.get("api/me/notifications", fan).body().contains("Your booth is on"));
        Reply elsewhere = api.post(B + "booths", "{\"cityId\":" + api.cityId("Qingdao") + "}", fan);
        assertEquals(403, elsewhere.status(), "fans propose in their home city only");

        Reply early = api.post(B + "booths/" + id + "/done", null, org);
        assertEquals(409, early.status(), "not before it opens");
        assertEquals("booths.not-yet", early.json().getString("code"));

        // a booth that opened half an hour ago: its volunteer is paid once when it is done, and earns the first-booth badge
        ZoneId zone = zone(api, city);
        java.time.LocalDateTime from = java.time.LocalDateTime.now(zone).minusMinutes(30).truncatedTo(ChronoUnit.MINUTES);
        java.time.LocalDateTime to = from.plusMinutes(120);
        if (!to.toLocalDate().equals(from.toLocalDate())) {
            return; // too close to midnight for a same-day opening around now; the other assertions ran
        }
        Reply open = api.post(B + "booths", "{\"cityId\":" + city + ",\"compound\":\"Harbour View\",\"address\":\"Lobby\",\"productIds\":[" + hub
                + "],\"slotMinutes\":60,\"volunteersPerSlot\":2,\"lead\":false,\"openings\":[{\"date\":\"" + from.toLocalDate() + "\",\"opens\":\""
                + from.toLocalTime() + "\",\"closes\":\"" + to.toLocalTime() + "\"}]}", org);
        assertEquals(201, open.status(), open.toString());
        long openId = open.json().getJsonNumber("id").longValue();
        String vol = api.member("tj-payee", city);
        Reply begun = api.put(B + "slots/" + slot(open.json(), 0) + "/roles/volunteer/signup", null, vol);
        assertEquals(409, begun.status(), "a slot that has begun takes no sign-ups");
        assertEquals("booths.slot-started", begun.json().getString("code"));
        assertEquals(200, api.put(B + "slots/" + slot(open.json(), 1) + "/roles/volunteer/signup", null, vol).status());
        long points = api.get("api/me", vol).json().getJsonNumber("lifetimePoints").longValue();
        assertEquals(200, api.post(B + "booths/" + openId + "/confirm", null, org).status());
        assertEquals("DONE", api.post(B + "booths/" + openId + "/done", null, org).json().getString("status"));
        assertEquals(points + 20, api.get("api/me", vol).json().getJsonNumber("lifetimePoints").longValue(), "20 points for the slot");
        assertEquals(409, api.post(B + "booths/" + openId + "/done", null, org).status(), "done once");
        assertTrue(api.get("api/members/tj-payee", null).body().contains("booths-first"), api.get("api/members/tj-payee", null).body());

        // cancelling a booth tells its volunteers, with the reason, and frees their time
        JsonObject doomed = booth(api, org, city, hub, 6, "11:00", 2, null);
        String told = api.member("tj-told", city);
        assertEquals(200, api.put(B + "slots/" + slot(doomed, 0) + "/roles/volunteer/signup", null, told).status());
        assertEquals(422, api.post(B + "booths/" + doomed.getJsonNumber("id") + "/cancel", "{}", org).status(), "a reason is needed");
        assertEquals("CANCELLED", api.post(B + "booths/" + doomed.getJsonNumber("id") + "/cancel", "{\"reason\":\"The compound hall is closed\"}", org)
                .json().getString("status"));
        assertTrue(api.get("api/me/notifications", told).body().contains("The compound hall is closed"));
        assertEquals(0, api.get(B + "my/slots", told).jsonValue().asJsonArray().size());

        String openapi = api.get("openapi", null).body();
        assertTrue(openapi.contains("/api/plugins/booths/booths") && openapi.contains("/api/plugins/booths/slots/{id}/leads"));
        assertTrue(api.get("api/ui/navigation", null).body().contains("#/p/booths/booths"));
    }

    @Test
    void theKitListSaysWhoBringsWhatAndWhatCameBackDamaged() {
        Api api = new Api(base);
        String admin = api.adminToken();
        long city = api.cityId("Qingdao");
        String org = organiser(api, admin, "qd-kit-org", city);
        JsonObject booth = booth(api, org, city, product(api, org, "qd-kit-hub"), 2, "11:00", 2, null);
        long boothId = booth.getJsonNumber("id").longValue();
        String vol = api.member("qd-kit-vol", city);
        String outsider = api.member("qd-kit-out", city);
        assertEquals(200, api.put(B + "slots/" + slot(booth, 0) + "/roles/volunteer/signup", null, vol).status());
        long volId = id(api, vol);

        assertEquals(403, api.post(B + "booths/" + boothId + "/kit", "{\"name\":\"Banner\"}", vol).status(), "the organiser keeps the kit");
        Reply noName = api.post(B + "booths/" + boothId + "/kit", "{\"serial\":\"X\"}", org);
        assertEquals(422, noName.status());
        assertEquals("name", noName.json().getString("field"));
        Reply hub = api.post(B + "booths/" + boothId + "/kit", "{\"name\":\"Demo hub\",\"serial\":\"HUB-0042\",\"bringerId\":" + volId + "}", org);
        assertEquals(201, hub.status(), hub.toString());
        long item = hub.json().getJsonNumber("id").longValue();
        assertEquals("qd-kit-vol", hub.json().getString("bringerName"), "who brings it, by name");

        Reply early = api.put(B + "kit/" + item, "{\"returned\":true}", org);
        assertEquals(422, early.status(), "returned before it went out");
        JsonObject out = api.put(B + "kit/" + item, "{\"checkedOut\":true}", org).json();
        assertFalse(absent(out, "checkedOutAt"));
        JsonObject back = api.put(B + "kit/" + item, "{\"returned\":true,\"damage\":\"Cracked corner\"}", org).json();
        assertFalse(absent(back, "returnedAt"));
        assertEquals("Cracked corner", back.getString("damage"));
        assertEquals("HUB-0042", back.getString("serial"), "what was not sent stays");
        JsonObject nobody = api.put(B + "kit/" + item, "{\"noBringer\":true}", org).json();
        assertTrue(absent(nobody, "bringerId"), nobody.toString());

        assertEquals(200, api.get(B + "booths/" + boothId + "/kit", vol).status(), "its volunteers see the list");
        assertEquals(403, api.get(B + "booths/" + boothId + "/kit", outsider).status());
        assertEquals(204, api.delete(B + "kit/" + item, null, org).status());
        assertEquals(0, api.get(B + "booths/" + boothId + "/kit", org).jsonValue().asJsonArray().size());
    }
}
