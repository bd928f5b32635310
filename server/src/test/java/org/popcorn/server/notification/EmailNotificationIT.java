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

    @Test
    void aMembersMailAndInboxAreInTheirOwnLanguageWhoeverCausedThem() throws Exception {
        Api en = new Api(base);
        Api zh = en.inLanguage("zh-CN,zh;q=0.9");
        long wuhan = en.cityId("Wuhan");
        String admin = en.adminToken();
        String token = zh.member("mail-zh", wuhan); // signed up in the Chinese app: that is the member's language
        assertEquals("zh-CN", en.get("api/me", token).json().getString("language"));
        assertEquals(200, en.put("api/me/notifications/email", "{\"role-changed\":true,\"account\":false}", token).status());

        int before = smtp.getReceivedMessages().length;
        assertEquals(200, en.put("api/admin/members/mail-zh/organiser/" + wuhan, null, admin).status()); // an English-reading admin
        MimeMessage granted = mailTo("mail-zh@example.org", before);
        assertEquals("你现在是武汉的组织者", granted.getSubject());
        assertTrue(String.valueOf(granted.getContent()).contains("你现在可以为武汉发起投票轮次和见面会。"), String.valueOf(granted.getContent()));

        // the inbox reads each notification in the language it is read in
        assertEquals("你现在是武汉的组织者", firstTitle(zh, token));
        assertEquals("You are now an organiser of Wuhan", firstTitle(en, token));

        // the member switches the app to English: later mail is English
        Reply unsupported = en.patch("api/me", "{\"language\":\"fr\"}", token);
        assertEquals(422, unsupported.status(), unsupported.toString());
        assertEquals("language", unsupported.json().getString("field"));
        assertEquals("member.unsupported-language", unsupported.json().getString("code"));
        assertEquals("zh-CN", en.get("api/me", token).json().getString("language"), "a refused change changes nothing");
        assertEquals("en", en.patch("api/me", "{\"language\":\"en\"}", token).json().getString("language"));
        int sent = smtp.getReceivedMessages().length;
        assertEquals(200, en.delete("api/admin/members/mail-zh/organiser/" + wuhan, null, admin).status());
        assertEquals("You are no longer an organiser of Wuhan", mailTo("mail-zh@example.org", sent).getSubject());
        assertEquals("你不再是武汉的组织者", firstTitle(zh, token), "still read in Chinese in the Chinese app");
    }

    /** The first message to {@code address} among those received after the first {@code after}. */
    private static MimeMessage mailTo(String address, int after) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            MimeMessage[] all = smtp.getReceivedMessages();
            for (int i = after; i < all.length; i++) {
                if (address.equals(all[i].getAllRecipients()[0].toString())) {
                    return all[i];
                }
            }
            smtp.waitForIncomingEmail(1_000, all.length + 1);
        }
        throw new AssertionError("no mail to " + address);
    }

    private static String firstTitle(Api api, String token) {
        return api.get("api/me/notifications", token).json().getJsonArray("items").getJsonObject(0).getString("title");
    }
}
