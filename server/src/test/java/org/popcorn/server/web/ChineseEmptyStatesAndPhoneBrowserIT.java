package org.popcorn.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.popcorn.server.support.Api;

/**
 * More of what the English browser tests prove, read in 简体中文 (localStorage 'popcorn.lang' = 'zh-CN'): the empty
 * states (a closed round without ballots, a newcomer's profile, a city without meetups), the phone width (the meetup
 * page's RSVP bar, "mark as read" on one line, a receipt that never breaks), live results after the fan's own ballot,
 * the add-city form's required latitude and longitude, the footer's API link and the organiser's pending proposals.
 * The texts are the pages' own catalogues (the app's messages/zh-CN.json, the meetups pages' addStrings 'zh-CN' blocks).
 * Screenshots go to target/screenshots as zh-*.
 */
class ChineseEmptyStatesAndPhoneBrowserIT extends ChineseBrowserTest {

    /** An element's line height in px (a bare number times the font size; 'normal' counts as 1.2 × the font size). */
    static final String LINE_HEIGHT = "const s = getComputedStyle(arguments[0]); const v = s.lineHeight, n = parseFloat(v);"
            + "const size = parseFloat(s.fontSize); return v.endsWith('px') ? n : Number.isNaN(n) ? size * 1.2 : n * size;";

    double number(String script, Object... args) {
        return ((Number) js(script, args)).doubleValue();
    }

    /** A round of two candidates, open now (by the admin); answers its id. */
    long openRound(String title, long a, long b) {
        String admin = api.adminToken();
        Instant now = Instant.now();
        Api.Reply created = api.post("api/rounds", "{\"title\":\"" + title + "\",\"opensAt\":\"" + now.minusSeconds(5) + "\",\"closesAt\":\""
                + now.plusSeconds(3600) + "\",\"candidateCityIds\":[" + a + "," + b + "],\"sizeBrackets\":[50,200,1000]}", admin);
        assertEquals(201, created.status(), created.toString());
        long id = created.json().getJsonNumber("id").longValue();
        api.post("api/rounds/" + id + "/open", null, admin); // the scheduler may open it first: the state is what counts
        assertEquals("OPEN", api.get("api/rounds/" + id, null).json().getString("state"));
        return id;
    }

    @Test
    void aClosedRoundWithoutBallotsSaysSoInChinese() throws Exception {
        long round = openRound("冬季见面会去哪座城市", api.cityId("Lanzhou"), api.cityId("Hohhot"));
        assertEquals(200, api.post("api/rounds/" + round + "/close", null, api.adminToken()).status());
        assertEquals("CLOSED", api.get("api/rounds/" + round, null).json().getString("state"));

        openInChinese(null, "#/rounds/" + round);
        wait.until(d -> "投票已结束，但没有收到任何选票，因此没有胜出城市。".equals(textOf("[data-testid=results-empty]")));
        assertEquals("结果", textOf("#results-h"), "results.title");
        assertEquals("已结束", textOf(".title-row .badge"), "round.state.CLOSED");
        assertEquals("0", textOf("[data-testid=results-ballots]"));
        assertTrue(driver.findElements(By.id("chart-votes")).isEmpty(), "no empty charts");
        assertTrue(driver.findElements(By.cssSelector("[data-testid=winner]")).isEmpty(), "and no winner");
        assertEquals("核对你的选票", textOf("#receipts-h"), "receipts.title");
        shot("zh-round-closed-empty");
    }

    @Test
    void aNewcomersProfilePointsToTheOpenVoteAndTheMeetupsNearThemInChinese() throws Exception {
        long lanzhou = api.cityId("Lanzhou");
        String fan = zh.member("zh2-newcomer", lanzhou);

        openInChinese(fan, "#/me");
        visible(By.cssSelector("[data-testid=start-card]"));
        assertEquals("从这里开始", textOf("#start-h"), "me.startTitle");
        assertTrue(shows("[data-testid=start-card]", "欢迎！两种简单的参与方式："), "me.startText");
        WebElement vote = driver.findElement(By.cssSelector("[data-testid=start-vote]"));
        assertEquals("投票决定下一场官方见面会在哪里举办", vote.getText(), "me.startVote");
        assertTrue(vote.getAttribute("href").endsWith("#/rounds?state=OPEN"), vote.getAttribute("href"));
        WebElement meetups = driver.findElement(By.cssSelector("[data-testid=start-meetups]"));
        assertEquals("查找兰州附近的聚会", meetups.getText(), "me.startMeetupsNear with the home city's Chinese name");
        assertTrue(meetups.getAttribute("href").endsWith("/plugins/meetups/index.html#city=" + lanzhou + "&near=true"),
                meetups.getAttribute("href"));
        shot("zh-profile-start");
    }

    @Test
    void aCityWithoutMeetupsSuggestsTheNearestOnesInChinese() throws Exception {
        long shijiazhuang = api.cityId("Shijiazhuang");
        long taiyuan = api.cityId("Taiyuan");
        String org = organiser("zh2-near-org", shijiazhuang);
        long id = publish(org, shijiazhuang, "Zhengding old town walk", "Longxing Temple", null,
                Instant.now().plusSeconds(4 * 86_400), 7200, 30);
        String fan = zh.member("zh2-near-fan", taiyuan); // Taiyuan is 170 km from Shijiazhuang

        openInChinese(fan, "plugins/meetups/index.html");
        wait.until(d -> "没有符合条件的聚会。换个日期或城市试试。".equals(textOf("[data-testid=no-meetups]")));
        assertEquals("太原的聚会", textOf("#list-title"), "browse.listIn");
        wait.until(d -> "太原暂时没有聚会——1000 公里内的聚会".equals(textOf("#nearest-title")));
        WebElement card = visible(By.cssSelector("[data-testid=nearest] [data-testid=meetup-card-" + id + "]"));
        assertTrue(card.getText().contains("Zhengding old town walk") && card.getText().contains("石家庄"), card.getText());
        assertEquals("显示 1000 公里内的所有聚会", textOf("#nearest-widen"), "browse.nearestWiden");
        shot("zh-meetups-nearest");

        // Widening the search lists the suggestion among the meetups themselves.
        click(By.id("nearest-widen"));
        wait.until(d -> "太原 1000 公里内的聚会".equals(textOf("#list-title")));
        visible(By.cssSelector("#meetup-list [data-testid=meetup-card-" + id + "]"));
        assertTrue(driver.findElements(By.cssSelector("[data-testid=nearest]")).isEmpty(), "no suggestion once the list has it");
    }

    @Test
    void onAPhoneTheRsvpActionStaysInReachWithAChineseLabel() throws Exception {
        long haikou = api.cityId("Haikou");
        String org = organiser("zh2-bar-org", haikou);
        long id = publish(org, haikou, "Seaside sunset walk", "Holiday Beach", "沿着海边慢慢走，一起看日落。".repeat(100),
                Instant.now().plusSeconds(3 * 86_400), 7200, 20);
        String fan = zh.member("zh2-bar-fan", haikou);
        phoneSize();
        try {
            openInChinese(fan, "plugins/meetups/meetup.html#" + id);
            assertEquals("报名", visible(By.id("rsvp-submit")).getText(), "meetup.rsvp");
            js("window.scrollTo(0, document.body.scrollHeight);");
            WebElement bar = visible(By.cssSelector("[data-testid=rsvp-bar-button]"));
            assertEquals("报名", bar.getText(), "the bar says what the form's button says (meetup.rsvp)");
            assertEquals("座位", driver.findElement(By.id("rsvp-bar")).getAttribute("aria-label"), "the bar's region: meetup.seats");
            assertEquals("fixed", js("return getComputedStyle(document.getElementById('rsvp-bar')).position;"), "it stays put");
            assertEquals(Boolean.TRUE, js("const r = arguments[0].getBoundingClientRect();"
                    + "return r.top >= 0 && r.bottom <= window.innerHeight + 1;", bar), "on the screen at the bottom");
            assertEquals(Boolean.TRUE, js("const r = document.getElementById('rsvp-submit').getBoundingClientRect();"
                    + "return r.bottom <= 0 || r.top >= window.innerHeight;"), "while the form's own button is scrolled away");
            desktopSize();
            shot("zh-meetup-rsvp-bar");

            phoneSize();
            js("window.scrollTo(0, document.body.scrollHeight);");
            visible(By.cssSelector("[data-testid=rsvp-bar-button]"));
            click(By.cssSelector("[data-testid=rsvp-bar-button]"));
            wait.until(d -> "报名已保存。".equals(textOf("#rsvp-message")));
            assertEquals("CONFIRMED", api.get(MEETUPS + "/" + id + "/rsvp", fan).json().getString("status"));
            assertEquals("你已报名成功", textOf("[data-testid=ticket-status]"), "ticket.CONFIRMED");
            wait.until(d -> !d.findElement(By.id("rsvp-bar")).isDisplayed()); // nothing left to RSVP for
        } finally {
            desktopSize();
        }
    }

    @Test
    void onAPhoneMarkAsReadStaysOnOneLineInChinese() throws Exception {
        String fan = zh.member("zh2-inbox", api.cityId("Hohhot"));
        long unread = api.get("api/me", fan).json().getJsonNumber("unreadNotifications").longValue();
        assertTrue(unread > 0, "the welcome badge is waiting to be read");
        phoneSize();
        try {
            openInChinese(fan, "#/me/notifications");
            wait.until(d -> shows("main", "你获得了徽章“欢迎加入”"));
            assertEquals("你有 " + unread + " 条未读通知。", textOf("[data-testid=unread-line]"), "notifications.unreadCount");
            WebElement mark = visible(By.cssSelector("[data-testid=mark-read]"));
            assertEquals("标为已读", mark.getText(), "notifications.markRead");
            // Its text is one line: one row of text boxes, no taller than its line height (one character a line would be 4).
            String range = "const r = document.createRange(); r.selectNodeContents(arguments[0]);";
            double lines = number(range + "return new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size;", mark);
            double height = number(range + "return r.getBoundingClientRect().height;", mark);
            double lineHeight = number(LINE_HEIGHT, mark);
            assertEquals(1, lines, "标为已读 on one line at 390 px");
            assertTrue(height > 0 && height < 1.5 * lineHeight, "its text is " + height + " px high, its line " + lineHeight + " px");
            assertTrue(number("return arguments[0].getBoundingClientRect().width;", mark)
                    > number("return arguments[0].getBoundingClientRect().height;", mark), "wider than high, as a one-line button");
            desktopSize();
            shot("zh-notifications-mark-read");
        } finally {
            desktopSize();
        }
        click(By.cssSelector("[data-testid=mark-read]"));
        wait.until(d -> ("你有 " + (unread - 1) + " 条未读通知。").equals(textOf("[data-testid=unread-line]")));
        assertEquals(unread - 1, api.get("api/me", fan).json().getJsonNumber("unreadNotifications").longValue());
    }

    @Test
    void afterTheFansOwnBallotTheResultsUpdateAtOnceAndTheReceiptStaysWholeOnAPhoneInChinese() throws Exception {
        long lanzhou = api.cityId("Lanzhou");
        long hohhot = api.cityId("Hohhot");
        long round = openRound("秋季见面会去哪座城市", lanzhou, hohhot);
        String fan = zh.member("zh2-voter", lanzhou);
        phoneSize();
        try {
            openInChinese(fan, "#/rounds");
            wait.until(d -> "zh-CN".equals(js("return document.documentElement.lang;")) && textOf("main h1") != null);
            // From here this page refreshes nothing on a timer: only the ballot itself can change the results it shows.
            js("window.setInterval = () => 0;");
            js("location.hash = arguments[0];", "#/rounds/" + round);
            wait.until(d -> "还没有选票。会员投票后，结果会显示在这里。".equals(textOf("[data-testid=results-empty]")));
            assertEquals("0", textOf("[data-testid=results-ballots]"));

            click(By.cssSelector("[data-testid=ballot-choice-" + lanzhou + "]"));
            new Select(visible(By.id("ballot-size"))).selectByValue("200");
            click(By.id("ballot-pledge"));
            assertEquals("投出我的选票", driver.findElement(By.id("ballot-submit")).getText(), "ballot.cast");
            click(By.id("ballot-submit"));

            // The receipt: one piece on one line, never broken in the middle, on a phone.
            WebElement receipt = visible(By.cssSelector("[data-testid=receipt]"));
            String code = (String) js("return arguments[0].textContent.trim();", receipt);
            assertTrue(code.matches("[A-Z2-9]{5}(-[A-Z2-9]{5}){3}"), "the receipt: " + code);
            assertEquals("你的投票凭证", textOf("#receipt-panel h3"), "ballot.receiptTitle");
            assertEquals("复制凭证", textOf("#receipt-panel button"), "ballot.copyReceipt");
            assertEquals(1, number("return arguments[0].getClientRects().length;", receipt), "one box, on one line: " + code);
            double height = number("return arguments[0].getBoundingClientRect().height;", receipt);
            double lineHeight = number(LINE_HEIGHT, receipt);
            assertTrue(height < 1.75 * lineHeight, "the code is " + height + " px high, its line " + lineHeight + " px");
            assertTrue(shows("[data-testid=ballot-status]", "你的选票有效"), "ballot.yourBallot");

            // The results follow the fan's own ballot at once (no timer left to do it), with their Chinese labels.
            wait.until(d -> "1".equals(textOf("[data-testid=results-ballots]")));
            assertTrue(driver.findElements(By.cssSelector("[data-testid=results-empty]")).isEmpty(), "the empty state is gone");
            assertEquals("结果", textOf("#results-h"), "results.title");
            assertEquals("选票数", js("return document.querySelector('[data-testid=results-ballots]').previousElementSibling.textContent;"),
                    "results.ballots");
            assertTrue(shows("#results", "实时结果：投票结束前仍会变化。"), "results.live");
            String leading = textOf("[data-testid=winner] .big");
            assertTrue(leading.startsWith("目前领先：") && leading.contains("兰州"), "results.leading: " + leading);
            assertTrue(shows("[data-testid=winner]", "1 票，1 人承诺到场"), "results.votesPledges: " + textOf("[data-testid=winner]"));
            visible(By.id("chart-votes"));
            desktopSize();
            shot("zh-ballot-receipt-live-results");
        } finally {
            desktopSize();
        }
        assertEquals(1, api.get("api/rounds/" + round + "/results", null).json().getInt("ballots"));
    }

    @Test
    void theAddCityFormMarksLatitudeAndLongitudeAsRequiredInChinese() throws Exception {
        zh.member("zh2-admin", api.cityId("Lanzhou"));
        assertEquals(200, api.put("api/admin/members/zh2-admin/admin", "{\"admin\":true}", api.adminToken()).status());
        String admin = api.login("zh2-admin", "password-zh2-admin");

        openInChinese(admin, "#/admin/cities");
        wait.until(d -> "添加城市".equals(textOf("#add-h")));
        for (String[] f : new String[][] {{"newcity-lat", "纬度"}, {"newcity-lon", "经度"}}) {
            WebElement label = driver.findElement(By.cssSelector("label[for=" + f[0] + "]"));
            assertTrue(label.getText().startsWith(f[1]), "admin.cityLat / admin.cityLon: " + label.getText());
            WebElement marker = label.findElement(By.cssSelector(".req"));
            assertEquals("*", marker.getText(), "the form's required marker at " + f[0]);
            assertEquals("true", marker.getAttribute("aria-hidden"), "read as 'required' from the control instead");
            assertEquals(Boolean.TRUE, js("return document.getElementById(arguments[0]).required;", f[0]), f[0] + " is required");
        }
        assertTrue(driver.findElements(By.cssSelector("label[for=newcity-population] .req")).isEmpty(), "the population is optional");
        assertEquals(Boolean.FALSE, js("return document.getElementById('newcity-population').required;"));

        // Left empty, both are refused at their fields, in Chinese.
        type(By.id("newcity-name"), "Zh2 Test Town");
        type(By.id("newcity-country"), "CN");
        setValue(By.id("newcity-zone"), "Asia/Shanghai");
        assertEquals("添加城市", driver.findElement(By.id("newcity-submit")).getText(), "admin.addCity");
        click(By.id("newcity-submit"));
        WebElement lat = visible(By.id("newcity-lat-error"));
        assertEquals("请填写纬度。", lat.getText(), "popcorn.city.latitude.required");
        assertNextTo(lat, "newcity-lat");
        WebElement lon = visible(By.id("newcity-lon-error"));
        assertEquals("请填写经度。", lon.getText(), "popcorn.city.longitude.required");
        assertNextTo(lon, "newcity-lon");
        assertEquals("请修改下方标出的字段。",
                js("return document.getElementById('newcity-submit').form.querySelector('.alert.error').textContent.trim();"),
                "error.checkFields");
        assertEquals(0, api.get("api/cities?q=Zh2&size=1", null).json().getInt("total"), "no city was added");
        shot("zh-admin-city-required");
    }

    @Test
    void theFootersApiLinkOpensTheReadableReferenceInChinese() throws Exception {
        openInChinese(null, "#/");
        visible(By.cssSelector("[data-testid=footer-api]"));
        wait.until(d -> "API 文档".equals(textOf("[data-testid=footer-api]"))); // footer.api
        click(By.cssSelector("[data-testid=footer-api]"));
        wait.until(d -> "API 参考".equals(textOf("main h1")));
        assertTrue(driver.getCurrentUrl().endsWith("#/api-reference"), driver.getCurrentUrl());
        assertEquals("zh-CN", js("return document.documentElement.lang;"));
        assertTrue(textOf("main .lead").startsWith("本服务器 HTTP API（版本 "), "apiRef.intro: " + textOf("main .lead"));
        WebElement create = wait.until(d -> d.findElements(
                By.cssSelector("[data-testid=api-op][data-op='POST /api/plugins/meetups/meetups']")).stream().findFirst().orElse(null));
        assertEquals("需要登录", create.findElement(By.cssSelector("[data-testid=api-security]")).getText(), "apiRef.member");
        assertTrue(create.getText().contains("请求体") && create.getText().contains("响应"), "apiRef.body, apiRef.responses");
        assertTrue(create.getText().contains("capacity"), "the request body's fields are listed");
        WebElement search = driver.findElement(By.cssSelector("[data-testid=api-op][data-op='GET /api/cities']"));
        assertEquals("公开", search.findElement(By.cssSelector("[data-testid=api-security]")).getText(), "apiRef.public");
        long documented = api.send("GET", "openapi?format=JSON", null, null, "application/json").json().getJsonObject("paths").values().stream()
                .mapToLong(v -> v.asJsonObject().keySet().stream().filter(k -> !k.equals("parameters")).count()).sum();
        assertEquals(documented, driver.findElements(By.cssSelector("[data-testid=api-op]")).size(), "every operation is on the page");
        shot("zh-api-reference");
    }

    @Test
    void anOrganiserSeesTheProposalsFirstAndTheirCountBesideHostInChinese() throws Exception {
        long nanchang = api.cityId("Nanchang");
        String org = organiser("zh2-host-org", nanchang);
        String fan = zh.member("zh2-host-fan", nanchang);
        Instant start = Instant.now().plusSeconds(6 * 86_400);
        Api.Reply proposed = api.post(MEETUPS, "{\"cityId\":" + nanchang + ",\"title\":\"Tengwang Pavilion picnic\","
                + "\"venueName\":\"Tengwang Pavilion\",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plusSeconds(7200)
                + "\",\"capacity\":8}", fan);
        assertEquals("PROPOSED", proposed.json().getString("status"), proposed.toString());
        long id = proposed.json().getJsonNumber("id").longValue();

        openInChinese(org, "plugins/meetups/host.html");
        visible(By.id("meetup-form"));
        WebElement count = visible(By.cssSelector("[data-testid=nav-host] [data-testid=pending-count]"));
        assertEquals("1", count.getText(), "what awaits the organiser, counted beside Host");
        assertEquals("有 1 个提议等你处理", count.getAttribute("aria-label"), "nav.pending");
        assertEquals("组织聚会 1", textOf("[data-testid=nav-host]"), "nav.host, then the count");
        assertEquals("等待我审核的提议", textOf("#proposals-title"), "host.proposals");
        assertTrue(visible(By.id("proposals")).getLocation().getY() < driver.findElement(By.id("meetup-form")).getLocation().getY(),
                "and first on the page, above the long form");
        WebElement proposal = visible(By.cssSelector("[data-testid=proposal-" + id + "]"));
        assertTrue(proposal.getText().contains("Tengwang Pavilion picnic") && proposal.getText().contains("提议人：zh2-host-fan"),
                "host.proposedBy: " + proposal.getText());
        assertEquals("批准", driver.findElement(By.id("approve-" + id)).getText(), "host.approve");
        shot("zh-meetups-host-pending");

        // Approved, it leaves the list and the count beside Host goes.
        click(By.id("approve-" + id));
        wait.until(d -> "已批准：“Tengwang Pavilion picnic”已发布。".equals(textOf("#message")));
        wait.until(d -> "组织聚会".equals(textOf("[data-testid=nav-host]")));
        assertTrue(driver.findElements(By.cssSelector("[data-testid=pending-count]")).isEmpty(), "nothing waits any more");
        wait.until(d -> shows("#proposal-list", "没有待审核的提议。"));
        assertEquals("PUBLISHED", api.get(MEETUPS + "/" + id, org).json().getString("status"));
        assertTrue(driver.findElement(By.id("proposals")).isDisplayed(), "the section stays, saying so");
    }
}
