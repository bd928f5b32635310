package org.popcorn.plugins.charity;

import com.lowagie.text.pdf.BaseFont;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.popcorn.api.Members;
import org.popcorn.api.PluginContext;
import org.popcorn.api.PluginProblem;
import org.popcorn.plugins.charity.CharityViews.Campaign;
import org.popcorn.plugins.support.PluginJdbi;

/**
 * Certificates of verified volunteer hours ({@code /api/plugins/charity/certificates/...}): a volunteer downloads, per
 * campaign, a PDF of their verified hours (in their language) carrying a random code, and anyone checks a code at the
 * public verification address the certificate prints and encodes as a QR code ({@code /#/p/charity/verify/<code>}).
 * One certificate per member, campaign and verified minutes: the same hours give the same code again; more (or
 * corrected) hours a new one, while the old keeps verifying what it said. Erasing the member deletes them.
 */
@Produces(MediaType.APPLICATION_JSON)
public class Certificates {

    static final String FONT_SETTING = "certificate-font";
    static final String DEFAULT_FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,2";
    static final int CODE_LENGTH = 20;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"; // base32: no 0/1/8/9, read aloud safely
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PluginContext ctx;
    private final PluginJdbi db;
    private final Campaigns campaigns;
    private final CertificatePdf pdf = new CertificatePdf();

    Certificates(PluginContext ctx, PluginJdbi db, Campaigns campaigns) {
        this.ctx = ctx;
        this.db = db;
        this.campaigns = campaigns;
    }

    /** A campaign in which the member has verified hours, so a certificate to download. */
    public record Eligible(long campaignId, String campaign, LocalDate startsOn, LocalDate endsOn, long minutes) {
    }

    /** What the verification address confirms. */
    public record Verification(String code, boolean valid, String volunteer, long campaignId, String campaign, double hours, long minutes,
                               Instant issuedAt, String zone) {
    }

    /** A certificate as stored. */
    record Issued(String code, long memberId, long campaignId, long minutes, Instant issuedAt) {
    }

    private record Done(long activityId, String title, long cityId, long minutes) {
    }

    @GET
    @Path("mine")
    @Produces("application/pdf")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "My certificate of verified hours in a campaign (PDF)", description = "A one-page PDF in the reader's language "
            + "(Accept-Language: zh-CN or en): the volunteer's name, the campaign and its period, the total verified hours, the "
            + "activities with their hours, the issue date, and the verification address as text and QR code with the certificate's "
            + "code. The same verified hours give the same code again.")
    @APIResponse(responseCode = "200", description = "The certificate", content = @Content(mediaType = "application/pdf"))
    @APIResponse(responseCode = "404", description = "No such campaign (charity.campaign-not-found), or no verified hours in it "
            + "(charity.no-verified-hours)")
    @APIResponse(responseCode = "503", description = "The certificate font is not installed (charity.certificate-unavailable)")
    public Response myCertificate(@Parameter(description = "The campaign's id") @QueryParam("campaignId") Long campaignId,
                                  @HeaderParam("Accept-Language") String acceptLanguage, @Context UriInfo uri) {
        long me = ctx.currentMember().require();
        if (campaignId == null) {
            throw PluginProblem.invalid("Give the campaignId.", "campaignId").withCode("charity.missing-field");
        }
        Campaign campaign = campaigns.get(campaignId, false);
        List<Done> done = done(me, campaignId);
        long minutes = done.stream().mapToLong(Done::minutes).sum();
        if (minutes <= 0) {
            throw PluginProblem.notFound("You have no verified hours in the campaign " + campaign.name() + " yet: the team lead verifies "
                    + "them after each shift.").withCode("charity.no-verified-hours");
        }
        BaseFont font = pdf.font(ctx.settings().get(FONT_SETTING));
        Members.MemberInfo member = ctx.members().byId(me).orElseThrow(() -> new PluginProblem(401, "Log in first.", null));
        Issued issued = issue(me, campaignId, minutes);
        List<CertificatePdf.Line> lines = done.stream()
                .map(d -> new CertificatePdf.Line(d.title(), ctx.cities().byId(d.cityId()).map(c -> c.name()).orElse("?"), d.minutes()))
                .toList();
        String url = verifyUrl(uri, issued.code());
        byte[] body = pdf.render(new CertificatePdf.Content(language(acceptLanguage), name(member), campaign.name(), campaign.startsOn(),
                campaign.endsOn(), minutes, lines, issued.issuedAt(), zone(campaign), issued.code(), url), font);
        String file = "certificate-" + campaignId + "-" + member.handle() + ".pdf";
        return Response.ok(body, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + ascii(file, campaignId, me) + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(file, StandardCharsets.UTF_8).replace("+", "%20"))
                .header("Cache-Control", "private, no-store")
                .build();
    }

    @GET
    @Path("mine/campaigns")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The campaigns I can download a certificate for", description = "Campaigns in which the member has verified "
            + "hours, newest first, with those minutes.")
    public List<Eligible> myCertificateCampaigns() {
        long me = ctx.currentMember().require();
        List<long[]> rows = db.with(h -> h.createQuery("select a.campaign_id, sum(h.minutes) from charity_hours h "
                        + "join charity_shift s on s.id = h.shift_id join charity_activity a on a.id = s.activity_id "
                        + "where h.member_id = :m and h.status = 'VERIFIED' and h.minutes > 0 group by a.campaign_id")
                .bind("m", me).map((rs, c) -> new long[] {rs.getLong(1), rs.getLong(2)}).list());
        List<Eligible> out = new ArrayList<>();
        for (long[] r : rows) {
            Campaign c = campaigns.get(r[0], false);
            out.add(new Eligible(c.id(), c.name(), c.startsOn(), c.endsOn(), r[1]));
        }
        out.sort(Comparator.comparing(Eligible::startsOn).thenComparingLong(Eligible::campaignId).reversed());
        return out;
    }

    @GET
    @Path("{code}")
    @Operation(summary = "Verify a certificate", description = "Public: what the certificate with this code says — the volunteer, the "
            + "campaign, the verified hours at issue and when it was issued. A code is not case-sensitive; dashes and spaces are ignored.")
    @APIResponse(responseCode = "200", description = "A genuine certificate", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Verification.class)))
    @APIResponse(responseCode = "404", description = "No such certificate (charity.certificate-not-found)")
    public Verification verifyCertificate(@Parameter(description = "The code printed on the certificate") @PathParam("code") String code) {
        String c = normalise(code);
        Issued i = c == null ? null : byCode(c).orElse(null);
        Members.MemberInfo member = i == null ? null : ctx.members().byId(i.memberId()).orElse(null);
        if (member == null) {
            throw PluginProblem.notFound("There is no certificate with this code.").withCode("charity.certificate-not-found");
        }
        Campaign campaign = campaigns.get(i.campaignId(), false);
        return new Verification(i.code(), true, name(member), campaign.id(), campaign.name(), i.minutes() / 60.0, i.minutes(), i.issuedAt(),
                zone(campaign).getId());
    }

    // ---- issuing ----

    /** The member's verified minutes in the campaign, per activity, in the order they volunteered. */
    private List<Done> done(long member, long campaign) {
        return db.with(h -> h.createQuery("select a.id, a.title, a.city_id, sum(h.minutes) as minutes, min(s.starts_at) as first_at "
                        + "from charity_hours h join charity_shift s on s.id = h.shift_id join charity_activity a on a.id = s.activity_id "
                        + "where h.member_id = :m and a.campaign_id = :c and h.status = 'VERIFIED' and h.minutes > 0 "
                        + "group by a.id, a.title, a.city_id order by first_at, a.id")
                .bind("m", member).bind("c", campaign)
                .map((rs, x) -> new Done(rs.getLong("id"), rs.getString("title"), rs.getLong("city_id"), rs.getLong("minutes"))).list());
    }

    /** The certificate for these minutes: the one issued before, else a new one with a fresh code. */
    Issued issue(long member, long campaign, long minutes) {
        Optional<Issued> had = find(member, campaign, minutes);
        if (had.isPresent()) {
            return had.get();
        }
        String code = newCode();
        try {
            db.with(h -> h.createUpdate("insert into charity_certificate (code, member_id, campaign_id, minutes, issued_at) "
                            + "values (:code, :m, :c, :min, :at)")
                    .bind("code", code).bind("m", member).bind("c", campaign).bind("min", Math.toIntExact(minutes)).bind("at", PluginJdbi.ts(Instant.now(ctx.clock())))
                    .execute());
            ctx.log().info("event=charity.certificate-issued member=" + member + " campaign=" + campaign + " minutes=" + minutes);
        } catch (PluginProblem p) {
            if (p.status() != 409) {
                throw p;
            }
            // a download at the same moment issued it first: use that one
        }
        return find(member, campaign, minutes).orElseThrow(() -> new IllegalStateException("certificate not stored"));
    }

    private Optional<Issued> find(long member, long campaign, long minutes) {
        return db.with(h -> h.createQuery("select * from charity_certificate where member_id = :m and campaign_id = :c and minutes = :min")
                .bind("m", member).bind("c", campaign).bind("min", Math.toIntExact(minutes)).map((rs, x) -> row(rs)).findOne());
    }

    private Optional<Issued> byCode(String code) {
        return db.with(h -> h.createQuery("select * from charity_certificate where code = :code").bind("code", code)
                .map((rs, x) -> row(rs)).findOne());
    }

    private static Issued row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Issued(rs.getString("code"), rs.getLong("member_id"), rs.getLong("campaign_id"), rs.getLong("minutes"),
                PluginJdbi.instant(rs, "issued_at"));
    }

    static String newCode() {
        StringBuilder s = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    /** The code as stored (upper case, without dashes or spaces), or null when it cannot be one. */
    static String normalise(String code) {
        if (code == null) {
            return null;
        }
        String c = code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return c.length() == CODE_LENGTH && c.chars().allMatch(ch -> ALPHABET.indexOf(ch) >= 0) ? c : null;
    }

    // ---- helpers ----

    /** The public verification address: the app's page for the code, on the site this request came to. */
    static String verifyUrl(UriInfo uri, String code) {
        URI base = uri.getBaseUri();
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        int api = (path.endsWith("/") ? path : path + "/").indexOf("/api/");
        String root = api >= 0 ? path.substring(0, api) : "";
        String site = base.getScheme() + "://" + base.getRawAuthority() + root;
        return site.replaceAll("/+$", "") + CharityExtension.verifyLink(code);
    }

    /** "zh-CN" when the reader prefers Chinese (Accept-Language, by weight), else "en". */
    static String language(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return "en";
        }
        String best = "en";
        double bestWeight = -1;
        for (String part : acceptLanguage.split(",")) {
            String[] bits = part.strip().split(";");
            String tag = bits[0].strip().toLowerCase(Locale.ROOT);
            double weight = 1;
            for (int i = 1; i < bits.length; i++) {
                String b = bits[i].strip();
                if (b.startsWith("q=")) {
                    try {
                        weight = Double.parseDouble(b.substring(2));
                    } catch (NumberFormatException e) {
                        weight = 0;
                    }
                }
            }
            String lang = tag.startsWith("zh") ? "zh-CN" : tag.startsWith("en") ? "en" : null;
            if (lang != null && weight > 0 && weight > bestWeight) {
                best = lang;
                bestWeight = weight;
            }
        }
        return best;
    }

    /** The campaign's time zone for dates: its first city's (the campaign's dates have no zone of their own). */
    private static ZoneId zone(Campaign c) {
        return c.cities() == null || c.cities().isEmpty() ? ZoneId.of("UTC") : ZoneId.of(c.cities().get(0).zone());
    }

    private static String name(Members.MemberInfo m) {
        return m.displayName() == null || m.displayName().isBlank() ? m.handle() : m.displayName();
    }

    /** The file name for clients that read only the plain {@code filename}: ASCII, else the ids. */
    private static String ascii(String file, long campaignId, long memberId) {
        return file.matches("[A-Za-z0-9._-]+") ? file : "certificate-" + campaignId + "-" + memberId + ".pdf";
    }
}
