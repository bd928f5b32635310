package org.popcorn.server.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.popcorn.server.support.Api;
import org.popcorn.server.support.PopcornJar;

/**
 * The run contract and durability, on the real artefact: {@code java -jar target/popcorn.jar} starts with demo data in
 * an H2 file under {@code POPCORN_DATA_DIR}; every registration acknowledged with 201 survives a {@code kill -9} right
 * after the last answer; a restart keeps all data and does not load the demo twice. The repository's plugins
 * directory is used, so the meetups plugin adds its demo meetups, which survive too.
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
    void acknowledgedRegistrationsSurviveKillMinus9AndRestart() throws Exception {
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
