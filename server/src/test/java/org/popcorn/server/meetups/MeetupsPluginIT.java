package org.popcorn.server.meetups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.popcorn.server.support.Api;
import org.popcorn.server.support.Api.Reply;

/** The meetups plugin (plugins/meetups, built in the reactor against the SDK only) on the real server. */
@ExtendWith(ArquillianExtension.class)
class MeetupsPluginIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/ROOT.war"));
    }

    @ArquillianResource
    URL base;

    @Test
    void fiveHundredRsvpsRacingForFiftySeatsLeaveFiftyGoingAndTheRestWaitingInOrder() throws Exception {
        Api api = new Api(base);
        String admin = api.adminToken();
        long chengdu = api.cityId("Chengdu");
        long wuhan = api.cityId("Wuhan");
        String org = api.member("meetup-org", chengdu);
        assertEquals(200, api.put("api/admin/members/meetup-org/organiser/" + chengdu, null, admin).status());
        String meetup = "{\"cityId\":%d,\"title\":\"Hotpot night\",\"venueName\":\"Panda Hall\",\"startsAt\":\"" + Instant.now().plusSeconds(86_400)
                + "\",\"endsAt\":\"" + Instant.now().plusSeconds(90_000) + "\",\"capacity\":50,\"maxGuests\":1,\"publish\":true}";
        assertEquals(403, api.post("api/plugins/meetups/meetups", String.format(meetup, wuhan), org).status(),
                "an organiser of Chengdu cannot schedule in Wuhan");
        Reply created = api.post("api/plugins/meetups/meetups", String.format(meetup, chengdu), org);
        assertEquals(201, created.status(), created.toString());
        long id = created.json().getJsonNumber("id").longValue();
        assertEquals("Asia/Shanghai", created.json().getString("timeZone"));

        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> reg = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                String h = "rsvp-" + i;
                reg.add(pool.submit(() -> api.member(h, chengdu)));
            }
            List<String> tokens = new ArrayList<>();
            for (Future<String> f : reg) {
                tokens.add(f.get());
            }
            CountDownLatch start = new CountDownLatch(1);
            List<Future<JsonObject>> rsvps = new ArrayList<>();
            for (String t : tokens) {
                rsvps.add(pool.submit(() -> {
                    start.await();
                    Reply r = api.put("api/plugins/meetups/meetups/" + id + "/rsvp", "{\"guests\":0}", t);
                    assertEquals(200, r.status(), r.toString());
                    return r.json();
                }));
            }
            start.countDown();
            List<JsonObject> places = new ArrayList<>();
            for (Future<JsonObject> f : rsvps) {
                places.add(f.get());
            }
            assertEquals(50, places.stream().filter(p -> p.getString("status").equals("CONFIRMED")).count());
            List<Integer> positions = places.stream().filter(p -> p.getString("status").equals("WAITING"))
                    .map(p -> p.getInt("waitingPosition")).sorted().toList();
            assertEquals(java.util.stream.IntStream.rangeClosed(1, 450).boxed().toList(), positions, "the rest wait in order");
            JsonObject view = api.get("api/plugins/meetups/meetups/" + id, null).json();
            assertEquals(50, view.getInt("taken"));
            assertEquals(450, view.getInt("waitingParties"));
            double rsvpsCounted = api.send("GET", "metrics", null, null, "text/plain").body().lines()
                    .filter(l -> l.startsWith("popcorn_http_requests_seconds_count{") && l.contains("method=\"PUT\"")
                            && l.contains("route=\"/api/plugins/meetups/meetups/{id}/rsvp\"") && l.contains("status=\"2xx\""))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
            assertTrue(rsvpsCounted >= 500, "a plugin's route is counted in /metrics under its own template: " + rsvpsCounted);

            // a confirmed member cancels: the first in line is promoted and told
            JsonObject attendees = api.get("api/plugins/meetups/meetups/" + id + "/attendees", org).json();
            String first = attendees.getJsonArray("waiting").getJsonObject(0).getString("handle");
            String leaver = attendees.getJsonArray("going").stream().map(JsonValue::asJsonObject)
                    .filter(g -> !g.getBoolean("newcomerSeat")).findFirst().orElseThrow().getString("handle");
            assertEquals(204, api.delete("api/plugins/meetups/meetups/" + id + "/rsvp", null, api.login(leaver, "password-" + leaver)).status());
            String firstToken = api.login(first, "password-" + first);
            assertEquals("CONFIRMED", api.get("api/plugins/meetups/meetups/" + id, firstToken).json().getJsonObject("myTicket").getString("status"));
            assertTrue(api.get("api/me/notifications", firstToken).body().contains("You are in"));
            assertEquals(403, api.get("api/plugins/meetups/meetups/" + id + "/attendees", firstToken).status(), "attendee list is for hosts");

            // a confirmed member deletes their account: their seat is given up, the next in line is promoted and told
            attendees = api.get("api/plugins/meetups/meetups/" + id + "/attendees", org).json();
            String next = attendees.getJsonArray("waiting").getJsonObject(0).getString("handle");
            String deleter = attendees.getJsonArray("going").stream().map(JsonValue::asJsonObject)
                    .filter(g -> !g.getBoolean("newcomerSeat")).findFirst().orElseThrow().getString("handle");
            Reply gone = api.delete("api/auth/account", "{\"password\":\"password-" + deleter + "\"}", api.login(deleter, "password-" + deleter));
            assertEquals(204, gone.status(), gone.toString());
            assertEquals(50, api.get("api/plugins/meetups/meetups/" + id, null).json().getInt("taken"), "the seat went to the next in line");
            String nextToken = api.login(next, "password-" + next);
            long deadline = System.currentTimeMillis() + 15_000;
            while (!api.get("api/me/notifications", nextToken).body().contains("You are in") && System.currentTimeMillis() < deadline) {
                Thread.sleep(200); // the promotion is told by the plugin's listener, after the commit
            }
            assertEquals("CONFIRMED", api.get("api/plugins/meetups/meetups/" + id, nextToken).json().getJsonObject("myTicket").getString("status"));
            assertTrue(api.get("api/me/notifications", nextToken).body().contains("You are in"));
            assertTrue(api.get("api/plugins/meetups/meetups/" + id + "/attendees", org).body().indexOf("\"" + deleter + "\"") < 0,
                    "the deleted member holds no seat");
            assertEquals(1, api.get("api/admin/events?type=member.deleted&size=10", admin).json().getInt("total"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClosedCityVoteCreatesADraftOfficialMeetupInTheWinningCity() throws Exception {
        Api api = new Api(base);
        String admin = api.adminToken();
        long a = api.cityId("Xi'an");
        long b = api.cityId("Shanghai");
        Instant now = Instant.now();
        long round = api.post("api/rounds", "{\"title\":\"Summer\",\"opensAt\":\"" + now.minusSeconds(5) + "\",\"closesAt\":\""
                + now.plusSeconds(3600) + "\",\"candidateCityIds\":[" + a + "," + b + "],\"sizeBrackets\":[80,300]}", admin)
                .json().getJsonNumber("id").longValue();
        api.post("api/rounds/" + round + "/open", null, admin);
        api.put("api/rounds/" + round + "/ballot", "{\"choices\":[" + a + "],\"size\":300,\"pledge\":true}", api.member("summer-fan", a));
        api.post("api/rounds/" + round + "/close", null, admin);
        long deadline = System.currentTimeMillis() + 20_000;
        JsonObject draft = null;
        while (draft == null && System.currentTimeMillis() < deadline) {
            for (long id = 1; id <= 5 && draft == null; id++) {
                Reply r = api.get("api/plugins/meetups/meetups/" + id, admin);
                if (r.status() == 200 && r.json().containsKey("roundId") && r.json().getJsonNumber("roundId").longValue() == round) {
                    draft = r.json();
                }
            }
            Thread.sleep(300);
        }
        assertTrue(draft != null, "a draft official meetup appears after the round closes");
        assertEquals("DRAFT", draft.getString("status"));
        assertEquals("OFFICIAL", draft.getString("kind"));
        assertEquals(a, draft.getJsonNumber("cityId").longValue());
        assertEquals(300, draft.getInt("capacity"));
        assertEquals(1, draft.getInt("pledges"));

        // To a fan the draft does not exist: every read and write answers 404, as for an unknown id.
        String outsider = api.member("draft-outsider", a);
        long id = draft.getJsonNumber("id").longValue();
        String path = "api/plugins/meetups/meetups/" + id;
        for (Reply r : List.of(api.get(path, outsider), api.put(path + "/rsvp", "{\"guests\":0}", outsider),
                api.post(path + "/rsvp/accept", null, outsider), api.put(path + "/ratings/mine", "{\"stars\":5}", outsider),
                api.get(path + "/ratings", outsider), api.delete(path + "/rsvp", null, outsider))) {
            assertEquals(404, r.status(), r.toString());
        }
    }

    @Test
    void aFanProposesAnOrganiserApprovesMembersRsvpCheckInRateAndSubscribe() throws Exception {
        Api api = new Api(base);
        String admin = api.adminToken();
        long hangzhou = api.cityId("Hangzhou");
        String org = api.member("hz-org", hangzhou);
        assertEquals(200, api.put("api/admin/members/hz-org/organiser/" + hangzhou, null, admin).status());
        String fan = api.member("hz-fan", hangzhou);
        String guest = api.member("hz-guest", hangzhou);
        Instant start = Instant.now().plusSeconds(3600);
        String body = "{\"cityId\":" + hangzhou + ",\"title\":\"West Lake walk\",\"venueName\":\"Broken Bridge\",\"startsAt\":\"" + start
                + "\",\"endsAt\":\"" + start.plusSeconds(7200) + "\",\"capacity\":20,\"tags\":[\"walk\"],\"hostHandles\":[\"hz-guest\"]}";
        Reply proposed = api.post("api/plugins/meetups/meetups", body, fan);
        assertEquals(201, proposed.status(), proposed.toString());
        assertEquals("PROPOSED", proposed.json().getString("status"));
        long id = proposed.json().getJsonNumber("id").longValue();
        assertEquals(404, api.get("api/plugins/meetups/meetups/" + id, null).status(), "a proposal is not public");
        assertEquals(409, api.put("api/plugins/meetups/meetups/" + id + "/rsvp", "{}", guest).status(), "no RSVPs before approval");
        assertEquals(403, api.post("api/plugins/meetups/meetups/" + id + "/approve", null, fan).status());
        assertEquals(1, api.get("api/plugins/meetups/proposals", org).json().getInt("total"));
        assertEquals("PUBLISHED", api.post("api/plugins/meetups/meetups/" + id + "/approve", null, org).json().getString("status"));
        assertTrue(api.get("api/me/notifications", fan).body().contains("Approved"));

        Reply bad = api.post("api/plugins/meetups/meetups", body.replace("\"capacity\":20", "\"capacity\":0"), org);
        assertEquals(422, bad.status());
        assertEquals("application/problem+json", bad.contentType());
        assertEquals("capacity", bad.json().getString("field"));

        JsonObject ticket = api.put("api/plugins/meetups/meetups/" + id + "/rsvp", "{\"guests\":0}", guest).json();
        assertEquals("CONFIRMED", ticket.getString("status"));
        String code = ticket.getString("checkInCode");
        Reply qr = api.send("GET", "api/plugins/meetups/meetups/" + id + "/rsvp/qr.png", null, guest, "image/png");
        assertEquals(200, qr.status());
        assertEquals("image/png", qr.contentType());

        assertEquals(403, api.post("api/plugins/meetups/meetups/" + id + "/check-ins", "{\"code\":\"" + code + "\"}", api.member("hz-stranger", hangzhou)).status());
        long pointsBefore = api.get("api/me", guest).json().getJsonNumber("lifetimePoints").longValue();
        Reply checkedIn = api.post("api/plugins/meetups/meetups/" + id + "/check-ins", "{\"code\":\"" + code + "\"}", fan);
        assertEquals(200, checkedIn.status(), checkedIn.toString());
        api.post("api/plugins/meetups/meetups/" + id + "/check-ins", "{\"code\":\"" + code + "\"}", fan);
        assertEquals(pointsBefore + 20, api.get("api/me", guest).json().getJsonNumber("lifetimePoints").longValue(), "attendance pays once");
        assertTrue(api.get("api/me", guest).body().contains("first-meetup"), "the first-meetup badge");

        Reply ics = api.send("GET", "api/plugins/meetups/meetups/" + id + "/calendar.ics", null, null, "text/calendar");
        assertEquals(200, ics.status());
        assertTrue(ics.contentType().startsWith("text/calendar"));
        assertTrue(ics.body().contains("DTSTART;TZID=Asia/Shanghai:"), ics.body());
        assertTrue(ics.body().contains("BEGIN:VTIMEZONE"));
        String feed = api.get("api/plugins/meetups/my/calendar", guest).json().getString("url");
        Reply mine = api.send("GET", feed.substring(feed.indexOf("/api/") + 1), null, null, "text/calendar");
        assertEquals(200, mine.status());
        assertTrue(mine.body().contains("West Lake walk"));
        Reply city = api.send("GET", "api/plugins/meetups/cities/" + hangzhou + "/calendar.ics", null, null, "text/calendar");
        assertTrue(city.body().contains("UID:meetup-" + id + "@popcorn"));

        JsonObject near = api.get("api/plugins/meetups/meetups?near=" + api.cityId("Shanghai") + "&radiusKm=300&tag=walk", null).json();
        assertTrue(near.getJsonArray("items").stream().anyMatch(v -> v.asJsonObject().getJsonNumber("id").longValue() == id),
                "Hangzhou is within 300 km of Shanghai");
        assertEquals(0, api.get("api/plugins/meetups/meetups?near=" + api.cityId("Beijing") + "&radiusKm=300&tag=walk", null).json()
                .getInt("total"));
        String openapi = api.get("openapi", null).body();
        assertTrue(openapi.contains("/api/plugins/meetups/meetups/{id}/check-ins"));
        assertTrue(openapi.contains("radiusKm"), "query parameters of plugin routes are described");
        assertTrue(openapi.contains("text/calendar") && openapi.contains("image/png"), "and what they answer");
    }

    @Test
    void twoHostsEditingAtOnceOneWinsAndTheOtherGets409AndTheCurrentState() throws Exception {
        Api api = new Api(base);
        String admin = api.adminToken();
        long ningbo = api.cityId("Ningbo");
        String ann = api.member("nb-ann", ningbo);
        String ben = api.member("nb-ben", ningbo);
        for (String host : List.of("nb-ann", "nb-ben")) {
            assertEquals(200, api.put("api/admin/members/" + host + "/organiser/" + ningbo, null, admin).status());
        }
        Instant start = Instant.parse("2027-06-05T10:00:00Z");
        Reply created = api.post("api/plugins/meetups/meetups", "{\"cityId\":" + ningbo + ",\"title\":\"Harbour walk\",\"venueName\":\"Old Bund\","
                + "\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plusSeconds(7200) + "\",\"capacity\":10,\"publish\":true}", ann);
        assertEquals(201, created.status(), created.toString());
        String path = "api/plugins/meetups/meetups/" + created.json().getJsonNumber("id").longValue();
        long seen = created.json().getJsonNumber("version").longValue();

        // both hosts opened the form at the same version and save at once
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<Reply> byAnn = pool.submit(() -> {
            go.await();
            return api.patch(path, "{\"title\":\"Harbour walk at dusk\",\"version\":" + seen + "}", ann);
        });
        Future<Reply> byBen = pool.submit(() -> {
            go.await();
            return api.patch(path, "{\"title\":\"Harbour walk with tea\",\"version\":" + seen + "}", ben);
        });
        go.countDown();
        List<Reply> replies = List.of(byAnn.get(), byBen.get());
        pool.shutdown();
        List<Reply> won = replies.stream().filter(r -> r.status() == 200).toList();
        List<Reply> lost = replies.stream().filter(r -> r.status() == 409).toList();
        assertEquals(1, won.size(), replies.toString());
        assertEquals(1, lost.size(), replies.toString());
        assertEquals("meetups.edited-meanwhile", lost.get(0).json().getString("code"));
        assertEquals("version", lost.get(0).json().getString("field"));
        JsonObject now = api.get(path, null).json();
        assertEquals(won.get(0).json().getString("title"), now.getString("title"), "the winner's change stands, not overwritten");
        assertEquals(seen + 1, now.getJsonNumber("version").longValue());

        Reply stale = api.patch(path, "{\"venueName\":\"New pier\",\"version\":" + seen + "}", ben);
        assertEquals(409, stale.status(), "an edit made on what the host saw before is refused: " + stale);
        assertEquals("Old Bund", api.get(path, null).json().getString("venueName"), "and changes nothing");
        Reply current = api.patch(path, "{\"venueName\":\"New pier\",\"version\":" + (seen + 1) + "}", ben);
        assertEquals(200, current.status(), current.toString());
        assertEquals(seen + 2, current.json().getJsonNumber("version").longValue());
    }

    @Test
    void aFanCannotHoldSeatsAtTwoMeetupsAtOnce() {
        Api api = new Api(base);
        String admin = api.adminToken();
        long suzhou = api.cityId("Suzhou");
        String org = api.member("sz-org", suzhou);
        assertEquals(200, api.put("api/admin/members/sz-org/organiser/" + suzhou, null, admin).status());
        String fan = api.member("sz-fan", suzhou);
        Instant start = Instant.parse("2027-05-01T02:00:00Z"); // 10:00 in Suzhou
        java.util.function.BiFunction<String, Instant, Long> meetup = (title, from) -> {
            Reply r = api.post("api/plugins/meetups/meetups", "{\"cityId\":" + suzhou + ",\"title\":\"" + title
                    + "\",\"venueName\":\"Garden " + title + "\",\"startsAt\":\"" + from + "\",\"endsAt\":\"" + from.plusSeconds(7200)
                    + "\",\"capacity\":10,\"publish\":true}", org);
            assertEquals(201, r.status(), r.toString());
            return r.json().getJsonNumber("id").longValue();
        };
        long garden = meetup.apply("Garden tour", start);
        long tea = meetup.apply("Tea tasting", start.plusSeconds(3600));
        long later = meetup.apply("Evening walk", start.plusSeconds(10800)); // 13:00, when the tea tasting ends
        assertEquals("CONFIRMED", api.put("api/plugins/meetups/meetups/" + garden + "/rsvp", "{\"guests\":0}", fan).json().getString("status"));
        Reply clash = api.put("api/plugins/meetups/meetups/" + tea + "/rsvp", "{\"guests\":0}", fan);
        assertEquals(409, clash.status(), clash.toString());
        assertEquals("signup.overlap", clash.json().getString("code"));
        String detail = clash.json().getString("detail");
        assertTrue(detail.contains("Garden tour") && detail.contains("10:00") && detail.contains("Asia/Shanghai"), detail);
        assertEquals(200, api.put("api/plugins/meetups/meetups/" + later + "/rsvp", "{\"guests\":0}", fan).status(), "a meetup after the first is fine");
        assertEquals(204 / 100, api.delete("api/plugins/meetups/meetups/" + garden + "/rsvp", null, fan).status() / 100);
        assertEquals("CONFIRMED", api.put("api/plugins/meetups/meetups/" + tea + "/rsvp", "{\"guests\":0}", fan).json().getString("status"),
                "once the first seat is given up, the clash is gone");
    }

    @Test
    void aMeetupNobodyFinishedIsFinishedByThePluginScheduleAndNoShowsAreRecorded() throws Exception {
        Api api = new Api(base);
        String admin = api.adminToken();
        long nanjing = api.cityId("Nanjing");
        String org = api.member("nj-org", nanjing);
        assertEquals(200, api.put("api/admin/members/nj-org/organiser/" + nanjing, null, admin).status());
        assertEquals(200, api.put("api/admin/plugins/meetups/settings", "{\"auto-finish-hours\":\"0\"}", admin).status());
        try {
            Instant start = Instant.now().plusSeconds(3);
            long id = api.post("api/plugins/meetups/meetups", "{\"cityId\":" + nanjing + ",\"title\":\"Short one\",\"venueName\":\"Gate\","
                    + "\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plusSeconds(2) + "\",\"capacity\":5,\"publish\":true}", org)
                    .json().getJsonNumber("id").longValue();
            String came = api.member("nj-came", nanjing);
            String stayedHome = api.member("nj-home", nanjing);
            String code = api.put("api/plugins/meetups/meetups/" + id + "/rsvp", "{}", came).json().getString("checkInCode");
            assertEquals(200, api.put("api/plugins/meetups/meetups/" + id + "/rsvp", "{}", stayedHome).status());
            assertEquals(200, api.post("api/plugins/meetups/meetups/" + id + "/check-ins", "{\"code\":\"" + code + "\"}", org).status());
            long deadline = System.currentTimeMillis() + 30_000;
            while (!api.get("api/plugins/meetups/meetups/" + id, null).json().getString("status").equals("FINISHED")) {
                assertTrue(System.currentTimeMillis() < deadline, "onSchedule finishes the meetup after its end");
                Thread.sleep(500);
            }
            JsonObject hostView = api.get("api/plugins/meetups/meetups/" + id + "/attendees", org).json();
            assertEquals(1, hostView.getInt("checkedIn"));
            assertEquals(java.util.Map.of("nj-came", false, "nj-home", true), hostView.getJsonArray("going").stream()
                    .map(JsonValue::asJsonObject).collect(java.util.stream.Collectors.toMap(g -> g.getString("handle"), g -> g.getBoolean("noShow"))),
                    "the member who did not come is recorded as a no-show");
            assertEquals(409, api.put("api/plugins/meetups/meetups/" + id + "/rsvp", "{}", api.member("nj-late", nanjing)).status(),
                    "no RSVPs once finished");
            assertEquals(200, api.put("api/plugins/meetups/meetups/" + id + "/ratings/mine", "{\"stars\":4}", came).status());
            assertEquals(403, api.put("api/plugins/meetups/meetups/" + id + "/ratings/mine", "{\"stars\":1}", stayedHome).status(),
                    "a no-show cannot rate");
        } finally {
            api.put("api/admin/plugins/meetups/settings", "{\"auto-finish-hours\":\"6\"}", admin);
        }
    }
}
