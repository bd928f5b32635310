package org.popcorn.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.popcorn.server.support.Api;

/**
 * What the English browser tests prove, read in 简体中文 (localStorage 'popcorn.lang' = 'zh-CN'): a finished meetup says
 * whether the fan went and asks those who came for a rating; a full meetup offers its waiting list and says where the fan
 * stands; an RSVP asks whether to appear in "Who is coming"; the host form's errors stand next to their fields; the
 * round editor explains opening early and is read-only once a round has started or closed; the calendar buttons have
 * Chinese labels. The texts are the pages' own catalogues (the meetups pages' addStrings 'zh-CN' blocks, the app's
 * messages/zh-CN.json, the plugin's messages/zh-CN.json). Screenshots go to target/screenshots as zh-*.
 */
class ChineseExperienceBrowserIT extends ChineseBrowserTest {

    /** RSVPs through the API; answers the ticket's status. */
    String rsvp(long meetup, String token) {
        return api.put(MEETUPS + "/" + meetup + "/rsvp", "{\"guests\":0}", token).json().getString("status");
    }

    @Test
    void aFinishedMeetupSaysYouWentAndAsksForARatingInChinese() throws Exception {
        long kunming = api.cityId("Kunming");
        String org = organiser("zh-end-org", kunming);
        String came = zh.member("zh-end-came", kunming);
        String missed = zh.member("zh-end-missed", kunming);
        // Starts in a few seconds, so that the fans can RSVP and be checked in before, and the hosts finish it after.
        Instant start = Instant.now().plusSeconds(6);
        long id = publish(org, kunming, "Crossing-bridge noodles", "Green Lake", null, start, 3600, 5);
        assertEquals("CONFIRMED", rsvp(id, came));
        assertEquals("CONFIRMED", rsvp(id, missed));
        String code = api.get(MEETUPS + "/" + id + "/rsvp", came).json().getString("checkInCode");
        assertEquals(200, api.post(MEETUPS + "/" + id + "/check-ins", "{\"code\":\"" + code + "\"}", org).status());
        wait.until(d -> Instant.now().isAfter(start.plusSeconds(1)));
        Api.Reply finished = api.post(MEETUPS + "/" + id + "/finish", null, org);
        assertEquals("FINISHED", finished.json().getString("status"), finished.toString());

        openInChinese(came, "plugins/meetups/meetup.html#" + id);
        assertEquals("你参加了", visible(By.cssSelector("[data-testid=ticket-status]")).getText(), "ticket.went");
        assertTrue(driver.findElement(By.id("ticket")).getText().contains("感觉怎么样？请在下方评分。"), "meetup.rateAsk");
        assertEquals("这场聚会已结束。", driver.findElement(By.id("opening")).getText(), "meetup.over");
        assertTrue(driver.findElement(By.id("rules")).getText().contains("报名已关闭。"), "rules.closed");
        assertTrue(driver.findElements(By.cssSelector("[data-testid=checkin-code]")).isEmpty(), "no live check-in code after the end");
        assertTrue(driver.findElements(By.cssSelector("[data-testid=rsvp-cancel]")).isEmpty(), "nothing to cancel");
        assertEquals("评分和评论", driver.findElement(By.id("ratings-title")).getText());
        WebElement form = visible(By.id("rating-form"));
        assertEquals("我的评分", form.findElement(By.tagName("legend")).getText());
        assertEquals("保存评分", driver.findElement(By.id("rating-submit")).getText());
        wait.until(d -> "还没有评分。".equals(textOf("#rating-summary")));
        shot("zh-meetup-over");

        // The fan who came rates it, and reads the thanks and the new summary in Chinese.
        click(By.id("rating-4"));
        type(By.id("rating-comment"), "米线很好吃");
        click(By.id("rating-submit"));
        wait.until(d -> "谢谢！评分已保存。".equals(textOf("#rating-message")));
        wait.until(d -> "1 个评分，平均 4.0 星（满分 5 星）".equals(textOf("#rating-summary")));
        shot("zh-meetup-rated");

        openInChinese(missed, "plugins/meetups/meetup.html#" + id);
        assertEquals("你错过了", visible(By.cssSelector("[data-testid=ticket-status]")).getText(), "ticket.missed");
        assertFalse(driver.findElement(By.id("rating-form")).isDisplayed(), "who did not come is not asked for a rating");
    }

    @Test
    void aFullMeetupOffersTheWaitingListAndSaysWhereTheFanStandsInChinese() throws Exception {
        long changsha = api.cityId("Changsha");
        String org = organiser("zh-full-org", changsha);
        Instant start = Instant.now().plusSeconds(2 * 86_400);
        long id = publish(org, changsha, "Stinky tofu tasting", "Orange Isle", null, start, 7200, 1);
        assertEquals("CONFIRMED", rsvp(id, zh.member("zh-full-first", changsha)));
        String fan = zh.member("zh-full-fan", changsha);

        openInChinese(fan, "plugins/meetups/meetup.html#" + id);
        assertEquals("加入候补名单", visible(By.id("rsvp-submit")).getText(), "meetup.joinWaiting: the button says what it will do");
        assertEquals("已占 1 / 1 座", driver.findElement(By.id("seats")).getText(), "seats.taken");
        click(By.id("rsvp-submit"));
        wait.until(d -> "你在候补名单第 1 位。有座位空出时会留给你。".equals(textOf("#rsvp-message")));
        assertEquals("你在候补名单第 1 位", visible(By.cssSelector("[data-testid=ticket-status]")).getText(), "ticket.WAITING");
        assertEquals("你在候补第 1 位。空出 1 个座位时，你会依次递补。", driver.findElement(By.id("ticket-position")).getText(),
                "meetup.position");
        assertEquals("退出候补", driver.findElement(By.cssSelector("[data-testid=rsvp-cancel]")).getText(), "meetup.cancel.WAITING");
        assertEquals("WAITING", api.get(MEETUPS + "/" + id + "/rsvp", fan).json().getString("status"));
        shot("zh-meetup-waiting");
    }

    @Test
    void anRsvpAsksWhetherToAppearInWhoIsComingInChinese() throws Exception {
        long nanning = api.cityId("Nanning");
        String org = organiser("zh-who-org", nanning);
        Instant start = Instant.now().plusSeconds(3 * 86_400);
        long id = publish(org, nanning, "Old friend noodles", "Zhongshan Road", null, start, 7200, 10);
        String fan = zh.member("zh-who-fan", nanning);

        openInChinese(fan, "plugins/meetups/meetup.html#" + id);
        WebElement visibleBox = visible(By.id("rsvp-visible"));
        assertFalse(visibleBox.isSelected(), "private unless chosen");
        assertEquals("在“谁会来”中显示我的名字", driver.findElement(By.cssSelector("label[for=rsvp-visible]")).getText(),
                "meetup.showMe");
        assertEquals("除非你选择，否则默认不显示。此设置适用于你的所有聚会，可随时在设置中更改。",
                driver.findElement(By.id("rsvp-visible-hint")).getText(), "meetup.showMeHint");
        assertTrue(visibleBox.getAttribute("aria-describedby").contains("rsvp-visible-hint"), "the hint is read with the box");
        assertEquals("谁会来", driver.findElement(By.id("people-title")).getText(), "meetup.people");
        wait.until(d -> shows("#people", "还没有人选择公开。"));
        assertEquals("报名", driver.findElement(By.id("rsvp-submit")).getText(), "meetup.rsvp");
        shot("zh-meetup-rsvp-ask");

        click(By.id("rsvp-visible"));
        click(By.id("rsvp-submit"));
        wait.until(d -> "报名已保存。".equals(textOf("#rsvp-message")));
        assertEquals("你已报名成功", visible(By.cssSelector("[data-testid=ticket-status]")).getText(), "ticket.CONFIRMED");
        wait.until(d -> shows("#visible-attendees", "zh-who-fan"));
        assertTrue(api.get("api/me", fan).json().getBoolean("attendanceVisible"), "the choice made at RSVP is kept");
        shot("zh-meetup-who-is-coming");
    }

    @Test
    void theHostFormShowsItsErrorsNextToTheirFieldsInChinese() throws Exception {
        long hefei = api.cityId("Hefei");
        String org = organiser("zh-host-org", hefei);
        openInChinese(org, "plugins/meetups/host.html");
        visible(By.id("meetup-form"));
        assertEquals("组织聚会", driver.findElement(By.id("host-title")).getText(), "host.title");
        assertEquals("创建聚会", driver.findElement(By.id("meetup-submit")).getText(), "host.submitCreate");

        // Nothing filled in: each required field says so next to itself.
        click(By.id("meetup-submit"));
        for (List<String> f : List.of(List.of("title", "m-title"), List.of("venueName", "m-venue"), List.of("startsAt", "m-start"),
                List.of("endsAt", "m-end"))) {
            WebElement error = visible(By.cssSelector("#meetup-form [data-testid='field-error-" + f.get(0) + "']"));
            assertEquals("请填写此项。", error.getText(), "host.requiredField at " + f.get(0));
            assertNextTo(error, f.get(1));
        }
        assertEquals("请检查标出的字段。", visible(By.id("form-message")).getText(), "common.checkFields");
        shot("zh-host-required");

        // The server refuses an end before the start: its message, in Chinese by its code, stands at the end field.
        type(By.id("m-title"), "合肥龙虾夜");
        type(By.id("m-venue"), "天鹅湖");
        LocalDateTime starts = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(3).withHour(19).withMinute(0).withSecond(0).withNano(0);
        setValue(By.id("m-start"), starts.toString().substring(0, 16));
        setValue(By.id("m-end"), starts.minusHours(2).toString().substring(0, 16));
        click(By.id("meetup-submit"));
        WebElement endError = visible(By.cssSelector("#meetup-form [data-testid='field-error-endsLocal']"));
        assertEquals("结束时间必须晚于开始时间。", endError.getText(), "problems.ends-before-start, not the server's English");
        assertNextTo(endError, "m-end");
        assertTrue(driver.findElements(By.cssSelector("#meetup-form [data-testid='field-error-title']")).isEmpty(),
                "the earlier errors are gone");
        assertEquals("请检查标出的字段。", driver.findElement(By.id("form-message")).getText());
        shot("zh-host-server-error");
    }

    @Test
    void theRoundEditorExplainsOpeningEarlyAndIsReadOnlyOnceStartedOrClosedInChinese() throws Exception {
        long zhengzhou = api.cityId("Zhengzhou");
        String org = organiser("zh-round-org", zhengzhou);
        String title = "春季见面会去哪座城市";

        openInChinese(org, "#/rounds/new");
        type(By.id("round-title"), title);
        for (String c : List.of("Zhengzhou", "Changsha")) {
            type(By.id("round-candidates"), c);
            click(By.cssSelector("[data-testid=city-option]"));
        }
        String opens = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(1).withSecond(0).withNano(0).toString();
        String closes = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(8).withSecond(0).withNano(0).toString();
        setValue(By.id("round-opens"), opens.substring(0, 16));
        setValue(By.id("round-closes"), closes.substring(0, 16));
        assertEquals("创建", driver.findElement(By.id("round-save")).getText(), "editor.create");
        click(By.id("round-save"));
        String url = wait.until(d -> d.getCurrentUrl().matches(".*#/rounds/\\d+/edit$") ? d.getCurrentUrl() : null);
        long id = Long.parseLong(url.replaceAll(".*#/rounds/(\\d+)/edit$", "$1"));
        assertEquals("DRAFT", api.get("api/rounds/" + id, org).json().getString("state"));
        wait.until(d -> "开启".equals(textOf("#round-open")));

        // "Open" on a draft scheduled for tomorrow says that it moves the opening to now.
        click(By.id("round-open"));
        WebElement dialog = visible(By.cssSelector("dialog.confirm"));
        String says = dialog.getText();
        assertTrue(says.contains("开启“" + title + "”？"), "manage.openTitle: " + says);
        assertTrue(says.contains("按计划将于 ") && says.contains("现在开启会立即开始投票，而不是等到那时；截止时间仍为 ")
                && says.contains("如需按计划进行，请不要操作：到时会自动开始。"), "manage.openEarlyText: " + says);
        assertFalse(says.contains("It is scheduled"), says);
        assertEquals("开启", driver.findElement(By.cssSelector("[data-testid=confirm-yes]")).getText());
        assertEquals("返回", driver.findElement(By.cssSelector("[data-testid=confirm-no]")).getText(), "common.back");
        shot("zh-round-open-early");
        click(By.cssSelector("[data-testid=confirm-yes]"));
        wait.until(d -> d.findElements(By.id("round-close")).size() > 0);
        assertEquals("OPEN", api.get("api/rounds/" + id, org).json().getString("state"));

        // Started: only the description may change, and the editor says so.
        assertTrue(visible(By.cssSelector("[data-testid=editor-locked]")).getText()
                .contains("投票已经开始：现在只能修改说明，其他内容保持公布时的样子。"), "editor.lockedStarted");
        assertTrue(driver.findElement(By.cssSelector("section.manage")).getText().contains("状态：投票中。"), "editor.stateNow");
        assertFalse(driver.findElement(By.id("round-title")).isEnabled(), "a started round's title is read-only");
        assertTrue(driver.findElement(By.id("round-description")).isEnabled(), "its description may still change");
        assertTrue(driver.findElement(By.id("round-save")).isDisplayed());
        shot("zh-round-editor-started");

        click(By.id("round-close"));
        String closing = visible(By.cssSelector("dialog.confirm")).getText();
        assertTrue(closing.contains("结束“" + title + "”的投票？"), "manage.closeTitle: " + closing);
        assertTrue(closing.contains("现在结束会立即停止投票：不再接受选票，结果即为最终结果。"),
                "manage.closeEarlyText: " + closing);
        click(By.cssSelector("[data-testid=confirm-yes]"));
        wait.until(d -> "CLOSED".equals(api.get("api/rounds/" + id, org).json().getString("state")));

        // Closed: nothing can change, and there is no Save that would fail.
        driver.navigate().refresh();
        assertTrue(visible(By.cssSelector("[data-testid=editor-locked]")).getText()
                .contains("本轮投票已结束：已无法再修改任何内容。"), "editor.lockedFinished with round.state.CLOSED");
        assertTrue(driver.findElement(By.cssSelector("section.manage")).getText().contains("本轮投票已无可执行的操作。"),
                "editor.noActions");
        assertFalse(driver.findElement(By.id("round-title")).isEnabled(), "a closed round's form is read-only");
        assertFalse(driver.findElement(By.id("round-description")).isEnabled(), "even its description");
        assertFalse(driver.findElement(By.id("round-save")).isDisplayed(), "and offers no Save that would fail");
        shot("zh-round-editor-closed");
    }

    @Test
    void theMeetupPagesCalendarButtonsHaveChineseLabels() throws Exception {
        long guiyang = api.cityId("Guiyang");
        String org = organiser("zh-cal-org", guiyang);
        Instant start = Instant.now().plusSeconds(5 * 86_400);
        long id = publish(org, guiyang, "Sour soup fish", "Jiaxiu Pavilion", null, start, 7200, 12);
        String fan = zh.member("zh-cal-fan", guiyang);

        openInChinese(fan, "plugins/meetups/meetup.html#" + id);
        assertEquals("Sour soup fish", visible(By.id("title")).getText());
        assertEquals("时间和地点", driver.findElement(By.id("details-title")).getText(), "meetup.details");
        WebElement ics = driver.findElement(By.id("ics-link"));
        assertEquals("添加到日历（.ics）", ics.getText(), "meetup.addToCalendar");
        wait.until(d -> d.findElement(By.id("ics-link")).getAttribute("href").endsWith("/" + MEETUPS + "/" + id + "/calendar.ics"));
        WebElement google = driver.findElement(By.id("google-link"));
        assertEquals("Google 日历", google.getText(), "meetup.addToGoogle");
        assertTrue(google.getAttribute("href").startsWith("https://calendar.google.com/calendar/render?"), google.getAttribute("href"));
        WebElement outlook = driver.findElement(By.id("outlook-link"));
        assertEquals("Outlook 日历", outlook.getText(), "meetup.addToOutlook");
        assertTrue(outlook.getAttribute("href").startsWith("https://outlook.live.com/calendar/0/deeplink/compose?"),
                outlook.getAttribute("href"));
        assertEquals(200, api.send("GET", MEETUPS + "/" + id + "/calendar.ics", null, null, "text/calendar").status(),
                "the .ics the button offers");
        shot("zh-meetup-calendar");
    }
}
