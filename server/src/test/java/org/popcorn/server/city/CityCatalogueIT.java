package org.popcorn.server.city;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.popcorn.server.support.Api;
import org.popcorn.server.support.SharedServer;
import org.popcorn.server.support.Api.Reply;

/** The seeded city catalogue, its search and its admin upkeep, through the real server. */
@ExtendWith(SharedServer.class)
class CityCatalogueIT {

    URL base = SharedServer.url();

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(base);
    }

    JsonArray search(String q) {
        Reply r = api.get("api/cities?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), null);
        assertEquals(200, r.status(), r.toString());
        return r.json().getJsonArray("items");
    }

    @Test
    void seededCatalogueIsLargeAndPaginated() {
        JsonObject all = api.get("api/cities?size=100&page=1", null).json();
        assertTrue(all.getInt("total") >= 500, "at least 500 cities: " + all.getInt("total"));
        assertEquals(100, all.getJsonArray("items").size());
        assertEquals(1, all.getInt("page"));
        assertEquals(400, api.get("api/cities?size=0", null).status());
        assertEquals(400, api.get("api/cities?page=-1", null).status());
    }

    @Test
    void chineseNamesAccentsAndCaseAllFindTheCity() {
        JsonObject beijing = search("北京").getJsonObject(0);
        assertEquals("Beijing", beijing.getString("asciiName"));
        assertEquals("Asia/Shanghai", beijing.getString("timeZone"));
        assertEquals("CN", beijing.getString("countryCode"));
        assertTrue(beijing.getJsonArray("otherNames").toString().contains("北京"));
        assertEquals("Chengdu", search("成都").getJsonObject(0).getString("asciiName"));
        assertEquals("Chengdu", search("CHENG").stream().map(v -> v.asJsonObject().getString("asciiName"))
                .filter("Chengdu"::equals).findFirst().orElse("missing"));
        assertEquals("America/Sao_Paulo", search("são pau").getJsonObject(0).getString("timeZone"));
        assertEquals("America/Sao_Paulo", search("SAO PAULO").getJsonObject(0).getString("timeZone"));
        assertEquals(0, search("zzzzqqq").size());
        long id = beijing.getJsonNumber("id").longValue();
        assertEquals("Beijing", api.get("api/cities/" + id, null).json().getString("asciiName"));
        assertEquals(404, api.get("api/cities/99999999", null).status());
    }

    @Test
    void adminsAddAndRetireCitiesOthersMayNot() {
        String admin = api.adminToken();
        String fan = api.member("city-fan", api.cityId("Shanghai"));
        String city = "{\"name\":\"Zhuhai Test Town\",\"countryCode\":\"CN\",\"timeZone\":\"Asia/Shanghai\","
                + "\"latitude\":22.27,\"longitude\":113.57,\"population\":1000,\"otherNames\":[\"珠海测试镇\"]}";
        assertEquals(403, api.post("api/admin/cities", city, fan).status());
        Reply bad = api.post("api/admin/cities", city.replace("Asia/Shanghai", "Mars/Olympus"), admin);
        assertEquals(422, bad.status());
        assertEquals("timeZone", bad.json().getString("field"));
        Reply badLat = api.post("api/admin/cities", city.replace("22.27", "122.27"), admin);
        assertEquals(422, badLat.status(), badLat.toString());
        assertEquals("latitude", badLat.json().getString("field"));

        Reply added = api.post("api/admin/cities", city, admin);
        assertEquals(201, added.status(), added.toString());
        long id = added.json().getJsonNumber("id").longValue();
        assertEquals(id, search("珠海测试").getJsonObject(0).getJsonNumber("id").longValue());

        assertEquals(403, api.put("api/admin/cities/" + id + "/retired", "{\"retired\":true}", fan).status());
        assertEquals(200, api.put("api/admin/cities/" + id + "/retired", "{\"retired\":true}", admin).status());
        assertEquals(0, search("珠海测试").size(), "retired cities are not offered");
        Reply moveThere = api.patch("api/me", "{\"homeCityId\":" + id + "}", fan);
        assertEquals(422, moveThere.status());
        assertEquals("homeCityId", moveThere.json().getString("field"));
    }
}
