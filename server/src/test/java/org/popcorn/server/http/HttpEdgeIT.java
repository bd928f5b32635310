package org.popcorn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
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

/**
 * The HTTP edge as hostile, clumsy and concurrent clients meet it: wrong JSON types, unknown fields, oversized and
 * trickling bodies, a DELETE with a body, double clicks. Every refusal is problem+json and changes nothing.
 */
@ExtendWith(ArquillianExtension.class)
class HttpEdgeIT {

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
        beijing = api.cityId("Beijing");
    }

    @Test
    void aWrongContentTypeIs415AndAWrongMethodIs405BothAsProblems() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        java.net.http.HttpResponse<String> text = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "api/auth/login"))
                .header("Content-Type", "text/plain").POST(java.net.http.HttpRequest.BodyPublishers.ofString("login=me&password=x")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(415, text.statusCode(), text.body());
        assertTrue(text.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), text.headers().toString());
        assertEquals("http.415", jakarta.json.Json.createReader(new java.io.StringReader(text.body())).readObject().getString("code"));

        Reply wrongMethod = api.send("DELETE", "api/ping", null, null);
        assertEquals(405, wrongMethod.status(), wrongMethod.toString());
        assertTrue(wrongMethod.contentType().startsWith("application/problem+json"), wrongMethod.contentType());
        assertEquals("http.405", wrongMethod.json().getString("code"));
        assertTrue(wrongMethod.header("Allow") != null && wrongMethod.header("Allow").contains("GET"), "Allow: " + wrongMethod.header("Allow"));

        Reply pluginWrongMethod = api.send("PATCH", "api/plugins/meetups/rules", "{}", null);
        assertEquals(405, pluginWrongMethod.status(), pluginWrongMethod.toString());
        assertEquals("http.405", pluginWrongMethod.json().getString("code"));
    }

    @Test
    void wrongJsonTypesAreRefusedNamingTheFieldAndChangeNothing() {
        String fan = api.member("typist", beijing);
        String before = api.get("api/me", fan).body();
        assertRefused(api.patch("api/me", "{\"displayName\":[\"a\",\"b\"]}", fan), 400, "displayName");
        assertRefused(api.patch("api/me", "{\"attendanceVisible\":\"yes\"}", fan), 400, "attendanceVisible");
        assertRefused(api.patch("api/me", "{\"attendanceVisible\":1}", fan), 400, "attendanceVisible");
        assertRefused(api.patch("api/me", "{\"homeCityId\":1.5}", fan), 400, "homeCityId");
        assertRefused(api.patch("api/me", "{\"homeCityId\":\"7\"}", fan), 400, "homeCityId");
        assertRefused(api.patch("api/me", "{\"homeCityId\":9223372036854775808}", fan), 400, "homeCityId");
        assertRefused(api.patch("api/me", "{\"nickname\":\"x\"}", fan), 400, "nickname");
        Reply malformed = api.patch("api/me", "{\"displayName\":", fan);
        assertEquals(400, malformed.status(), malformed.toString());
        assertEquals("request.malformed-json", malformed.json().getString("code"));
        Reply deep = api.patch("api/me", "{\"displayName\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}", fan);
        assertRefused(deep, 400, "body");
        assertEquals("request.too-deep", deep.json().getString("code"));
        assertEquals(before, api.get("api/me", fan).body());

        String admin = api.adminToken();
        String plugins = api.get("api/plugins", admin).body();
        assertRefused(api.put("api/admin/plugins/feedback", "{\"enabled\":\"yes\"}", admin), 400, "enabled");
        assertRefused(api.put("api/admin/plugins/feedback", "{\"enabled\":0}", admin), 400, "enabled");
        assertEquals(plugins, api.get("api/plugins", admin).body());
    }

    @Test
    void aHugeInvalidValueIsNotEchoedBack() {
        String fan = api.member("echo", beijing);
        String huge = "x".repeat(100_000);
        Reply r = api.patch("api/me", "{\"displayName\":\"" + huge + "\"}", fan);
        assertEquals(422, r.status(), r.status() + "");
        assertTrue(r.body().length() < 2_000, "answer of " + r.body().length() + " characters");
    }

    @Test
    void aQueryParameterOfTheWrongTypeIs400NamingIt() {
        Reply r = api.get("api/leaderboard?city=abc", null);
        assertRefused(r, 400, "city");
        assertEquals("request.bad-parameter", r.json().getString("code"));
        Reply plugin = api.get("api/plugins/meetups/meetups?city=abc", null);
        assertRefused(plugin, 400, "city");
        assertEquals("request.bad-parameter", plugin.json().getString("code"), "plugin routes too");
        Reply unknownField = api.post("api/plugins/meetups/meetups", "{\"title\":\"x\",\"seats\":3}", api.member("fieldy", beijing));
        assertRefused(unknownField, 400, "seats");
        assertEquals("request.unknown-field", unknownField.json().getString("code"));
    }

    @Test
    void unprocessableAnswersCarryTheStandardReasonPhrase() throws IOException {
        String fan = api.member("phrase", beijing);
        String answer = raw("PATCH /api/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + fan
                + "\r\nContent-Type: application/json\r\nContent-Length: 18\r\nConnection: close\r\n\r\n{\"displayName\":\"\"}");
        assertTrue(answer.startsWith("HTTP/1.1 422 Unprocessable Content\r\n"), answer);
    }

    @Test
    void aBodyOverTheLimitIs413BeforeItIsRead() throws IOException {
        // Content-Length says 50 MB; the server answers after the headers without waiting for the body.
        String answer = raw("POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 50000000\r\n\r\n{\"login\":");
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("application/problem+json"), answer);
        assertTrue(answer.contains("request.too-large"), answer);
    }

    @Test
    void aChunkedBodyOverTheLimitIs413() throws IOException {
        try (Socket s = socket()) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            try {
                for (int i = 0; i < 40; i++) { // 2.5 MB, more than the 1 MiB limit
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException closedByServer) {
                // the server may close as soon as it has answered
            }
            String answer = readAll(s.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        }
    }

    @Test
    void slowBodiesDoNotStallOtherRequestsAndTimeOut() throws Exception {
        // More trickling uploads than the container has worker threads (about 200), from several addresses' worth of
        // connections: the server still answers at once, and each slow body is cut off at the body timeout (5 s in the ITs).
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 230; i++) {
                Socket s = socket();
                s.getOutputStream().write(("POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "X-Forwarded-For: 10.0.0." + (i % 250) + "\r\nContent-Length: 1000\r\n\r\n{")
                        .getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                slow.add(s);
            }
            for (int round = 0; round < 4; round++) {
                for (Socket s : slow) {
                    try {
                        s.getOutputStream().write(' ');
                    } catch (IOException cut) {
                        // timed out and closed by the server: that is the point
                    }
                }
                Reply ready = api.get("health/ready", null);
                assertEquals(200, ready.status(), ready.toString());
                assertEquals(200, api.get("api/ping", null).status());
                Thread.sleep(500);
            }
            Thread.sleep(5_500);
            int timedOut = 0;
            for (Socket s : slow) {
                s.setSoTimeout(5_000);
                String answer = readAll(s.getInputStream());
                if (answer.startsWith("HTTP/1.1 408") && answer.contains("request.body-timeout")) {
                    timedOut++;
                }
            }
            assertTrue(timedOut > 0, "no slow body was cut off");
            assertEquals(200, api.get("health/ready", null).status());
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    @Test
    void manySmallBodiesAtOnceAreAllReadToTheirEnd() throws Exception {
        // Small bodies in every shape a client sends them: in the same packet as the headers, a moment after them, and
        // one after another on a kept-alive connection. Each must be read to its end and answered, never left to time out.
        String body = "{\"name\":\"x\"}";
        String request = "POST /api/admin/cities HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length() + "\r\n";
        List<Integer> stuck = concurrently(16, t -> {
            int timedOut = 0;
            if (t % 2 == 0) {
                try (Socket s = socket()) {
                    for (int i = 0; i < 40; i++) {
                        s.getOutputStream().write((request + "\r\n" + body).getBytes(StandardCharsets.US_ASCII));
                        s.getOutputStream().flush();
                        String answer = readAll(s.getInputStream());
                        timedOut += answer.startsWith("HTTP/1.1 401") ? 0 : 1;
                    }
                }
            } else {
                for (int i = 0; i < 40; i++) {
                    try (Socket s = socket()) {
                        OutputStream out = s.getOutputStream();
                        out.write((request + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        if (i % 2 == 0) {
                            Thread.sleep(1);
                        }
                        out.write(body.getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        String answer = readAll(s.getInputStream());
                        timedOut += answer.startsWith("HTTP/1.1 401") ? 0 : 1;
                    }
                }
            }
            return timedOut;
        });
        assertEquals(0, stuck.stream().mapToInt(Integer::intValue).sum(), "requests not answered 401: " + stuck);
    }

    @Test
    void oneAddressCannotHoldMoreThanItsShareOfPendingBodies() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) { // the limit is 32 per address
                Socket s = socket();
                s.setSoTimeout(3_000);
                s.getOutputStream().write(("POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "X-Forwarded-For: 10.9.9.9\r\nContent-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                slow.add(s);
            }
            List<Integer> refused = concurrently(slow.size(), i -> {
                String answer = readAll(slow.get(i).getInputStream());
                return answer.startsWith("HTTP/1.1 429") && answer.contains("request.too-many-uploads") ? 1 : 0;
            });
            assertEquals(8, refused.stream().mapToInt(Integer::intValue).sum(), refused.toString());
            assertEquals(200, api.get("api/ping", null).status());
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    @Test
    void aMemberDeletesTheirAccountWithADeleteThatHasABodyAndTheTokenStopsWorking() {
        String fan = api.member("leaver", beijing);
        Reply wrong = api.delete("api/auth/account", "{\"password\":\"not it\"}", fan);
        assertFalse(wrong.status() == 204, wrong.toString());
        assertTrue(wrong.contentType().startsWith("application/problem+json"), wrong.toString());
        Reply gone = api.delete("api/auth/account", "{\"password\":\"password-leaver\"}", fan);
        assertEquals(204, gone.status(), gone.toString());
        assertEquals(401, api.get("api/me", fan).status());
    }

    @Test
    void doubleClicksAndTwoTabsNeverAnswer5xx() throws Exception {
        String fan = api.member("clicker", beijing);
        String admin = api.adminToken();
        api.member("granted", beijing);
        List<Integer> profile = concurrently(8, i -> api.patch("api/me", "{\"bio\":\"tab " + i + "\"}", fan).status());
        assertTrue(profile.stream().allMatch(s -> s == 200), profile.toString());
        List<Integer> privilege = concurrently(8, i -> api.put("api/admin/members/granted/privileges/priority-rsvp", null, admin).status());
        assertTrue(privilege.stream().allMatch(s -> s == 204), privilege.toString());
        List<Integer> organiser = concurrently(8, i -> api.put("api/admin/members/granted/organiser/" + beijing, null, admin).status());
        assertTrue(organiser.stream().allMatch(s -> s == 200), organiser.toString());
        JsonObject member = api.get("api/admin/members/granted", admin).json();
        assertEquals(1, member.getJsonArray("organiserOf").size());
    }

    @Test
    void anAnonymousWriteIs401BeforeItsBodyIsLookedAt() {
        Reply ballot = api.put("api/rounds/1/ballot", "{}", null);
        assertEquals(401, ballot.status(), ballot.toString());
        assertEquals(401, api.patch("api/me", "{\"displayName\":[1]}", null).status());
        assertEquals(401, api.post("api/admin/cities", "{}", null).status());
    }

    @Test
    void conditionalGetsAnswer304WhenNothingChanged() throws Exception {
        Reply first = api.get("api/cities/" + beijing, null);
        String tag = first.header("ETag");
        assertTrue(tag != null && tag.startsWith("\""), first.toString());
        java.net.http.HttpResponse<String> again = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
                .build().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "api/cities/" + beijing))
                        .header("If-None-Match", tag).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        assertEquals(tag, api.get("api/cities/" + beijing, null).header("ETag"), "the same data, the same tag");
        assertFalse(tag.equals(api.get("api/cities/" + api.cityId("Chengdu"), null).header("ETag")), "other data, another tag");

        Reply search = api.get("api/cities?q=Bei", null);
        assertEquals(304, api.send("GET", "api/cities?q=Bei", null, null, "application/json", search.header("ETag")).status(),
                "the city catalogue's search too");

        Reply asset = api.send("GET", "plugins/meetups/checkin.js", null, null, "*/*");
        assertEquals(200, asset.status(), asset.toString());
        assertTrue(asset.header("ETag") != null, "a plugin's page asset carries an ETag");
        Reply cached = api.send("GET", "plugins/meetups/checkin.js", null, null, "*/*", asset.header("ETag"));
        assertEquals(304, cached.status(), "a browser re-uses the plugin asset it has");
        Reply picture = api.send("GET", "plugins/meetups/demo/picnic-1.svg", null, null, "*/*");
        assertEquals(200, picture.status(), "the demo's pictures ship with the plugin (no unreachable host)");
        assertTrue(picture.contentType().startsWith("image/svg+xml"), picture.contentType());
        assertEquals("", cached.body());
    }

    // --- helpers ---

    interface Call {
        int run(int i) throws Exception;
    }

    static List<Integer> concurrently(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                Callable<Integer> c = () -> {
                    start.await();
                    return call.run(k);
                };
                futures.add(pool.submit(c));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    static void assertRefused(Reply r, int status, String field) {
        assertEquals(status, r.status(), r.toString());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.toString());
        JsonObject problem = r.json();
        assertEquals(field, problem.getString("field"), r.toString());
        assertTrue(problem.containsKey("code"), r.toString());
    }

    Socket socket() throws IOException {
        Socket s = new Socket(base.getHost(), base.getPort());
        s.setSoTimeout(20_000);
        return s;
    }

    String raw(String request) throws IOException {
        try (Socket s = socket()) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            return readAll(s.getInputStream());
        }
    }

    static String readAll(InputStream in) {
        StringBuilder sb = new StringBuilder();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                sb.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                if (sb.indexOf("\r\n\r\n") > 0 && complete(sb)) {
                    break;
                }
            }
        } catch (IOException endOfAnswer) {
            // closed or timed out: answer what arrived
        }
        return sb.toString();
    }

    private static boolean complete(StringBuilder sb) {
        int headerEnd = sb.indexOf("\r\n\r\n");
        String head = sb.substring(0, headerEnd).toLowerCase();
        int at = head.indexOf("content-length:");
        if (at < 0) {
            return false;
        }
        int end = head.indexOf("\r\n", at);
        int length = Integer.parseInt(head.substring(at + 15, end < 0 ? head.length() : end).trim());
        return sb.length() - headerEnd - 4 >= length;
    }
}
