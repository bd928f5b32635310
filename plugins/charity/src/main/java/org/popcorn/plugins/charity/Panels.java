package org.popcorn.plugins.charity;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.popcorn.api.Cities;
import org.popcorn.api.Members;
import org.popcorn.api.Panel;
import org.popcorn.api.PluginContext;
import org.popcorn.api.PluginProblem;
import org.popcorn.plugins.support.PluginJdbi;

/**
 * The charity's panels on the core's pages ({@code /api/plugins/charity/panels/...}, declared in
 * {@link CharityExtension#panels()}): a city's next volunteering activities, and a member's verified hours. Totals are
 * public (they are on the leaderboards); which shifts a member did shows only to the member and, when the member shows
 * their attendance, to others. Texts are in English (the plugin has no per-request catalogue).
 */
@Produces(MediaType.APPLICATION_JSON)
public class Panels {

    /** Items per panel. */
    static final int MAX = 5;
    /** Recent shifts under the profile's total. */
    static final int RECENT = 4;
    private static final int DETAIL_LENGTH = 80;

    private final PluginContext ctx;
    private final PluginJdbi db;
    private final Activities activities;

    Panels(PluginContext ctx, PluginJdbi db, Activities activities) {
        this.ctx = ctx;
        this.db = db;
        this.activities = activities;
    }

    private record Next(long activityId, long campaignId, String title, String meetingPoint, Instant at) {
    }

    private record Done(long activityId, long cityId, String title, Instant at, int minutes) {
    }

    @GET
    @Path("city")
    @Operation(summary = "A city's next volunteering (city page panel)", description = "Published activities of the city with a shift still to "
            + "come, soonest next shift first, at most 5: title, meeting point, the next shift's start in the city's time zone, the "
            + "activity's page; moreHref is the city's activities in the current campaign (else the campaigns).")
    @APIResponse(responseCode = "200", description = "The panel", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Panel.class)))
    @APIResponse(responseCode = "404", description = "No such city (charity.unknown-city)")
    public Panel city(@Parameter(description = "The city's id") @QueryParam("cityId") Long cityId) {
        if (cityId == null) {
            throw PluginProblem.invalid("Give the cityId.", "cityId").withCode("charity.missing-field");
        }
        Cities.CityInfo city = ctx.cities().byId(cityId)
                .orElseThrow(() -> PluginProblem.notFound("No city " + cityId + ".").withCode("charity.unknown-city"));
        ZoneId zone = ZoneId.of(city.timeZone());
        Instant now = Instant.now(ctx.clock());
        List<Next> next = db.with(h -> h.createQuery("select a.id, a.campaign_id, a.title, a.meeting_point, min(s.starts_at) as next_at "
                        + "from charity_activity a join charity_shift s on s.activity_id = a.id "
                        + "where a.city_id = :city and a.status = 'PUBLISHED' and s.starts_at > :now "
                        + "group by a.id, a.campaign_id, a.title, a.meeting_point order by next_at, a.id limit :n")
                .bind("city", cityId).bind("now", PluginJdbi.ts(now)).bind("n", MAX)
                .map((rs, c) -> new Next(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("title"), rs.getString("meeting_point"),
                        PluginJdbi.instant(rs, "next_at")))
                .list());
        List<Panel.Item> items = next.stream()
                .map(n -> new Panel.Item(n.title(), shorten(n.meetingPoint()), n.at(), zone.getId(), CharityExtension.link(n.activityId())))
                .toList();
        Long campaign = next.isEmpty() ? currentCampaign(cityId, LocalDate.ofInstant(now, zone)) : Long.valueOf(next.get(0).campaignId());
        String more = campaign == null ? "/#/p/charity/campaigns" : "/#/p/charity/campaign/" + campaign + "?city=" + cityId;
        return new Panel(items, more);
    }

    @GET
    @Path("profile")
    @Operation(summary = "A member's verified volunteer hours (profile panel)", description = "First the member's total verified hours (public, "
            + "as on the leaderboards), then up to 4 most recent verified shifts (activity, hours, start in the city's time zone) — those "
            + "for the member, and for others only when the member shows their attendance. No verified hours (or no such active member): no items.")
    @APIResponse(responseCode = "200", description = "The panel", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Panel.class)))
    public Panel profile(@Parameter(description = "The member's id") @QueryParam("memberId") Long memberId) {
        if (memberId == null) {
            throw PluginProblem.invalid("Give the memberId.", "memberId").withCode("charity.missing-field");
        }
        Members.MemberInfo member = ctx.members().byId(memberId).orElse(null);
        if (member == null) {
            return new Panel(List.of(), null); // no active member: no profile to show it on
        }
        Optional<Long> reader = ctx.currentMember().id();
        boolean self = reader.isPresent() && reader.get().longValue() == memberId;
        String more = self ? "/#/p/charity/mine" : null;
        long total = db.with(h -> h.createQuery("select coalesce(sum(minutes), 0) from charity_hours where member_id = :m and status = 'VERIFIED'")
                .bind("m", memberId).mapTo(Long.class).one());
        if (total <= 0) {
            return new Panel(List.of(), more);
        }
        List<Panel.Item> items = new ArrayList<>();
        items.add(new Panel.Item(hours(total) + (total == 60 ? " verified hour" : " verified hours"), null, null, null, null));
        if (self || member.attendanceVisible()) {
            List<Done> recent = db.with(h -> h.createQuery("select a.id, a.city_id, a.title, s.starts_at, h.minutes from charity_hours h "
                            + "join charity_shift s on s.id = h.shift_id join charity_activity a on a.id = s.activity_id "
                            + "where h.member_id = :m and h.status = 'VERIFIED' and h.minutes > 0 order by s.starts_at desc, s.id desc limit :n")
                    .bind("m", memberId).bind("n", RECENT)
                    .map((rs, c) -> new Done(rs.getLong("id"), rs.getLong("city_id"), rs.getString("title"), PluginJdbi.instant(rs, "starts_at"),
                            rs.getInt("minutes")))
                    .list());
            for (Done d : recent) {
                items.add(new Panel.Item(d.title(), hours(d.minutes()) + (d.minutes() == 60 ? " hour" : " hours"), d.at(),
                        activities.zone(d.cityId()).getId(), CharityExtension.link(d.activityId())));
            }
        }
        return new Panel(items, more);
    }

    /** The campaign the city takes part in that is running or comes next, or null. */
    private Long currentCampaign(long cityId, LocalDate today) {
        return db.with(h -> h.createQuery("select c.id from charity_campaign c join charity_campaign_city cc on cc.campaign_id = c.id "
                        + "where cc.city_id = :city and c.ends_on >= :today order by c.starts_on, c.id limit 1")
                .bind("city", cityId).bind("today", today).mapTo(Long.class).findOne().orElse(null));
    }

    /** Minutes as hours: 750 → "12.5", 120 → "2". */
    static String hours(long minutes) {
        String s = String.format(Locale.ROOT, "%.1f", minutes / 60.0);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    private static String shorten(String text) {
        if (text == null || text.length() <= DETAIL_LENGTH) {
            return text;
        }
        return text.substring(0, DETAIL_LENGTH - 1).stripTrailing() + "\u2026";
    }
}
