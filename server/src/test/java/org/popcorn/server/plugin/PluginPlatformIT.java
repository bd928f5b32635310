package org.popcorn.server.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.net.URL;
import java.util.Map;
import java.util.stream.Collectors;
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
import org.popcorn.server.support.TestPlugins;
import org.popcorn.testplugins.explodes.ExplodingExtension;
import org.popcorn.testplugins.plain.PlainExtension;
import org.popcorn.testplugins.probe.ProbeExtension;
import org.popcorn.testplugins.swap.SwapExtension;
import org.popcorn.testplugins.thief.ThiefExtension;

/** The plugin host on the real server: loading, refusing broken plugins, routes, migrations, events, admin control. */
@ExtendWith(ArquillianExtension.class)
class PluginPlatformIT {

    static {
        // The jars must exist before Arquillian starts the server, i.e. before any JUnit callback.
        TestPlugins.reset();
        // the probe ships its own copy of a library the server has too (commons-csv), as a shaded plugin does
        TestPlugins.withLibrary(TestPlugins.jar("probe.jar", "probe", ">=0.1.0 & <1.0.0", ProbeExtension.class, "probe"),
                "org.apache.commons.csv");
        TestPlugins.jar("broken.jar", null, "*", null, null);
        TestPlugins.jar("incompatible.jar", "incompatible", ">=9.0.0", ExplodingExtension.class, null);
        TestPlugins.jar("explodes.jar", "explodes", "*", ExplodingExtension.class, null);
        TestPlugins.jar("badtables.jar", "badtables", "*", ProbeExtension.class, "badtables");
        TestPlugins.jar("badsql.jar", "badsql", "*", ProbeExtension.class, "badsql");
        TestPlugins.jar("orphan.jar", "orphan", "*", "no-such-plugin", ProbeExtension.class, null);
        // loads after probe.jar (file-name order); its tables would start with probe_x_, inside probe's probe_
        TestPlugins.jar("x-probe.jar", "probe-x", "*", ProbeExtension.class, null);
        TestPlugins.jar("swap.jar", "swap", "*", SwapExtension.class, "swap-one");
        TestPlugins.jar("fixsql.jar", "fixsql", "*", PlainExtension.class, "fixsql-broken");
        TestPlugins.jar("thief.jar", "thief", "*", ThiefExtension.class, null);
    }

    @Deployment(testable = false)
    static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/ROOT.war"));
    }

    @ArquillianResource
    URL base;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(base);
    }

    /** The plugins as an admin sees them (with why each failed). */
    Map<String, JsonObject> plugins() {
        return plugins(api.adminToken());
    }

    Map<String, JsonObject> plugins(String token) {
        return api.get("api/plugins", token).jsonValue().asJsonArray().stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(p -> p.getString("id"), p -> p));
    }

    @Test
    void aUseCaseSlowerThanTheBodyTimeoutIsStillAnswered() {
        // The body timeout (5 s in the ITs) limits how long a body may take to arrive, not how long the answer may take.
        Reply slow = api.post("api/plugins/probe/slow?ms=6500", "{\"said\":\"hello\"}", null);
        assertEquals(200, slow.status(), slow.toString());
        assertEquals("hello", slow.json().getString("said"));
    }

    @Test
    void brokenPluginsAreRefusedWithReasonsWhileTheGoodOneRuns() {
        Map<String, JsonObject> all = plugins();
        assertEquals("STARTED", all.get("probe").getString("state"), all.toString());
        assertEquals("FAILED", all.get("incompatible").getString("state"));
        assertTrue(all.get("incompatible").getString("reason").contains("incompatible SDK"), all.get("incompatible").toString());
        assertEquals("FAILED", all.get("explodes").getString("state"));
        assertTrue(all.get("explodes").getString("reason").contains("boom"), all.get("explodes").toString());
        assertEquals("FAILED", all.get("badtables").getString("state"));
        assertTrue(all.get("badtables").getString("reason").contains("outside the plugin's prefix"), all.get("badtables").toString());
        assertEquals("FAILED", all.get("badsql").getString("state"));
        assertTrue(all.get("badsql").getString("reason").contains("migration failed"), all.get("badsql").toString());
        assertTrue(all.containsKey("orphan") || all.containsKey("orphan.jar"), "a plugin with a missing dependency is listed: " + all.keySet());
        JsonObject orphan = all.containsKey("orphan") ? all.get("orphan") : all.get("orphan.jar");
        assertEquals("FAILED", orphan.getString("state"));
        assertTrue(orphan.getString("reason").contains("no-such-plugin"), orphan.toString());
        assertEquals("FAILED", all.get("probe-x").getString("state"));
        assertTrue(all.get("probe-x").getString("reason").contains("overlaps plugin 'probe'"), all.get("probe-x").toString());
        assertTrue(all.containsKey("broken.jar"), "the jar without a descriptor is listed: " + all.keySet());
        assertEquals("FAILED", all.get("broken.jar").getString("state"));

        JsonObject manifest = all.get("probe").getJsonObject("manifest");
        assertTrue(manifest.getJsonArray("routes").toString().contains("POST /api/plugins/probe/notes"), manifest.toString());
        assertTrue(manifest.getJsonArray("tables").toString().contains("probe_note"));
        assertTrue(manifest.getJsonArray("events").toString().contains("member.registered"));
        assertEquals(404, api.get("api/plugins/explodes/anything", null).status());
        assertFalse(api.get("api/plugins/explodes/anything", null).body().contains("boom"), "a caller learns the state, not the error");

        Map<String, JsonObject> anonymous = plugins(null);
        assertEquals("FAILED", anonymous.get("explodes").getString("state"));
        assertFalse(anonymous.get("explodes").toString().contains("boom"), "the internal error is for admins: " + anonymous.get("explodes"));
        JsonObject greeting = anonymous.get("probe").getJsonObject("manifest").getJsonArray("settings").stream().map(JsonValue::asJsonObject)
                .filter(s -> "greeting".equals(s.getString("key"))).findFirst().orElseThrow();
        assertFalse(greeting.containsKey("value"), "setting values are for admins: " + greeting);
        assertTrue(all.get("probe").getJsonObject("manifest").getJsonArray("settings").toString().contains("\"value\""),
                "admins see them: " + all.get("probe").getJsonObject("manifest"));
    }

    @Test
    void aPluginUseCaseCommitsAsOneOrLeavesNothingBehind() {
        long city = api.cityId("Beijing");
        String fan = api.member("unit-fan", city);
        int seatsBefore = inSeatsPool();
        long notesBefore = useCaseNotes();
        long balanceBefore = api.get("api/me/points", fan).json().getJsonNumber("balance").longValue();

        Map<String, Integer> failures = Map.of("signup", 500, "points", 409, "note", 409);
        for (var f : failures.entrySet()) {
            Reply r = api.post("api/plugins/probe/use-case?failAfter=" + f.getKey(), null, fan);
            assertEquals(f.getValue(), r.status(), f.getKey() + ": " + r);
            assertTrue(r.contentType().startsWith("application/problem+json"), r.toString());
            assertEquals(seatsBefore, inSeatsPool(), "no place after failing at " + f.getKey());
            assertEquals(balanceBefore, api.get("api/me/points", fan).json().getJsonNumber("balance").longValue(), "no points after " + f.getKey());
            assertEquals(notesBefore, useCaseNotes(), "no note after " + f.getKey());
        }

        Reply done = api.post("api/plugins/probe/use-case?failAfter=caught", null, fan);
        assertEquals(200, done.status(), done.toString());
        long me = done.json().getJsonNumber("member").longValue();
        assertEquals(seatsBefore + 1, inSeatsPool(), "a seat or a waiting place (other tests may fill the pool)");
        assertEquals(balanceBefore + 7, api.get("api/me/points", fan).json().getJsonNumber("balance").longValue());
        String notes = api.get("api/plugins/probe/notes", null).body();
        assertTrue(notes.contains("use case of " + me), notes);
        assertEquals(1, notes.split("use case of " + me, -1).length - 1, "the caught failure undid only its own insert");
    }

    /** Notes the probe's use case wrote (the welcome notes of the listener arrive on their own time). */
    long useCaseNotes() {
        return api.get("api/plugins/probe/notes", null).jsonValue().asJsonArray().stream()
                .filter(n -> n.asJsonObject().getString("text").startsWith("use case of ")).count();
    }

    /** Parties holding or waiting for seats in the probe's pool (each of this test's parties is one member). */
    int inSeatsPool() {
        JsonObject pool = api.get("api/plugins/probe/seats", null).json();
        return pool.getInt("taken") + pool.getInt("waitingParties");
    }

    @Test
    void pluginRoutesUseTheCoresAuthTablesPointsAndProblems() {
        long city = api.cityId("Beijing");
        assertEquals(401, api.get("api/plugins/probe/hello", null).status(), "the core's authentication applies");
        String token = api.member("plugin-fan", city);
        JsonObject hello = api.get("api/plugins/probe/hello", token).json();
        assertEquals("hello", hello.getString("greeting"));
        assertEquals("plugin-fan", hello.getString("member"));

        Reply invalid = api.post("api/plugins/probe/notes", "{\"text\":\"\"}", token);
        assertEquals(422, invalid.status());
        assertTrue(invalid.contentType().startsWith("application/problem+json"));
        assertEquals("text", invalid.json().getString("field"));
        assertEquals(200, api.post("api/plugins/probe/notes", "{\"text\":\"first\"}", token).status());
        assertTrue(api.get("api/plugins/probe/notes", null).body().contains("\"text\":\"first\""), "the plugin's table works");
        JsonObject points = api.get("api/me/points", token).json();
        assertTrue(points.getJsonObject("ledger").getJsonArray("items").stream()
                .anyMatch(e -> e.asJsonObject().getString("source").equals("probe")), "points paid with the plugin as source");

        // the plugin hears member.registered after the commit
        awaitTrue(() -> api.get("api/plugins/probe/notes", null).body().contains("welcome plugin-fan"), "listener ran");
        assertTrue(api.send("GET", "openapi", null, null, null).body().contains("/api/plugins/probe/notes"), "plugin routes in /openapi");
    }

    @Test
    void aFailingListenerDoesNotBreakTheCoreWrite() {
        String admin = api.adminToken();
        long a = api.cityId("Chengdu");
        long b = api.cityId("Wuhan");
        java.time.Instant now = java.time.Instant.now();
        Reply round = api.post("api/rounds", "{\"title\":\"Listener round\",\"opensAt\":\"" + now.minusSeconds(5) + "\",\"closesAt\":\""
                + now.plusSeconds(3600) + "\",\"candidateCityIds\":[" + a + "," + b + "]}", admin);
        long id = round.json().getJsonNumber("id").longValue();
        api.post("api/rounds/" + id + "/open", null, admin);
        Reply vote = api.put("api/rounds/" + id + "/ballot", "{\"choices\":[" + a + "],\"size\":200}", api.member("listener-fan", a));
        assertEquals(201, vote.status(), "the core write succeeds although the probe's ballot.cast listener throws");
        awaitTrue(() -> api.get("api/admin/plugins/probe/failures", admin).body().contains("probe listener fails on purpose"),
                "the failure is recorded for admins");
        assertEquals(1, api.get("api/rounds/" + id + "/results", null).json().getInt("ballots"));
        // it is retried with back-off (still PENDING, a next attempt planned) and an admin can have it delivered again now
        jakarta.json.JsonObject failure = api.get("api/admin/plugins/probe/failures", admin).jsonValue().asJsonArray().getJsonObject(0);
        assertEquals("ballot.cast", failure.getString("eventType"));
        assertEquals("PENDING", failure.getString("status"), failure.toString());
        assertTrue(failure.getInt("attempts") >= 1);
        assertTrue(failure.containsKey("nextAttemptAt"));
        String firstFailure = failure.getString("failedAt");
        long delivery = failure.getJsonNumber("id").longValue();
        assertEquals(403, api.post("api/admin/plugins/probe/failures/" + delivery + "/replay", null, api.member("replay-fan", a)).status());
        Reply replay = api.post("api/admin/plugins/probe/failures/" + delivery + "/replay", null, admin);
        assertEquals(200, replay.status(), replay.toString());
        assertEquals(0, replay.json().getInt("attempts"), "a fresh set of attempts");
        awaitTrue(() -> {
            // listed again once the replayed attempt failed (a delivery with no failed attempt is not listed)
            return api.get("api/admin/plugins/probe/failures", admin).jsonValue().asJsonArray().stream()
                    .map(jakarta.json.JsonObject.class::cast).filter(f -> f.getJsonNumber("id").longValue() == delivery)
                    .anyMatch(f -> !f.getString("failedAt").equals(firstFailure));
        }, "the replayed delivery reached the listener again (which fails again, on purpose)");
    }

    @Test
    void aNewVersionDroppedOverAPluginReplacesItOnRescanWithoutARestart() throws Exception {
        String admin = api.adminToken();
        assertEquals("one", api.get("api/plugins/swap/version", null).json().getString("version"));
        Thread.sleep(20); // a modification time of its own, whatever the file system's resolution
        TestPlugins.jar("swap.jar", "swap", "*", SwapExtension.class, "swap-two");
        assertEquals("one", api.get("api/plugins/swap/version", null).json().getString("version"), "nothing changes before the rescan");
        assertEquals(200, api.post("api/admin/plugins/rescan", null, admin).status());
        assertEquals("second", api.get("api/plugins/swap/version", null).json().getString("version"), "the new jar answers");
        assertEquals("STARTED", plugins().get("swap").getString("state"));

        java.nio.file.Files.delete(TestPlugins.DIR.resolve("swap.jar"));
        assertEquals(200, api.post("api/admin/plugins/rescan", null, admin).status());
        assertFalse(plugins().containsKey("swap"), "a plugin whose jar was taken away is unloaded");
        assertEquals(404, api.get("api/plugins/swap/version", null).status());
    }

    @Test
    void aFailedMigrationIsRepairedByAnAdminWithoutTouchingTheDatabase() throws Exception {
        String admin = api.adminToken();
        assertEquals(403, api.post("api/admin/plugins/fixsql/repair", null, api.member("repair-fan", api.cityId("Wuhan"))).status());
        assertEquals(409, api.post("api/admin/plugins/probe/repair", null, admin).status(), "the probe has not failed");
        assertEquals("plugin.not-failed", api.post("api/admin/plugins/probe/repair", null, admin).json().getString("code"));
        assertEquals("FAILED", plugins().get("fixsql").getString("state"));
        Reply still = api.post("api/admin/plugins/fixsql/repair", null, admin);
        assertEquals(200, still.status(), still.toString());
        assertEquals("FAILED", still.json().getString("state"), "repaired, tried again, and its broken migration fails again");
        assertTrue(still.json().getString("reason").contains("migration failed"), still.toString());

        // the author ships the migration fixed; on H2 (no transactional DDL) the failed try is on record and blocks it
        Thread.sleep(20);
        TestPlugins.jar("fixsql.jar", "fixsql", "*", PlainExtension.class, "fixsql-fixed");
        api.post("api/admin/plugins/rescan", null, admin);
        JsonObject afterRescan = plugins().get("fixsql");
        if ("FAILED".equals(afterRescan.getString("state"))) {
            assertTrue(afterRescan.getString("reason").contains("failed migration"), afterRescan.toString());
            Reply repaired = api.post("api/admin/plugins/fixsql/repair", null, admin);
            assertEquals(200, repaired.status(), repaired.toString());
            assertEquals("STARTED", repaired.json().getString("state"), repaired.toString());
        }
        assertEquals("STARTED", plugins().get("fixsql").getString("state"), "the fixed migration ran: " + plugins().get("fixsql"));
        assertTrue(plugins().get("fixsql").getJsonObject("manifest").getJsonArray("tables").toString().contains("fixsql_thing"));
    }

    @Test
    void aPluginDeclaresPrivilegesThatLevelsUnlockAndAdminsGrantButCannotTakeTheCores() {
        String admin = api.adminToken();
        JsonObject tester = api.get("api/rewards/privileges", null).jsonValue().asJsonArray().stream().map(JsonValue::asJsonObject)
                .filter(p -> "probe-tester".equals(p.getString("code"))).findFirst().orElseThrow(() -> new AssertionError("not listed"));
        assertEquals("probe", tester.getString("source"));
        assertEquals("Probe tester", tester.getString("name"));
        assertEquals(3, tester.getInt("minLevel"));
        String fan = api.member("privileged-fan", api.cityId("Wuhan"));
        assertFalse(api.get("api/plugins/probe/may?privilege=probe-tester", fan).json().getBoolean("may"), "level 1 may not");
        assertEquals(204, api.put("api/admin/members/privileged-fan/privileges/probe-tester", null, admin).status());
        assertTrue(api.get("api/plugins/probe/may?privilege=probe-tester", fan).json().getBoolean("may"), "granted by an admin");
        assertTrue(api.get("api/me", fan).json().getJsonArray("privileges").toString().contains("probe-tester"));

        JsonObject thief = plugins().get("thief");
        assertEquals("FAILED", thief.getString("state"));
        assertTrue(thief.getString("reason").contains("'nominate-city' belongs to the core"), thief.toString());
        JsonObject nominate = api.get("api/rewards/privileges", null).jsonValue().asJsonArray().stream().map(JsonValue::asJsonObject)
                .filter(p -> "nominate-city".equals(p.getString("code"))).findFirst().orElseThrow();
        assertEquals("core", nominate.getString("source"));
        assertEquals(2, nominate.getInt("minLevel"), "unchanged by the refused plugin");
    }

    @Test
    void aPluginUsesTheLibrariesItShipsAndSharesTheSdkWithTheServer() {
        JsonObject loaders = api.get("api/plugins/probe/class-loaders", null).json();
        assertTrue(loaders.getBoolean("libraryFromPlugin"), "its own commons-csv, not the server's: " + loaders);
        assertFalse(loaders.getBoolean("sdkFromPlugin"), "the SDK is the server's, so its extension is recognised: " + loaders);
        assertFalse(loaders.getBoolean("jakartaFromPlugin"), loaders.toString());
    }

    @Test
    void aMembersDataIsDownloadedAndErasedInTheCoreAndEveryPluginOrNotAtAll() {
        String admin = api.adminToken();
        String fan = api.member("leaving-fan", api.cityId("Shanghai"));
        assertEquals(200, api.post("api/plugins/probe/notes", "{\"text\":\"my private note\"}", fan).status());
        assertEquals(200, api.post("api/plugins/probe/seats", null, fan).status());
        awaitTrue(() -> api.get("api/plugins/probe/notes", null).body().contains("welcome leaving-fan"), "the probe greeted the fan");

        assertEquals(401, api.get("api/me/export", null).status());
        Reply export = api.get("api/me/export", fan);
        assertEquals(200, export.status(), export.toString());
        assertTrue(export.header("Content-Disposition").startsWith("attachment; filename=\"popcorn-data-leaving-fan.json\""),
                export.header("Content-Disposition"));
        JsonObject doc = export.json();
        assertEquals("leaving-fan", doc.getJsonObject("member").getString("handle"));
        assertEquals("leaving-fan@example.org", doc.getJsonObject("member").getString("email"));
        assertTrue(doc.getJsonArray("points").toString().contains("Wrote a probe note"), doc.getJsonArray("points").toString());
        assertTrue(doc.getJsonArray("signups").toString().contains("probe:seats"), doc.getJsonArray("signups").toString());
        assertEquals(java.util.List.of("my private note", "welcome leaving-fan").stream().sorted().toList(),
                doc.getJsonObject("plugins").getJsonObject("probe").getJsonArray("notes").getValuesAs(jakarta.json.JsonString.class)
                        .stream().map(jakarta.json.JsonString::getString).sorted().toList(), "the plugin's part: only this member's notes");
        assertEquals(0, doc.getJsonArray("pluginsLeftOut").size());
        assertFalse(export.body().toLowerCase(java.util.Locale.ROOT).contains("password"), "no password hash in the download");

        // a plugin that cannot erase its part stops the whole deletion: nothing of it happens
        assertEquals(200, api.put("api/admin/plugins/probe/settings", "{\"erase\":\"false\"}", admin).status());
        Reply refused = api.delete("api/auth/account", "{\"password\":\"password-leaving-fan\"}", fan);
        assertEquals(503, refused.status(), refused.toString());
        assertEquals("member.erase-failed", refused.json().getString("code"));
        assertEquals(200, api.get("api/me", fan).status(), "still a member, still logged in");
        assertTrue(api.get("api/plugins/probe/notes", null).body().contains("my private note"), "the probe's own delete was undone too");
        assertTrue(api.get("api/me/export", fan).body().contains("probe:seats"), "the place is still held");

        // erased also while an admin has the plugin disabled: the data is the member's whatever the plugin's state
        assertEquals(200, api.put("api/admin/plugins/probe/settings", "{\"erase\":\"true\"}", admin).status());
        assertEquals("DISABLED", api.put("api/admin/plugins/probe", "{\"enabled\":false}", admin).json().getString("state"));
        try {
            Reply deleted = api.delete("api/auth/account", "{\"password\":\"password-leaving-fan\"}", fan);
            assertEquals(204, deleted.status(), deleted.toString());
        } finally {
            assertEquals("STARTED", api.put("api/admin/plugins/probe", "{\"enabled\":true}", admin).json().getString("state"));
        }
        String notes = api.get("api/plugins/probe/notes", null).body();
        assertFalse(notes.contains("my private note") || notes.contains("welcome leaving-fan"), notes);
        assertEquals(401, api.get("api/me/export", fan).status(), "the account is gone");
    }

    @Test
    void adminsDisableEnableConfigureAndRescan() throws Exception {
        String admin = api.adminToken();
        String fan = api.member("toggle-fan", api.cityId("Shanghai"));
        assertEquals(403, api.put("api/admin/plugins/probe", "{\"enabled\":false}", fan).status());
        assertTrue(api.get("api/ui/navigation", null).body().contains("/plugins/probe/index.html"));
        assertEquals(200, api.send("GET", "plugins/probe/index.html", null, null, null).status(), "the plugin's page is served");

        assertEquals("DISABLED", api.put("api/admin/plugins/probe", "{\"enabled\":false}", admin).json().getString("state"));
        Reply gone = api.get("api/plugins/probe/notes", null);
        assertEquals(404, gone.status());
        assertTrue(gone.contentType().startsWith("application/problem+json"));
        assertTrue(gone.body().contains("disabled"), gone.body());
        assertFalse(api.get("api/ui/navigation", null).body().contains("probe"), "its page leaves the navigation");
        assertEquals(404, api.send("GET", "plugins/probe/index.html", null, null, null).status());
        assertEquals(409, api.put("api/admin/plugins/explodes", "{\"enabled\":true}", admin).status(), "a failed plugin cannot be enabled");
        api.member("while-off", api.cityId("Shanghai")); // member.registered, while the probe listens to nothing

        assertEquals("STARTED", api.put("api/admin/plugins/probe", "{\"enabled\":true}", admin).json().getString("state"));
        assertEquals(200, api.get("api/plugins/probe/notes", null).status());
        awaitTrue(() -> api.get("api/plugins/probe/notes", null).body().contains("welcome while-off"),
                "what happened while it was disabled is delivered once it is enabled again");

        Reply bad = api.put("api/admin/plugins/probe/settings", "{\"max-notes\":\"many\"}", admin);
        assertEquals(422, bad.status());
        assertEquals("max-notes", bad.json().getString("field"));
        assertEquals(200, api.put("api/admin/plugins/probe/settings", "{\"greeting\":\"ni hao\"}", admin).status());
        assertEquals("ni hao", api.get("api/plugins/probe/hello", fan).json().getString("greeting"), "settings apply at run time");

        TestPlugins.jar("late.jar", "late", "*", ExplodingExtension.class, null);
        assertFalse(plugins().containsKey("late"));
        Reply rescan = api.post("api/admin/plugins/rescan", null, admin);
        assertEquals(200, rescan.status(), rescan.toString());
        assertTrue(plugins().containsKey("late"), "a dropped-in jar is picked up by rescan");
    }

    @Test
    void signupsNeverExceedCapacityAndTheWaitingListKeepsItsOrder() throws Exception {
        long city = api.cityId("Xi'an");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            java.util.List<java.util.concurrent.Future<String>> reg = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String h = "seat-" + i;
                reg.add(pool.submit(() -> api.member(h, city)));
            }
            java.util.List<String> tokens = new java.util.ArrayList<>();
            for (var f : reg) {
                tokens.add(f.get());
            }
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<JsonObject>> joins = new java.util.ArrayList<>();
            for (String t : tokens) {
                joins.add(pool.submit(() -> {
                    start.await();
                    Reply r = api.post("api/plugins/probe/seats", null, t);
                    assertEquals(200, r.status(), r.toString());
                    return r.json();
                }));
            }
            start.countDown();
            java.util.List<JsonObject> places = new java.util.ArrayList<>();
            for (var f : joins) {
                places.add(f.get());
            }
            assertEquals(50, places.stream().filter(p -> p.getString("status").equals("CONFIRMED")).count(), "exactly the capacity");
            java.util.List<Integer> positions = places.stream().filter(p -> p.getString("status").equals("WAITING"))
                    .map(p -> p.getInt("waitingPosition")).sorted().toList();
            assertEquals(150, positions.size());
            assertEquals(java.util.stream.IntStream.rangeClosed(1, 150).boxed().toList(), positions, "one place each in the queue");
            JsonObject seats = api.get("api/plugins/probe/seats", null).json();
            assertEquals(50, seats.getInt("taken"));
            assertEquals(150, seats.getInt("waitingParties"));

            // a confirmed member leaves: the head of the waiting list is confirmed in their stead
            java.util.List<JsonValue> queue = api.get("api/plugins/probe/seats/waiting", null).jsonValue().asJsonArray();
            long head = queue.get(0).asJsonObject().getJsonNumber("memberId").longValue();
            String leaver = tokens.get(places.indexOf(places.stream().filter(p -> p.getString("status").equals("CONFIRMED")).findFirst().orElseThrow()));
            var promoted = api.delete("api/plugins/probe/seats", null, leaver).jsonValue().asJsonArray();
            assertEquals(1, promoted.size());
            assertEquals(head, promoted.getJsonObject(0).getJsonNumber("memberId").longValue(), "first in line is promoted");

            // parties stay together: with 1 seat free, a party of 3 at the head waits, and so does everyone behind it
            String big = api.member("seat-party", city);
            assertEquals(200, api.put("api/plugins/probe/seats/capacity?value=51", null, api.adminToken()).status());
            JsonObject party = api.post("api/plugins/probe/seats?party=3", null, big).json();
            assertEquals("WAITING", party.getString("status"));
            assertEquals(51, api.get("api/plugins/probe/seats", null).json().getInt("taken"), "never above capacity");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUnansweredOfferExpiresAndTheSeatIsOfferedToTheNextInLine() throws Exception {
        Api api = new Api(base);
        long city = api.cityId("Chengdu");
        String a = api.member("offer-a", city);
        String b = api.member("offer-b", city);
        String c = api.member("offer-c", city);
        assertEquals(200, api.put("api/plugins/probe/offers?seconds=3", null, api.adminToken()).status());
        assertEquals("CONFIRMED", api.post("api/plugins/probe/offers", null, a).json().getString("status"));
        assertEquals("WAITING", api.post("api/plugins/probe/offers", null, b).json().getString("status"));
        assertEquals("WAITING", api.post("api/plugins/probe/offers", null, c).json().getString("status"));
        JsonObject offered = api.delete("api/plugins/probe/offers", null, a).jsonValue().asJsonArray().getJsonObject(0);
        assertEquals("OFFERED", offered.getString("status"), "the head of the line is offered the seat, not confirmed");
        assertTrue(offered.containsKey("offerExpiresAt"));
        assertEquals(409, api.post("api/plugins/probe/offers/accept", null, c).status(), "c holds no offer yet");

        // b does not answer: the sweeper expires the offer and offers the seat to c, telling the plugin by events
        awaitTrue(() -> api.get("api/plugins/probe/offers/mine", c).body().contains("OFFERED"), "c is offered the seat");
        assertEquals(404, api.get("api/plugins/probe/offers/mine", b).status(), "b's offer expired");
        awaitTrue(() -> api.get("api/plugins/probe/notes", null).body().contains("signup.offer-expired offers")
                && api.get("api/plugins/probe/notes", null).body().contains("signup.offered offers"), "the plugin hears of it");
        assertEquals("CONFIRMED", api.post("api/plugins/probe/offers/accept", null, c).json().getString("status"));
        assertEquals(409, api.post("api/plugins/probe/offers/accept", null, b).status());
    }

    long idOf(String token) {
        return api.get("api/me", token).json().getJsonNumber("id").longValue();
    }

    /** Defines a probe shift on 2027-03-01 between two UTC hours (minutes allowed: "10:30"). */
    Reply shift(String name, int capacity, String from, String to, String extra) {
        return api.put("api/plugins/probe/shifts/" + name + "?capacity=" + capacity + "&start=2027-03-01T" + from + ":00Z&end=2027-03-01T"
                + to + ":00Z&zone=Asia/Shanghai" + (extra == null ? "" : extra), null, null);
    }

    @Test
    void timedPlacesNeverOverlapEligibilityIsCheckedAndPoolsCloseAndGo() {
        long city = api.cityId("Chengdu");
        String a = api.member("shift-a", city);
        String b = api.member("shift-b", city);
        String c = api.member("shift-c", city);
        assertEquals(200, shift("morning", 1, "10:00", "12:00", "&title=Morning%20shift").status());
        assertEquals(200, shift("late", 5, "11:00", "13:00", "&title=Late%20shift").status());
        assertEquals(200, shift("noon", 5, "12:00", "14:00", "&title=Noon").status());
        assertEquals(200, shift("talk", 5, "11:00", "11:30", "&title=Talk&exclusive=false").status(), "a timed, non-exclusive pool");
        Reply impossible = shift("backwards", 1, "12:00", "11:00", null);
        assertEquals(422, impossible.status(), impossible.toString());
        assertEquals("endsAt", impossible.json().getString("field"));

        assertEquals("CONFIRMED", api.post("api/plugins/probe/shifts/morning", null, a).json().getString("status"));
        Reply clash = api.post("api/plugins/probe/shifts/late", null, a);
        assertEquals(409, clash.status(), clash.toString());
        assertEquals("signup.overlap", clash.json().getString("code"));
        assertTrue(clash.json().getString("detail").contains("Morning shift") && clash.json().getString("detail").contains("18:00"),
                "the clash is named, in the pool's zone: " + clash.json().getString("detail"));
        assertEquals(0, api.get("api/plugins/probe/shifts/counts?names=late", null).json().getJsonObject("late").getInt("taken"),
                "a refused join changes nothing");
        assertEquals(200, api.post("api/plugins/probe/shifts/noon", null, a).status(), "back-to-back is no overlap");
        assertEquals(200, api.post("api/plugins/probe/shifts/talk", null, a).status(), "a non-exclusive place may overlap");

        JsonObject counts = api.get("api/plugins/probe/shifts/counts?names=morning,noon,nope", null).json();
        assertEquals(java.util.Set.of("morning", "noon"), counts.keySet(), "many pools in one call; unknown ones absent");
        assertEquals(1, counts.getJsonObject("morning").getInt("taken"));
        assertEquals(java.util.List.of("morning", "noon", "talk"), api.get("api/plugins/probe/shifts/mine", a).jsonValue().asJsonArray()
                .stream().map(v -> v.asJsonObject().getString("pool")).filter(p -> !p.equals("seats") && !p.equals("offers")).toList());
        var commitments = api.get("api/plugins/probe/commitments?from=2027-03-01T00:00:00Z&to=2027-03-02T00:00:00Z", a).jsonValue()
                .asJsonArray();
        assertEquals(java.util.List.of("morning", "talk", "noon"), commitments.stream().map(v -> v.asJsonObject().getString("pool")).toList(),
                "soonest first");
        assertEquals("probe", commitments.getJsonObject(0).getString("plugin"));
        assertEquals("Asia/Shanghai", commitments.getJsonObject(0).getString("zone"));
        JsonObject spec = api.get("api/plugins/probe/shifts/morning/spec", null).json();
        assertEquals("Morning shift", spec.getString("title"));
        assertTrue(spec.getBoolean("exclusive"));

        // b waits for the morning shift, then takes an overlapping one: when a's seat frees, b is skipped and told
        assertEquals("WAITING", api.post("api/plugins/probe/shifts/morning", null, b).json().getString("status"));
        assertEquals(200, shift("stand", 1, "10:30", "11:30", "&title=Stand").status());
        assertEquals("CONFIRMED", api.post("api/plugins/probe/shifts/stand", null, b).json().getString("status"),
                "a waiting place holds no time");
        assertEquals(0, api.delete("api/plugins/probe/shifts/morning", null, a).jsonValue().asJsonArray().size(), "nobody promoted");
        assertEquals(0, api.get("api/plugins/probe/shifts/counts?names=morning", null).json().getJsonObject("morning").getInt("taken"));
        assertEquals(0, api.get("api/plugins/probe/shifts/counts?names=morning", null).json().getJsonObject("morning").getInt("waitingParties"),
                "the clashing member left the line");
        awaitTrue(() -> api.get("api/plugins/probe/notes", null).body().contains("signup.skipped morning"), "the plugin hears of the skip");

        // eligibility: a level, then a qualification an admin grants
        assertEquals(200, shift("lead", 1, "15:00", "16:00", "&minLevel=3").status());
        Reply low = api.post("api/plugins/probe/shifts/lead", null, b);
        assertEquals(403, low.status(), low.toString());
        assertEquals("signup.not-eligible", low.json().getString("code"));
        assertEquals("min-level:3", low.json().getString("rule"));
        assertEquals(200, shift("driver", 1, "16:00", "17:00", "&qualification=driving").status());
        assertEquals("qualification:driving", api.post("api/plugins/probe/shifts/driver", null, c).json().getString("rule"));
        String admin = api.adminToken();
        assertEquals(403, api.put("api/plugins/probe/qualifications/driving/" + idOf(c), null, c).status());
        assertEquals(200, api.put("api/plugins/probe/qualifications/driving/" + idOf(c), null, admin).status());
        assertEquals("CONFIRMED", api.post("api/plugins/probe/shifts/driver", null, c).json().getString("status"));

        // closing stops new joins, not leaving; deleting answers who held places
        assertEquals(200, api.post("api/plugins/probe/shifts/noon/close", null, null).status());
        Reply closed = api.post("api/plugins/probe/shifts/noon", null, c);
        assertEquals(409, closed.status());
        assertEquals("signup.closed", closed.json().getString("code"));
        assertEquals(200, api.delete("api/plugins/probe/shifts/noon", null, a).status(), "leaving a closed pool still works");
        var held = api.delete("api/plugins/probe/shifts/stand/pool", null, null).jsonValue().asJsonArray();
        assertEquals(1, held.size());
        assertEquals(idOf(b), held.getJsonObject(0).getJsonNumber("memberId").longValue());
        assertEquals(404, api.get("api/plugins/probe/shifts/stand/spec", null).status());
    }

    @Test
    void aMembersConcurrentJoinsForOverlappingPlacesLetExactlyOneWin() throws Exception {
        long city = api.cityId("Chengdu");
        assertEquals(200, shift("race-1", 100, "20:00", "21:00", null).status());
        assertEquals(200, shift("race-2", 100, "20:30", "21:30", null).status());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < 12; i++) {
                String t = api.member("racer-" + i, city);
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                var one = pool.submit(() -> {
                    go.await();
                    return api.post("api/plugins/probe/shifts/race-1", null, t).status();
                });
                var two = pool.submit(() -> {
                    go.await();
                    return api.post("api/plugins/probe/shifts/race-2", null, t).status();
                });
                go.countDown();
                assertEquals(java.util.List.of(200, 409), java.util.stream.Stream.of(one.get(), two.get()).sorted().toList(),
                        "racer-" + i + ": one join wins, the other is refused");
            }
        } finally {
            pool.shutdownNow();
        }
        JsonObject counts = api.get("api/plugins/probe/shifts/counts?names=race-1,race-2", null).json();
        assertEquals(12, counts.getJsonObject("race-1").getInt("taken") + counts.getJsonObject("race-2").getInt("taken"));
    }

    static void awaitTrue(java.util.function.BooleanSupplier check, String what) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            if (check.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("timed out waiting: " + what);
    }
}
