package org.popcorn.server.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.popcorn.server.support.Api;
import org.popcorn.server.support.Api.Reply;
import org.popcorn.server.support.PopcornJar;

/**
 * The run contract and durability, on the real artefact: {@code java -jar target/popcorn.jar} starts with demo data in
 * an H2 file under {@code POPCORN_DATA_DIR}; every registration acknowledged with 201 survives a {@code kill -9} right
 * after the last answer; a restart keeps all data and does not load the demo twice. The repository's plugins
 * directory is used, so the meetups plugin adds its demo meetups, which survive too. A {@code kill -9} in the middle
 * of a storm of ballots and RSVPs loses no acknowledged write and doubles none. An online backup made by an admin
 * and unzipped into an empty data directory starts a server with everything the backup held.
 */
class DurabilityIT {

    private Process server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void acknowledgedWritesSurviveKillMinus9AndABackupRestores() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "durability-");
        int port = freePort();
        Api api = new Api("http://127.0.0.1:" + port + "/");
        server = start(data, port, "first");
        awaitReady(api, server);
        assertTrue(Files.readString(data.resolve("demo-logins.txt")).contains("demo-fan"), "demo logins are written");
        long beijing = api.cityId("Beijing");
        long chengdu = api.cityId("Chengdu");
        String demoMeetups = "api/plugins/meetups/meetups?city=" + chengdu;
        long deadline = System.currentTimeMillis() + 30_000;
        while (api.get(demoMeetups, null).status() != 200 || api.get(demoMeetups, null).json().getInt("total") == 0) {
            assertTrue(System.currentTimeMillis() < deadline, "the meetups plugin adds its demo meetups: " + api.get(demoMeetups, null));
            Thread.sleep(300);
        }
        int meetups = api.get(demoMeetups, null).json().getInt("total");
        java.util.regex.Matcher fanLogin = java.util.regex.Pattern.compile("demo-fan / (\\S+)").matcher(Files.readString(data.resolve("demo-logins.txt")));
        assertTrue(fanLogin.find());
        jakarta.json.JsonObject fanActivity = api.get("api/me", api.login("demo-fan", fanLogin.group(1))).json().getJsonObject("activity");
        assertEquals(0, fanActivity.containsKey("meetups_attended") ? fanActivity.getJsonNumber("meetups_attended").longValue() : 0,
                "the demo fan never checked in at a meetup, so no meetups count as attended: " + fanActivity);

        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 40; i++) {
            String handle = "durable-" + i;
            pool.submit(() -> {
                if (api.register(handle, handle + "@example.org", "password-" + handle, beijing).status() == 201) {
                    acknowledged.add(handle);
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(120, TimeUnit.SECONDS));
        server.destroyForcibly(); // SIGKILL: no shutdown hooks, no orderly close of the database
        assertTrue(server.waitFor(30, TimeUnit.SECONDS));
        assertEquals(40, acknowledged.size(), "all registrations were acknowledged before the kill");

        server = start(data, port, "second");
        awaitReady(api, server);
        for (String handle : acknowledged) {
            assertEquals(200, api.get("api/members/" + handle, null).status(), handle + " survived the kill");
        }
        String admin = Files.readString(data.resolve("demo-logins.txt")).lines().filter(l -> l.contains("admin:"))
                .findFirst().orElseThrow().replaceAll(".*/ *", "").strip();
        String token = api.login("demo-admin", admin);
        assertEquals(1, api.get("api/admin/members?q=demo-fan", token).json().getInt("total"), "the demo loads once");
        assertEquals(meetups, api.get(demoMeetups, null).json().getInt("total"), "the plugin's demo data survived, once");

        // kill -9 in the middle of a storm of ballots and RSVPs: every write answered 2xx is there after the restart
        String org = api.member("storm-org", chengdu);
        assertEquals(200, api.put("api/admin/members/storm-org/organiser/" + chengdu, null, token).status());
        Instant now = Instant.now();
        Reply round = api.post("api/rounds", "{\"title\":\"Storm\",\"ownerCityId\":" + chengdu + ",\"opensAt\":\"" + now.plusSeconds(1800)
                + "\",\"closesAt\":\"" + now.plusSeconds(3600) + "\",\"candidateCityIds\":[" + chengdu + "," + beijing
                + "],\"sizeBrackets\":[50,200]}", org);
        assertEquals(201, round.status(), round.toString());
        long roundId = round.json().getJsonNumber("id").longValue();
        assertEquals(200, api.post("api/rounds/" + roundId + "/open", null, org).status());
        Instant starts = now.plus(Duration.ofDays(5));
        Reply meetup = api.post("api/plugins/meetups/meetups", "{\"cityId\":" + chengdu + ",\"title\":\"Storm meetup\",\"venueName\":\"Hall\","
                + "\"startsAt\":\"" + starts + "\",\"endsAt\":\"" + starts.plusSeconds(7200) + "\",\"capacity\":30,\"newcomerSeats\":0,"
                + "\"publish\":true}", org);
        assertEquals(201, meetup.status(), meetup.toString());
        long meetupId = meetup.json().getJsonNumber("id").longValue();
        List<String> fans = Collections.synchronizedList(new ArrayList<>());
        ExecutorService reg = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 300; i++) {
            String h = "storm-" + i;
            reg.submit(() -> fans.add(api.member(h, chengdu)));
        }
        reg.shutdown();
        assertTrue(reg.awaitTermination(180, TimeUnit.SECONDS));
        Map<String, String> ballots = new ConcurrentHashMap<>();
        Set<String> rsvps = ConcurrentHashMap.newKeySet();
        AtomicInteger next = new AtomicInteger();
        ExecutorService storm = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            storm.submit(() -> {
                for (int i = next.getAndIncrement(); i < fans.size(); i = next.getAndIncrement()) {
                    String fan = fans.get(i);
                    try {
                        Reply b = api.put("api/rounds/" + roundId + "/ballot", "{\"choices\":[" + chengdu + "],\"size\":50}", fan);
                        if (b.status() == 201) {
                            ballots.put(fan, b.json().getString("receipt"));
                        }
                        if (api.put("api/plugins/meetups/meetups/" + meetupId + "/rsvp", "{\"guests\":0}", fan).status() == 200) {
                            rsvps.add(fan);
                        }
                    } catch (IllegalStateException killed) {
                        return; // the server is gone
                    }
                }
            });
        }
        long stormDeadline = System.currentTimeMillis() + 120_000;
        while (rsvps.size() < 60) {
            assertTrue(System.currentTimeMillis() < stormDeadline, "the storm is under way");
            Thread.sleep(20);
        }
        server.destroyForcibly(); // in the middle of the storm
        assertTrue(server.waitFor(30, TimeUnit.SECONDS));
        storm.shutdown();
        assertTrue(storm.awaitTermination(120, TimeUnit.SECONDS));
        assertTrue(ballots.size() < fans.size(), "the kill came before the storm ended: " + ballots.size());

        server = start(data, port, "third");
        awaitReady(api, server);
        for (Map.Entry<String, String> b : ballots.entrySet()) {
            assertEquals(b.getValue(), api.get("api/rounds/" + roundId + "/ballot", b.getKey()).json().getString("receipt"),
                    "an acknowledged ballot survived the kill");
        }
        for (String fan : rsvps) {
            assertEquals(200, api.get("api/plugins/meetups/meetups/" + meetupId + "/rsvp", fan).status(), "an acknowledged RSVP survived");
        }
        JsonObject results = api.get("api/rounds/" + roundId + "/results", null).json();
        assertTrue(results.getInt("ballots") >= ballots.size() && results.getInt("ballots") <= ballots.size() + 8,
                "counted once each (at most the 8 in flight at the kill on top): " + results.getInt("ballots") + " for " + ballots.size());
        JsonObject view = api.get("api/plugins/meetups/meetups/" + meetupId, null).json();
        assertEquals(30, view.getInt("taken"), "the seats are full, never over: " + view);
        int places = view.getInt("taken") + view.getInt("waitingParties");
        assertTrue(places >= rsvps.size() && places <= rsvps.size() + 8, "each RSVP once: " + places + " for " + rsvps.size());

        // an online backup while the server runs, restored into an empty data directory as the operations guide says
        int meetupsBeforeBackup = api.get(demoMeetups, null).json().getInt("total");
        Reply backup = api.post("api/admin/backups", null, token);
        assertEquals(201, backup.status(), backup.toString());
        String file = backup.json().getString("file");
        assertTrue(api.get("api/admin/backups", token).body().contains(file), "listed");
        assertEquals(403, api.post("api/admin/backups", null, api.login("durable-0", "password-durable-0")).status(), "admins only");
        assertEquals(201, api.register("after-backup", "after-backup@example.org", "password-after", beijing).status());
        server.destroyForcibly();
        assertTrue(server.waitFor(30, TimeUnit.SECONDS));
        Path restored = Files.createTempDirectory(Path.of("target"), "restored-");
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(data.resolve("backups").resolve(file)))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                Files.copy(zip, restored.resolve(Path.of(e.getName()).getFileName()));
            }
        }
        server = start(restored, port, "restored");
        awaitReady(api, server);
        for (String handle : acknowledged) {
            assertEquals(200, api.get("api/members/" + handle, null).status(), handle + " is in the restored backup");
        }
        assertEquals(404, api.get("api/members/after-backup", null).status(), "what came after the backup is not in it");
        assertEquals(meetupsBeforeBackup, api.get(demoMeetups, null).json().getInt("total"), "the plugin's tables are in the backup too");
    }

    private Process start(Path data, int port, String name) throws IOException {
        return PopcornJar.start(data, port, name, Map.of("POPCORN_DATA_DIR", data.toAbsolutePath().toString(), "POPCORN_DEMO", "true",
                "POPCORN_PLUGINS_DIR", Path.of("..", "plugins").toAbsolutePath().normalize().toString()));
    }

    private static void awaitReady(Api api, Process p) throws InterruptedException {
        PopcornJar.awaitReady(api, p);
    }

    private static int freePort() throws IOException {
        return PopcornJar.freePort();
    }
}
