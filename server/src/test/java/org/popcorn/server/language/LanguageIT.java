package org.popcorn.server.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.popcorn.server.support.Api;
import org.popcorn.server.support.SharedServer;
import org.popcorn.server.support.Api.Reply;

/**
 * Answers in the reader's language: a 简体中文 reader (Accept-Language, as the web UI sends the language the member
 * chose) finds cities by their Chinese names on rounds, results, leaderboards, profiles and in plugins' views.
 */
@ExtendWith(SharedServer.class)
class LanguageIT {

    URL base = SharedServer.url();

    @Test
    void aChineseReaderSeesCitiesByTheirChineseNamesInCoreAndPluginAnswers() {
        Api en = new Api(base);
        Api zh = en.inLanguage("zh-CN,zh;q=0.9,en;q=0.5");
        long beijing = en.cityId("Beijing");
        long chengdu = en.cityId("Chengdu");
        String admin = en.adminToken();
        String fan = en.member("lang-reader", beijing);

        Instant now = Instant.now();
        long round = en.post("api/rounds", "{\"title\":\"Where next?\",\"opensAt\":\"" + now.minusSeconds(5) + "\",\"closesAt\":\""
                + now.plusSeconds(3600) + "\",\"candidateCityIds\":[" + beijing + "," + chengdu + "],\"sizeBrackets\":[50,200]}", admin)
                .json().getJsonNumber("id").longValue();
        en.post("api/rounds/" + round + "/open", null, admin);

        Reply chinese = zh.get("api/rounds/" + round, null);
        assertEquals(List.of("北京", "成都"), names(chinese.json()), chinese.toString());
        assertEquals(List.of("Beijing", "Chengdu"), names(en.get("api/rounds/" + round, null).json()));
        assertEquals("zh-CN", chinese.header("Content-Language"));
        assertTrue(chinese.header("Vary") != null && chinese.header("Vary").contains("Accept-Language"), "caches keep languages apart");
        assertTrue(zh.get("api/rounds/" + round + "/results", null).body().contains("北京"), "results too");
        assertFalse(zh.get("api/rounds/" + round + "/results", null).header("ETag")
                .equals(en.get("api/rounds/" + round + "/results", null).header("ETag")), "each language its own ETag");

        assertEquals("北京", zh.get("api/me", fan).json().getJsonObject("homeCity").getString("name"), "my profile");
        assertEquals("北京", zh.get("api/members/lang-reader", null).json().getJsonObject("homeCity").getString("name"), "a public profile");
        assertTrue(zh.get("api/leaderboard?city=" + beijing, null).body().contains("北京"), "the leaderboard");

        String org = en.member("lang-org", chengdu);
        assertEquals(200, en.put("api/admin/members/lang-org/organiser/" + chengdu, null, admin).status());
        long meetup = en.post("api/plugins/meetups/meetups", "{\"cityId\":" + chengdu + ",\"title\":\"Hotpot\",\"venueName\":\"Hall\",\"startsAt\":\""
                + now.plusSeconds(86_400) + "\",\"endsAt\":\"" + now.plusSeconds(90_000) + "\",\"capacity\":5,\"publish\":true}", org)
                .json().getJsonNumber("id").longValue();
        assertEquals("成都", zh.get("api/plugins/meetups/meetups/" + meetup, null).json().getString("cityName"), "plugins' views (SDK Cities)");
        assertEquals("Chengdu", en.get("api/plugins/meetups/meetups/" + meetup, null).json().getString("cityName"));
        assertEquals("Chengdu", en.inLanguage("zh-TW").get("api/plugins/meetups/meetups/" + meetup, null).json().getString("cityName"),
                "traditional Chinese is not simplified Chinese: English until it is supported");
    }

    @Test
    void levelsBadgesPrivilegesAndEmailChoicesReadInTheReadersLanguage() {
        Api en = new Api(base);
        Api zh = en.inLanguage("zh-CN");
        String fan = en.member("lang-levels", en.cityId("Shanghai"));
        assertEquals("新人", zh.get("api/rewards/levels", null).jsonValue().asJsonArray().getJsonObject(0).getString("name"));
        assertEquals("Newcomer", en.get("api/rewards/levels", null).jsonValue().asJsonArray().getJsonObject(0).getString("name"));
        String badges = zh.get("api/rewards/badges", null).body();
        assertTrue(badges.contains("第一票") && badges.contains("10 小时善行") && badges.contains("首次值守展位"),
                "the core's and the plugins' badges, each from its own catalogue: " + badges);
        assertTrue(zh.get("api/rewards/privileges", null).body().contains("优先报名"));
        JsonObject me = zh.get("api/me", fan).json();
        assertEquals("新人", me.getJsonObject("level").getString("name"));
        assertTrue(me.getJsonObject("stage").getString("nextStep").startsWith("参与一次"), "the stage's next step: " + me.getJsonObject("stage"));
        assertEquals("顾客", me.getJsonObject("stage").getString("label"));
        assertTrue(me.toString().contains("欢迎加入"), "the welcome badge a new member holds: " + me);
        String choices = zh.get("api/me/notifications/email", fan).body();
        assertTrue(choices.contains("你报名的聚会已取消") && choices.contains("你升到了新等级"), "e-mail choices: " + choices);
        assertTrue(en.get("api/me/notifications/email", fan).body().contains("A meetup you signed up for was cancelled"));
    }

    @Test
    void notificationsOfTheCoreAndOfPluginsReadInTheReadersLanguage() {
        Api en = new Api(base);
        Api zh = en.inLanguage("zh-CN");
        long chengdu = en.cityId("Chengdu");
        String admin = en.adminToken();
        String fan = zh.member("lang-inbox", chengdu);
        JsonObject welcome = zh.get("api/me/notifications", fan).json().getJsonArray("items").getJsonObject(0);
        assertEquals("你获得了徽章“欢迎加入”", welcome.getString("title"), welcome.toString());
        assertEquals("加入了社区。", welcome.getString("body"));
        assertEquals("You earned the badge “Welcome aboard”", en.get("api/me/notifications", fan).json().getJsonArray("items")
                .getJsonObject(0).getString("title"), "the same notification in English");
        assertTrue(zh.get("api/me/points", fan).body().contains("欢迎加入社区"), "the ledger's reasons too");
        assertTrue(en.get("api/me/points", fan).body().contains("Welcome to the community"));

        // a plugin's notification: a seat freed up for the waiting fan
        String org = en.member("lang-inbox-org", chengdu);
        assertEquals(200, en.put("api/admin/members/lang-inbox-org/organiser/" + chengdu, null, admin).status());
        String first = en.member("lang-inbox-first", chengdu);
        Instant start = Instant.parse("2031-03-08T11:00:00Z");
        long meetup = en.post("api/plugins/meetups/meetups", "{\"cityId\":" + chengdu + ",\"title\":\"Hotpot\",\"venueName\":\"Hall\",\"startsAt\":\""
                + start + "\",\"endsAt\":\"" + start.plusSeconds(7200) + "\",\"capacity\":1,\"publish\":true}", org)
                .json().getJsonNumber("id").longValue();
        assertEquals("CONFIRMED", en.put("api/plugins/meetups/meetups/" + meetup + "/rsvp", "{\"guests\":0}", first).json().getString("status"));
        assertEquals("WAITING", en.put("api/plugins/meetups/meetups/" + meetup + "/rsvp", "{\"guests\":0}", fan).json().getString("status"));
        assertEquals(204, en.delete("api/plugins/meetups/meetups/" + meetup + "/rsvp", null, first).status());
        long deadline = System.currentTimeMillis() + 30_000;
        JsonObject seat = null;
        while (seat == null && System.currentTimeMillis() < deadline) {
            seat = zh.get("api/me/notifications", fan).json().getJsonArray("items").stream().map(v -> v.asJsonObject())
                    .filter(n -> "meetups-promoted".equals(n.getString("kind"))).findFirst().orElse(null);
        }
        assertTrue(seat != null, "the waiting fan is told");
        assertTrue(seat.getString("title").endsWith("：Hotpot") && !seat.getString("title").contains("You are"), seat.toString());
        assertTrue(seat.getString("body").contains("2031年3月8日 周六 19:00（Asia/Shanghai）") && seat.getString("body").contains("地点：Hall，成都。"),
                "time and place in Chinese, the city by its Chinese name: " + seat.getString("body"));
        String english = en.get("api/me/notifications", fan).body();
        assertTrue(english.contains("Sat 8 Mar 2031, 19:00 (Asia/Shanghai)") && english.contains("Where: Hall, Chengdu."), english);
    }

    @Test
    void pluginSettingsAndDescriptionsReadInTheAdminsLanguage() {
        Api en = new Api(base);
        Api zh = en.inLanguage("zh-CN");
        String admin = en.adminToken();
        JsonObject window = zh.get("api/admin/plugins/meetups/settings", admin).jsonValue().asJsonArray().stream()
                .map(v -> v.asJsonObject()).filter(s -> "priority-window-hours".equals(s.getString("key"))).findFirst().orElseThrow();
        assertEquals("优先报名时段（小时）", window.getString("label"), window.toString());
        assertTrue(window.getString("description").contains("优先报名"), window.toString());
        JsonObject english = en.get("api/admin/plugins/meetups/settings", admin).jsonValue().asJsonArray().stream()
                .map(v -> v.asJsonObject()).filter(s -> "priority-window-hours".equals(s.getString("key"))).findFirst().orElseThrow();
        assertEquals("Priority window hours", english.getString("label"), "in English the key as words");
        assertTrue(zh.get("api/plugins", admin).body().contains("聚会：安排与提议"), "the plugin's description");
    }

    @Test
    void fieldErrorsOfTheFormsReadInTheReadersLanguage() {
        Api en = new Api(base);
        Api zh = en.inLanguage("zh-CN");
        String body = "{\"handle\":\"x\",\"displayName\":\"X\",\"email\":\"x@example.org\",\"password\":\"long-enough-1\","
                + "\"homeCityId\":" + en.cityId("Chengdu") + "}";
        Reply chinese = zh.post("api/auth/register", body, null);
        assertEquals(422, chinese.status(), chinese.toString());
        assertEquals("handle", chinese.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals("用户名由 3 到 32 个字母、数字、“-”或“_”组成，并以字母或数字开头。",
                chinese.json().getJsonArray("errors").getJsonObject(0).getString("message"));
        assertTrue(en.post("api/auth/register", body, null).body().contains("A handle has 3 to 32 letters"), "English for English readers");
    }

    private static List<String> names(JsonObject round) {
        return round.getJsonArray("candidates").stream().map(v -> v.asJsonObject().getString("name")).toList();
    }
}
