package org.popcorn.server.voting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
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

/** City voting end to end on the real server: rounds, nominations, ballots, results, receipts, schedule, concurrency. */
@ExtendWith(ArquillianExtension.class)
class VotingIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/ROOT.war"));
    }

    @ArquillianResource
    URL base;

    Api api;
    long chengdu;
    long shanghai;
    long wuhan;
    long tokyo;

    @BeforeEach
    void setUp() {
        api = new Api(base);
        chengdu = api.cityId("成都");
        shanghai = api.cityId("Shanghai");
        wuhan = api.cityId("Wuhan");
        tokyo = api.cityId("Tokyo");
    }

    String organiserOfChengdu(String handle) {
        String admin = api.adminToken();
        String token = api.member(handle, chengdu);
        assertEquals(200, api.put("api/admin/members/" + handle + "/organiser/" + chengdu, null, admin).status());
        return token;
    }

    String roundJson(String extra) {
        Instant now = Instant.now();
        // Opens in the future: the scheduler (1 s tick in tests) would otherwise open the draft by itself.
        return "{\"title\":\"Where is the summer meetup?\",\"ownerCityId\":" + chengdu + ",\"opensAt\":\"" + now.plusSeconds(1800)
                + "\",\"closesAt\":\"" + now.plusSeconds(3600) + "\",\"candidateCityIds\":[" + chengdu + "," + shanghai + ","
                + wuhan + "],\"sizeBrackets\":[50,200,1000]" + extra + "}";
    }

    long create(String organiser, String json) {
        Reply r = api.post("api/rounds", json, organiser);
        assertEquals(201, r.status(), r.toString());
        return r.json().getJsonNumber("id").longValue();
    }

    @Test
    void wholeFlowFromDraftToVerifiableResults() {
        String org = organiserOfChengdu("org-flow");
        long id = create(org, roundJson(""));
        JsonObject round = api.get("api/rounds/" + id, org).json();
        assertEquals("DRAFT", round.getString("state"));
        assertTrue(round.getBoolean("mayManage"));
        assertEquals(3, round.getJsonArray("candidates").size());

        String fan = api.member("voter-a", shanghai);
        String fan2 = api.member("voter-b", wuhan);
        String ballot = "{\"choices\":[" + chengdu + "],\"size\":200,\"pledge\":true}";
        Reply early = api.put("api/rounds/" + id + "/ballot", ballot, fan);
        assertEquals(404, early.status(), "a draft is not there for fans, and takes no ballots: " + early);
        assertEquals(404, api.get("api/rounds/" + id, fan).status(), "a draft is seen only by its organisers");
        assertEquals(404, api.get("api/rounds/" + id + "/results", null).status());
        assertTrue(api.get("api/rounds?state=DRAFT&size=100", null).json().getJsonArray("items").stream()
                .noneMatch(r -> r.asJsonObject().getJsonNumber("id").longValue() == id), "drafts are not listed to visitors");
        assertTrue(api.get("api/rounds?state=DRAFT&size=100", org).json().getJsonArray("items").stream()
                .anyMatch(r -> r.asJsonObject().getJsonNumber("id").longValue() == id), "its organiser lists it");
        assertEquals(403, api.post("api/rounds/" + id + "/open", null, fan).status(), "a fan cannot open a round");

        assertEquals("OPEN", api.post("api/rounds/" + id + "/open", null, org).json().getString("state"));
        Reply edit = api.patch("api/rounds/" + id, "{\"title\":\"Another title\"}", org);
        assertEquals(409, edit.status(), "outcome fields are frozen once open");
        assertEquals("title", edit.json().getString("field"));
        assertEquals(200, api.patch("api/rounds/" + id, "{\"description\":\"Bring friends!\"}", org).status());

        Reply first = api.put("api/rounds/" + id + "/ballot", ballot, fan);
        assertEquals(201, first.status(), first.toString());
        String receipt1 = first.json().getString("receipt");
        assertTrue(receipt1.matches("[A-Z2-9]{5}(-[A-Z2-9]{5}){3}"), receipt1);
        Reply changed = api.put("api/rounds/" + id + "/ballot", "{\"choices\":[" + shanghai + "],\"size\":1000,\"pledge\":false}", fan);
        assertEquals(200, changed.status());
        String receipt2 = changed.json().getString("receipt");
        assertNotEquals(receipt1, receipt2, "a changed ballot gets a new receipt");
        assertEquals(receipt2, api.get("api/rounds/" + id + "/ballot", fan).json().getString("receipt"));
        assertEquals(201, api.put("api/rounds/" + id + "/ballot", ballot, fan2).status());
        assertEquals(404, api.get("api/rounds/" + id + "/ballot", api.member("non-voter", wuhan)).status());

        // bad ballots change nothing
        for (String bad : List.of("{\"choices\":[" + tokyo + "],\"size\":200}", "{\"choices\":[" + chengdu + "," + chengdu + "],\"size\":200}",
                "{\"choices\":[" + chengdu + "," + shanghai + "],\"size\":200}", "{\"choices\":[" + chengdu + "],\"size\":123}",
                "{\"choices\":[],\"size\":200}")) {
            Reply r = api.put("api/rounds/" + id + "/ballot", bad, fan);
            assertEquals(422, r.status(), bad + " -> " + r);
            assertTrue(r.contentType().startsWith("application/problem+json"));
        }
        assertEquals(receipt2, api.get("api/rounds/" + id + "/ballot", fan).json().getString("receipt"));

        Reply liveReply = api.get("api/rounds/" + id + "/results", null);
        JsonObject live = liveReply.json();
        assertEquals(2, live.getInt("ballots"));
        String liveTag = liveReply.header("ETag");
        assertTrue(liveTag != null, "results carry an ETag");
        assertEquals(304, api.send("GET", "api/rounds/" + id + "/results", null, null, "application/json", liveTag).status(),
                "unchanged results: 304, nothing sent again");
        assertFalse(live.getBoolean("closed"));
        assertEquals(1, votesOf(live, chengdu));
        assertEquals(1, votesOf(live, shanghai));
        assertEquals(409, api.get("api/rounds/" + id + "/receipts", null).status(), "receipts are published at close");
        // as a browser's download link asks for it
        Reply download = api.send("GET", "api/rounds/" + id + "/receipts.jsonl", null, null, "text/html,*/*;q=0.8");
        assertEquals(409, download.status(), "the download too: " + download);
        assertTrue(download.contentType().startsWith("application/problem+json"), download.contentType());

        JsonObject closed = api.post("api/rounds/" + id + "/close", null, org).json();
        assertEquals("CLOSED", closed.getString("state"));
        assertEquals(409, api.put("api/rounds/" + id + "/ballot", ballot, fan).status(), "no ballot after close");
        Reply afterClose = api.send("GET", "api/rounds/" + id + "/results", null, null, "application/json", liveTag);
        assertEquals(200, afterClose.status(), "closing changed the results: the old ETag no longer matches");
        JsonObject results = afterClose.json();
        assertTrue(results.getBoolean("closed"));
        assertEquals(chengdu, results.getJsonObject("winner").getJsonNumber("cityId").longValue(),
                "1:1 tie broken by pledges: " + results.getString("tieBreak"));
        assertTrue(results.getString("tieBreak").contains("pledges"), results.getString("tieBreak"));
        assertEquals(200, results.getInt("medianSize"), "median of 200 and 1000 (lower median)");
        assertTrue(results.getInt("eligible") >= 3);

        JsonObject found = api.get("api/rounds/" + id + "/receipts?receipt=" + receipt2, null).json();
        assertEquals(1, found.getInt("total"), "my receipt is published, counted as cast");
        String typed = receipt2.replace("-", "").toLowerCase(java.util.Locale.ROOT);
        assertEquals(1, api.get("api/rounds/" + id + "/receipts?receipt=" + typed, null).json().getInt("total"),
                "a receipt typed in lower case without dashes is found too");
        assertEquals(shanghai, found.getJsonArray("items").getJsonObject(0).getJsonArray("choices").getJsonNumber(0).longValue());
        assertEquals(0, api.get("api/rounds/" + id + "/receipts?receipt=" + receipt1, null).json().getInt("total"),
                "the replaced receipt is not");
        assertFalse(api.get("api/rounds/" + id + "/receipts", null).body().contains("voter-a"), "no identity in receipts");

        Reply csv = api.send("GET", "api/rounds/" + id + "/results.csv", null, org, "text/csv");
        assertEquals(200, csv.status(), csv.toString());
        assertTrue(csv.body().startsWith("section,city_id,city"), csv.body());
        assertTrue(csv.body().contains("winner," + chengdu + ",Chengdu"), csv.body());
        assertEquals(403, api.send("GET", "api/rounds/" + id + "/results.csv", null, fan, "text/csv").status());
        Reply receiptsCsv = api.send("GET", "api/rounds/" + id + "/receipts.csv", null, org, "text/csv");
        assertTrue(receiptsCsv.body().contains(receipt2), receiptsCsv.body());

        JsonObject events = api.get("api/admin/events?type=round.closed", api.adminToken()).json();
        assertTrue(events.getJsonArray("items").stream().anyMatch(e -> e.asJsonObject().getString("payload")
                .contains("\"roundId\":" + id) && e.asJsonObject().getString("payload").contains("\"winnerCityId\":" + chengdu)
                && e.asJsonObject().getString("payload").contains("\"chosenSize\":200")), events.toString());

        JsonObject me = api.get("api/me", fan).json();
        assertEquals(1, me.getJsonObject("activity").getInt("votes"), "changing a ballot counts one vote");
        assertTrue(me.getJsonArray("badges").toString().contains("first-vote"));
        assertEquals(10 + BallotService.VOTE_POINTS, me.getInt("points"), "voting pays once");

        // what operators watch (docs/operations.md, "Monitoring"): requests per route, event delivery, plugins
        String metrics = api.send("GET", "metrics", null, null, "text/plain").body();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("popcorn_http_requests_seconds_count{") && l.contains("method=\"PUT\"")
                && l.contains("route=\"/api/rounds/{id}/ballot\"") && l.contains("status=\"2xx\"")), "ballots per route in /metrics");
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("popcorn_http_requests_seconds_count{")
                && l.contains("route=\"/api/rounds/{id}/ballot\"") && l.contains("status=\"4xx\"")), "refused ballots apart");
        for (String gauge : List.of("popcorn_event_delivery_lag_seconds", "popcorn_event_deliveries_failed", "popcorn_plugins_failed")) {
            assertTrue(metrics.lines().anyMatch(l -> l.startsWith(gauge)), gauge + " in /metrics");
        }
    }

    @Test
    void organisersActOnlyForTheirCityAndRulesAreChecked() {
        String org = organiserOfChengdu("org-scope");
        String admin = api.adminToken();
        String other = api.member("org-sh", shanghai);
        assertEquals(200, api.put("api/admin/members/org-sh/organiser/" + shanghai, null, admin).status());
        Reply notMine = api.post("api/rounds", roundJson(""), other);
        assertEquals(403, notMine.status(), "an organiser of Shanghai cannot create a round for Chengdu");
        long id = create(org, roundJson(""));
        assertEquals(403, api.patch("api/rounds/" + id, "{\"description\":\"x\"}", other).status());
        assertEquals(403, api.post("api/rounds/" + id + "/cancel", "{}", other).status());
        assertEquals(200, api.post("api/rounds/" + id + "/open", null, admin).status(), "admins may act for every city");

        Reply oneCandidate = api.post("api/rounds", roundJson("").replace("," + shanghai + "," + wuhan, ""), org);
        assertEquals(422, oneCandidate.status());
        assertEquals("candidateCityIds", oneCandidate.json().getString("field"));
        Reply backwards = api.post("api/rounds", roundJson("").replace("\"closesAt\":\"", "\"closesAt\":\"2020-01-01T00:00:00Z\",\"x\":\""), org);
        assertEquals(400, backwards.status(), "unknown field");

        long restricted = create(org, roundJson(",\"eligibility\":{\"countries\":[\"JP\"],\"minLevel\":1}"));
        api.post("api/rounds/" + restricted + "/open", null, org);
        Reply refused = api.put("api/rounds/" + restricted + "/ballot", "{\"choices\":[" + chengdu + "],\"size\":50}",
                api.member("cn-fan", chengdu));
        assertEquals(403, refused.status());
        assertEquals("countries", refused.json().getString("rule"));
        assertEquals(0, api.get("api/rounds/" + restricted + "/results", null).json().getInt("ballots"));
        assertEquals(201, api.put("api/rounds/" + restricted + "/ballot", "{\"choices\":[" + chengdu + "],\"size\":50}",
                api.member("jp-fan", tokyo)).status());

        long approval = create(org, roundJson(",\"mode\":\"APPROVAL\",\"maxChoices\":2,\"resultsVisibility\":\"AFTER_CLOSE\""));
        api.post("api/rounds/" + approval + "/open", null, org);
        String fan = api.member("approver", wuhan);
        assertEquals(422, api.put("api/rounds/" + approval + "/ballot", "{\"choices\":[" + chengdu + "," + shanghai + ","
                + wuhan + "],\"size\":50}", fan).status(), "too many choices");
        assertEquals(201, api.put("api/rounds/" + approval + "/ballot", "{\"choices\":[" + chengdu + "," + shanghai + "],\"size\":50}", fan).status());
        JsonObject hidden = api.get("api/rounds/" + approval + "/results", null).json();
        assertTrue(hidden.getBoolean("hidden"));
        assertEquals(1, hidden.getInt("ballots"), "turnout is shown while tallies are hidden");
        assertFalse(hidden.containsKey("candidates"));
    }

    @Test
    void nominationsBecomeCandidatesAtTheThreshold() throws InterruptedException {
        String org = organiserOfChengdu("org-nom");
        Instant now = Instant.now();
        String json = "{\"title\":\"Open nomination round\",\"ownerCityId\":" + chengdu + ",\"candidateMode\":\"NOMINATION\","
                + "\"supportThreshold\":2,\"nominationOpensAt\":\"" + now.minusSeconds(5) + "\",\"nominationClosesAt\":\""
                + now.plusSeconds(1800) + "\",\"opensAt\":\"" + now.plusSeconds(1800) + "\",\"closesAt\":\"" + now.plusSeconds(3600) + "\"}";
        long id = create(org, json);
        awaitState(id, "NOMINATING");
        String newbie = api.member("newbie", wuhan);
        Reply tooLow = api.post("api/rounds/" + id + "/nominations", "{\"cityId\":" + wuhan + "}", newbie);
        assertEquals(403, tooLow.status(), "nominating needs level 2: " + tooLow);
        assertEquals("nominate-city", tooLow.json().getString("rule"));
        String admin = api.adminToken();
        assertEquals(204, api.put("api/admin/members/newbie/privileges/nominate-city", null, admin).status());
        assertEquals(201, api.post("api/rounds/" + id + "/nominations", "{\"cityId\":" + wuhan + "}", newbie).status());
        assertEquals(409, api.post("api/rounds/" + id + "/nominations", "{\"cityId\":" + wuhan + "}", newbie).status());
        JsonObject r = api.get("api/rounds/" + id, null).json();
        assertEquals(0, r.getJsonArray("candidates").size());
        String supporter = api.member("supporter", wuhan);
        JsonObject after = api.post("api/rounds/" + id + "/nominations/" + wuhan + "/support", null, supporter).json();
        assertEquals(1, after.getJsonArray("candidates").size(), "two supporters reach the threshold");
        assertEquals(409, api.post("api/rounds/" + id + "/nominations/" + wuhan + "/support", null, supporter).status());
        assertEquals(409, api.post("api/rounds/" + id + "/open", null, org).status(), "one candidate is not enough");

        // the window's end holds although the round stays nominating until voting opens
        Instant soon = Instant.now().plusSeconds(3);
        long late = create(org, json.replace("\"nominationClosesAt\":\"" + now.plusSeconds(1800) + "\"",
                "\"nominationClosesAt\":\"" + soon + "\""));
        awaitState(late, "NOMINATING");
        assertEquals(201, api.post("api/rounds/" + late + "/nominations", "{\"cityId\":" + wuhan + "}", newbie).status());
        Thread.sleep(Math.max(0, java.time.Duration.between(Instant.now(), soon).toMillis()) + 300);
        Reply closed = api.post("api/rounds/" + late + "/nominations/" + wuhan + "/support", null, supporter);
        assertEquals(409, closed.status(), closed.toString());
        assertEquals("round.nomination-closed", closed.json().getString("code"));
        assertEquals(409, api.post("api/rounds/" + late + "/nominations", "{\"cityId\":" + chengdu + "}", newbie).status());
        assertEquals(0, api.get("api/rounds/" + late, null).json().getJsonArray("candidates").size());
    }

    @Test
    void roundsOpenAndCloseOnScheduleWithoutRequests() throws Exception {
        String org = organiserOfChengdu("org-timer");
        Instant now = Instant.now();
        String json = roundJson("").replaceFirst("\"opensAt\":\"[^\"]+\"", "\"opensAt\":\"" + now.plusSeconds(2) + "\"")
                .replaceFirst("\"closesAt\":\"[^\"]+\"", "\"closesAt\":\"" + now.plusSeconds(6) + "\"");
        long id = create(org, json);
        awaitState(id, "OPEN");
        assertEquals(201, api.put("api/rounds/" + id + "/ballot", "{\"choices\":[" + wuhan + "],\"size\":50,\"pledge\":true}",
                api.member("timely", wuhan)).status());
        awaitState(id, "CLOSED");
        JsonObject res = api.get("api/rounds/" + id + "/results", null).json();
        assertEquals(wuhan, res.getJsonObject("winner").getJsonNumber("cityId").longValue());
        long closedEvents = api.get("api/admin/events?type=round.closed&size=100", api.adminToken()).json().getJsonArray("items")
                .stream().filter(e -> e.asJsonObject().getString("payload").contains("\"roundId\":" + id)).count();
        assertEquals(1, closedEvents, "closed exactly once");
    }

    @Test
    void twoHundredMembersVotingAndChangingInParallelGiveConsistentTotals() throws Exception {
        String org = organiserOfChengdu("org-storm");
        long id = create(org, roundJson(",\"mode\":\"APPROVAL\",\"maxChoices\":2"));
        api.post("api/rounds/" + id + "/open", null, org);
        long[] cities = {chengdu, shanghai, wuhan};
        int members = 200;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<String> tokens = register(pool, "storm-", members);
            Map<String, String> lastReceipt = new ConcurrentHashMap<>();
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Integer>> calls = new ArrayList<>();
            for (String token : tokens) {
                for (int k = 0; k < 3; k++) {
                    calls.add(() -> {
                        start.await();
                        ThreadLocalRandom rnd = ThreadLocalRandom.current();
                        long a = cities[rnd.nextInt(3)];
                        long b = cities[rnd.nextInt(3)];
                        String choices = a == b ? String.valueOf(a) : a + "," + b;
                        Reply r = api.put("api/rounds/" + id + "/ballot", "{\"choices\":[" + choices + "],\"size\":"
                                + List.of(50, 200, 1000).get(rnd.nextInt(3)) + ",\"pledge\":" + rnd.nextBoolean() + "}", token);
                        return r.status();
                    });
                }
            }
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> c : calls) {
                futures.add(pool.submit(c));
            }
            start.countDown();
            Map<Integer, Integer> statuses = new HashMap<>();
            for (Future<Integer> f : futures) {
                statuses.merge(f.get(), 1, Integer::sum);
            }
            assertEquals(members, statuses.getOrDefault(201, 0), "one first ballot each: " + statuses);
            assertEquals(members * 2, statuses.getOrDefault(200, 0), "the rest are changes: " + statuses);
            for (String token : tokens) {
                lastReceipt.put(token, api.get("api/rounds/" + id + "/ballot", token).json().getString("receipt"));
            }

            JsonObject before = api.get("api/rounds/" + id + "/results", null).json();
            assertEquals(members, before.getInt("ballots"));
            api.post("api/rounds/" + id + "/close", null, org);
            JsonObject results = api.get("api/rounds/" + id + "/results", null).json();

            List<String> published = assertTotalsEqualRecount(id, results);
            assertEquals(members, published.size(), "one receipt per member");
            Reply lines = api.send("GET", "api/rounds/" + id + "/receipts.jsonl", null, null, "application/x-ndjson");
            assertEquals(200, lines.status(), lines.status() + "");
            List<String> streamed = lines.body().lines().map(l -> Json.createReader(new java.io.StringReader(l)).readObject()
                    .getString("receipt")).toList();
            assertEquals(new java.util.TreeSet<>(published), new java.util.TreeSet<>(streamed), "the streamed download holds the same receipts");
            assertEquals(members, streamed.size());
            assertTrue(published.containsAll(lastReceipt.values()), "every member's last receipt is published");
            assertNotNull(results.getJsonObject("winner"));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Ballots racing with the close: every ballot answered 2xx is counted as it was last acknowledged, every one
     * answered after the close is refused with 409 and changes nothing, and the final totals equal a recount from the
     * published receipts.
     */
    @Test
    void closingInTheMiddleOfABallotStormCountsEveryAcknowledgedBallotAndNoLaterOne() throws Exception {
        String org = organiserOfChengdu("org-close-storm");
        long id = create(org, roundJson(",\"mode\":\"APPROVAL\",\"maxChoices\":2"));
        api.post("api/rounds/" + id + "/open", null, org);
        long[] cities = {chengdu, shanghai, wuhan};
        int members = 64;
        ExecutorService pool = Executors.newFixedThreadPool(members);
        try {
            List<String> tokens = register(pool, "close-storm-", members);
            Map<String, String> lastAcknowledged = new ConcurrentHashMap<>();
            Map<String, Integer> refused = new ConcurrentHashMap<>();
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> voters = new ArrayList<>();
            for (String token : tokens) {
                voters.add(pool.submit(() -> {
                    start.await();
                    ThreadLocalRandom rnd = ThreadLocalRandom.current();
                    while (true) { // one member's ballots one after the other, until the round refuses them
                        long a = cities[rnd.nextInt(3)];
                        long b = cities[rnd.nextInt(3)];
                        Reply r = api.put("api/rounds/" + id + "/ballot", "{\"choices\":[" + (a == b ? a : a + "," + b)
                                + "],\"size\":" + List.of(50, 200, 1000).get(rnd.nextInt(3)) + ",\"pledge\":" + rnd.nextBoolean() + "}", token);
                        if (r.status() == 409) {
                            assertEquals("round.closed", r.json().getString("code"), r.body());
                            refused.merge(token, 1, Integer::sum);
                            return null;
                        }
                        assertTrue(r.status() == 200 || r.status() == 201, r.status() + " " + r.body());
                        lastAcknowledged.put(token, r.json().getString("receipt"));
                    }
                }));
            }
            start.countDown();
            Thread.sleep(1500);
            Reply closed = api.post("api/rounds/" + id + "/close", null, org);
            assertEquals(200, closed.status(), closed.body());
            for (Future<?> f : voters) {
                f.get();
            }
            assertEquals(members, refused.size(), "every member's ballots ended with a refusal after the close");

            JsonObject results = api.get("api/rounds/" + id + "/results", null).json();
            assertEquals(lastAcknowledged.size(), results.getInt("ballots"), "every member who got a 2xx has one ballot");
            List<String> published = assertTotalsEqualRecount(id, results);
            assertEquals(new java.util.TreeSet<>(lastAcknowledged.values()), new java.util.TreeSet<>(published),
                    "the published receipts are exactly the last acknowledged ones: none lost, none after the close");
        } finally {
            pool.shutdownNow();
        }
    }

    /** Registers members {@code prefix0..prefix(n-1)} in Wuhan in parallel and returns their tokens, in order. */
    List<String> register(ExecutorService pool, String prefix, int n) throws Exception {
        List<Future<String>> reg = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String h = prefix + i;
            reg.add(pool.submit(() -> api.member(h, wuhan)));
        }
        List<String> tokens = new ArrayList<>();
        for (Future<String> f : reg) {
            tokens.add(f.get());
        }
        return tokens;
    }

    /** Recounts a closed round from its published receipts, compares with its results, and returns the receipts. */
    List<String> assertTotalsEqualRecount(long id, JsonObject results) {
        // Recount from the published receipts and compare with the running totals.
        Map<Long, Integer> votes = new HashMap<>();
        Map<Long, Integer> pledges = new HashMap<>();
        Map<Integer, Integer> sizes = new HashMap<>();
        List<String> published = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonObject p = api.get("api/rounds/" + id + "/receipts?size=100&page=" + page, null).json();
            for (JsonValue v : p.getJsonArray("items")) {
                JsonObject r = v.asJsonObject();
                published.add(r.getString("receipt"));
                sizes.merge(r.getInt("size"), 1, Integer::sum);
                for (JsonValue c : r.getJsonArray("choices")) {
                    long city = ((jakarta.json.JsonNumber) c).longValue();
                    votes.merge(city, 1, Integer::sum);
                    if (r.getBoolean("pledge")) {
                        pledges.merge(city, 1, Integer::sum);
                    }
                }
            }
            if ((page + 1) * 100 >= p.getInt("total")) {
                break;
            }
        }
        for (JsonValue v : results.getJsonArray("candidates")) {
            JsonObject c = v.asJsonObject();
            long city = c.getJsonNumber("cityId").longValue();
            assertEquals(votes.getOrDefault(city, 0), c.getInt("votes"), "votes of " + city + " equal the recount");
            assertEquals(pledges.getOrDefault(city, 0), c.getInt("pledges"), "pledges of " + city + " equal the recount");
        }
        for (JsonValue v : results.getJsonArray("sizes")) {
            JsonObject s = v.asJsonObject();
            assertEquals(sizes.getOrDefault(s.getInt("size"), 0), s.getInt("ballots"));
        }
        return published;
    }

    void awaitState(long id, String state) {
        long deadline = System.currentTimeMillis() + 30_000;
        String seen = null;
        String admin = api.adminToken(); // a draft is visible only to those who may manage it
        while (System.currentTimeMillis() < deadline) {
            seen = api.get("api/rounds/" + id, admin).json().getString("state");
            if (state.equals(seen)) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("round " + id + " did not reach " + state + " (is " + seen + ")");
    }

    static int votesOf(JsonObject results, long cityId) {
        return results.getJsonArray("candidates").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getJsonNumber("cityId").longValue() == cityId).findFirst().orElseThrow().getInt("votes");
    }
}
