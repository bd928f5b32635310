package org.popcorn.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.popcorn.server.support.Api;

/**
 * The web UI in a real headless Chromium (Debian's chromium + chromium-driver) against the real server: a fan signs up,
 * votes and sees the receipt and the results chart; an organiser creates, opens and closes a round; an admin disables
 * a plugin and its page leaves the navigation. Screenshots of the pages (desktop and phone) go to target/screenshots.
 */
class UiBrowserIT extends BrowserTest {

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(base);
        newWait();
        open("#/");
        ((JavascriptExecutor) driver).executeScript("localStorage.clear(); localStorage.setItem('popcorn.lang', 'en');");
        driver.navigate().refresh(); // start each test with a fresh app: logged out, English
        visible(By.cssSelector("main h1"));
    }

    void open(String hash) {
        driver.get(site() + hash);
    }

    /** Opens a page and reloads it, so the app renders it afresh even when the browser already shows that address. */
    void reload(String hash) {
        driver.get(site() + hash);
        driver.navigate().refresh();
    }

    void loginInBrowser(String login, String password) {
        open("#/login");
        type(By.id("login-name"), login);
        type(By.id("login-password"), password);
        click(By.id("login-submit"));
        wait.until(d -> d.findElements(By.cssSelector("[data-testid=nav-logout]")).size() > 0);
    }

    long openRound(String adminToken, long a, long b) {
        Instant now = Instant.now();
        long id = api.post("api/rounds", "{\"title\":\"Browser round\",\"opensAt\":\"" + now.minusSeconds(5) + "\",\"closesAt\":\""
                + now.plusSeconds(3600) + "\",\"candidateCityIds\":[" + a + "," + b + "],\"sizeBrackets\":[50,200,1000]}", adminToken)
                .json().getJsonNumber("id").longValue();
        api.post("api/rounds/" + id + "/open", null, adminToken);
        return id;
    }

    @Test
    void theLanguageChosenInTheAppIsTheMembersAndFollowsThemToAnotherDevice() {
        String token = api.member("lang-device", api.cityId("Chengdu"));
        loginInBrowser("lang-device", "password-lang-device");
        new Select(driver.findElement(By.id("lang-select"))).selectByValue("zh-CN");
        wait.until(d -> "zh-CN".equals(api.get("api/me", token).json().getString("language"))); // mail is written in it now

        // another device, where nothing was chosen yet: after log-in the app reads in the member's language
        ((JavascriptExecutor) driver).executeScript("localStorage.clear();");
        driver.navigate().refresh();
        wait.until(d -> "en".equals(((JavascriptExecutor) d).executeScript("return document.documentElement.lang;")));
        loginInBrowser("lang-device", "password-lang-device");
        wait.until(d -> "zh-CN".equals(((JavascriptExecutor) d).executeScript("return document.documentElement.lang;")));
        assertEquals("zh-CN", new Select(driver.findElement(By.id("lang-select"))).getFirstSelectedOption().getAttribute("value"));
    }

    @Test
    void aChineseFanReadsTheirInboxAndTheirNextStepInChinese() throws Exception {
        api.inLanguage("zh-CN").member("inbox-zh", api.cityId("Chengdu"));
        ((JavascriptExecutor) driver).executeScript("localStorage.setItem('popcorn.lang', 'zh-CN');");
        loginInBrowser("inbox-zh", "password-inbox-zh");
        reload("#/me/notifications");
        wait.until(d -> d.findElement(By.tagName("main")).getText().contains("你获得了徽章“欢迎加入”"));
        assertTrue(driver.findElement(By.tagName("main")).getText().contains("加入了社区。"));
        shot("notifications-zh");
        reload("#/me");
        wait.until(d -> d.findElement(By.tagName("main")).getText().contains("参与一次"));
        shot("profile-next-step-zh");
    }

    @Test
    void aFanDownloadsTheirDataAndThenDeletesTheirAccount() {
        api.member("leaving-browser", api.cityId("Chengdu"));
        loginInBrowser("leaving-browser", "password-leaving-browser");
        reload("#/me/settings");
        // keep what the page hands to the browser as a download, to read it back
        ((JavascriptExecutor) driver).executeScript("const make = URL.createObjectURL; window.__downloads = [];"
                + "URL.createObjectURL = (b) => { window.__downloads.push(b); return make(b); };");
        click(By.id("export-data"));
        wait.until(d -> d.findElement(By.id("status")).getText().contains("Your data is downloaded."));
        String json = (String) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; window.__downloads[0].text().then(done);");
        jakarta.json.JsonObject doc = jakarta.json.Json.createReader(new java.io.StringReader(json)).readObject();
        assertEquals("leaving-browser", doc.getJsonObject("member").getString("handle"));
        assertTrue(doc.getJsonArray("badges").toString().contains("\"joined\""), doc.getJsonArray("badges").toString());

        type(By.id("delete-password"), "password-leaving-browser");
        click(By.id("delete-submit"));
        click(By.id("confirm-yes"));
        wait.until(d -> d.findElement(By.id("status")).getText().contains("Your account is deleted."));
        assertEquals(401, api.post("api/auth/login", "{\"login\":\"leaving-browser\",\"password\":\"password-leaving-browser\"}", null).status());
    }

    @Test
    void anOrganiserSeesHowManyProposalsAwaitThemInTheNavigation() {
        long harbin = api.cityId("Harbin");
        String admin = api.adminToken();
        api.member("nav-count-org", harbin);
        assertEquals(200, api.put("api/admin/members/nav-count-org/organiser/" + harbin, null, admin).status());
        String fan = api.member("nav-count-fan", harbin);
        Instant start = Instant.now().plusSeconds(6 * 86_400);
        assertEquals("PROPOSED", api.post("api/plugins/meetups/meetups", "{\"cityId\":" + harbin + ",\"title\":\"Ice lanterns\","
                + "\"venueName\":\"Park\",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plusSeconds(7200) + "\",\"capacity\":8}", fan)
                .json().getString("status"));

        loginInBrowser("nav-count-fan", "password-nav-count-fan");
        visible(By.cssSelector("[data-testid=nav-plugin-meetups]"));
        assertEquals("", driver.findElement(By.cssSelector("[data-testid=nav-count-meetups]")).getText(), "nothing awaits a fan");

        ((JavascriptExecutor) driver).executeScript("localStorage.removeItem('popcorn.token');"); // the organiser's turn
        driver.navigate().refresh();
        visible(By.cssSelector("[data-testid=nav-login]"));
        loginInBrowser("nav-count-org", "password-nav-count-org");
        wait.until(d -> d.findElement(By.cssSelector("[data-testid=nav-count-meetups]")).getText().contains("1"));
        assertTrue(driver.findElement(By.cssSelector("[data-testid=nav-count-meetups] .sr-only")).getAttribute("textContent")
                .contains("1 item waiting for you"), "screen readers hear what the number means");
    }

    @Test
    void aFanSignsUpVotesAndSeesTheReceiptAndTheResultsChart() throws Exception {
        String admin = api.adminToken();
        long chengdu = api.cityId("Chengdu");
        long wuhan = api.cityId("Wuhan");
        long round = openRound(admin, chengdu, wuhan);
        open("#/");
        visible(By.cssSelector("main h1"));
        shot("home");

        open("#/signup");
        type(By.id("signup-handle"), "browser-fan");
        type(By.id("signup-display-name"), "Browser Fan");
        type(By.id("signup-email"), "browser-fan@example.org");
        type(By.id("signup-password"), "browser-password");
        type(By.id("signup-city"), "北京");
        click(By.cssSelector("[data-testid=city-option]"));
        shot("signup");
        click(By.id("signup-submit"));
        wait.until(d -> d.findElements(By.cssSelector("[data-testid=nav-logout]")).size() > 0);

        open("#/me"); // a newcomer is shown where to start
        assertTrue(visible(By.cssSelector("[data-testid=start-meetups]")).getAttribute("href").contains("near=true"));
        assertTrue(driver.findElement(By.cssSelector("[data-testid=start-vote]")).getAttribute("href").contains("state=OPEN"));

        open("#/rounds/" + round);
        click(By.cssSelector("[data-testid=ballot-choice-" + chengdu + "]"));
        new org.openqa.selenium.support.ui.Select(visible(By.id("ballot-size"))).selectByValue("200");
        click(By.id("ballot-pledge"));
        click(By.id("ballot-submit"));
        String receipt = visible(By.cssSelector("[data-testid=receipt]")).getText();
        assertTrue(receipt.matches("(?s).*[A-Z2-9]{5}(-[A-Z2-9]{5}){3}.*"), "the receipt is shown: " + receipt);
        shot("ballot");
        // the results area is redrawn as ballots arrive: read it afresh each time instead of holding an element
        wait.until(d -> "1".equals(js("const e = document.querySelector('[data-testid=results-ballots]'); return e ? e.textContent : null;")));
        String other = api.member("browser-other", chengdu);
        api.put("api/rounds/" + round + "/ballot", "{\"choices\":[" + wuhan + "],\"size\":200}", other);
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(30)).until(d ->
                "2".equals(js("const e = document.querySelector('[data-testid=results-ballots]'); return e ? e.textContent : null;")));

        api.post("api/rounds/" + round + "/close", null, admin);
        reload("#/rounds/" + round);
        visible(By.id("chart-votes"));
        String winner = visible(By.cssSelector("[data-testid=winner]")).getText();
        assertTrue(winner.contains("Chengdu"), winner);
        assertTrue(winner.contains("1 vote, 1 pledge to attend"), "singular where it is one: " + winner);
        assertTrue(visible(By.cssSelector("[data-testid=tie-break]")).getText()
                .contains("Chengdu and Wuhan have the same number of votes; Chengdu wins with the most pledges to attend."), winner);
        ((JavascriptExecutor) driver).executeScript("localStorage.setItem('popcorn.lang', 'zh-CN');");
        reload("#/rounds/" + round);
        String tieZh = visible(By.cssSelector("[data-testid=tie-break]")).getText();
        assertTrue(tieZh.contains("得票相同") && tieZh.contains("成都"), "the tie-break in Chinese, with the Chinese city names: " + tieZh);
        ((JavascriptExecutor) driver).executeScript("localStorage.setItem('popcorn.lang', 'en');");
        reload("#/rounds/" + round);
        visible(By.id("chart-votes"));
        shot("results");
        String code = receipt.replaceAll("(?s).*?([A-Z2-9]{5}(-[A-Z2-9]{5}){3}).*", "$1");
        assertEquals(1, api.get("api/rounds/" + round + "/receipts?receipt=" + code, null).json().getInt("total"),
                "the receipt the page showed is the one counted");
    }

    @Test
    void aServerErrorIsShownInTheReadersLanguageByItsCode() throws Exception {
        long beijing = api.cityId("Beijing");
        api.member("lang-fan", beijing);
        String detail = api.post("api/auth/login", "{\"login\":\"lang-fan\",\"password\":\"not-it\"}", null).json().getString("detail");
        jakarta.json.JsonObject zh;
        try (var in = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of(
                "../web-static/src/main/resources/META-INF/resources/messages/zh-CN.json"))) {
            zh = jakarta.json.Json.createReader(in).readObject();
        }
        String chinese = zh.getString("problem.auth.bad-credentials");

        ((JavascriptExecutor) driver).executeScript("localStorage.setItem('popcorn.lang', 'zh-CN');");
        reload("#/login");
        type(By.id("login-name"), "lang-fan");
        type(By.id("login-password"), "not-it");
        click(By.id("login-submit"));
        String shown = wait.until(d -> d.findElements(By.cssSelector("form .alert.error")).stream()
                .filter(e -> e.isDisplayed() && !e.getText().isBlank()).map(e -> e.getText()).findFirst().orElse(null));
        assertTrue(shown.contains(chinese), "the Chinese UI shows the code's Chinese message, not the server's English: " + shown);
        assertFalse(shown.contains(detail), shown);
        shot("login-error-zh");

        ((JavascriptExecutor) driver).executeScript("localStorage.setItem('popcorn.lang', 'en');");
        reload("#/login");
        type(By.id("login-name"), "lang-fan");
        type(By.id("login-password"), "not-it");
        click(By.id("login-submit"));
        String english = wait.until(d -> d.findElements(By.cssSelector("form .alert.error")).stream()
                .filter(e -> e.isDisplayed() && !e.getText().isBlank()).map(e -> e.getText()).findFirst().orElse(null));
        assertTrue(english.contains(detail), "English readers get the server's own detail: " + english);
    }

    @Test
    void theFootersApiLinkOpensAReadableReferenceOfEveryOperation() throws Exception {
        open("#/");
        click(By.cssSelector("[data-testid=footer-api]"));
        org.openqa.selenium.WebElement create = wait.until(d -> d.findElements(
                By.cssSelector("[data-testid=api-op][data-op='POST /api/plugins/meetups/meetups']")).stream().findFirst().orElse(null));
        assertEquals("needs a login", create.findElement(By.cssSelector("[data-testid=api-security]")).getText());
        assertTrue(create.getText().contains("capacity"), "the request body's fields are listed");
        assertTrue(create.getText().contains("201"), "the plugin's real success status");
        org.openqa.selenium.WebElement search = driver.findElement(By.cssSelector("[data-testid=api-op][data-op='GET /api/cities']"));
        assertEquals("public", search.findElement(By.cssSelector("[data-testid=api-security]")).getText());
        long documented = api.send("GET", "openapi?format=JSON", null, null, "application/json").json().getJsonObject("paths").values().stream()
                .mapToLong(v -> v.asJsonObject().keySet().stream().filter(k -> !k.equals("parameters")).count()).sum();
        assertEquals(documented, driver.findElements(By.cssSelector("[data-testid=api-op]")).size(), "every operation is on the page");
        shot("api-reference");
        Api.Reply icon = api.send("GET", "favicon.svg", null, null, "*/*");
        assertEquals(200, icon.status());
        assertTrue(icon.contentType().startsWith("image/svg+xml"), icon.contentType());
        assertTrue(driver.findElement(By.cssSelector("link[rel=icon]")).getAttribute("href").endsWith("/favicon.svg"));
    }

    @Test
    void anOrganiserCreatesOpensAndClosesARound() throws Exception {
        String admin = api.adminToken();
        long chengdu = api.cityId("Chengdu");
        api.member("browser-org", chengdu);
        assertEquals(200, api.put("api/admin/members/browser-org/organiser/" + chengdu, null, admin).status());
        loginInBrowser("browser-org", "password-browser-org");

        open("#/rounds/new");
        type(By.id("round-title"), "Where do we meet in spring?");
        List<String> cities = List.of("Chengdu", "Chongqing");
        for (String c : cities) {
            type(By.id("round-candidates"), c);
            click(By.cssSelector("[data-testid=city-option]"));
        }
        String opens = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1).withSecond(0).withNano(0).toString();
        String closes = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(8).withSecond(0).withNano(0).toString();
        setValue(By.id("round-opens"), opens.substring(0, 16));
        setValue(By.id("round-closes"), closes.substring(0, 16));
        shot("round-editor");
        click(By.id("round-save"));
        click(By.id("round-open"));
        assertTrue(visible(By.cssSelector("dialog.confirm")).getText().contains("It is scheduled to open at"),
                "opening early says that it moves the scheduled opening to now");
        click(By.cssSelector("[data-testid=confirm-yes]"));
        wait.until(d -> d.findElements(By.id("round-close")).size() > 0);
        String url = driver.getCurrentUrl();
        long id = Long.parseLong(url.replaceAll(".*#/rounds/(\\d+).*", "$1"));
        assertEquals("OPEN", api.get("api/rounds/" + id, null).json().getString("state"));
        click(By.id("round-close"));
        click(By.cssSelector("[data-testid=confirm-yes]"));
        wait.until(d -> "CLOSED".equals(api.get("api/rounds/" + id, null).json().getString("state")));
        reload("#/rounds/" + id);
        assertTrue(visible(By.cssSelector("[data-testid=results-empty]")).getText().contains("without any ballots"),
                "a closed round with no ballots says so instead of showing empty charts");
        reload("#/rounds/" + id + "/edit");
        assertTrue(visible(By.cssSelector("[data-testid=editor-locked]")).getText().contains("nothing can be changed"));
        assertFalse(driver.findElement(By.id("round-title")).isEnabled(), "a closed round's form is read-only");
        assertFalse(driver.findElement(By.id("round-save")).isDisplayed(), "and offers no Save that would fail");
        reload("#/rounds/" + id);
        String href = wait.until(d -> d.findElements(By.id("receipts-download")).isEmpty() ? null
                : d.findElement(By.id("receipts-download")).getAttribute("href"));
        assertTrue(href.endsWith("/api/rounds/" + id + "/receipts.jsonl"), "the public recount download: " + href);
        assertEquals(200, api.send("GET", "api/rounds/" + id + "/receipts.jsonl", null, null, "*/*").status());
        shot("round-closed");
    }

    @Test
    void anAdminDisablesAPluginAndItsPageLeavesTheNavigation() throws Exception {
        assertTrue(api.get("api/ui/navigation", null).body().contains("feedback"), "the example plugin is installed");
        reload("#/");
        visible(By.cssSelector("[data-testid=nav-plugin-feedback]"));
        loginInBrowser("it-admin", "it-admin-only-in-memory");
        open("#/admin/plugins");
        wait.until(d -> "STARTED".equals(d.findElement(By.cssSelector("[data-testid=plugin-state-feedback]")).getAttribute("data-state")));
        shot("admin-plugins");
        click(By.cssSelector("[data-testid=plugin-toggle-feedback]"));
        wait.until(d -> d.findElements(By.cssSelector("[data-testid=nav-plugin-feedback]")).isEmpty());
        assertEquals(404, api.get("api/plugins/feedback/items", null).status());
        open("#/");
        visible(By.cssSelector("main h1"));
        assertFalse(driver.findElements(By.cssSelector("[data-testid=nav-plugin-feedback]")).size() > 0);
        reload("#/admin/plugins");
        wait.until(d -> "DISABLED".equals(d.findElement(By.cssSelector("[data-testid=plugin-state-feedback]")).getAttribute("data-state")));
        click(By.cssSelector("[data-testid=plugin-toggle-feedback]"));
        wait.until(d -> d.findElements(By.cssSelector("[data-testid=nav-plugin-feedback]")).size() > 0);
    }
}
