import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two Popcorn servers on one PostgreSQL (run by tools/postgres/check.sh): members registered on either server race
 * for the last seats of a meetup, half through each server; afterwards both servers must report exactly the capacity
 * taken and the rest waiting, and one member's ballot stays one ballot whichever server it reaches. JDK only.
 *   java TwoInstances.java <urlA> <urlB> <adminPassword>
 */
public class TwoInstances {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        String a = args[0];
        String b = args[1];
        String admin = login(a, "pg-admin", args[2]);
        long city = Long.parseLong(field(send(a, "GET", "api/cities?size=1&q=Chengdu", null, null).body(), "id"));
        String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String org = "pg-org-" + tag;
        register(a, org, city);
        check(send(a, "PUT", "api/admin/members/" + org + "/organiser/" + city, null, admin), 200, "make organiser");
        String orgToken = login(b, org, "two-instances");
        Instant start = Instant.now().plus(Duration.ofDays(2));
        HttpResponse<String> created = send(b, "POST", "api/plugins/meetups/meetups", "{\"cityId\":" + city
                + ",\"title\":\"Two servers\",\"venueName\":\"Hall\",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plusSeconds(7200)
                + "\",\"capacity\":20,\"newcomerSeats\":0,\"publish\":true}", orgToken);
        check(created, 201, "create meetup");
        long meetup = Long.parseLong(field(created.body(), "id"));

        int members = 200;
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<String>> reg = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            String server = i % 2 == 0 ? a : b;
            String h = "pg-" + tag + "-" + i;
            reg.add(pool.submit(() -> {
                register(server, h, city);
                return login(server, h, "two-instances");
            }));
        }
        List<String> tokens = new ArrayList<>();
        for (Future<String> f : reg) {
            tokens.add(f.get());
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> rsvps = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            String server = i % 2 == 0 ? b : a; // the other server than the one it registered on
            String token = tokens.get(i);
            rsvps.add(pool.submit(() -> {
                go.await();
                return send(server, "PUT", "api/plugins/meetups/meetups/" + meetup + "/rsvp", "{\"guests\":0}", token).statusCode();
            }));
        }
        go.countDown();
        for (Future<Integer> f : rsvps) {
            if (f.get() != 200) {
                throw new IllegalStateException("an RSVP failed: " + f.get());
            }
        }
        for (String server : List.of(a, b)) {
            String view = send(server, "GET", "api/plugins/meetups/meetups/" + meetup, null, null).body();
            String taken = field(view, "taken");
            String waiting = field(view, "waitingParties");
            System.out.println(server + " meetup " + meetup + ": taken=" + taken + " waiting=" + waiting);
            if (!taken.equals("20") || !waiting.equals("180")) {
                throw new IllegalStateException("capacity broken across servers: taken=" + taken + " waiting=" + waiting);
            }
        }
        pool.shutdownNow();
        System.out.println("OK: " + members + " RSVPs through two servers on one PostgreSQL: 20 going, 180 waiting, on both");
    }

    static void register(String server, String handle, long city) throws Exception {
        check(send(server, "POST", "api/auth/register", "{\"handle\":\"" + handle + "\",\"displayName\":\"" + handle + "\",\"email\":\"" + handle
                + "@example.org\",\"password\":\"two-instances\",\"homeCityId\":" + city + "}", null), 201, "register " + handle);
    }

    static String login(String server, String login, String password) throws Exception {
        HttpResponse<String> r = send(server, "POST", "api/auth/login", "{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}", null);
        check(r, 200, "login " + login);
        return field(r.body(), "token");
    }

    static void check(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(what + ": " + r.statusCode() + " " + r.body());
        }
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static HttpResponse<String> send(String base, String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            r.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            r.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }
}
