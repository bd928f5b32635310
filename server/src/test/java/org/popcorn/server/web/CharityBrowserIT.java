package org.popcorn.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.popcorn.server.support.Api;

/**
 * The charity plugin's pages inside the app shell, in a real headless Chromium against the real server: a fan signs up
 * for a shift, the team lead checks them in and out on a phone and verifies the hours, and the fan sees them on
 * "my volunteering". A role's waiver is read and ticked before the sign-up is sent. A disabled plugin's page is a
 * friendly page in the shell.
 */
class CharityBrowserIT extends BrowserTest {

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(base);
        newWait();
        desktopSize();
    }

    void openAs(String token, String hash) {
        driver.get(site());
        js("if (arguments[0]) localStorage.setItem('popcorn.token', arguments[0]); else localStorage.removeItem('popcorn.token');"
                + " localStorage.setItem('popcorn.lang', 'en');", token); // null: an anonymous visitor
        driver.get(site() + hash);
        driver.navigate().refresh();
    }

    /** The token of the organiser {@link #activity} made last. */
    String organiserToken;

    /**
     * A new organiser of {@code city} ({@code handle}; token in {@link #organiserToken}), a campaign there by the admin,
     * and the organiser's published activity with one two-hour shift from {@code start} and a role "helper" (3 places).
     */
    Api.Reply activity(String admin, String handle, long city, String campaignName, String title, String meetingPoint,
                       int meetingMinutesBefore, Instant start) {
        String org = api.member(handle, city);
        assertEquals(200, api.put("api/admin/members/" + handle + "/organiser/" + city, null, admin).status());
        LocalDate today = LocalDate.now();
        Api.Reply campaign = api.post("api/plugins/charity/campaigns", "{\"name\":\"" + campaignName + "\",\"startsOn\":\"" + today.minusDays(1)
                + "\",\"endsOn\":\"" + today.plusDays(20) + "\",\"hoursGoal\":100,\"causes\":[\"elderly-company\"],\"cities\":[{\"cityId\":"
                + city + ",\"hoursGoal\":50}]}", admin);
        assertEquals(201, campaign.status(), campaign.toString());
        Api.Reply created = api.post("api/plugins/charity/campaigns/" + campaign.json().getJsonNumber("id") + "/activities",
                "{\"cityId\":" + city + ",\"cause\":\"elderly-company\",\"title\":\"" + title + "\",\"meetingPoint\":\"" + meetingPoint + "\","
                        + "\"meetingMinutesBefore\":" + meetingMinutesBefore + ",\"shifts\":[{\"startsAt\":\"" + start + "\",\"endsAt\":\""
                        + start.plus(Duration.ofHours(2)) + "\",\"roles\":[{\"code\":\"helper\",\"name\":\"Helper\",\"capacity\":3}]}]}", org);
        assertEquals(201, created.status(), created.toString());
        organiserToken = org;
        return created;
    }

    @Test
    void aFanSignsUpTheLeadChecksThemInAndOutAndVerifiesTheHours() throws Exception {
        String admin = api.adminToken();
        long chengdu = api.cityId("Chengdu");
        Api.Reply created = activity(admin, "cb-org", chengdu, "Browser month", "Browser tea party", "North gate", 20,
                Instant.now().plus(Duration.ofMinutes(40)));
        String org = organiserToken;
        long activity = created.json().getJsonNumber("id").longValue();
        long shift = created.json().getJsonArray("shifts").getJsonObject(0).getJsonNumber("id").longValue();
        String fan = api.member("cb-fan", chengdu);
        long fanId = api.get("api/me", fan).json().getJsonNumber("id").longValue();

        // the fan finds the activity, reads where to meet, and signs up
        openAs(fan, "#/p/charity/activity/" + activity);
        assertEquals("Browser tea party", visible(By.cssSelector("main h1")).getText());
        assertTrue(driver.findElement(By.tagName("main")).getText().contains("North gate"), "the meeting point is shown");
        click(By.cssSelector("[data-testid='signup-" + shift + "-helper']"));
        wait.until(d -> d.findElement(By.cssSelector("[data-testid='mine-" + shift + "-helper']")).getText().contains("Confirmed"));
        shot("charity-activity");

        // the organiser runs the shift on a phone: check in, check out, verify two hours with a reason
        phoneSize();
        openAs(org, "#/p/charity/lead/" + shift);
        click(By.cssSelector("[data-testid='checkin-" + fanId + "']"));
        click(By.cssSelector("[data-testid='checkout-" + fanId + "']"));
        wait.until(d -> "PENDING".equals(d.findElement(By.cssSelector("[data-testid='hours-" + fanId + "']")).getAttribute("data-status")));
        setValue(By.cssSelector("[data-testid='minutes-" + fanId + "']"), "120");
        type(By.cssSelector("[data-testid='reason-" + fanId + "']"), "Stayed the whole afternoon");
        click(By.cssSelector("[data-testid='approve-" + fanId + "']"));
        wait.until(d -> "VERIFIED".equals(d.findElement(By.cssSelector("[data-testid='hours-" + fanId + "']")).getAttribute("data-status")));
        assertTrue(visible(By.cssSelector("[data-testid='history-" + fanId + "']")).getText().contains("Stayed the whole afternoon"),
                "the correction's reason is in the visible history");
        desktopSize();
        shot("charity-lead");

        JsonObject mine = api.get("api/plugins/charity/my/shifts", fan).json();
        assertEquals(120, mine.getInt("verifiedMinutes"));
        openAs(fan, "#/p/charity/mine");
        wait.until(d -> d.findElement(By.cssSelector("[data-testid='my-verified-minutes']")).getText().contains("2"));
        assertTrue(visible(By.cssSelector("[data-testid='my-verified-minutes']")).getText().contains("120"));
        shot("charity-mine");

        // the certificate of those hours: downloaded as a PDF, and its code verifies on the public page
        long campaignId = created.json().getJsonNumber("campaignId").longValue();
        js("const make = URL.createObjectURL; window.__downloads = []; URL.createObjectURL = (b) => { window.__downloads.push(b); return make(b); };");
        click(By.cssSelector("[data-testid='certificate-" + campaignId + "']"));
        wait.until(d -> d.findElement(By.id("status")).getText().contains("The certificate is downloaded."));
        String head = (String) ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; window.__downloads[0].slice(0, 5).text().then(done);");
        assertEquals("%PDF-", head, "the download is a PDF");
        String code = api.get("api/me/export", fan).json().getJsonObject("plugins").getJsonObject("charity")
                .getJsonArray("certificates").getJsonObject(0).getString("code");
        openAs(null, "#/p/charity/verify/" + code);
        visible(By.cssSelector("[data-testid='certificate-valid']"));
        assertEquals("cb-fan", visible(By.cssSelector("[data-testid='certificate-volunteer']")).getText());
        assertTrue(visible(By.cssSelector("[data-testid='certificate-hours']")).getText().contains("2"));
        shot("charity-certificate-verified");
        openAs(null, "#/p/charity/verify/NOSUCHCODE");
        visible(By.cssSelector("[data-testid='certificate-invalid']"));
    }

    @Test
    void aVolunteerMustAcceptARolesWaiverBeforeSigningUpAndTheAcceptanceIsRecorded() throws Exception {
        String admin = api.adminToken();
        long jinan = api.cityId("Jinan");
        Api.Reply created = activity(admin, "wv-org", jinan, "Waiver month", "Care home afternoon", "Care home lobby", 15,
                Instant.now().plus(Duration.ofDays(3)));
        String org = organiserToken;
        long activity = created.json().getJsonNumber("id").longValue();
        long shift = created.json().getJsonArray("shifts").getJsonObject(0).getJsonNumber("id").longValue();
        Api.Reply waiver = api.put("api/plugins/charity/activities/" + activity + "/roles/helper/waiver",
                "{\"en\":\"I will follow the care home's rules.\",\"zh-CN\":\"我会遵守养老院的规定。\"}", org);
        assertEquals(200, waiver.status(), waiver.toString());
        JsonObject given = waiver.json().getJsonArray("shifts").getJsonObject(0).getJsonArray("roles").getJsonObject(0).getJsonObject("waiver");
        int version = given.getInt("version");
        assertEquals("我会遵守养老院的规定。", given.getJsonObject("texts").getString("zh-CN"));
        String fan = api.member("wv-fan", jinan);
        String key = shift + "-helper";
        String signupPath = "/api/plugins/charity/shifts/" + shift + "/roles/helper/signup";

        // the fan reads the waiver on the activity page; every sign-up request the page sends is noted
        openAs(fan, "#/p/charity/activity/" + activity);
        assertEquals("Care home afternoon", visible(By.cssSelector("main h1")).getText());
        assertEquals("I will follow the care home's rules.", visible(By.cssSelector("[data-testid='waiver-" + key + "'] .waiver-text")).getText());
        assertTrue(visible(By.cssSelector("[data-testid='waiver-" + key + "'] h4")).getText().contains("version " + version),
                "the waiver names the version the fan accepts");
        assertEquals("I have read and accept this waiver", visible(By.cssSelector("label[for='waiver-accept-" + key + "']")).getText());
        assertFalse(visible(By.cssSelector("[data-testid='waiver-accept-" + key + "']")).isSelected(), "the box starts unticked");
        js("const send = window.fetch; window.__signups = [];"
                + " window.fetch = function (u, o) { const at = String(u && u.url ? u.url : u);"
                + " if (at.includes('/signup')) window.__signups.push({ method: (o && o.method) || 'GET', url: at, body: (o && o.body) || null });"
                + " return send.call(window, u, o); };");

        // signing up without the tick is refused on the page: a message, the focus on the box, and nothing sent
        click(By.cssSelector("[data-testid='signup-" + key + "']"));
        By refusal = By.cssSelector("[data-testid='shift-" + shift + "'] .alert.error");
        wait.until(d -> d.findElement(refusal).isDisplayed()
                && d.findElement(refusal).getText().contains("Read the waiver for Helper and tick “I have read and accept this waiver” to sign up."));
        wait.until(d -> ("waiver-accept-" + key).equals(js("return document.activeElement && document.activeElement.dataset.testid;")));
        assertTrue(driver.findElement(By.cssSelector("[data-testid='signup-" + key + "']")).isEnabled(), "the button stays usable");
        assertEquals(0L, js("return window.__signups.length;"), "no sign-up was sent without the tick");
        JsonObject before = api.get("api/plugins/charity/activities/" + activity, fan).json().getJsonArray("shifts").getJsonObject(0)
                .getJsonArray("roles").getJsonObject(0);
        assertEquals(0, before.getInt("taken"), before.toString());
        assertTrue(before.get("mine") == null || before.isNull("mine"), "the fan holds no place: " + before);
        assertFalse(before.getJsonObject("waiver").getBoolean("accepted"), "nothing accepted: " + before);
        shot("charity-waiver");

        // ticked, the sign-up goes out with the waiver's version and the place is confirmed
        assertEquals("waiver-text-" + key + " waiver-accept-" + key, driver.findElement(By.cssSelector("[data-testid='signup-" + key + "']"))
                .getAttribute("aria-describedby"), "the button is described by the waiver's text and its box");
        click(By.cssSelector("[data-testid='waiver-accept-" + key + "']"));
        assertTrue(driver.findElement(By.cssSelector("[data-testid='waiver-accept-" + key + "']")).isSelected());
        wait.until(d -> d.findElements(refusal).stream().noneMatch(WebElement::isDisplayed)); // ticked: the refusal goes
        click(By.cssSelector("[data-testid='signup-" + key + "']"));
        wait.until(d -> d.findElement(By.cssSelector("[data-testid='mine-" + key + "']")).getText().contains("Confirmed"));
        assertTrue(visible(By.cssSelector("[data-testid='waiver-" + key + "']")).getText().contains("you accepted it"),
                "the waiver now says it is accepted");
        assertTrue(driver.findElements(By.cssSelector("[data-testid='waiver-accept-" + key + "']")).isEmpty(), "no box to tick again");
        assertEquals(1L, js("return window.__signups.length;"), "one sign-up was sent");
        assertEquals("PUT", js("return window.__signups[0].method;"));
        assertTrue(((String) js("return window.__signups[0].url;")).endsWith(signupPath));
        JsonObject sent = Json.createReader(new StringReader((String) js("return window.__signups[0].body;"))).readObject();
        assertEquals(version, sent.getInt("acceptWaiverVersion"), sent.toString());

        JsonObject after = api.get("api/plugins/charity/activities/" + activity, fan).json().getJsonArray("shifts").getJsonObject(0)
                .getJsonArray("roles").getJsonObject(0);
        assertEquals(1, after.getInt("taken"), after.toString());
        assertEquals("CONFIRMED", after.getJsonObject("mine").getString("status"));
        assertTrue(after.getJsonObject("waiver").getBoolean("accepted"), "the fan's acceptance stands: " + after);
        assertEquals(version, after.getJsonObject("waiver").getInt("version"));
        JsonArray accepted = api.get("api/me/export", fan).json().getJsonObject("plugins").getJsonObject("charity").getJsonArray("waiversAccepted");
        assertEquals(1, accepted.size(), accepted.toString());
        assertEquals("waiver-" + activity + "-helper", accepted.getJsonObject(0).getString("purpose"));
        assertEquals(version, accepted.getJsonObject(0).getInt("version"));
        assertTrue(accepted.getJsonObject(0).get("withdrawnAt") == null || accepted.getJsonObject(0).isNull("withdrawnAt"),
                "the acceptance is not withdrawn: " + accepted);
        shot("charity-waiver-accepted");
    }

    @Test
    void aDisabledPluginsPageIsAFriendlyPageInTheShell() throws Exception {
        String admin = api.adminToken();
        openAs(admin, "#/p/charity/campaigns");
        visible(By.cssSelector("main h1"));
        assertEquals(200, api.put("api/admin/plugins/charity", "{\"enabled\":false}", admin).status());
        try {
            openAs(admin, "#/p/charity/campaigns");
            assertTrue(visible(By.cssSelector("[data-testid=plugin-unavailable]")).isDisplayed());
            visible(By.id("site-nav"));
            shot("plugin-unavailable");
        } finally {
            assertEquals(200, api.put("api/admin/plugins/charity", "{\"enabled\":true}", admin).status());
        }
    }
}
