package org.popcorn.server.charity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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

/** The charity plugin (plugins/charity, SDK only) on the real server, next to the meetups plugin. */
@ExtendWith(ArquillianExtension.class)
class CharityPluginIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/ROOT.war"));
    }

    @ArquillianResource
    URL base;

    static final String C = "api/plugins/charity/";

    long campaign(Api api, String admin, long... cities) {
        StringBuilder cs = new StringBuilder();
        for (long c : cities) {
            cs.append(cs.length() == 0 ? "" : ",").append("{\"cityId\":").append(c).append(",\"hoursGoal\":100}");
        }
        LocalDate today = LocalDate.now();
        Reply r = api.post(C + "campaigns", "{\"name\":\"Charity Month IT\",\"startsOn\":\"" + today.minusDays(2) + "\",\"endsOn\":\""
                + today.plusDays(30) + "\",\"hoursGoal\":500,\"causes\":[\"elderly-company\"],\"cities\":[" + cs + "]}", admin);
        assertEquals(201, r.status(), r.toString());
        return r.json().getJsonNumber("id").longValue();
    }

    JsonObject activity(Api api, String token, long campaign, long city, String title, Instant start, Duration length, String roles) {
        Reply r = api.post(C + "campaigns/" + campaign + "/activities", "{\"cityId\":" + city + ",\"cause\":\"elderly-company\",\"title\":\""
                + title + "\",\"meetingPoint\":\"Main gate\",\"meetingMinutesBefore\":15,\"shifts\":[{\"startsAt\":\"" + start
                + "\",\"endsAt\":\"" + start.plus(length) + "\",\"roles\":" + roles + "}]}", token);
        assertEquals(201, r.status(), r.toString());
        return r.json();
    }

    /** A new member who organises {@code city}: their token. */
    static String organiser(Api api, String admin, String handle, long city) {
        String token = api.member(handle, city);
        assertEquals(200, api.put("api/admin/members/" + handle + "/organiser/" + city, null, admin).status());
        return token;
    }

    static long shiftOf(JsonObject activity) {
        return activity.getJsonArray("shifts").getJsonObject(0).getJsonNumber("id").longValue();
    }

    @Test
    void theLastPlacesOfARoleGoToExactlyTheCapacityAndShiftsNeverOverlapAcrossPlugins() throws Exception {
        Api api = new Api(base);
        String admin = api.adminToken();
        long guangzhou = api.cityId("Guangzhou");
        String org = organiser(api, admin, "gz-org", guangzhou);
        long campaign = campaign(api, admin, guangzhou);
        Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        JsonObject park = activity(api, org, campaign, guangzhou, "Park clean-up", start, Duration.ofHours(3),
                "[{\"code\":\"helper\",\"name\":\"Helper\",\"capacity\":10}]");
        long shift = shiftOf(park);

        // more concurrent units of work than the 32 pooled connections: each must hold one connection only
        ExecutorService pool = Executors.newFixedThreadPool(80);
        try {
            List<Future<String>> reg = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                String h = "gz-vol-" + i;
                reg.add(pool.submit(() -> api.member(h, guangzhou)));
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
                    Reply r = api.put(C + "shifts/" + shift + "/roles/helper/signup", null, t);
                    assertEquals(200, r.status(), r.toString());
                    return r.json();
                }));
            }
            go.countDown();
            List<JsonObject> out = new ArrayList<>();
            for (Future<JsonObject> f : joins) {
                out.add(f.get());
            }
            assertEquals(10, out.stream().filter(p -> p.getString("status").equals("CONFIRMED")).count(), "exactly the capacity");
            assertEquals(java.util.stream.IntStream.rangeClosed(1, 70).boxed().toList(), out.stream()
                    .filter(p -> p.getString("status").equals("WAITING")).map(p -> p.getInt("waitingPosition")).sorted().toList());
            JsonObject role = api.get(C + "activities/" + park.getJsonNumber("id"), null).json().getJsonArray("shifts").getJsonObject(0)
                    .getJsonArray("roles").getJsonObject(0);
            assertEquals(10, role.getInt("taken"));
            assertEquals(70, role.getInt("waiting"));

            // one volunteer racing for two overlapping shifts of two activities: one wins
            JsonObject a = activity(api, org, campaign, guangzhou, "Reading hour", start.plus(Duration.ofDays(1)), Duration.ofHours(2),
                    "[{\"code\":\"helper\",\"name\":\"Helper\",\"capacity\":5}]");
            JsonObject b = activity(api, org, campaign, guangzhou, "Craft hour", start.plus(Duration.ofDays(1)).plus(Duration.ofHours(1)),
                    Duration.ofHours(2), "[{\"code\":\"helper\",\"name\":\"Helper\",\"capacity\":5}]");
            String racer = api.member("gz-racer", guangzhou);
            CountDownLatch race = new CountDownLatch(1);
            Future<Integer> one = pool.submit(() -> {
                race.await();
                return api.put(C + "shifts/" + shiftOf(a) + "/roles/helper/signup", null, racer).status();
            });
            Future<Integer> two = pool.submit(() -> {
                race.await();
                return api.put(C + "shifts/" + shiftOf(b) + "/roles/helper/signup", null, racer).status();
            });
            race.countDown();
            assertEquals(List.of(200, 409), java.util.stream.Stream.of(one.get(), two.get()).sorted().toList());
        } finally {
            pool.shutdownNow();
        }

        // a meetup seat and a charity shift at the same time: the second is refused, naming the first
        String fan = api.member("gz-both", guangzhou);
        Instant evening = start.plus(Duration.ofDays(2));
        Reply meetup = api.post("api/plugins/meetups/meetups", "{\"cityId\":" + guangzhou + ",\"title\":\"Dim sum social\",\"venueName\":"
                + "\"Tea house\",\"startsAt\":\"" + evening + "\",\"endsAt\":\"" + evening.plus(Duration.ofHours(2)) + "\",\"capacity\":10,"
                + "\"publish\":true}", org);
        assertEquals(201, meetup.status(), meetup.toString());
        assertEquals(200, api.put("api/plugins/meetups/meetups/" + meetup.json().getJsonNumber("id") + "/rsvp", "{\"guests\":0}", fan).status());
        JsonObject visit = activity(api, org, campaign, guangzhou, "Care home visit", evening.plus(Duration.ofHours(1)), Duration.ofHours(2),
                "[{\"code\":\"helper\",\"name\":\"Helper\",\"capacity\":5}]");
        Reply clash = api.put(C + "shifts/" + shiftOf(visit) + "/roles/helper/signup", null, fan);
        assertEquals(409, clash.status(), clash.toString());
        assertEquals("signup.overlap", clash.json().getString("code"));
        assertTrue(clash.json().getString("detail").contains("Dim sum social"), clash.json().getString("detail"));
    }

    @Test
    void theRestBetweenShiftsIsKeptAcrossPluginsByTheLongerRestOfTheTwo() {
        Api api = new Api(base);
        String admin = api.adminToken();
        long shenzhen = api.cityId("Shenzhen");
        String org = organiser(api, admin, "sz-rest-org", shenzhen);
        long campaign = campaign(api, admin, shenzhen);
        assertEquals(200, api.put("api/admin/plugins/charity/settings", "{\"rest-minutes\":\"60\"}", admin).status());
        try {
            Instant evening = Instant.now().plus(Duration.ofDays(4)).truncatedTo(ChronoUnit.HOURS);
            Reply meetup = api.post("api/plugins/meetups/meetups", "{\"cityId\":" + shenzhen + ",\"title\":\"Board game night\","
                    + "\"venueName\":\"Cafe\",\"startsAt\":\"" + evening + "\",\"endsAt\":\"" + evening.plus(Duration.ofHours(2))
                    + "\",\"capacity\":10,\"publish\":true}", org);
            assertEquals(201, meetup.status(), meetup.toString());
            String fan = api.member("sz-rest-fan", shenzhen);
            assertEquals(200, api.put("api/plugins/meetups/meetups/" + meetup.json().getJsonNumber("id") + "/rsvp", "{\"guests\":0}", fan).status());
            String helper = "[{\"code\":\"helper\",\"name\":\"Helper\",\"capacity\":5}]";
            JsonObject soon = activity(api, org, campaign, shenzhen, "Night market clean-up", evening.plus(Duration.ofMinutes(150)),
                    Duration.ofHours(1), helper); // 30 minutes after the meetup ends
            Reply close = api.put(C + "shifts/" + shiftOf(soon) + "/roles/helper/signup", null, fan);
            assertEquals(409, close.status(), close.toString());
            assertEquals("signup.too-little-rest", close.json().getString("code"));
            assertTrue(close.json().getString("detail").contains("Board game night") && close.json().getString("detail").contains("1 h"),
                    "names the place too close and the rest: " + close.json().getString("detail"));
            JsonObject later = activity(api, org, campaign, shenzhen, "Late library shift", evening.plus(Duration.ofHours(3)),
                    Duration.ofHours(1), helper); // an hour after the meetup: the charity shift's rest is kept
            assertEquals(200, api.put(C + "shifts/" + shiftOf(later) + "/roles/helper/signup", null, fan).status());
        } finally {
            assertEquals(200, api.put("api/admin/plugins/charity/settings", "{\"rest-minutes\":\"0\"}", admin).status());
        }
    }

    @Test
    void aLeadChecksVolunteersInAndOutAndVerifiedHoursPayPointsAndFillTheGoal() {
        Api api = new Api(base);
        String admin = api.adminToken();
        long shenzhen = api.cityId("Shenzhen");
        String org = organiser(api, admin, "sz-lead-org", shenzhen);
        long campaign = campaign(api, admin, shenzhen);
        assertEquals(403, api.post(C + "campaigns", "{}", org).status(), "only admins run campaigns");
        JsonObject a = activity(api, org, campaign, shenzhen, "Beach clean-up", Instant.now().plus(Duration.ofMinutes(30)), Duration.ofHours(2),
                "[{\"code\":\"helper\",\"name\":\"Helper\",\"capacity\":5},{\"code\":\"lead\",\"name\":\"Team lead\",\"capacity\":1}]");
        long shift = shiftOf(a);
        String lead = api.member("sz-lead", shenzhen);
        String vol = api.member("sz-vol", shenzhen);
        long volId = api.get("api/me", vol).json().getJsonNumber("id").longValue();
        assertEquals("CONFIRMED", api.put(C + "shifts/" + shift + "/roles/lead/signup", null, lead).json().getString("status"));
        assertEquals("CONFIRMED", api.put(C + "shifts/" + shift + "/roles/helper/signup", null, vol).json().getString("status"));
        assertEquals(403, api.post(C + "shifts/" + shift + "/check-ins", "{\"memberId\":" + volId + "}", vol).status());
        assertEquals(200, api.post(C + "shifts/" + shift + "/check-ins", "{\"memberId\":" + volId + "}", lead).status());
        assertEquals("PENDING", api.post(C + "shifts/" + shift + "/check-outs", "{\"memberId\":" + volId + "}", lead).json().getString("hoursStatus"));
        Reply noReason = api.put(C + "shifts/" + shift + "/hours/" + volId, "{\"status\":\"VERIFIED\",\"minutes\":120}", lead);
        assertEquals(422, noReason.status());
        assertEquals("application/problem+json", noReason.contentType());
        assertEquals("reason", noReason.json().getString("field"));
        long before = api.get("api/me", vol).json().getJsonNumber("lifetimePoints").longValue();
        JsonObject verified = api.put(C + "shifts/" + shift + "/hours/" + volId,
                "{\"status\":\"VERIFIED\",\"minutes\":120,\"reason\":\"Stayed the whole shift\"}", lead).json();
        assertEquals("VERIFIED", verified.getString("hoursStatus"));
        assertEquals(2, verified.getJsonArray("history").size());
        assertEquals(before + 20, api.get("api/me", vol).json().getJsonNumber("lifetimePoints").longValue(), "10 points per verified hour");
        assertEquals(120, api.get(C + "my/shifts", vol).json().getInt("verifiedMinutes"));
        JsonObject progress = api.get(C + "campaigns/" + campaign, null).json().getJsonObject("progress");
        assertEquals(120, progress.getInt("minutes"));
        assertEquals(1, progress.getInt("volunteers"));
        assertTrue(api.get("api/me/notifications", vol).body().contains("Hours verified"));

        String openapi = api.get("openapi", null).body();
        assertTrue(openapi.contains("/api/plugins/charity/campaigns") && openapi.contains("/api/plugins/charity/shifts/{id}/roster"));
        assertTrue(api.get("api/ui/navigation", null).body().contains("#/p/charity/campaigns"));
    }

    @Test
    void everyVolunteerOfEveryShiftIsRemindedOnceEvenWhileEarlierShiftsStayInTheWindow() throws InterruptedException {
        Api api = new Api(base);
        String admin = api.adminToken();
        long hangzhou = api.cityId("Hangzhou");
        String org = organiser(api, admin, "hz-org", hangzhou);
        long campaign = campaign(api, admin, hangzhou);
        String roles = "[{\"code\":\"helper\",\"name\":\"Helper\",\"capacity\":5}]";
        long first = shiftOf(activity(api, org, campaign, hangzhou, "Morning walk", Instant.now().plus(Duration.ofHours(1)),
                Duration.ofHours(1), roles));
        String early = api.member("hz-early", hangzhou);
        assertEquals("CONFIRMED", api.put(C + "shifts/" + first + "/roles/helper/signup", null, early).json().getString("status"));
        awaitNotification(api, early, "Today: Morning walk");

        // a later shift enters the same window while the first one's reminders are already sent
        long second = shiftOf(activity(api, org, campaign, hangzhou, "Afternoon tea", Instant.now().plus(Duration.ofHours(2)),
                Duration.ofHours(1), roles));
        String late = api.member("hz-late", hangzhou);
        assertEquals("CONFIRMED", api.put(C + "shifts/" + second + "/roles/helper/signup", null, late).json().getString("status"));
        awaitNotification(api, late, "Today: Afternoon tea");
        Thread.sleep(5_000); // a few more runs of the schedule (every 2 s here)
        assertEquals(1, occurrences(api.get("api/me/notifications?size=100", early).body(), "Today: Morning walk"), "reminded once");
        assertEquals(1, occurrences(api.get("api/me/notifications?size=100", late).body(), "Today: Afternoon tea"), "reminded once");
    }

    static void awaitNotification(Api api, String token, String title) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!api.get("api/me/notifications?size=100", token).body().contains(title)) {
            assertTrue(System.currentTimeMillis() < deadline, "no notification '" + title + "' within 30 s");
            Thread.sleep(500);
        }
    }

    static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
