package org.popcorn.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.popcorn.server.support.Api;

/**
 * The meetups plugin's pages in a real headless Chromium against the real server: a fan RSVPs on the meetup page and
 * sees the check-in code and the QR code; the organiser, on a phone-sized screen, types the code on the check-in page
 * and sees the fan checked in; on a phone the list of meetups comes before its filters. Screenshots go to
 * target/screenshots.
 */
class MeetupsBrowserIT extends BrowserTest {

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(base);
        newWait();
        desktopSize();
    }

    /** Opens a plugin page as a member: their token and English in the site's localStorage, then a fresh load. */
    void openAs(String token, String page) {
        openAs(token, page, "en");
    }

    /** Opens a plugin page as a member in a language (en, zh-CN). */
    void openAs(String token, String page, String language) {
        driver.get(site() + "plugins/meetups/index.html");
        js("localStorage.setItem('popcorn.token', arguments[0]); localStorage.setItem('popcorn.lang', arguments[1]);", token, language);
        driver.get(site() + page);
        driver.navigate().refresh(); // a hash-only change would not load the page afresh
    }

    double number(String script, Object... args) {
        return ((Number) js(script, args)).doubleValue();
    }

    /** A new member made organiser of the city by the admin: their token. */
    String organiser(String handle, long cityId) {
        String token = api.member(handle, cityId);
        assertEquals(200, api.put("api/admin/members/" + handle + "/organiser/" + cityId, null, api.adminToken()).status());
        return token;
    }

    /** A published meetup of the organiser's: its id. */
    long publish(String organiser, long cityId, String title, String venue, String description, Instant start, long seconds, int capacity) {
        Api.Reply created = api.post("api/plugins/meetups/meetups", "{\"cityId\":" + cityId + ",\"title\":\"" + title + "\",\"venueName\":\""
                + venue + "\"," + (description == null ? "" : "\"description\":\"" + description + "\",") + "\"startsAt\":\"" + start
                + "\",\"endsAt\":\"" + start.plusSeconds(seconds) + "\",\"capacity\":" + capacity + ",\"publish\":true}", organiser);
        assertEquals(201, created.status(), created.toString());
        return created.json().getJsonNumber("id").longValue();
    }

    @Test
    void aFanRsvpsAndShowsTheCodeAndTheOrganiserChecksThemInOnAPhone() throws Exception {
        String admin = api.adminToken();
        long chengdu = api.cityId("Chengdu");
        String org = api.member("mb-org", chengdu);
        assertEquals(200, api.put("api/admin/members/mb-org/organiser/" + chengdu, null, admin).status());
        // Starts soon, so the check-in desk is open "on the day" while RSVPs are still taken.
        Instant start = Instant.now().plusSeconds(15 * 60);
        Api.Reply created = api.post("api/plugins/meetups/meetups", "{\"cityId\":" + chengdu + ",\"title\":\"Browser hotpot\","
                + "\"venueName\":\"Panda Hall\",\"venueAddress\":\"1 Renmin Road\",\"startsAt\":\"" + start + "\",\"endsAt\":\""
                + start.plusSeconds(3 * 3600) + "\",\"capacity\":10,\"maxGuests\":1,\"tags\":[\"hotpot\"],\"publish\":true}", org);
        assertEquals(201, created.status(), created.toString());
        long id = created.json().getJsonNumber("id").longValue();
        assertEquals("PUBLISHED", created.json().getString("status"));
        String fan = api.member("mb-fan", chengdu);

        // The fan RSVPs and sees the check-in code and its QR code.
        openAs(fan, "plugins/meetups/meetup.html#" + id);
        assertEquals("Browser hotpot", visible(By.id("title")).getText());
        visible(By.cssSelector("[data-testid=rules] li"));
        click(By.id("rsvp-submit"));
        String code = visible(By.cssSelector("[data-testid=checkin-code]")).getText().trim();
        assertFalse(code.isEmpty(), "the check-in code is shown");
        wait.until(d -> Boolean.TRUE.equals(js("const i = document.querySelector('[data-testid=checkin-qr]');"
                + "return !!i && i.complete && i.naturalWidth > 0;")));
        JsonObject ticket = api.get("api/plugins/meetups/meetups/" + id + "/rsvp", fan).json();
        assertEquals("CONFIRMED", ticket.getString("status"));
        assertEquals(ticket.getString("checkInCode"), code, "the page shows the fan's own code");
        shot("meetup-ticket");

        // The organiser checks the fan in on a phone by typing the code.
        phoneSize();
        openAs(org, "plugins/meetups/checkin.html#" + id);
        type(By.id("checkin-code-input"), code);
        click(By.id("checkin-submit"));
        wait.until(d -> d.findElement(By.id("checkin-result")).getText().toLowerCase().contains("checked in"));
        visible(By.cssSelector("[data-testid='attendee-mb-fan'][data-checked-in='true']"));
        desktopSize();
        shot("meetup-checkin");

        JsonObject after = api.get("api/plugins/meetups/meetups/" + id + "/rsvp", fan).json();
        assertTrue(after.containsKey("checkedInAt") && !after.isNull("checkedInAt"), "the fan is checked in: " + after);

        // The browse page lists it in the fan's home city; the hosting page offers the organiser the form.
        openAs(fan, "plugins/meetups/index.html");
        visible(By.cssSelector("[data-testid=meetup-card-" + id + "]"));
        shot("meetups-browse");
        Instant later = Instant.now().plusSeconds(5 * 86_400);
        assertEquals("PROPOSED", api.post("api/plugins/meetups/meetups", "{\"cityId\":" + chengdu + ",\"title\":\"Fan picnic\",\"venueName\":\"Park\","
                + "\"startsAt\":\"" + later + "\",\"endsAt\":\"" + later.plusSeconds(7200) + "\",\"capacity\":8}", fan).json().getString("status"));
        openAs(org, "plugins/meetups/host.html");
        visible(By.id("meetup-form"));
        assertEquals("1", visible(By.cssSelector("[data-testid=pending-count]")).getText(), "what awaits the organiser, counted in the navigation");
        assertTrue(visible(By.id("proposals")).getLocation().getY() < driver.findElement(By.id("meetup-form")).getLocation().getY(),
                "and first on the page, above the long form");
        click(By.id("meetup-submit")); // nothing filled in: the server's refusal is shown at the field it names
        org.openqa.selenium.WebElement fieldError = visible(By.cssSelector("#meetup-form .field-error"));
        org.openqa.selenium.WebElement control = fieldError.findElement(By.xpath("./ancestor::*[contains(@class,'field')][1]"))
                .findElement(By.cssSelector("[aria-invalid=true]"));
        assertTrue(control.getAttribute("aria-describedby").contains(fieldError.getAttribute("id")), "announced with its field");
        shot("meetups-host-error");
        shot("meetups-host");
    }

    @Test
    void aHostWhoSavesAfterAnotherHostSeesTheMeetupAsItIsNowAndWhy() throws Exception {
        long wenzhou = api.cityId("Wenzhou");
        String org = organiser("mb-edit-org", wenzhou);
        String other = organiser("mb-edit-other", wenzhou);
        long id = publish(org, wenzhou, "Riverside chat", "Pier", null, Instant.now().plusSeconds(5 * 86_400), 7200, 10);
        openAs(org, "plugins/meetups/host.html#edit-" + id);
        wait.until(d -> "Riverside chat".equals(d.findElement(By.id("m-title")).getAttribute("value")));

        // another host saves first, while this one is still typing
        assertEquals(200, api.patch("api/plugins/meetups/meetups/" + id, "{\"title\":\"Riverside chat and tea\"}", other).status());
        type(By.id("m-title"), "Riverside talk");
        click(By.id("meetup-submit"));
        wait.until(d -> d.findElement(By.id("form-message")).getText().contains("Someone changed this meetup meanwhile"));
        wait.until(d -> "Riverside chat and tea".equals(d.findElement(By.id("m-title")).getAttribute("value")));
        assertEquals("Riverside chat and tea", api.get("api/plugins/meetups/meetups/" + id, null).json().getString("title"),
                "the other host's change was not overwritten");
        shot("meetups-edited-meanwhile");
    }

    @Test
    void aFullMeetupOffersTheWaitingListAndSaysWhereTheFanStands() throws Exception {
        long wuhan = api.cityId("Wuhan");
        String org = organiser("mb-full-org", wuhan);
        Instant start = Instant.now().plusSeconds(2 * 86_400);
        long id = publish(org, wuhan, "Tiny tasting", "Yellow Crane", null, start, 7200, 1);
        String first = api.member("mb-full-first", wuhan);
        assertEquals("CONFIRMED", api.put("api/plugins/meetups/meetups/" + id + "/rsvp", "{\"guests\":0}", first).json().getString("status"));

        String fan = api.member("mb-full-fan", wuhan);
        openAs(fan, "plugins/meetups/meetup.html#" + id);
        assertEquals("Join the waiting list", visible(By.id("rsvp-submit")).getText(), "the button says what it will do");
        assertFalse(driver.findElement(By.id("rsvp-visible")).isSelected(), "private unless chosen");
        click(By.id("rsvp-visible"));
        click(By.id("rsvp-submit"));
        wait.until(d -> d.findElement(By.id("rsvp-message")).getText().contains("#1 on the waiting list"));
        assertEquals("You are #1 on the waiting list", visible(By.cssSelector("[data-testid=ticket-status]")).getText());
        assertTrue(api.get("api/me", fan).json().getBoolean("attendanceVisible"), "the choice made at RSVP is kept");
        shot("meetup-waiting");
    }

    @Test
    void afterTheEndAFanReadsWhatHappenedAndIsAskedForARating() throws Exception {
        long xiamen = api.cityId("Xiamen");
        String org = organiser("mb-end-org", xiamen);
        Instant start = Instant.now().plusSeconds(6);
        long id = publish(org, xiamen, "Quick tea", "Gulangyu", null, start, 3600, 5);
        String came = api.member("mb-end-came", xiamen);
        String missed = api.member("mb-end-missed", xiamen);
        api.put("api/plugins/meetups/meetups/" + id + "/rsvp", "{\"guests\":0}", came);
        api.put("api/plugins/meetups/meetups/" + id + "/rsvp", "{\"guests\":0}", missed);
        String code = api.get("api/plugins/meetups/meetups/" + id + "/rsvp", came).json().getString("checkInCode");
        assertEquals(200, api.post("api/plugins/meetups/meetups/" + id + "/check-ins", "{\"code\":\"" + code + "\"}", org).status());
        wait.until(d -> Instant.now().isAfter(start.plusSeconds(1)));
        Api.Reply finished = api.post("api/plugins/meetups/meetups/" + id + "/finish", null, org);
        assertEquals("FINISHED", finished.json().getString("status"), finished.toString());

        openAs(came, "plugins/meetups/meetup.html#" + id);
        assertEquals("You went", visible(By.cssSelector("[data-testid=ticket-status]")).getText());
        String google = driver.findElement(By.id("google-link")).getAttribute("href");
        assertTrue(google.startsWith("https://calendar.google.com/calendar/render?") && google.contains("text=Quick+tea")
                && google.matches(".*dates=\\d{8}T\\d{6}Z%2F\\d{8}T\\d{6}Z.*"), google);
        assertTrue(driver.findElement(By.id("outlook-link")).getAttribute("href").contains("subject=Quick+tea"));
        assertTrue(driver.findElements(By.cssSelector("[data-testid=checkin-code]")).isEmpty(), "no live check-in code after the end");
        assertTrue(driver.findElements(By.cssSelector("[data-testid=rsvp-cancel]")).isEmpty(), "nothing to cancel");
        visible(By.id("rating-form"));
        assertTrue(driver.findElement(By.id("rules")).getText().contains("RSVPs are closed."));
        shot("meetup-over");

        openAs(missed, "plugins/meetups/meetup.html#" + id);
        assertEquals("You missed it", visible(By.cssSelector("[data-testid=ticket-status]")).getText());
    }

    @Test
    void onAPhoneTheRsvpActionStaysInReach() throws Exception {
        long hangzhou = api.cityId("Hangzhou");
        String org = organiser("mb-phone-org", hangzhou);
        Instant start = Instant.now().plusSeconds(3 * 86_400);
        long id = publish(org, hangzhou, "Lakeside walk", "West Lake", "A long walk around the lake. ".repeat(40), start, 7200, 20);
        String fan = api.member("mb-phone-fan", hangzhou);
        phoneSize();
        try {
            openAs(fan, "plugins/meetups/meetup.html#" + id);
            visible(By.id("rsvp-submit"));
            js("window.scrollTo(0, document.body.scrollHeight);");
            org.openqa.selenium.WebElement bar = visible(By.cssSelector("[data-testid=rsvp-bar-button]"));
            assertEquals("RSVP", bar.getText());
            bar.click();
            wait.until(d -> "CONFIRMED".equals(api.get("api/plugins/meetups/meetups/" + id + "/rsvp", fan).json().getString("status", "")));
        } finally {
            desktopSize();
        }
    }

    @Test
    void theCityPageListsTheCitysUpcomingMeetupsInAPanelOfThePlugin() throws Exception {
        long city = api.cityId("Xining");
        String org = organiser("mb-panel-org", city);
        Instant start = Instant.now().plusSeconds(3 * 86_400);
        long id = publish(org, city, "Lakeside picnic", "Qinghai Lake shore", null, start, 7200, 20);
        assertEquals(422, api.get("api/ui/panels?slot=nowhere", null).status());
        assertEquals("ui.unknown-slot", api.get("api/ui/panels?slot=nowhere", null).json().getString("code"));

        String fan = api.member("mb-panel-fan", city);
        openAs(fan, "#/cities/" + city);
        org.openqa.selenium.WebElement panel = visible(By.cssSelector("[data-testid=panel-meetups]"));
        wait.until(d -> panel.getText().contains("Lakeside picnic"));
        assertTrue(panel.getText().contains("Qinghai Lake shore"), panel.getText());
        assertTrue(panel.findElement(By.tagName("h2")).getText().contains("Meetups"));
        shot("city-panels");
        click(By.linkText("Lakeside picnic"));
        wait.until(d -> d.getCurrentUrl().contains("meetup") && d.getCurrentUrl().contains(String.valueOf(id)));
    }

    @Test
    void aCityWithoutMeetupsSuggestsTheNearbyOnes() throws Exception {
        long shanghai = api.cityId("Shanghai");
        long suzhou = api.cityId("Suzhou");
        String org = organiser("mb-near-org", shanghai);
        Instant start = Instant.now().plusSeconds(4 * 86_400);
        long id = publish(org, shanghai, "Bund night walk", "The Bund", null, start, 7200, 30);
        String fan = api.member("mb-near-fan", suzhou);
        openAs(fan, "plugins/meetups/index.html");
        visible(By.cssSelector("[data-testid=no-meetups]"));
        org.openqa.selenium.WebElement nearest = visible(By.cssSelector("[data-testid=nearest]"));
        assertTrue(nearest.getText().contains("Nothing in Suzhou yet"), nearest.getText());
        visible(By.cssSelector("[data-testid=nearest] [data-testid=meetup-card-" + id + "]"));
    }

    @Test
    void onAPhoneTheMeetupsComeBeforeTheirFiltersAndALinkLeadsToThem() throws Exception {
        long nanjing = api.cityId("Nanjing");
        String org = organiser("mb-list-org", nanjing);
        Instant start = Instant.now().plusSeconds(2 * 86_400);
        long id = publish(org, nanjing, "Lakeside picnic", "Xuanwu Lake", null, start, 7200, 12);
        String fan = api.member("mb-list-fan", nanjing);
        By first = By.cssSelector("#list [data-testid^=meetup-card-]");

        phoneSize();
        try {
            for (String language : List.of("en", "zh-CN")) {
                openAs(fan, "plugins/meetups/index.html", language);
                visible(By.cssSelector("#list [data-testid=meetup-card-" + id + "]"));
                js("window.scrollTo(0, 0);");
                WebElement card = driver.findElement(first);
                assertEquals(Boolean.TRUE, js("return !!(arguments[0].compareDocumentPosition(document.getElementById('filters'))"
                        + " & Node.DOCUMENT_POSITION_FOLLOWING);", card), "the list comes before its filters in the page (" + language + ")");
                double titleEnds = number("return arguments[0].querySelector('h3').getBoundingClientRect().bottom;", card);
                double screen = number("return window.innerHeight;");
                assertTrue(titleEnds <= screen, "the first meetup is on the first screen (" + language + "): its title ends at " + titleEnds
                        + " px of " + screen);
                assertTrue(number("return document.getElementById('filters').getBoundingClientRect().top;")
                        > number("return arguments[0].getBoundingClientRect().bottom;", card), "and the filters come below it (" + language + ")");

                // The "Filters" link above the list takes the reader to the form, and "Show meetups" back to the list.
                String address = driver.getCurrentUrl();
                click(By.id("filters-jump"));
                wait.until(d -> "filters-title".equals(js("return document.activeElement && document.activeElement.id;")));
                double formTop = number("return document.getElementById('filters-title').getBoundingClientRect().top;");
                assertTrue(formTop >= -1 && formTop < screen, "the form is in view after the link: " + formTop);
                assertEquals(address, driver.getCurrentUrl(), "the address keeps the filters");
                click(By.id("filter-submit"));
                wait.until(d -> "list-title".equals(js("return document.activeElement && document.activeElement.id;")));
                visible(By.cssSelector("#list [data-testid=meetup-card-" + id + "]"));
                double listTop = number("return document.getElementById('list-title').getBoundingClientRect().top;");
                assertTrue(listTop >= -1 && listTop < screen, "the list is in view after Show meetups: " + listTop);
            }
        } finally {
            desktopSize();
        }

        // On a wide screen the filters stand beside the list, and no link is needed to reach them.
        openAs(fan, "plugins/meetups/index.html");
        visible(By.cssSelector("#list [data-testid=meetup-card-" + id + "]"));
        assertFalse(driver.findElement(By.id("filters-jump")).isDisplayed(), "no Filters link where the form is beside the list");
        Rectangle list = driver.findElement(By.id("results")).getRect();
        Rectangle form = driver.findElement(By.id("filters")).getRect();
        assertTrue(form.getX() >= list.getX() + list.getWidth() && form.getY() < list.getY() + list.getHeight(),
                "the filters are in a column beside the list: list at x " + list.getX() + ", " + list.getWidth() + " wide, form at x "
                        + form.getX() + ", y " + form.getY() + " (list ends at y " + (list.getY() + list.getHeight()) + ")");
        shot("meetups-browse-filters");
    }
}
