package org.popcorn.server.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.popcorn.server.support.Api;
import org.popcorn.server.support.Api.Reply;

/** Roles and authorisation on the object, and the database guarantees under concurrent requests. */
@ExtendWith(ArquillianExtension.class)
class RolesAndConcurrencyIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/ROOT.war"));
    }

    @ArquillianResource
    URL base;

    Api api;
    long beijing;
    long chengdu;

    @BeforeEach
    void setUp() {
        api = new Api(base);
        beijing = api.cityId("Beijing");
        chengdu = api.cityId("Chengdu");
    }

    @Test
    void fiftyParallelRegistrationsOfOneHandleGiveOneAccount() throws Exception {
        List<Callable<Integer>> calls = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < 50; i++) {
            int n = i;
            calls.add(() -> {
                start.await();
                return api.register("racer", "racer" + n + "@example.org", "password-racer", beijing).status();
            });
        }
        List<Integer> statuses = runAll(calls, start);
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(49, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        String admin = api.adminToken();
        assertEquals(1, api.get("api/admin/members?q=racer", admin).json().getInt("total"));
    }

    @Test
    void oneAwardSentTwentyTimesInParallelPaysOnce() throws Exception {
        String admin = api.adminToken();
        String fan = api.member("lucky", beijing);
        List<Callable<Integer>> calls = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < 20; i++) {
            calls.add(() -> {
                start.await();
                return api.post("api/admin/members/lucky/points",
                        "{\"amount\":25,\"reason\":\"Helped at the booth\",\"idempotencyKey\":\"booth-2026-11-22\"}", admin).status();
            });
        }
        List<Integer> statuses = runAll(calls, start);
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(19, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        JsonObject points = api.get("api/me/points", fan).json();
        assertEquals(MemberService.WELCOME_POINTS + 25, points.getInt("balance"));
        long sum = points.getJsonObject("ledger").getJsonArray("items").stream()
                .mapToLong(v -> v.asJsonObject().getInt("amount")).sum();
        assertEquals(points.getInt("balance"), sum, "the balance equals the ledger's sum");
        assertEquals(2, points.getJsonObject("ledger").getInt("total"));
    }

    @Test
    void reachingANewLevelIsNotifiedOnceEvenWhenAwardsRace() throws Exception {
        String admin = api.adminToken();
        String fan = api.member("climber", beijing);
        // from level 1 to level 3 (Enthusiast, 300) in one award, past level 2, sent ten times at once with ten keys:
        // (welcome 10 + nine of 1 stay in level 1): whatever the order, exactly one crossing, to level 3 (and below the leaderboard test's top member)
        List<Callable<Integer>> calls = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        calls.add(() -> {
            start.await();
            return api.post("api/admin/members/climber/points",
                    "{\"amount\":300,\"reason\":\"Ran the charity month\",\"idempotencyKey\":\"big\"}", admin).status();
        });
        for (int i = 0; i < 9; i++) {
            int n = i;
            calls.add(() -> {
                start.await();
                return api.post("api/admin/members/climber/points",
                        "{\"amount\":1,\"reason\":\"Helped\",\"idempotencyKey\":\"small-" + n + "\"}", admin).status();
            });
        }
        runAll(calls, start);
        JsonObject inbox = api.get("api/me/notifications?size=100", fan).json();
        List<String> titles = inbox.getJsonArray("items").stream().map(v -> v.asJsonObject())
                .filter(n -> "level-reached".equals(n.getString("kind"))).map(n -> n.getString("title")).toList();
        assertEquals(1, titles.size(), "one notification for the jump: " + titles);
        assertTrue(titles.get(0).contains("level 3") && titles.get(0).contains("Enthusiast"), titles.get(0));
        api.post("api/admin/members/climber/points", "{\"amount\":5,\"reason\":\"Again\",\"idempotencyKey\":\"again\"}", admin);
        assertEquals(1, api.get("api/me/notifications?size=100", fan).json().getJsonArray("items").stream()
                .filter(v -> "level-reached".equals(v.asJsonObject().getString("kind"))).count(), "no level, no new notification");
    }

    @Test
    void onlyAdminsManageRolesAndOrganisersAreOrganisersOfTheirCities() {
        String admin = api.adminToken();
        String mallory = api.member("mallory", beijing);
        api.member("olivia", chengdu);

        // a member cannot use admin endpoints, nor make themself organiser or admin
        assertEquals(403, api.put("api/admin/members/mallory/organiser/" + beijing, null, mallory).status());
        assertEquals(403, api.put("api/admin/members/mallory/admin", "{\"admin\":true}", mallory).status());
        assertEquals(403, api.post("api/admin/members/mallory/points",
                "{\"amount\":1000,\"reason\":\"me\",\"idempotencyKey\":\"x\"}", mallory).status());
        assertEquals(403, api.get("api/admin/members", mallory).status());
        assertEquals(401, api.get("api/admin/members", null).status());

        Reply granted = api.put("api/admin/members/olivia/organiser/" + chengdu, null, admin);
        assertEquals(200, granted.status(), granted.toString());
        assertEquals(chengdu, granted.json().getJsonArray("organiserOf").getJsonObject(0).getJsonNumber("id").longValue());
        String olivia = api.login("olivia", "password-olivia");
        JsonObject me = api.get("api/me", olivia).json();
        assertEquals(1, me.getJsonArray("organiserOf").size());
        assertEquals("PARTNER", me.getJsonObject("stage").getString("code"), "organising a city makes a partner");
        // an organiser of Chengdu is not an admin and cannot grant roles for any city
        assertEquals(403, api.put("api/admin/members/olivia/organiser/" + beijing, null, olivia).status());
        assertEquals(403, api.put("api/admin/members/mallory/organiser/" + chengdu, null, olivia).status());

        assertEquals(200, api.delete("api/admin/members/olivia/organiser/" + chengdu, null, admin).status());
        assertEquals(0, api.get("api/me", olivia).json().getJsonArray("organiserOf").size());
        assertTrue(api.get("api/me/notifications", olivia).body().contains("no longer an organiser"));

        // an admin cannot drop their own admin role
        assertEquals(409, api.put("api/admin/members/it-admin/admin", "{\"admin\":false}", admin).status());
    }

    @Test
    void leaderboardsOverallAndPerCity() {
        String admin = api.adminToken();
        api.member("top-bj", beijing);
        api.member("top-cd", chengdu);
        api.post("api/admin/members/top-cd/points", "{\"amount\":500,\"reason\":\"Ran the charity month\",\"idempotencyKey\":\"cm\"}", admin);
        JsonObject overall = api.get("api/leaderboard?size=1", null).json();
        assertEquals("top-cd", overall.getJsonArray("items").getJsonObject(0).getString("handle"));
        assertEquals(1, overall.getJsonArray("items").getJsonObject(0).getInt("rank"));
        assertTrue(overall.getInt("total") >= 3);
        JsonObject bj = api.get("api/leaderboard?city=" + beijing, null).json();
        assertTrue(bj.getJsonArray("items").stream().allMatch(v -> v.asJsonObject().getJsonObject("homeCity")
                .getJsonNumber("id").longValue() == beijing), bj.toString());
        assertEquals(400, api.get("api/leaderboard?size=1000", null).status());
        JsonObject me = api.get("api/me", api.login("top-cd", "password-top-cd")).json();
        assertEquals("Enthusiast", me.getJsonObject("level").getString("name"), "510 lifetime points reach level 3");
        assertTrue(me.getJsonArray("privileges").toString().contains("nominate-city"), "level 2+ may nominate cities");
        assertEquals("FRIEND", me.getJsonObject("stage").getString("code"));
    }

    static List<Integer> runAll(List<Callable<Integer>> calls, CountDownLatch start) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> c : calls) {
                futures.add(pool.submit(c));
            }
            start.countDown();
            List<Integer> out = new ArrayList<>();
            for (Future<Integer> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
