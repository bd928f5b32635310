import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Popcorn voting benchmark (JDK only; run by bench/run.sh). Against a running server:
 *   phase "ballots": N clients cast/change ballots in one open round for D seconds, then N clients call the no-op
 *                    GET /api/ping for D seconds (the ceiling, same run, same machine);
 *   phase "results": latency of GET /api/rounds/{id}/results beside GET /api/ping.
 * Prints one line per measurement: name, requests, errors, throughput/s, p50 ms, p99 ms.
 */
public class VoteBench {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static String base;

    public static void main(String[] args) throws Exception {
        base = args[0];
        String phase = args[1];
        if (phase.equals("ballots")) {
            int clients = Integer.parseInt(args[2]);
            int seconds = Integer.parseInt(args[3]);
            String adminPassword = args[4];
            ballots(clients, seconds, adminPassword);
        } else if (phase.equals("results")) {
            long round = Long.parseLong(args[2]);
            int requests = Integer.parseInt(args[3]);
            measureSequential("results-read(round " + round + ")", "api/rounds/" + round + "/results", requests);
            measureSequential("ping(ceiling)", "api/ping", requests);
        }
    }

    static void ballots(int clients, int seconds, String adminPassword) throws Exception {
        String admin = login("bench-admin", adminPassword);
        long city1 = firstCity("Chengdu");
        long city2 = firstCity("Shanghai");
        long city3 = firstCity("Wuhan");
        Instant now = Instant.now();
        String round = send("POST", "api/rounds", "{\"title\":\"Benchmark round\",\"opensAt\":\"" + now.minusSeconds(5)
                + "\",\"closesAt\":\"" + now.plusSeconds(3600) + "\",\"candidateCityIds\":[" + city1 + "," + city2 + "," + city3
                + "],\"mode\":\"APPROVAL\",\"maxChoices\":2,\"sizeBrackets\":[50,200,1000]}", admin).body();
        long roundId = Long.parseLong(field(round, "id"));
        send("POST", "api/rounds/" + roundId + "/open", null, admin);
        int members = clients * 4;
        List<String> tokens = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<String>> reg = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            String h = "bench-" + System.nanoTime() % 1_000_000_000L + "-" + i;
            reg.add(pool.submit(() -> {
                send("POST", "api/auth/register", "{\"handle\":\"" + h + "\",\"displayName\":\"b\",\"email\":\"" + h
                        + "@example.org\",\"password\":\"bench-password\",\"homeCityId\":" + city1 + "}", null);
                return login(h, "bench-password");
            }));
        }
        for (Future<String> f : reg) {
            tokens.add(f.get());
        }
        long[] cities = {city1, city2, city3};
        run("ballots(" + clients + " clients)", clients, seconds, pool, i -> {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            String token = tokens.get(r.nextInt(tokens.size()));
            return send("PUT", "api/rounds/" + roundId + "/ballot", "{\"choices\":[" + cities[r.nextInt(3)] + "],\"size\":"
                    + (r.nextBoolean() ? 50 : 200) + ",\"pledge\":" + r.nextBoolean() + "}", token).statusCode();
        });
        run("ping(ceiling, " + clients + " clients)", clients, seconds, pool, i -> send("GET", "api/ping", null, null).statusCode());
        pool.shutdownNow();
        System.out.println("round=" + roundId);
    }

    interface Call {
        int call(int i) throws Exception;
    }

    static void run(String name, int clients, int seconds, ExecutorService pool, Call call) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                long[] lat = new long[1 << 20];
                int n = 0;
                long errors = 0;
                while (System.nanoTime() < end && n < lat.length - 1) {
                    long t0 = System.nanoTime();
                    int status = call.call(n);
                    lat[n++] = System.nanoTime() - t0;
                    if (status >= 300) {
                        errors++;
                    }
                }
                long[] out = Arrays.copyOf(lat, n + 1);
                out[n] = errors;
                return out;
            }));
        }
        List<Long> all = new ArrayList<>();
        long errors = 0;
        for (Future<long[]> f : futures) {
            long[] r = f.get();
            for (int i = 0; i < r.length - 1; i++) {
                all.add(r[i]);
            }
            errors += r[r.length - 1];
        }
        report(name, all, errors, seconds);
    }

    static void measureSequential(String name, String path, int requests) throws Exception {
        for (int i = 0; i < 20; i++) {
            send("GET", path, null, null);
        }
        List<Long> all = new ArrayList<>();
        long errors = 0;
        long t = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            long t0 = System.nanoTime();
            if (send("GET", path, null, null).statusCode() >= 300) {
                errors++;
            }
            all.add(System.nanoTime() - t0);
        }
        report(name, all, errors, (System.nanoTime() - t) / 1e9);
    }

    static void report(String name, List<Long> latencies, long errors, double seconds) {
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        double p50 = sorted.length == 0 ? 0 : sorted[(int) (sorted.length * 0.50)] / 1e6;
        double p99 = sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))] / 1e6;
        System.out.printf("%-32s requests=%d errors=%d throughput=%.1f/s p50=%.2fms p99=%.2fms%n", name, sorted.length, errors,
                sorted.length / seconds, p50, p99);
    }

    static String login(String login, String password) throws Exception {
        HttpResponse<String> r = send("POST", "api/auth/login", "{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}", null);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login " + login + ": " + r.statusCode() + " " + r.body());
        }
        return field(r.body(), "token");
    }

    static long firstCity(String q) throws Exception {
        return Long.parseLong(field(send("GET", "api/cities?size=1&q=" + q, null, null).body(), "id"));
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
