package org.popcorn.plugins.meetups;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
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

/**
 * The meetups' panels on the core's pages ({@code /api/plugins/meetups/panels/...}, declared in
 * {@link MeetupsExtension#panels()}): a city's next meetups, and the meetups a member attended — the latter only for
 * readers the member lets see their attendance.
 */
@Produces(MediaType.APPLICATION_JSON)
public class Panels {

    /** Items per panel. */
    static final int MAX = 5;

    private final PluginContext ctx;
    private final MeetupStore store;

    Panels(PluginContext ctx, MeetupStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    @GET
    @Path("city")
    @Operation(summary = "A city's next meetups (city page panel)", description = "The next published meetups of the city that are not over "
            + "yet, soonest first, at most 5: title, venue, start in the city's time zone, the meetup's page; moreHref lists all of the city's.")
    @APIResponse(responseCode = "200", description = "The panel", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Panel.class)))
    @APIResponse(responseCode = "404", description = "No such city (meetups.city-not-found)")
    public Panel city(@Parameter(description = "The city's id") @QueryParam("cityId") Long cityId) {
        if (cityId == null) {
            throw PluginProblem.invalid("'cityId' is required.", "cityId").withCode("meetups.missing-field");
        }
        Cities.CityInfo city = ctx.cities().byId(cityId)
                .orElseThrow(() -> PluginProblem.notFound("No city with id " + cityId + ".").withCode("meetups.city-not-found"));
        MeetupStore.Filter f = new MeetupStore.Filter();
        f.cityIds = List.of(cityId);
        f.statuses = EnumSet.of(Meetup.Status.PUBLISHED);
        f.from = Instant.now(ctx.clock());
        List<Panel.Item> items = store.list(f, 0, MAX).items().stream().map(m -> item(m, city.timeZone())).toList();
        return new Panel(items, "/plugins/meetups/index.html#city=" + cityId);
    }

    @GET
    @Path("profile")
    @Operation(summary = "Meetups a member attended (profile panel)", description = "The meetups the member checked in at, most recent first, "
            + "at most 5 — for the member, and for others only when the member shows their attendance; otherwise no items.")
    @APIResponse(responseCode = "200", description = "The panel", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Panel.class)))
    public Panel profile(@Parameter(description = "The member's id") @QueryParam("memberId") Long memberId) {
        if (memberId == null) {
            throw PluginProblem.invalid("'memberId' is required.", "memberId").withCode("meetups.missing-field");
        }
        Optional<Long> reader = ctx.currentMember().id();
        boolean self = reader.isPresent() && reader.get().longValue() == memberId;
        // as on "who is coming": others see a member's attendance only when the member chose to show it
        boolean shown = self || ctx.members().byId(memberId).map(Members.MemberInfo::attendanceVisible).orElse(false);
        if (!shown) {
            return new Panel(List.of(), null);
        }
        List<Panel.Item> items = new ArrayList<>();
        for (long id : attended(memberId)) {
            Meetup m = store.get(id);
            items.add(item(m, ctx.cities().byId(m.cityId).map(Cities.CityInfo::timeZone).orElse(null)));
        }
        // the member's own list of meetups is on the browse page ("My meetups"); others have no page of someone's attendance
        return new Panel(items, self ? "/plugins/meetups/index.html" : null);
    }

    /** Ids of the public meetups the member checked in at, latest start first, at most {@link #MAX}. */
    private List<Long> attended(long memberId) {
        return ctx.database().inTransaction(c -> Sql.list(c, "select t.meetup_id from meetups_ticket t join meetups_meetup m on m.id = t.meetup_id "
                + "where t.member_id = ? and t.checked_in_at is not null and m.status in ('PUBLISHED', 'FINISHED') "
                + "order by m.starts_at desc, m.id desc limit ?", rs -> rs.getLong(1), memberId, MAX));
    }

    private static Panel.Item item(Meetup m, String zone) {
        return new Panel.Item(m.title, m.venueName, m.startsAt, zone, MeetupsExtension.link(m.id));
    }
}
