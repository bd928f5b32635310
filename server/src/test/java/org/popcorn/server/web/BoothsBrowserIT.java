package org.popcorn.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.chromium.HasNetworkConditions;
import org.popcorn.server.support.Api;

/**
 * The booths plugin's pages in a real headless Chromium against the real server. The phone page without a network: a
 * volunteer holding a confirmed place in a slot counts visitors and a demo and captures a lead with its consent while
 * the browser is offline (DevTools network emulation); nothing reaches the server; back online, the page's queue is sent
 * and the server holds each count and the lead exactly once, also after a reload. And the ordinary pages the way people
 * use them: an organiser plans a booth in the form, a fan signs up for a slot on the booth page, the organiser sees the
 * fan in that slot's roster and the fan finds the slot on "my slots".
 */
class BoothsBrowserIT extends BrowserTest {

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(base);
        newWait();
        desktopSize();
    }

    void openAs(String token, String hash) {
        driver.get(site());
        js("localStorage.setItem('popcorn.token', arguments[0]); localStorage.setItem('popcorn.lang', 'en');", token);
        driver.get(site() + hash);
        driver.navigate().refresh();
    }

    /** The browser's network on or off (the test's own HTTP client is not affected). */
    void network(boolean online) {
        try {
            ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
            conditions.setOffline(!online);
            ((HasNetworkConditions) driver).setNetworkConditions(conditions);
        } catch (WebDriverException | ClassCastException unsupported) {
            HasCdp cdp = (HasCdp) driver;
            cdp.executeCdpCommand("Network.enable", Map.of());
            cdp.executeCdpCommand("Network.emulateNetworkConditions",
                    Map.of("offline", !online, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
        }
    }

    By testid(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    String textOf(String id) {
        return driver.findElement(testid(id)).getText().trim();
    }

    String state() {
        return driver.findElement(testid("at-status")).getDomAttribute("data-state");
    }

    @Test
    void countsAndALeadTakenOfflineReachTheServerOnceBackOnline() throws Exception {
        String admin = api.adminToken();
        long chengdu = api.cityId("Chengdu");
        String zone = api.get("api/cities/" + chengdu, null).json().getString("timeZone");
        String org = api.member("bb-org", chengdu);
        assertEquals(200, api.put("api/admin/members/bb-org/organiser/" + chengdu, null, admin).status());

        Api.Reply product = api.post("api/plugins/booths/products",
                "{\"code\":\"bb-hub\",\"name\":\"Browser hub\",\"description\":\"The hub that runs the home\"}", org);
        assertEquals(201, product.status(), product.toString());
        long productId = product.json().getJsonNumber("id").longValue();

        // Tomorrow 10:00-12:00 in the city's time, cut into two slots of an hour: sign-up is open until a slot begins.
        LocalDate tomorrow = LocalDate.now(ZoneId.of(zone)).plusDays(1);
        Api.Reply created = api.post("api/plugins/booths/booths", "{\"cityId\":" + chengdu + ",\"compound\":\"Browser Garden\","
                + "\"address\":\"Gate 2, by the fountain\",\"latitude\":30.5728,\"longitude\":104.0668,\"productIds\":[" + productId + "],"
                + "\"slotMinutes\":60,\"volunteersPerSlot\":2,\"lead\":false,\"leadMinLevel\":null,\"leadQualification\":null,"
                + "\"openings\":[{\"date\":\"" + tomorrow + "\",\"opens\":\"10:00\",\"closes\":\"12:00\"}]}", org);
        assertEquals(201, created.status(), created.toString());
        assertEquals("PLANNED", created.json().getString("status"), "an organiser's booth is planned at once");
        long boothId = created.json().getJsonNumber("id").longValue();
        JsonArray slots = api.get("api/plugins/booths/booths/" + boothId, org).json().getJsonArray("slots");
        assertEquals(2, slots.size(), slots.toString());
        long slotId = slots.stream().map(JsonValue::asJsonObject)
                .min(Comparator.comparing((JsonObject s) -> Instant.parse(s.getString("startsAt"))))
                .orElseThrow().getJsonNumber("id").longValue();

        String fan = api.member("bb-fan", chengdu);
        long fanId = api.get("api/me", fan).json().getJsonNumber("id").longValue();
        Api.Reply signup = api.put("api/plugins/booths/slots/" + slotId + "/roles/volunteer/signup", null, fan);
        assertTrue(signup.status() == 200 || signup.status() == 201, signup.toString());
        assertEquals("CONFIRMED", signup.json().getString("status"), signup.toString());

        // The booth page offers the phone page of the slot the fan holds.
        openAs(fan, "#/p/booths/booth/" + boothId);
        assertEquals("Browser Garden", visible(By.cssSelector("main h1")).getText());
        visible(testid("at-link-" + slotId));

        // At the booth, on a phone: the page is loaded and has sent nothing yet.
        phoneSize();
        openAs(fan, "#/p/booths/at/" + slotId);
        visible(testid("at-demo-" + productId));
        visible(testid("lead-consent-product-contact"));
        wait.until(d -> "0".equals(textOf("at-queued")) && "online".equals(state()));

        try {
            network(false);
            click(testid("at-visitor"));
            click(testid("at-visitor"));
            click(testid("at-visitor"));
            click(testid("at-demo-" + productId));
            type(testid("lead-name"), "Wang Fang");
            type(testid("lead-contact"), "wang.fang@example.org");
            click(testid("lead-consent-product-contact"));
            click(testid("lead-submit"));
            visible(testid("lead-queued"));

            // 3 visitors + 1 demo + 1 lead wait on the phone, counted on the screen; the server has none of them.
            wait.until(d -> "5".equals(textOf("at-queued")));
            wait.until(d -> "offline".equals(state()));
            assertTrue(textOf("at-status").contains("Offline"), textOf("at-status"));
            assertEquals("3", textOf("at-total-visitors"));
            assertEquals("1", textOf("at-total-demo-" + productId));
            JsonObject offline = api.get("api/plugins/booths/slots/" + slotId + "/tallies", fan).json();
            assertEquals(0, offline.getJsonNumber("visitors").longValue(), offline.toString());
            assertEquals(0, demosOf(offline, productId), offline.toString());
            JsonObject noLeads = api.get("api/plugins/booths/booths/" + boothId + "/leads", org).json();
            assertEquals(0, noLeads.getInt("total"), noLeads.toString());
        } finally {
            network(true);
        }

        // Back online, the queue empties and the server holds each entry once.
        wait.until(d -> "0".equals(textOf("at-queued")));
        wait.until(d -> "online".equals(state()));
        assertCounts(slotId, boothId, fan, org, productId);
        desktopSize();
        shot("booths-at");

        // A reload sends nothing again: the queue is gone, the page shows the server's counts.
        phoneSize();
        driver.navigate().refresh();
        visible(testid("at-demo-" + productId));
        wait.until(d -> "3".equals(textOf("at-total-visitors")) && "0".equals(textOf("at-queued")));
        assertEquals(Boolean.TRUE, js("return localStorage.getItem(arguments[0]) === null;", "popcorn.booths.queue." + fanId + "." + slotId),
                "nothing is left in the phone's queue");
        // Nothing to wait for but an absence: give a wrong resend more than the page's 5-second flush interval.
        Thread.sleep(6_000);
        assertCounts(slotId, boothId, fan, org, productId);
        assertEquals("3", textOf("at-total-visitors"));
        assertEquals("1", textOf("at-total-demo-" + productId));
        desktopSize();

        // the organiser reads what the booth gave, and what the city's booths gave
        openAs(org, "#/p/booths/report/" + boothId);
        wait.until(d -> "3".equals(textOf("report-visitors")));
        assertEquals("1", textOf("report-leads"));
        openAs(org, "#/p/booths/report/city-" + chengdu);
        wait.until(d -> driver.findElement(By.cssSelector("main")).getText().contains("Browser Garden"));
        assertEquals("Demo booths in Chengdu", visible(By.cssSelector("main h1")).getText());
    }

    @Test
    void anOrganiserPlansABoothInTheFormAFanTakesASlotAndBothSeeIt() {
        wait.ignoring(StaleElementReferenceException.class); // the pages draw themselves afresh after every action
        String admin = api.adminToken();
        long chengdu = api.cityId("Chengdu");
        ZoneId zone = ZoneId.of(api.get("api/cities/" + chengdu, null).json().getString("timeZone"));
        String org = api.member("bw-org", chengdu);
        assertEquals(200, api.put("api/admin/members/bw-org/organiser/" + chengdu, null, admin).status());
        Api.Reply product = api.post("api/plugins/booths/products",
                "{\"code\":\"bw-lock\",\"name\":\"Walkthrough lock\",\"description\":\"A door lock that opens to a phone\"}", org);
        assertEquals(201, product.status(), product.toString());
        long productId = product.json().getJsonNumber("id").longValue();

        // The organiser fills the form: tomorrow 10:00-12:00 in the city's time, slots of an hour for two volunteers each.
        LocalDate tomorrow = LocalDate.now(zone).plusDays(1);
        openAs(org, "#/p/booths/new-booth");
        type(testid("booth-compound"), "Walkthrough Garden");
        type(testid("booth-address-input"), "Building 3, by the playground");
        click(testid("product-" + productId));
        type(By.id("booth-slot-minutes"), "60");
        type(By.id("booth-volunteers"), "2");
        setValue(testid("opening-date"), tomorrow.toString());
        setValue(testid("opening-opens"), "10:00");
        setValue(testid("opening-closes"), "12:00");
        click(testid("booth-submit"));

        // It lands on the new booth's page, planned at once, with two slots.
        wait.until(d -> d.getCurrentUrl().contains("#/p/booths/booth/"));
        wait.until(d -> "Walkthrough Garden".equals(d.findElement(By.cssSelector("main h1")).getText()));
        wait.until(d -> d.findElements(By.cssSelector("[data-testid^='taken-']")).size() == 2);
        assertEquals("PLANNED", driver.findElement(testid("booth-status")).getDomAttribute("data-status"));
        String url = driver.getCurrentUrl();
        long boothId = Long.parseLong(url.substring(url.indexOf("#/p/booths/booth/") + "#/p/booths/booth/".length()).replaceAll("\\D.*$", ""));
        JsonArray slots = api.get("api/plugins/booths/booths/" + boothId, org).json().getJsonArray("slots");
        assertEquals(2, slots.size(), slots.toString());
        JsonObject first = slots.stream().map(JsonValue::asJsonObject)
                .min(Comparator.comparing((JsonObject s) -> Instant.parse(s.getString("startsAt")))).orElseThrow();
        assertEquals(tomorrow.atTime(10, 0).atZone(zone).toInstant(), Instant.parse(first.getString("startsAt")),
                "the opening was entered in the city's time");
        long slotId = first.getJsonNumber("id").longValue();
        long otherSlotId = slots.stream().map(JsonValue::asJsonObject).mapToLong(s -> s.getJsonNumber("id").longValue())
                .filter(id -> id != slotId).findFirst().orElseThrow();

        // A fan of the same city signs in, opens the booth and volunteers for its first slot.
        String fan = api.member("bw-fan", chengdu);
        long fanId = api.get("api/me", fan).json().getJsonNumber("id").longValue();
        openAs(fan, "#/p/booths/booth/" + boothId);
        assertEquals("Walkthrough Garden", visible(By.cssSelector("main h1")).getText());
        click(testid("signup-" + slotId + "-volunteer"));
        wait.until(d -> d.findElement(testid("mine-" + slotId)).getText().contains("Confirmed"));
        wait.until(d -> d.findElement(testid("taken-" + slotId)).getText().contains("1 of 2"));
        assertTrue(driver.findElements(testid("roster-" + slotId + "-volunteer")).isEmpty(), "a fan sees no roster");

        // The organiser's view of the booth shows the fan in that slot's roster, and nobody in the other one.
        openAs(org, "#/p/booths/booth/" + boothId);
        wait.until(d -> "CONFIRMED".equals(d.findElement(testid("roster-" + slotId + "-" + fanId)).getDomAttribute("data-status")));
        assertTrue(textOf("roster-" + slotId + "-" + fanId).contains("@bw-fan"), textOf("roster-" + slotId + "-" + fanId));
        assertTrue(textOf("roster-" + slotId + "-volunteer").contains("Confirmed"), textOf("roster-" + slotId + "-volunteer"));
        assertTrue(driver.findElements(testid("roster-" + otherSlotId + "-" + fanId)).isEmpty(), "the fan holds only the first slot");

        // The fan's "my slots" lists it, confirmed.
        openAs(fan, "#/p/booths/mine");
        wait.until(d -> "Confirmed".equals(d.findElement(testid("my-status-" + slotId)).getText().trim()));
        assertTrue(visible(testid("my-slot-" + slotId)).getText().contains("Walkthrough Garden"), textOf("my-slot-" + slotId));
        assertTrue(driver.findElements(testid("my-slot-" + otherSlotId)).isEmpty(), "only the slot the fan took");
    }

    /** Exactly 3 visitors, 1 demo of the product, no question, and exactly one lead with its product-contact consent. */
    void assertCounts(long slotId, long boothId, String fan, String org, long productId) {
        JsonObject tallies = api.get("api/plugins/booths/slots/" + slotId + "/tallies", fan).json();
        assertEquals(3, tallies.getJsonNumber("visitors").longValue(), tallies.toString());
        assertEquals(0, tallies.getJsonNumber("questions").longValue(), tallies.toString());
        assertEquals(1, demosOf(tallies, productId), tallies.toString());
        long allDemos = tallies.getJsonArray("demos").stream().map(JsonValue::asJsonObject)
                .mapToLong(d -> d.getJsonNumber("count").longValue()).sum();
        assertEquals(1, allDemos, tallies.toString());

        JsonObject leads = api.get("api/plugins/booths/booths/" + boothId + "/leads", org).json();
        assertEquals(1, leads.getInt("total"), leads.toString());
        JsonArray items = leads.getJsonArray("items");
        assertEquals(1, items.size(), leads.toString());
        JsonObject lead = items.getJsonObject(0);
        assertEquals("Wang Fang", lead.getString("name"), lead.toString());
        assertEquals("wang.fang@example.org", lead.getString("contact"), lead.toString());
        assertTrue(lead.getJsonArray("consents").stream().map(JsonValue::asJsonObject)
                .anyMatch(c -> "product-contact".equals(c.getString("purpose")) && (!c.containsKey("withdrawnAt") || c.isNull("withdrawnAt"))),
                "the lead holds its product-contact consent: " + lead);
    }

    static long demosOf(JsonObject tallies, long productId) {
        return tallies.getJsonArray("demos").stream().map(JsonValue::asJsonObject)
                .filter(d -> d.getJsonNumber("productId").longValue() == productId)
                .mapToLong(d -> d.getJsonNumber("count").longValue()).sum();
    }
}
