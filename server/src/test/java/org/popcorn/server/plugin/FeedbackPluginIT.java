package org.popcorn.server.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
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
 * The example third-party plugin (examples/feedback-plugin, built outside the reactor by the invoker against the
 * installed SDK and tested there with the test kit) installed into a running server and called over HTTP.
 */
@ExtendWith(ArquillianExtension.class)
class FeedbackPluginIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/ROOT.war"));
    }

    @ArquillianResource
    URL base;

    @Test
    void membersPostPlusOneAndSeeProgressOrganisersMoveItAndTheAuthorIsPaid() {
        Api api = new Api(base);
        JsonObject plugin = api.get("api/plugins", null).jsonValue().asJsonArray().stream().map(v -> v.asJsonObject())
                .filter(p -> p.getString("id").equals("feedback")).findFirst().orElseThrow();
        assertEquals("STARTED", plugin.getString("state"), plugin.toString());
        long city = api.cityId("Chengdu");
        String ada = api.member("fb-ada", city);
        String bob = api.member("fb-bob", city);
        String admin = api.adminToken();

        Reply created = api.post("api/plugins/feedback/items", "{\"kind\":\"suggestion\",\"title\":\"Meetup photo wall\","
                + "\"body\":\"Let us share photos after each meetup.\"}", ada);
        assertEquals(201, created.status(), created.toString());
        long id = created.json().getJsonNumber("id").longValue();
        Reply bad = api.post("api/plugins/feedback/items", "{\"kind\":\"rant\",\"title\":\"x\",\"body\":\"y\"}", ada);
        assertEquals(422, bad.status());
        assertEquals("kind", bad.json().getString("field"));

        assertEquals(1, api.post("api/plugins/feedback/items/" + id + "/votes", null, bob).json().getInt("votes"));
        assertEquals(409, api.post("api/plugins/feedback/items/" + id + "/votes", null, bob).status());
        assertEquals(403, api.put("api/plugins/feedback/items/" + id + "/status", "{\"status\":\"planned\"}", bob).status());

        assertEquals("PLANNED", api.put("api/plugins/feedback/items/" + id + "/status", "{\"status\":\"planned\"}", admin)
                .json().getString("status"));
        assertEquals("DONE", api.put("api/plugins/feedback/items/" + id + "/status", "{\"status\":\"done\",\"note\":\"Live now\"}", admin)
                .json().getString("status"));
        assertEquals("DONE", api.get("api/plugins/feedback/mine", ada).json().getJsonArray("items").getJsonObject(0).getString("status"));
        assertTrue(api.get("api/me/notifications", ada).body().contains("Your feedback is done"));
        JsonObject points = api.get("api/me/points", ada).json();
        assertTrue(points.getJsonObject("ledger").getJsonArray("items").stream()
                .anyMatch(e -> e.asJsonObject().getString("source").equals("feedback") && e.asJsonObject().getInt("amount") == 10),
                points.toString());
        assertTrue(api.get("api/me", ada).body().contains("feedback-shipped"), "the plugin's badge");
        assertEquals(200, api.send("GET", "plugins/feedback/index.html", null, null, null).status());
        assertTrue(api.get("api/ui/navigation", null).body().contains("/plugins/feedback/index.html"));
    }
}
