package org.popcorn.server.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.popcorn.server.support.Api;
import org.popcorn.server.support.Api.Reply;

/** Notifications reach the inbox always and the mailbox when the member chose e-mail for the kind (SMTP: GreenMail). */
@ExtendWith(ArquillianExtension.class)
class EmailNotificationIT {

    /** The server under test sends to 127.0.0.1:3025 (see arquillian.xml). */
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(3025, "127.0.0.1", "smtp"));

    @Deployment(testable = false)
    static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/ROOT.war"));
    }

    @ArquillianResource
    URL base;

    @Test
    void chosenKindsAreMailedOthersStayInTheInbox() throws Exception {
        Api api = new Api(base);
        long shanghai = api.cityId("Shanghai");
        String admin = api.adminToken();
        String token = api.member("mailfan", shanghai);

        // Role changes: inbox only by default.
        assertEquals(200, api.put("api/admin/members/mailfan/organiser/" + shanghai, null, admin).status());
        assertTrue(api.get("api/me/notifications", token).body().contains("You are now an organiser"));

        // Account notices come by e-mail by default.
        assertEquals(204, api.post("api/auth/password",
                "{\"currentPassword\":\"password-mailfan\",\"newPassword\":\"a-new-password-1\"}", token).status());
        assertTrue(smtp.waitForIncomingEmail(30_000, 1), "the password notice is mailed");
        MimeMessage first = smtp.getReceivedMessages()[0];
        assertEquals("mailfan@example.org", first.getAllRecipients()[0].toString());
        assertEquals("Your password was changed", first.getSubject());

        // Choose role changes by e-mail: the next one is mailed, with a link.
        assertEquals(200, api.put("api/me/notifications/email", "{\"role-changed\":true,\"account\":false}", token).status());
        assertEquals(200, api.delete("api/admin/members/mailfan/organiser/" + shanghai, null, admin).status());
        assertTrue(smtp.waitForIncomingEmail(30_000, 2), "the role change is mailed");
        MimeMessage second = smtp.getReceivedMessages()[1];
        assertTrue(second.getSubject().contains("no longer an organiser"), second.getSubject());
        assertTrue(GreenMailUtil.getBody(second).contains("http"), "the mail links back to the site");

        // Account notices switched off: the next password change is not mailed.
        assertEquals(204, api.post("api/auth/password",
                "{\"currentPassword\":\"a-new-password-1\",\"newPassword\":\"a-new-password-2\"}", token).status());
        Thread.sleep(8_000);
        assertEquals(2, smtp.getReceivedMessages().length, "account notices were switched off");
    }

    @Test
    void aSeatOfferedFromTheWaitingListIsMailedWithoutAsking() throws Exception {
        Api api = new Api(base);
        long nanjing = api.cityId("Nanjing");
        String admin = api.adminToken();
        String org = api.member("offer-org", nanjing);
        assertEquals(200, api.put("api/admin/members/offer-org/organiser/" + nanjing, null, admin).status());
        String first = api.member("offer-first", nanjing);
        String waiting = api.member("offer-waiting", nanjing);
        boolean offersMailed = api.get("api/me/notifications/email", waiting).jsonValue().asJsonArray().stream()
                .map(v -> v.asJsonObject()).filter(c -> "meetups-promoted".equals(c.getString("kind")))
                .findFirst().orElseThrow().getBoolean("email");
        assertTrue(offersMailed, "an offer expires: e-mailed unless turned off");
        java.time.Instant start = java.time.Instant.now().plusSeconds(3 * 86_400);
        Reply created = api.post("api/plugins/meetups/meetups", "{\"cityId\":" + nanjing + ",\"title\":\"Dumpling night\",\"venueName\":\"Drum Tower\","
                + "\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plusSeconds(7200) + "\",\"capacity\":1,\"offerHours\":12,\"publish\":true}", org);
        assertEquals(201, created.status(), created.toString());
        long id = created.json().getJsonNumber("id").longValue();
        assertEquals("CONFIRMED", api.put("api/plugins/meetups/meetups/" + id + "/rsvp", "{\"guests\":0}", first).json().getString("status"));
        assertEquals("WAITING", api.put("api/plugins/meetups/meetups/" + id + "/rsvp", "{\"guests\":0}", waiting).json().getString("status"));
        int before = smtp.getReceivedMessages().length;
        assertEquals(204, api.delete("api/plugins/meetups/meetups/" + id + "/rsvp", null, first).status());
        assertTrue(smtp.waitForIncomingEmail(30_000, before + 1), "the offer is mailed");
        boolean mailed = java.util.Arrays.stream(smtp.getReceivedMessages()).anyMatch(m -> {
            try {
                return "offer-waiting@example.org".equals(m.getAllRecipients()[0].toString());
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        });
        assertTrue(mailed, "the waiting member got the offer by e-mail");
        String body = api.get("api/me/notifications", waiting).json().getJsonArray("items").stream().map(v -> v.asJsonObject())
                .filter(n -> "meetups-promoted".equals(n.getString("kind"))).findFirst().orElseThrow().getString("body");
        assertTrue(body.contains("(Asia/Shanghai)") && !body.matches(".*\\d{4}-\\d{2}-\\d{2}T.*"),
                "the offer's deadline in Nanjing's time, not raw UTC: " + body);
        assertTrue(body.contains("When: ") && body.contains("Where: Drum Tower, Nanjing."), "the body names the meetup's time and place: " + body);
    }
}
