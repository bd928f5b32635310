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
 *   phase "results": latency of GET /api/rounds/{id}/results beside GET /api/ping;
 *   phase "rsvp":    the meetups plugin under contention: bursts of 500 simultaneous RSVPs for the last 50 seats of a
 *                    meetup (each burst checked: exactly 50 seats taken, 450 parties waiting), then N clients changing
 *                    their minds (RSVP / cancel, which promotes the head of the waiting list) for D seconds, then the
 *                    no-op ping with the same N clients.
 * Prints one line per measurement: name, requests, errors, throughput/s, p50 ms, p99 ms.
 */
public class VoteBench {

    // HTTP/1.1: one connection per client, as browsers and phones would; HTTP/2 would multiplex all clients onto one
    // connection, and the server answers 500 simultaneous streams with GOAWAY.
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    static String base;

    public static void main(String[] args) throws Exception {
        base = args[0];
        String phase = args[1];
        if (phase.equals("ballots")) {
            int clients = Integer.parseInt(args[2]);
            int seconds = Integer.parseInt(args[3]);
            String adminPassword = args[4];
            ballots(clients, seconds, adminPassword);
        } else if (phase.equals("rsvp")) {
            rsvp(Integer.parseInt(args[2]), Integer.parseInt(args[3]), args[4], Integer.parseInt(args[5]));
        } else if (phase.equals("charity")) {
            charity(args[2], Integer.parseInt(args[3]));
        } else if (phase.equals("wrk-setup")) {
            wrkSetup(args[2], Integer.parseInt(args[3]), java.nio.file.Path.of(args[4]));
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
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<String> tokens = registerMembers(clients * 4, city1, "bench-" + System.nanoTime() % 1_000_000_000L);
        long[] cities = {city1, city2, city3};
        run("ballots(" + clients + " clients)", clients, seconds, pool, (c, i) -> {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            String token = tokens.get(r.nextInt(tokens.size()));
            return send("PUT", "api/rounds/" + roundId + "/ballot", "{\"choices\":[" + cities[r.nextInt(3)] + "],\"size\":"
                    + (r.nextBoolean() ? 50 : 200) + ",\"pledge\":" + r.nextBoolean() + "}", token).statusCode();
        });
        run("ping(ceiling, " + clients + " clients)", clients, seconds, pool, (c, i) -> send("GET", "api/ping", null, null).statusCode());
        pool.shutdownNow();
        System.out.println("round=" + roundId);
    }

    static void rsvp(int clients, int seconds, String adminPassword, int bursts) throws Exception {
        String admin = login("bench-admin", adminPassword);
        long city = firstCity("Chengdu");
        String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String orgHandle = "bench-org-" + tag;
        send("POST", "api/auth/register", "{\"handle\":\"" + orgHandle + "\",\"displayName\":\"o\",\"email\":\"" + orgHandle
                + "@example.org\",\"password\":\"bench-password\",\"homeCityId\":" + city + "}", null);
        send("PUT", "api/admin/members/" + orgHandle + "/organiser/" + city, null, admin);
        String org = login(orgHandle, "bench-password");
        int members = 500;
        List<String> tokens = registerMembers(members, city, "bench-r" + tag);

        // bursts: every member RSVPs at the same instant for a meetup with 50 seats
        List<Long> burstLatencies = new ArrayList<>();
        long burstErrors = 0;
        double burstSeconds = 0;
        ExecutorService burstPool = Executors.newFixedThreadPool(members);
        for (int b = 0; b < bursts; b++) {
            long meetup = meetup(org, city, "Burst " + b);
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<Future<long[]>> calls = new ArrayList<>();
            for (String t : tokens) {
                calls.add(burstPool.submit(() -> {
                    go.await();
                    long t0 = System.nanoTime();
                    int status = send("PUT", "api/plugins/meetups/meetups/" + meetup + "/rsvp", "{\"guests\":0}", t).statusCode();
                    return new long[] {System.nanoTime() - t0, status};
                }));
            }
            long start = System.nanoTime();
            go.countDown();
            for (Future<long[]> f : calls) {
                long[] r = f.get();
                burstLatencies.add(r[0]);
                burstErrors += r[1] >= 300 ? 1 : 0;
            }
            burstSeconds += (System.nanoTime() - start) / 1e9;
            String view = send("GET", "api/plugins/meetups/meetups/" + meetup, null, null).body();
            String taken = field(view, "taken");
            String waiting = field(view, "waitingParties");
            if (!taken.equals("50") || !waiting.equals("450")) {
                throw new IllegalStateException("burst " + b + ": taken=" + taken + " waiting=" + waiting + " (expected 50 and 450), "
                        + burstErrors + " answers not 2xx so far");
            }
        }
        burstPool.shutdownNow();
        report("rsvp-burst(500 for 50 seats)x" + bursts, burstLatencies, burstErrors, burstSeconds);
        System.out.println("bursts checked: 50 going and 450 waiting every time");

        // churn: clients RSVP and cancel in one meetup; every cancel of a confirmed seat promotes the head of the line.
        // Each client has its own members (client c: members c, c + clients, ...), as each person has one phone.
        long meetup = meetup(org, city, "Churn");
        boolean[] going = new boolean[members];
        ExecutorService churnPool = Executors.newFixedThreadPool(clients);
        int perClient = Math.max(1, members / clients);
        run("rsvp-churn(" + clients + " clients)", clients, seconds, churnPool, (c, i) -> {
            int who = (c + clients * ThreadLocalRandom.current().nextInt(perClient)) % members;
            going[who] = !going[who];
            boolean join = going[who];
            return join
                    ? send("PUT", "api/plugins/meetups/meetups/" + meetup + "/rsvp", "{\"guests\":0}", tokens.get(who)).statusCode()
                    : send("DELETE", "api/plugins/meetups/meetups/" + meetup + "/rsvp", null, tokens.get(who)).statusCode();
        });
        run("ping(ceiling, " + clients + " clients)", clients, seconds, churnPool, (c, i) -> send("GET", "api/ping", null, null).statusCode());
        churnPool.shutdownNow();
    }

    /**
     * A popular campaign opens: {@code volunteers} members sign up in the same instant, each for one of 20 shifts (a
     * helper role of 25 places each) of one activity; then the same burst of the no-op ping. Checks every shift ends
     * with exactly its capacity taken and the rest waiting.
     */
    static void charity(String adminPassword, int volunteers) throws Exception {
        String admin = login("bench-admin", adminPassword);
        long city = firstCity("Chengdu");
        String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        HttpResponse<String> c = send("POST", "api/plugins/charity/campaigns", "{\"name\":\"Bench month " + tag + "\",\"startsOn\":\""
                + today + "\",\"endsOn\":\"" + today.plusDays(30) + "\",\"hoursGoal\":1000,\"causes\":[\"elderly-company\"],"
                + "\"cities\":[{\"cityId\":" + city + ",\"hoursGoal\":1000}]}", admin);
        if (c.statusCode() != 201) {
            throw new IllegalStateException("create campaign: " + c.statusCode() + " " + c.body());
        }
        StringBuilder shifts = new StringBuilder();
        Instant first = Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        for (int i = 0; i < 20; i++) {
            Instant s = first.plus(Duration.ofHours(3L * i));
            shifts.append(i == 0 ? "" : ",").append("{\"startsAt\":\"").append(s).append("\",\"endsAt\":\"").append(s.plus(Duration.ofHours(2)))
                    .append("\",\"roles\":[{\"code\":\"helper\",\"name\":\"Helper\",\"capacity\":25}]}");
        }
        HttpResponse<String> a = send("POST", "api/plugins/charity/campaigns/" + field(c.body(), "id") + "/activities", "{\"cityId\":" + city
                + ",\"cause\":\"elderly-company\",\"title\":\"Bench visits\",\"meetingPoint\":\"Gate\",\"shifts\":[" + shifts + "]}", admin);
        if (a.statusCode() != 201) {
            throw new IllegalStateException("create activity: " + a.statusCode() + " " + a.body());
        }
        List<Long> shiftIds = new ArrayList<>();
        Matcher m = Pattern.compile("\"id\":(\\d+),\"meetingAt\"").matcher(a.body());
        while (m.find()) {
            shiftIds.add(Long.parseLong(m.group(1)));
        }
        if (shiftIds.size() != 20) {
            throw new IllegalStateException("expected 20 shifts in " + a.body());
        }
        List<String> tokens = registerMembers(volunteers, city, "bench-v" + tag);
        ExecutorService burst = Executors.newFixedThreadPool(volunteers);
        for (String what : List.of("signup", "ping")) {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<Future<long[]>> calls = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                String t = tokens.get(i);
                long shift = shiftIds.get(i % shiftIds.size());
                calls.add(burst.submit(() -> {
                    go.await();
                    long t0 = System.nanoTime();
                    int status = what.equals("signup")
                            ? send("PUT", "api/plugins/charity/shifts/" + shift + "/roles/helper/signup", null, t).statusCode()
                            : send("GET", "api/ping", null, null).statusCode();
                    return new long[] {System.nanoTime() - t0, status};
                }));
            }
            long start = System.nanoTime();
            go.countDown();
            List<Long> latencies = new ArrayList<>();
            long errors = 0;
            for (Future<long[]> f : calls) {
                long[] r = f.get();
                latencies.add(r[0]);
                errors += r[1] >= 300 ? 1 : 0;
            }
            report(what.equals("signup") ? "charity-signup-burst(" + volunteers + " for 20 shifts)" : "ping(ceiling, same burst)", latencies,
                    errors, (System.nanoTime() - start) / 1e9);
        }
        burst.shutdownNow();
        String view = send("GET", "api/plugins/charity/activities/" + field(a.body(), "id"), null, null).body();
        Matcher taken = Pattern.compile("\"taken\":(\\d+),\"waiting\":(\\d+)").matcher(view);
        int per = volunteers / 20;
        while (taken.find()) {
            if (Integer.parseInt(taken.group(1)) != Math.min(25, per) || Integer.parseInt(taken.group(2)) != Math.max(0, per - 25)) {
                throw new IllegalStateException("a shift has taken=" + taken.group(1) + " waiting=" + taken.group(2));
            }
        }
        System.out.println("burst checked: every shift has exactly its capacity taken and the rest waiting");
    }

    /** Registers {@code n} members living in {@code city} (handles {@code prefix-0} …), 64 at a time; answers their tokens. */
    static List<String> registerMembers(int n, long city, String prefix) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(64);
        try {
            List<Future<String>> reg = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String h = prefix + "-" + i;
                reg.add(pool.submit(() -> {
                    send("POST", "api/auth/register", "{\"handle\":\"" + h + "\",\"displayName\":\"b\",\"email\":\"" + h
                            + "@example.org\",\"password\":\"bench-password\",\"homeCityId\":" + city + "}", null);
                    return login(h, "bench-password");
                }));
            }
            List<String> tokens = new ArrayList<>();
            for (Future<String> f : reg) {
                tokens.add(f.get());
            }
            return tokens;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Prepares the wrk scenarios (bench/wrk/*.lua) and writes what their scripts read into {@code dir}: tokens.txt
     * (members), round.txt and cities.txt (an open round and its candidates), slot.txt, product.txt and
     * slot-tokens.txt (a booth slot and the volunteers holding it, for counts from the phone page).
     */
    static void wrkSetup(String adminPassword, int members, java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.createDirectories(dir);
        String admin = login("bench-admin", adminPassword);
        long city1 = firstCity("Chengdu");
        long city2 = firstCity("Shanghai");
        long city3 = firstCity("Wuhan");
        String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        Instant now = Instant.now();
        String round = send("POST", "api/rounds", "{\"title\":\"wrk round\",\"opensAt\":\"" + now.minusSeconds(5)
                + "\",\"closesAt\":\"" + now.plusSeconds(7200) + "\",\"candidateCityIds\":[" + city1 + "," + city2 + "," + city3
                + "],\"mode\":\"APPROVAL\",\"maxChoices\":2,\"sizeBrackets\":[50,200,1000]}", admin).body();
        long roundId = Long.parseLong(field(round, "id"));
        send("POST", "api/rounds/" + roundId + "/open", null, admin);
        List<String> tokens = registerMembers(members, city1, "bench-w" + tag);
        java.nio.file.Files.write(dir.resolve("tokens.txt"), tokens);
        java.nio.file.Files.writeString(dir.resolve("round.txt"), roundId + "\n");
        java.nio.file.Files.write(dir.resolve("cities.txt"), List.of(String.valueOf(city1), String.valueOf(city2), String.valueOf(city3)));

        HttpResponse<String> p = send("POST", "api/plugins/booths/products", "{\"code\":\"bench-" + tag + "\",\"name\":\"Bench hub\"}", admin);
        if (p.statusCode() != 201) {
            throw new IllegalStateException("create product: " + p.statusCode() + " " + p.body());
        }
        String product = field(p.body(), "id");
        java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1);
        HttpResponse<String> b = send("POST", "api/plugins/booths/booths", "{\"cityId\":" + city1 + ",\"compound\":\"Bench Court\","
                + "\"address\":\"Gate 1\",\"productIds\":[" + product + "],\"slotMinutes\":120,\"volunteersPerSlot\":50,\"lead\":false,"
                + "\"openings\":[{\"date\":\"" + day + "\",\"opens\":\"10:00\",\"closes\":\"12:00\"}]}", admin);
        if (b.statusCode() != 201) {
            throw new IllegalStateException("create booth: " + b.statusCode() + " " + b.body());
        }
        Matcher slot = Pattern.compile("\"id\":(\\d+)").matcher(b.body());
        int slots = b.body().indexOf("\"slots\":[");
        if (slots < 0 || !slot.find(slots)) {
            throw new IllegalStateException("no slot in " + b.body());
        }
        List<String> holders = tokens.subList(0, Math.min(50, tokens.size()));
        for (String t : holders) {
            HttpResponse<String> j = send("PUT", "api/plugins/booths/slots/" + slot.group(1) + "/roles/volunteer/signup", null, t);
            if (j.statusCode() != 200) {
                throw new IllegalStateException("sign up for the slot: " + j.statusCode() + " " + j.body());
            }
        }
        java.nio.file.Files.writeString(dir.resolve("slot.txt"), slot.group(1) + "\n");
        java.nio.file.Files.writeString(dir.resolve("product.txt"), product + "\n");
        java.nio.file.Files.write(dir.resolve("slot-tokens.txt"), holders);
        String org = "bench-o" + tag;
        send("POST", "api/auth/register", "{\"handle\":\"" + org + "\",\"displayName\":\"o\",\"email\":\"" + org
                + "@example.org\",\"password\":\"bench-password\",\"homeCityId\":" + city1 + "}", null);
        send("PUT", "api/admin/members/" + org + "/organiser/" + city1, null, admin);
        java.nio.file.Files.writeString(dir.resolve("meetup.txt"), meetup(login(org, "bench-password"), city1, "wrk meetup") + "\n");
        System.out.println("wrk-setup: " + tokens.size() + " members, round " + roundId + ", slot " + slot.group(1) + " held by " + holders.size());
    }

    static final java.util.concurrent.atomic.AtomicInteger MEETUPS = new java.util.concurrent.atomic.AtomicInteger();

    /** A published meetup with 50 seats, each at its own time: a seat is an exclusive commitment, never overlapping. */
    static long meetup(String org, long city, String title) throws Exception {
        Instant start = Instant.now().plus(Duration.ofDays(2)).plus(Duration.ofHours(3L * MEETUPS.getAndIncrement()));
        HttpResponse<String> r = send("POST", "api/plugins/meetups/meetups", "{\"cityId\":" + city + ",\"title\":\"" + title
                + "\",\"venueName\":\"Bench Hall\",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plus(Duration.ofHours(2))
                + "\",\"capacity\":50,\"newcomerSeats\":0,\"maxGuests\":1,\"publish\":true}", org);
        if (r.statusCode() != 201) {
            throw new IllegalStateException("create meetup: " + r.statusCode() + " " + r.body());
        }
        return Long.parseLong(field(r.body(), "id"));
    }

    interface Call {
        /** One request by client {@code client} (0 to clients - 1), its {@code i}-th; answers the HTTP status. */
        int call(int client, int i) throws Exception;
    }

    static void run(String name, int clients, int seconds, ExecutorService pool, Call call) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        java.util.Map<Integer, java.util.concurrent.atomic.LongAdder> failures = new java.util.concurrent.ConcurrentHashMap<>();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                long[] lat = new long[1 << 20];
                int n = 0;
                long errors = 0;
                while (System.nanoTime() < end && n < lat.length - 1) {
                    long t0 = System.nanoTime();
                    int status = call.call(client, n);
                    lat[n++] = System.nanoTime() - t0;
                    if (status >= 300) {
                        errors++;
                        failures.computeIfAbsent(status, k -> new java.util.concurrent.atomic.LongAdder()).increment();
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
        if (!failures.isEmpty()) {
            System.out.println("  errors by status: " + new java.util.TreeMap<>(failures));
        }
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
