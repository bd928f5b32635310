package org.popcorn.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptException;
import org.openqa.selenium.TimeoutException;
import org.popcorn.server.support.Api;

/**
 * The headings of every view, in English and in 简体中文, in a real headless Chromium against the real server: the app's
 * own pages (home, log-in and sign-up, rounds with voting and results, profile, points, inbox, settings, cities,
 * leaderboard, rewards, the admin pages, the API reference) and the plugins' (charity month, demo booths, meetups,
 * feedback), each seen by whom it is for. Every view has exactly one visible h1 and its headings never skip a level
 * (h1 → h3, or a first heading other than the h1), so that a screen reader's list of headings is the page's outline.
 */
class HeadingsBrowserIT extends BrowserTest {

    /** Until the shell has drawn the view at the hash (arguments[0]): a new view, its h1, nothing loading, and arguments[1]. */
    static final String SHELL_DRAWN = """
            const v = document.querySelector('main > .view');
            if (location.hash !== arguments[0] || !v || v.dataset.stale || !v.querySelector('h1')) return false;
            if ([...document.querySelectorAll('main .loading')].some((e) => e.getClientRects().length > 0)) return false;
            return !arguments[1] || !!v.querySelector(arguments[1]);
            """;

    /** Until a page of its own shows every selector of arguments[0] and nothing is loading. */
    static final String PAGE_DRAWN = """
            if ([...document.querySelectorAll('main .loading')].some((e) => e.getClientRects().length > 0)) return false;
            return arguments[0].every((s) => { const e = document.querySelector(s); return !!e && e.getClientRects().length > 0; });
            """;

    /**
     * What is wrong with the page's headings ('' when nothing): the headings a reader is given (not hidden, not
     * aria-hidden, not in a closed details) must hold one h1, start with it and never skip a level; none is empty. With
     * arguments[0], the page must be in that language.
     */
    static final String OUTLINE = """
            const problems = [];
            if (arguments[0] && document.documentElement.lang !== arguments[0]) {
              problems.push('the page is in ' + document.documentElement.lang + ', not ' + arguments[0]);
            }
            const shown = (e) => (e.checkVisibility ? e.checkVisibility({ checkVisibilityCSS: true, visibilityProperty: true })
                : e.getClientRects().length > 0)
              && !e.closest('[aria-hidden="true"]') && !(e.closest('details:not([open])') && !e.closest('summary'));
            const level = (e) => (/^H[1-6]$/.test(e.tagName) ? Number(e.tagName.charAt(1)) : Number(e.getAttribute('aria-level') || 2));
            const name = (e) => (e.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 60);
            const heads = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')].filter(shown);
            const outline = heads.map((e) => 'h' + level(e) + ' ' + name(e));
            const ones = heads.filter((e) => level(e) === 1).length;
            if (ones !== 1) problems.push(ones + ' visible h1');
            heads.forEach((e, i) => {
              const before = i === 0 ? 0 : level(heads[i - 1]);
              if (level(e) > before + 1) {
                problems.push(i === 0 ? 'the first heading is ' + outline[i] : 'h' + before + ' then ' + outline[i]);
              }
              if (!name(e) && !e.getAttribute('aria-label')) problems.push('an empty h' + level(e));
            });
            return problems.length ? problems.join('; ') + ' | outline: ' + outline.join(' / ') : '';
            """;

    /** What the views show: made once for the class (one server), through the API. */
    record Fixture(String admin, String org, String fan, long chengdu, long openRound, long closedRound, long draftRound,
            long campaign, long activity, long shift, long booth, long slot, long meetup) {
    }

    static Fixture fixture;

    Api api;
    /** The language of the current visit (its code, as the app sets it on the html element). */
    String language;
    /** The titles of the shell's own pages (not found, not allowed, failed, plugin unavailable), in both languages. */
    final Set<String> shellTitles = new HashSet<>();
    final List<String> failures = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        api = new Api(base);
        newWait();
        wait.ignoring(JavascriptException.class); // a check that runs while a page is replaced is simply tried again
        desktopSize();
        for (String code : List.of("en", "zh-CN")) {
            try (Reader in = Files.newBufferedReader(Path.of("../web-static/src/main/resources/META-INF/resources/messages/" + code + ".json"))) {
                JsonObject messages = Json.createReader(in).readObject();
                for (String key : List.of("notFound.title", "forbidden.title", "error.title", "plugin.unavailable.title")) {
                    shellTitles.add(messages.getString(key));
                }
            }
        }
        if (fixture == null) {
            fixture = makeFixture();
        }
    }

    @Test
    void everyViewHasOneH1AndNoSkippedHeadingLevelInEnglish() {
        visitEveryView("en");
    }

    @Test
    void everyViewHasOneH1AndNoSkippedHeadingLevelInChinese() {
        visitEveryView("zh-CN");
    }

    void visitEveryView(String code) {
        Fixture f = fixture;
        String card = "[data-testid=meetup-card-" + f.meetup() + "]";

        as(null, code);
        shell("#/", ".home-rounds [data-testid=round-item]");
        shell("#/login", "#login-submit");
        shell("#/signup", "#signup-submit");
        shell("#/rounds", "[data-testid=round-item]");
        shell("#/rounds/" + f.closedRound(), "#receipts");
        shell("#/api-reference", "[data-testid=api-op]");
        shell("#/no-such-page", null);
        shell("#/p/charity/campaigns", "[data-testid=campaign-" + f.campaign() + "]");
        shell("#/p/booths/booths", "[data-testid=booth-" + f.booth() + "]");
        shell("#/p/booths/products", "[data-testid=products]");
        page("plugins/meetups/index.html#city=" + f.chengdu(), true, "#list " + card);
        page("plugins/meetups/meetup.html#" + f.meetup(), true, "#title", "#rules li");
        page("plugins/feedback/index.html", false, "#items article");

        as(f.fan(), code);
        shell("#/", ".home-rounds [data-testid=round-item]");
        shell("#/me", "#level-h");
        shell("#/me/points", "[data-testid=points-balance]");
        shell("#/me/notifications", "#email-h");
        shell("#/me/settings", "#pw-h");
        shell("#/members/hd-fan", "#profile-name");
        shell("#/rounds/" + f.openRound(), "#ballot form.ballot");
        shell("#/cities", ".city-grid");
        shell("#/cities/" + f.chengdu(), "#city-lb-h");
        shell("#/leaderboard", null);
        shell("#/rewards", "#levels-h");
        shell("#/p/charity/campaign/" + f.campaign(), "[data-testid=activity-" + f.activity() + "]");
        shell("#/p/charity/activity/" + f.activity(), "[data-testid=shift-" + f.shift() + "]");
        shell("#/p/charity/new-activity/" + f.campaign(), ".shift");
        shell("#/p/charity/mine", "[data-testid^=my-shift-" + f.shift() + "]");
        shell("#/p/booths/booths", "[data-testid=booth-" + f.booth() + "]");
        shell("#/p/booths/booth/" + f.booth(), "[data-testid=booth-status]");
        shell("#/p/booths/mine", "[data-testid=my-slot-" + f.slot() + "]");
        shell("#/p/booths/new-booth", "form");
        shell("#/p/booths/at/" + f.slot(), "[data-testid=at-page]");
        page("plugins/meetups/index.html", true, "#list " + card, "#my-meetups " + card);
        page("plugins/meetups/meetup.html#" + f.meetup(), true, "[data-testid=ticket-status]");
        page("plugins/feedback/index.html", false, "#items article", "#new-item");

        as(f.org(), code);
        shell("#/rounds/new", "#round-save");
        shell("#/rounds/" + f.draftRound() + "/edit", "#state-h");
        shell("#/p/charity/proposals", null);
        shell("#/p/charity/lead/" + f.shift(), "[data-testid^=entry-]");
        shell("#/p/booths/staffing", null);
        shell("#/p/booths/proposals", null);
        shell("#/p/booths/kit/" + f.booth(), "[data-testid=kit-count]");
        shell("#/p/booths/leads/" + f.booth(), "[data-testid=leads-count]");
        shell("#/p/booths/report/" + f.booth(), "[data-testid=report-visitors]");
        page("plugins/meetups/host.html", true, "#hosted-list");
        page("plugins/meetups/checkin.html#" + f.meetup(), true, "[data-testid='attendee-hd-fan']");

        as(f.admin(), code);
        shell("#/admin", "[data-testid=admin-member-link]");
        shell("#/admin/members/hd-fan", "#roles-h");
        shell("#/admin/cities", "#add-h");
        shell("#/admin/plugins", "[data-testid=plugin-meetups]");
        shell("#/admin/backups", null);
        shell("#/p/charity/new-campaign", "form");

        assertTrue(failures.isEmpty(), failures.size() + " views with their headings out of order (" + code + "):\n"
                + String.join("\n", failures));
    }

    /** The next views are seen by this member (null: nobody logged in) in this language; the app starts afresh. */
    void as(String token, String code) {
        driver.get(site() + "style.css"); // the site's origin, without the app running on it
        js("localStorage.clear(); if (arguments[0]) localStorage.setItem('popcorn.token', arguments[0]);"
                + "localStorage.setItem('popcorn.lang', arguments[1]);", token, code);
        language = code;
    }

    /**
     * A view of the app shell: the address changes to the hash (the app draws it without a reload when it runs already),
     * then its headings are read once it is drawn and, with mustShow, shows that element.
     */
    void shell(String hash, String mustShow) {
        String label = hash + " (" + language + ")";
        js("document.querySelectorAll('main > .view').forEach((v) => { v.dataset.stale = 'true'; });");
        driver.get(site() + hash);
        if (!drawn(label, SHELL_DRAWN, hash, mustShow)) {
            return;
        }
        String h1 = String.valueOf(js("return document.querySelector('main > .view h1').textContent.trim();"));
        if (shellTitles.contains(h1) && !hash.equals("#/no-such-page")) {
            failures.add(label + ": the app's page '" + h1 + "' instead of the view");
            return;
        }
        outline(label, true);
    }

    /** A page of its own (the meetups and feedback pages), loaded afresh; drawn once each selector shows an element. */
    void page(String path, boolean translated, String... ready) {
        String label = path + " (" + language + ")";
        String target = site() + path;
        boolean sameDocument = driver.getCurrentUrl().split("#")[0].equals(target.split("#")[0]);
        driver.get(target);
        if (sameDocument) {
            driver.navigate().refresh();
        }
        if (drawn(label, PAGE_DRAWN, List.of(ready))) {
            outline(label, translated);
        }
    }

    boolean drawn(String label, String script, Object... args) {
        try {
            wait.until(d -> Boolean.TRUE.equals(js(script, args)));
            return true;
        } catch (TimeoutException notDrawn) {
            Object text = js("const m = document.querySelector('main'); return m ? m.innerText.slice(0, 300) : '';");
            failures.add(label + ": not drawn in 20 s, at " + driver.getCurrentUrl() + ", showing: " + text);
            return false;
        }
    }

    void outline(String label, boolean translated) {
        Object problems = js(OUTLINE, translated ? language : null);
        if (problems != null && !problems.toString().isEmpty()) {
            failures.add(label + ": " + problems);
        }
    }

    /**
     * An organiser and a fan of Chengdu and the admin; an open round the fan voted in, a closed one with results and the
     * organiser's draft; a campaign with an activity whose shift the fan took; a booth with a slot the fan took; a
     * meetup the fan is going to; a piece of feedback.
     */
    Fixture makeFixture() {
        String admin = api.adminToken();
        long chengdu = api.cityId("Chengdu");
        long wuhan = api.cityId("Wuhan");
        String org = api.member("hd-org", chengdu);
        assertEquals(200, api.put("api/admin/members/hd-org/organiser/" + chengdu, null, admin).status());
        String fan = api.member("hd-fan", chengdu);
        Instant now = Instant.now();

        long open = openRound(admin, "Headings: where next?", chengdu, wuhan);
        assertEquals(201, api.put("api/rounds/" + open + "/ballot", "{\"choices\":[" + chengdu + "],\"size\":200}", fan).status());
        long closed = openRound(admin, "Headings: where last time?", chengdu, wuhan);
        assertEquals(201, api.put("api/rounds/" + closed + "/ballot", "{\"choices\":[" + wuhan + "],\"size\":50}", fan).status());
        assertEquals(200, api.post("api/rounds/" + closed + "/close", null, admin).status());
        Api.Reply draft = api.post("api/rounds", "{\"title\":\"Headings: a draft\",\"ownerCityId\":" + chengdu + ",\"opensAt\":\""
                + now.plusSeconds(2 * 86_400) + "\",\"closesAt\":\"" + now.plusSeconds(9 * 86_400) + "\",\"candidateCityIds\":["
                + chengdu + "," + wuhan + "],\"sizeBrackets\":[50,200,1000]}", org);
        assertEquals(201, draft.status(), draft.toString());

        LocalDate today = LocalDate.now();
        Api.Reply campaign = api.post("api/plugins/charity/campaigns", "{\"name\":\"Headings month\",\"startsOn\":\"" + today.minusDays(1)
                + "\",\"endsOn\":\"" + today.plusDays(20) + "\",\"hoursGoal\":100,\"causes\":[\"elderly-company\"],\"cities\":[{\"cityId\":"
                + chengdu + ",\"hoursGoal\":50}]}", admin);
        assertEquals(201, campaign.status(), campaign.toString());
        long campaignId = campaign.json().getJsonNumber("id").longValue();
        Instant shiftStart = now.plusSeconds(40 * 60);
        Api.Reply activity = api.post("api/plugins/charity/campaigns/" + campaignId + "/activities", "{\"cityId\":" + chengdu
                + ",\"cause\":\"elderly-company\",\"title\":\"Headings tea party\",\"meetingPoint\":\"North gate\",\"meetingMinutesBefore\":20,"
                + "\"shifts\":[{\"startsAt\":\"" + shiftStart + "\",\"endsAt\":\"" + shiftStart.plusSeconds(2 * 3600)
                + "\",\"roles\":[{\"code\":\"helper\",\"name\":\"Helper\",\"capacity\":3}]}]}", org);
        assertEquals(201, activity.status(), activity.toString());
        long shift = activity.json().getJsonArray("shifts").getJsonObject(0).getJsonNumber("id").longValue();
        assertEquals(200, api.put("api/plugins/charity/shifts/" + shift + "/roles/helper/signup", null, fan).status());

        String zone = api.get("api/cities/" + chengdu, null).json().getString("timeZone");
        Api.Reply product = api.post("api/plugins/booths/products",
                "{\"code\":\"hd-hub\",\"name\":\"Headings hub\",\"description\":\"The hub that runs the home\"}", org);
        assertEquals(201, product.status(), product.toString());
        LocalDate tomorrow = LocalDate.now(ZoneId.of(zone)).plusDays(1);
        Api.Reply booth = api.post("api/plugins/booths/booths", "{\"cityId\":" + chengdu + ",\"compound\":\"Headings Garden\","
                + "\"address\":\"Gate 2, by the fountain\",\"latitude\":30.5728,\"longitude\":104.0668,\"productIds\":["
                + product.json().getJsonNumber("id") + "],\"slotMinutes\":60,\"volunteersPerSlot\":2,\"lead\":false,\"leadMinLevel\":null,"
                + "\"leadQualification\":null,\"openings\":[{\"date\":\"" + tomorrow + "\",\"opens\":\"10:00\",\"closes\":\"12:00\"}]}", org);
        assertEquals(201, booth.status(), booth.toString());
        long boothId = booth.json().getJsonNumber("id").longValue();
        long slot = api.get("api/plugins/booths/booths/" + boothId, org).json().getJsonArray("slots").stream().map(JsonValue::asJsonObject)
                .min(Comparator.comparing((JsonObject s) -> Instant.parse(s.getString("startsAt"))))
                .orElseThrow().getJsonNumber("id").longValue();
        Api.Reply held = api.put("api/plugins/booths/slots/" + slot + "/roles/volunteer/signup", null, fan);
        assertTrue(held.status() == 200 || held.status() == 201, held.toString());

        Instant start = now.plusSeconds(3 * 86_400);
        Api.Reply meetup = api.post("api/plugins/meetups/meetups", "{\"cityId\":" + chengdu + ",\"title\":\"Headings hotpot\","
                + "\"venueName\":\"Panda Hall\",\"venueAddress\":\"1 Renmin Road\",\"startsAt\":\"" + start + "\",\"endsAt\":\""
                + start.plusSeconds(3 * 3600) + "\",\"capacity\":10,\"maxGuests\":1,\"tags\":[\"hotpot\"],\"publish\":true}", org);
        assertEquals(201, meetup.status(), meetup.toString());
        long meetupId = meetup.json().getJsonNumber("id").longValue();
        assertEquals("CONFIRMED", api.put("api/plugins/meetups/meetups/" + meetupId + "/rsvp", "{\"guests\":0}", fan).json().getString("status"));

        Api.Reply feedback = api.post("api/plugins/feedback/items", "{\"kind\":\"suggestion\",\"title\":\"Headings in order\","
                + "\"body\":\"So that a screen reader lists them as the page's outline.\"}", fan);
        assertTrue(feedback.status() == 200 || feedback.status() == 201, feedback.toString());

        return new Fixture(admin, org, fan, chengdu, open, closed, draft.json().getJsonNumber("id").longValue(), campaignId,
                activity.json().getJsonNumber("id").longValue(), shift, boothId, slot, meetupId);
    }

    long openRound(String admin, String title, long a, long b) {
        Instant now = Instant.now();
        Api.Reply created = api.post("api/rounds", "{\"title\":\"" + title + "\",\"opensAt\":\"" + now.minusSeconds(5) + "\",\"closesAt\":\""
                + now.plusSeconds(3600) + "\",\"candidateCityIds\":[" + a + "," + b + "],\"sizeBrackets\":[50,200,1000]}", admin);
        assertEquals(201, created.status(), created.toString());
        long id = created.json().getJsonNumber("id").longValue();
        api.post("api/rounds/" + id + "/open", null, admin); // the scheduler may open it first: the state is what counts
        assertEquals("OPEN", api.get("api/rounds/" + id, null).json().getString("state"));
        return id;
    }
}
