package org.popcorn.server.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.util.List;
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

/** The member's journey through the real server: register, log in, profile, points, inbox, password, deletion. */
@ExtendWith(ArquillianExtension.class)
class AccountFlowIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/ROOT.war"));
    }

    @ArquillianResource
    URL base;

    Api api;
    long beijing;

    @BeforeEach
    void setUp() {
        api = new Api(base);
        beijing = api.cityId("北京");
    }

    @Test
    void registerLoginProfilePointsAndPublicView() {
        Reply created = api.register("Alice_01", "Alice@Example.org", "correct horse battery", beijing);
        assertEquals(201, created.status(), created.toString());
        assertTrue(created.header("Location").endsWith("/api/members/Alice_01"), created.header("Location"));
        JsonObject me = created.json();
        assertEquals("Alice@Example.org", me.getString("email"));
        assertEquals(MemberService.WELCOME_POINTS, me.getInt("points"));
        assertEquals("CUSTOMER", me.getJsonObject("stage").getString("code"));
        assertEquals("joined", me.getJsonArray("badges").getJsonObject(0).getString("code"));

        // log in by e-mail, case-insensitively
        String token = api.login("ALICE@example.org", "correct horse battery");
        Reply profile = api.get("api/me", token);
        assertEquals(200, profile.status());
        assertEquals("Alice_01", profile.json().getString("handle"));
        assertEquals("Asia/Shanghai", profile.json().getJsonObject("homeCity").getString("timeZone"));
        assertEquals(1, profile.json().getJsonNumber("unreadNotifications").intValue(), "the 'joined' badge is in the inbox");
        assertFalse(profile.json().getBoolean("attendanceVisible"), "nobody is shown as coming to meetups unless they choose it");

        Reply patched = api.patch("api/me", "{\"bio\":\"I love popcorn\",\"attendanceVisible\":false}", token);
        assertEquals(200, patched.status(), patched.toString());
        assertEquals("I love popcorn", patched.json().getString("bio"));
        assertFalse(patched.json().getBoolean("attendanceVisible"));

        Reply points = api.get("api/me/points", token);
        assertEquals(200, points.status());
        assertEquals(10, points.json().getInt("balance"));
        assertEquals(1, points.json().getJsonObject("ledger").getInt("total"));
        assertEquals("core", points.json().getJsonObject("ledger").getJsonArray("items").getJsonObject(0).getString("source"));

        Reply pub = api.get("api/members/alice_01", null);
        assertEquals(200, pub.status());
        assertFalse(pub.body().contains("@example.org"), "the public profile never shows the e-mail: " + pub.body());
        assertEquals("Newcomer", pub.json().getJsonObject("level").getString("name"));
        assertEquals("I love popcorn", pub.json().getString("bio"));

        Reply inbox = api.get("api/me/notifications", token);
        assertEquals(1, inbox.json().getInt("unread"));
        long id = inbox.json().getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        assertEquals(204, api.post("api/me/notifications/" + id + "/read", null, token).status());
        assertEquals(0, api.get("api/me/notifications", token).json().getInt("unread"));

        Reply choices = api.put("api/me/notifications/email", "{\"badge-earned\":true}", token);
        assertEquals(200, choices.status(), choices.toString());
        assertTrue(choices.body().contains("\"kind\":\"badge-earned\""));
        Reply badKind = api.put("api/me/notifications/email", "{\"no-such-kind\":true}", token);
        assertEquals(422, badKind.status());
        assertEquals("no-such-kind", badKind.json().getString("field"));
    }

    @Test
    void handlesAreUniqueWithoutRegardToCaseAndErrorsAreProblems() {
        assertEquals(201, api.register("bob", "bob@example.org", "password-bob", beijing).status());
        Reply dup = api.register("BOB", "bob2@example.org", "password-bob", beijing);
        assertEquals(409, dup.status());
        assertTrue(dup.contentType().startsWith("application/problem+json"), dup.contentType());
        assertEquals("handle", dup.json().getString("field"));
        Reply dupMail = api.register("bobby", "BOB@example.org", "password-bob", beijing);
        assertEquals(409, dupMail.status());
        assertEquals("email", dupMail.json().getString("field"));

        Reply invalid = api.register("x", "not-an-email", "short", beijing);
        assertEquals(422, invalid.status(), invalid.toString());
        String body = invalid.body();
        assertTrue(body.contains("\"field\":\"email\"") && body.contains("\"field\":\"handle\"") && body.contains("\"field\":\"password\""), body);

        Reply noCity = api.register("carol", "carol@example.org", "password-carol", 987654321L);
        assertEquals(422, noCity.status());
        assertEquals("homeCityId", noCity.json().getString("field"));

        Reply malformed = api.post("api/auth/register", "{\"handle\": ", null);
        assertEquals(400, malformed.status());
        assertTrue(malformed.contentType().startsWith("application/problem+json"));
        assertFalse(malformed.body().contains("Exception"), malformed.body());

        Reply unknownField = api.post("api/auth/register", "{\"handle\":\"dave\",\"displayName\":\"d\",\"email\":\"d@example.org\","
                + "\"password\":\"password-dave\",\"homeCityId\":" + beijing + ",\"isAdmin\":true}", null);
        assertEquals(400, unknownField.status(), unknownField.toString());
        assertEquals(404, api.get("api/members/dave", null).status(), "a refused request changes nothing");

        Reply anonymous = api.get("api/me", null);
        assertEquals(401, anonymous.status());
        assertTrue(anonymous.contentType().startsWith("application/problem+json"));
        assertEquals(401, api.get("api/me", "not-a-token").status());
        assertEquals(404, api.get("api/no-such-thing", null).status());
    }

    @Test
    void failedLoginsAreThrottledPerAccount() {
        assertEquals(201, api.register("eve", "eve@example.org", "password-eve", beijing).status());
        for (int i = 0; i < 5; i++) {
            Reply r = api.post("api/auth/login", "{\"login\":\"eve\",\"password\":\"wrong-password\"}", null);
            assertEquals(401, r.status(), r.toString());
        }
        Reply locked = api.post("api/auth/login", "{\"login\":\"eve\",\"password\":\"password-eve\"}", null);
        assertEquals(429, locked.status(), "even the right password waits while locked: " + locked);
        assertNotNull(locked.header("Retry-After"));
        assertTrue(Integer.parseInt(locked.header("Retry-After")) > 0);
    }

    @Test
    void guessesSentInParallelAreHeldToTheSameLimit() throws Exception {
        assertEquals(201, api.register("mallory", "mallory@example.org", "password-mallory", beijing).status());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> guesses = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String guess = "wrong-guess-" + i;
            guesses.add(pool.submit(() -> {
                go.await();
                return api.post("api/auth/login", "{\"login\":\"mallory\",\"password\":\"" + guess + "\"}", null).status();
            }));
        }
        go.countDown();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<Integer> g : guesses) {
            statuses.add(g.get());
        }
        pool.shutdown();
        assertEquals(5, statuses.stream().filter(s -> s == 401).count(), "only the first five are checked: " + statuses);
        assertEquals(15, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
        assertEquals(429, api.post("api/auth/login", "{\"login\":\"mallory\",\"password\":\"password-mallory\"}", null).status(),
                "locked, even for the right password");
    }

    @Test
    void passwordChangeEndsOtherSessionsAndDeletionErasesPersonalData() {
        assertEquals(201, api.register("frank", "frank@example.org", "password-frank", beijing).status());
        String phone = api.login("frank", "password-frank");
        String laptop = api.login("frank", "password-frank");
        Reply wrong = api.post("api/auth/password", "{\"currentPassword\":\"nope\",\"newPassword\":\"another-password\"}", laptop);
        assertEquals(422, wrong.status());
        assertEquals(204, api.post("api/auth/password",
                "{\"currentPassword\":\"password-frank\",\"newPassword\":\"another-password\"}", laptop).status());
        assertEquals(401, api.get("api/me", phone).status(), "other sessions end");
        assertEquals(200, api.get("api/me", laptop).status(), "this session stays");
        assertEquals(401, api.post("api/auth/login", "{\"login\":\"frank\",\"password\":\"password-frank\"}", null).status());

        assertEquals(204, api.post("api/auth/logout", null, laptop).status());
        assertEquals(401, api.get("api/me", laptop).status());

        String again = api.login("frank", "another-password");
        assertEquals(204, api.delete("api/auth/account", "{\"password\":\"another-password\"}", again).status());
        assertEquals(401, api.get("api/me", again).status());
        assertEquals(404, api.get("api/members/frank", null).status());
        assertEquals(401, api.post("api/auth/login", "{\"login\":\"frank@example.org\",\"password\":\"another-password\"}", null).status());
        // the handle is free again, the e-mail too
        assertEquals(201, api.register("frank", "frank@example.org", "password-frank", beijing).status());
    }

    @Test
    void healthOpenApiAndMetrics() {
        Reply ready = api.get("health/ready", null);
        assertEquals(200, ready.status(), ready.toString());
        assertTrue(ready.body().contains("database-schema"));
        assertEquals(200, api.get("health/live", null).status());
        Reply openapi = api.send("GET", "openapi", null, null, null);
        assertEquals(200, openapi.status());
        assertTrue(openapi.body().contains("/api/auth/register") && openapi.body().contains("/api/cities")
                && openapi.body().contains("Problem"), "openapi lists the endpoints and the problem schema");
        api.register("gina", "gina@example.org", "password-gina", beijing);
        api.login("gina", "password-gina");
        Reply metrics = api.send("GET", "metrics", null, null, null);
        assertEquals(200, metrics.status());
        assertTrue(metrics.body().contains("popcorn_registrations_total"), "registration counter");
        assertTrue(metrics.body().contains("popcorn_logins_total"), "login counter");
    }
}
