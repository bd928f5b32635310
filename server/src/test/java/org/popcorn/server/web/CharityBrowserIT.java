package org.popcorn.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.popcorn.server.support.Api;

/**
 * The charity plugin's pages inside the app shell, in a real headless Chromium against the real server: a fan signs up
 * for a shift, the team lead checks them in and out on a phone and verifies the hours, and the fan sees them on
 * "my volunteering". A disabled plugin's page is a friendly page in the shell.
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

    @Test
    void aFanSignsUpTheLeadChecksThemInAndOutAndVerifiesTheHours() throws Exception {
        String admin = api.adminToken();
        long chengdu = api.cityId("Chengdu");
        String org = api.member("cb-org", chengdu);
        assertEquals(200, api.put("api/admin/members/cb-org/organiser/" + chengdu, null, admin).status());
        LocalDate today = LocalDate.now();
        Api.Reply campaign = api.post("api/plugins/charity/campaigns", "{\"name\":\"Browser month\",\"startsOn\":\"" + today.minusDays(1)
                + "\",\"endsOn\":\"" + today.plusDays(20) + "\",\"hoursGoal\":100,\"causes\":[\"elderly-company\"],\"cities\":[{\"cityId\":"
                + chengdu + ",\"hoursGoal\":50}]}", admin);
        assertEquals(201, campaign.status(), campaign.toString());
        Instant start = Instant.now().plus(Duration.ofMinutes(40));
        Api.Reply created = api.post("api/plugins/charity/campaigns/" + campaign.json().getJsonNumber("id") + "/activities",
                "{\"cityId\":" + chengdu + ",\"cause\":\"elderly-company\",\"title\":\"Browser tea party\",\"meetingPoint\":\"North gate\","
                        + "\"meetingMinutesBefore\":20,\"shifts\":[{\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plus(Duration.ofHours(2))
                        + "\",\"roles\":[{\"code\":\"helper\",\"name\":\"Helper\",\"capacity\":3}]}]}", org);
        assertEquals(201, created.status(), created.toString());
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
        long campaignId = campaign.json().getJsonNumber("id").longValue();
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
