package org.popcorn.plugins.charity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.popcorn.api.PluginProblem;
import org.popcorn.plugins.charity.CharityForms.ActivityForm;
import org.popcorn.plugins.charity.CharityForms.HoursForm;
import org.popcorn.plugins.charity.CharityForms.ShiftForm;
import org.popcorn.testkit.PluginTestKit;

/**
 * Certificates of verified hours with the test kit: the PDF is made with the real font the setting names (Debian's
 * fonts-noto-cjk, installed where the tests run) and read back with OpenPDF's text extractor.
 */
class CertificatesTest {

    static final String SITE = "https://popcorn.example";

    PluginTestKit kit;
    CharityResource api;
    Certificates certificates;
    long chengdu;
    long org;
    long campaign;
    long xiaoming;
    long vic;
    Instant t0;
    int shifts;

    @BeforeEach
    void start() {
        kit = PluginTestKit.start("charity", new CharityExtension());
        api = (CharityResource) kit.extension().restResource();
        certificates = api.certificates();
        CharityFixture f = CharityFixture.of(kit, api);
        chengdu = f.chengdu();
        org = f.org();
        campaign = f.campaign();
        xiaoming = kit.addMember("张小明", 1, chengdu); // the kit's display name is the handle: a Chinese name
        vic = kit.addMember("vic", 1, chengdu);
        t0 = kit.now().truncatedTo(ChronoUnit.MINUTES);
    }

    /** A published activity with one 1-hour shift, the first an hour from {@code t0}, the next 90 minutes later; answers the shift. */
    long shift(String title) {
        kit.actAs(org);
        ActivityForm a = new ActivityForm();
        a.cityId = chengdu;
        a.cause = "elderly-company";
        a.title = title;
        a.meetingPoint = "Main gate";
        ShiftForm s = new ShiftForm();
        Instant start = t0.plus(Duration.ofMinutes(60 + 90 * shifts++)); // check-in opens 3 hours before: both open now
        s.startsAt = start.toString();
        s.endsAt = start.plus(Duration.ofHours(1)).toString();
        s.roles = List.of(CharityExtensionTest.role("helper", 5, null));
        a.shifts = List.of(s);
        return ((CharityViews.Activity) api.createActivity(campaign, a).getEntity()).shifts().get(0).id();
    }

    /** The member signs up, and the organiser checks them in and out and verifies {@code minutes}. */
    void volunteer(long shift, long member, int minutes) {
        kit.actAs(member);
        api.signUp(shift, "helper", null);
        kit.actAs(org);
        api.checkIn(shift, CharityExtensionTest.ref(member));
        api.checkOut(shift, CharityExtensionTest.ref(member));
        HoursForm f = new HoursForm();
        f.status = "VERIFIED";
        f.minutes = minutes;
        f.reason = "Stayed " + minutes + " minutes";
        api.setHours(shift, member, f);
    }

    static UriInfo uri(String base) {
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class}, (p, m, args) -> {
            if (m.getName().equals("getBaseUri")) {
                return URI.create(base);
            }
            throw new UnsupportedOperationException(m.getName());
        });
    }

    Response download(long member, String language) {
        kit.actAs(member);
        return certificates.myCertificate(campaign, language, uri(SITE + "/api/"));
    }

    /** The text of every page of the PDF, as a reader would copy it. */
    static String text(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder all = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                all.append(extractor.getTextFromPage(page)).append('\n');
            }
            return all.toString();
        } finally {
            reader.close();
        }
    }

    String onlyCode(long member) {
        List<String> codes = kit.sql(c -> {
            try (var rs = c.createStatement().executeQuery("select code from charity_certificate where member_id = " + member + " order by issued_at")) {
                List<String> out = new java.util.ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        });
        assertEquals(1, codes.size(), "one certificate: " + codes);
        return codes.get(0);
    }

    @Test
    void theFontTheTestsUseIsInstalled() {
        assertTrue(Files.isReadable(CertificatePdf.fontFile(Certificates.DEFAULT_FONT)),
                "install the Debian package fonts-noto-cjk: the certificate tests draw with " + Certificates.DEFAULT_FONT);
    }

    @Test
    void aVolunteerDownloadsTheirCertificateInChineseAndItsCodeVerifies() throws Exception {
        volunteer(shift("陪伴养老院的老人"), xiaoming, 90);
        volunteer(shift("Tea at the care home"), xiaoming, 60);

        Response r = download(xiaoming, "zh-CN,zh;q=0.9,en;q=0.8");
        assertEquals(200, r.getStatus());
        assertEquals("application/pdf", r.getMediaType().toString());
        String disposition = r.getHeaderString("Content-Disposition");
        assertTrue(disposition.startsWith("attachment; filename=\"certificate-" + campaign + "-" + xiaoming + ".pdf\""), disposition);
        assertTrue(disposition.contains("filename*=UTF-8''certificate-" + campaign + "-%E5%BC%A0%E5%B0%8F%E6%98%8E.pdf"), disposition);
        byte[] pdf = (byte[]) r.getEntity();
        assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));

        String code = onlyCode(xiaoming);
        assertTrue(code.matches("[A-Z2-7]{20}"), code);
        String text = text(pdf);
        assertTrue(text.contains("志愿服务时长证明"), text);
        assertTrue(text.contains("张小明"), "the volunteer's name, in Chinese: " + text);
        assertTrue(text.contains("2.5 小时"), "the total verified hours: " + text);
        assertTrue(text.contains("陪伴养老院的老人") && text.contains("1.5") && text.contains("Tea at the care home"), "the activities: " + text);
        assertTrue(text.contains("Charity Month"), text);
        assertTrue(text.contains(code), "the code: " + text);
        assertTrue(text.contains(SITE + "/#/p/charity/verify/" + code), "the verification address: " + text);
        PdfReader reader = new PdfReader(pdf);
        PdfDictionary resources = reader.getPageN(1).getAsDict(PdfName.RESOURCES);
        assertNotNull(resources.getAsDict(PdfName.XOBJECT), "the QR code is drawn on the page");
        assertEquals(1, resources.getAsDict(PdfName.FONT).size(), "one font, the CJK one, for every text");
        reader.close();

        kit.actAs(null); // anyone may check a certificate
        Certificates.Verification v = certificates.verifyCertificate(code);
        assertTrue(v.valid());
        assertEquals(code, v.code());
        assertEquals("张小明", v.volunteer());
        assertEquals("Charity Month", v.campaign());
        assertEquals(campaign, v.campaignId());
        assertEquals(2.5, v.hours());
        assertEquals(150, v.minutes());
        assertNotNull(v.issuedAt());
        assertEquals("Asia/Shanghai", v.zone());
        String typed = code.toLowerCase().substring(0, 5) + "-" + code.substring(5);
        assertEquals(code, certificates.verifyCertificate(typed).code(), "lower case and dashes, as people type it");

        kit.actAs(xiaoming);
        List<Certificates.Eligible> mine = certificates.myCertificateCampaigns();
        assertEquals(1, mine.size());
        assertEquals(campaign, mine.get(0).campaignId());
        assertEquals(150, mine.get(0).minutes());
    }

    @Test
    void theSameHoursGiveTheSameCodeAndNewHoursANewOneWhileTheOldStillVerifies() throws Exception {
        volunteer(shift("Tea at the care home"), vic, 90);
        download(vic, "en");
        String first = onlyCode(vic);
        kit.advance(Duration.ofDays(1));
        String again = text((byte[]) download(vic, "en").getEntity());
        assertEquals(first, onlyCode(vic), "unchanged hours: the same certificate");
        assertTrue(again.contains(first), again);

        t0 = kit.now().truncatedTo(ChronoUnit.MINUTES);
        shifts = 0;
        volunteer(shift("Planting trees"), vic, 120);
        String second = text((byte[]) download(vic, "en").getEntity());
        List<String> codes = kit.sql(c -> {
            try (var rs = c.createStatement().executeQuery("select code, minutes from charity_certificate where member_id = " + vic
                    + " order by minutes")) {
                List<String> out = new java.util.ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1) + ":" + rs.getInt(2));
                }
                return out;
            }
        });
        assertEquals(List.of(first + ":90", codes.get(1).split(":")[0] + ":210"), codes);
        String newer = codes.get(1).split(":")[0];
        assertNotEquals(first, newer);
        assertTrue(second.contains(newer) && second.contains("3.5 verified hours"), second);
        assertEquals(1.5, certificates.verifyCertificate(first).hours(), "the old certificate still says what it said");
        assertEquals(3.5, certificates.verifyCertificate(newer).hours());
    }

    @Test
    void anEnglishReaderGetsItInEnglish() throws Exception {
        volunteer(shift("Tea at the care home"), vic, 60);
        String text = text((byte[]) download(vic, "en-GB,en;q=0.9").getEntity());
        assertTrue(text.contains("Certificate of volunteer hours"), text);
        assertTrue(text.contains("vic") && text.contains("1 verified hour"), text);
        assertTrue(text.contains("Charity Month") && text.contains("Tea at the care home"), text);
        assertTrue(download(vic, null).getHeaderString("Content-Disposition").contains("certificate-" + campaign + "-vic.pdf"));
    }

    @Test
    void refusalsNameTheirCodes() {
        volunteer(shift("Tea at the care home"), vic, 60);
        kit.actAs(null);
        assertEquals(401, assertThrows(PluginProblem.class, () -> certificates.myCertificate(campaign, "en", uri(SITE + "/api/"))).status());
        assertEquals(401, assertThrows(PluginProblem.class, () -> certificates.myCertificateCampaigns()).status());

        PluginProblem none = assertThrows(PluginProblem.class, () -> download(xiaoming, "zh-CN"));
        assertEquals(404, none.status());
        assertEquals("charity.no-verified-hours", none.code(), "no verified hours, no certificate");
        assertTrue(certificates.myCertificateCampaigns().isEmpty());
        kit.actAs(vic);
        assertEquals("charity.campaign-not-found",
                assertThrows(PluginProblem.class, () -> certificates.myCertificate(campaign + 99, "en", uri(SITE + "/api/"))).code());
        PluginProblem missing = assertThrows(PluginProblem.class, () -> certificates.myCertificate(null, "en", uri(SITE + "/api/")));
        assertEquals("charity.missing-field", missing.code());
        assertEquals("campaignId", missing.field());

        kit.actAs(null);
        for (String code : List.of("AAAAAAAAAAAAAAAAAAAA", "nope", "")) {
            PluginProblem unknown = assertThrows(PluginProblem.class, () -> certificates.verifyCertificate(code));
            assertEquals(404, unknown.status());
            assertEquals("charity.certificate-not-found", unknown.code());
        }
    }

    @Test
    void withoutTheFontThePdfRouteSaysWhichSettingAndPackage() {
        volunteer(shift("Tea at the care home"), vic, 60);
        kit.setSetting(Certificates.FONT_SETTING, "/nonexistent/fonts/NotoSansCJK-Regular.ttc,2");
        PluginProblem p = assertThrows(PluginProblem.class, () -> download(vic, "en"));
        assertEquals(503, p.status());
        assertEquals("charity.certificate-unavailable", p.code());
        assertTrue(p.getMessage().contains(Certificates.FONT_SETTING) && p.getMessage().contains("fonts-noto-cjk"), p.getMessage());
        int issued = kit.sql(c -> {
            try (var rs = c.createStatement().executeQuery("select count(*) from charity_certificate")) {
                rs.next();
                return rs.getInt(1);
            }
        });
        assertEquals(0, issued, "no code is issued for a certificate that cannot be drawn");
        kit.setSetting(Certificates.FONT_SETTING, Certificates.DEFAULT_FONT);
        assertEquals(200, download(vic, "en").getStatus());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDownloadOfMyDataListsCertificatesAndErasingTheMemberEndsThem() {
        volunteer(shift("Tea at the care home"), vic, 90);
        download(vic, "en");
        String code = onlyCode(vic);
        List<Map<String, Object>> listed = (List<Map<String, Object>>) ((Map<String, Object>) kit.extension().exportMember(vic)).get("certificates");
        assertEquals(1, listed.size());
        assertEquals(code, listed.get(0).get("code"));
        assertEquals(campaign, listed.get(0).get("campaignId"));
        assertEquals("Charity Month", listed.get(0).get("campaign"));
        assertEquals(1.5, listed.get(0).get("hours"));
        Instant.parse((String) listed.get(0).get("issuedAt"));

        kit.actAs(null);
        kit.extension().eraseMember(vic);
        assertEquals("charity.certificate-not-found", assertThrows(PluginProblem.class, () -> certificates.verifyCertificate(code)).code(),
                "a deleted member's certificate no longer verifies");
    }

    @Test
    void theVerificationAddressIsTheAppsPageOnTheSiteAsked() {
        assertEquals("https://popcorn.example/#/p/charity/verify/ABC", Certificates.verifyUrl(uri("https://popcorn.example/api/"), "ABC"));
        assertEquals("http://localhost:8080/fans/#/p/charity/verify/ABC", Certificates.verifyUrl(uri("http://localhost:8080/fans/api/"), "ABC"));
        assertEquals("http://api.example/#/p/charity/verify/ABC", Certificates.verifyUrl(uri("http://api.example/api"), "ABC"));
        assertEquals("zh-CN", Certificates.language("zh-CN"));
        assertEquals("zh-CN", Certificates.language("en;q=0.5, zh-Hans;q=0.9"));
        assertEquals("en", Certificates.language("fr-FR, en;q=0.8, zh;q=0.2"));
        assertEquals("en", Certificates.language(null));
        assertEquals("en", Certificates.language("de"));
        assertEquals(Certificates.CODE_LENGTH, Certificates.newCode().length());
        assertNotEquals(Certificates.newCode(), Certificates.newCode());
    }
}
