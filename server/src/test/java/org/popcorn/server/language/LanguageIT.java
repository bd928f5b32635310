package org.popcorn.server.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.popcorn.server.support.Api;
import org.popcorn.server.support.Api.Reply;

/**
 * Answers in the reader's language: a 简体中文 reader (Accept-Language, as the web UI sends the language the member
 * chose) finds cities by their Chinese names on rounds, results, leaderboards, profiles and in plugins' views.
 */
@ExtendWith(ArquillianExtension.class)
class LanguageIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/ROOT.war"));
    }

    @ArquillianResource
    URL base;

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
        assertTrue(me.toString().contains("欢迎加入"), "the welcome badge a new member holds: " + me);
        String choices = zh.get("api/me/notifications/email", fan).body();
        assertTrue(choices.contains("你报名的聚会已取消") && choices.contains("你升到了新等级"), "e-mail choices: " + choices);
        assertTrue(en.get("api/me/notifications/email", fan).body().contains("A meetup you signed up for was cancelled"));
    }

    private static List<String> names(JsonObject round) {
        return round.getJsonArray("candidates").stream().map(v -> v.asJsonObject().getString("name")).toList();
    }
}
