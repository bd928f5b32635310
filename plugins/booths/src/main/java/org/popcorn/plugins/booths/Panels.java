package org.popcorn.plugins.booths;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.popcorn.api.Cities;
import org.popcorn.api.Panel;
import org.popcorn.api.PluginContext;
import org.popcorn.api.PluginProblem;
import org.popcorn.plugins.support.PluginJdbi;

/**
 * The booths' panel on the city page ({@code /api/plugins/booths/panels/city}, declared in
 * {@link BoothsExtension#panels()}): the city's next planned or confirmed booths — public, as on the booths list.
 * Texts are the products' and compounds' own names (a booth without products reads "Demo booth", in English).
 */
@Produces(MediaType.APPLICATION_JSON)
public class Panels {

    /** Items per panel. */
    static final int MAX = 5;
    /** Product names in an item's title before "+n". */
    private static final int NAMES = 3;

    private final PluginContext ctx;
    private final PluginJdbi db;

    Panels(PluginContext ctx, PluginJdbi db) {
        this.ctx = ctx;
        this.db = db;
    }

    private record Next(long boothId, String compound, Instant at) {
    }

    @GET
    @Path("city")
    @Operation(summary = "A city's next demo booths (city page panel)", description = "Planned and confirmed booths of the city with an opening "
            + "not over yet, soonest opening first, at most 5: the products shown, the compound, the next opening's start in the city's time "
            + "zone, the booth's page; moreHref is the city's booths list.")
    @APIResponse(responseCode = "200", description = "The panel", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Panel.class)))
    @APIResponse(responseCode = "404", description = "No such city (booths.unknown-city)")
    public Panel city(@Parameter(description = "The city's id") @QueryParam("cityId") Long cityId) {
        if (cityId == null) {
            throw PluginProblem.invalid("Give the cityId.", "cityId").withCode("booths.missing-field");
        }
        Cities.CityInfo city = ctx.cities().byId(cityId)
                .orElseThrow(() -> PluginProblem.notFound("No city " + cityId + ".").withCode("booths.unknown-city"));
        Instant now = Instant.now(ctx.clock());
        // the next opening not yet closed: a booth open right now still shows, with today's opening time
        List<Next> next = db.with(h -> h.createQuery("select b.id, b.compound, min(o.opens_at) as next_at "
                        + "from booths_booth b join booths_opening o on o.booth_id = b.id "
                        + "where b.city_id = :city and b.status in ('PLANNED', 'CONFIRMED') and o.closes_at > :now "
                        + "group by b.id, b.compound order by next_at, b.id limit :n")
                .bind("city", cityId).bind("now", PluginJdbi.ts(now)).bind("n", MAX)
                .map((rs, c) -> new Next(rs.getLong("id"), rs.getString("compound"), PluginJdbi.instant(rs, "next_at")))
                .list());
        List<Panel.Item> items = new ArrayList<>();
        for (Next n : next) {
            items.add(new Panel.Item(title(products(n.boothId())), n.compound(), n.at(), city.timeZone(), Booths.link(n.boothId())));
        }
        return new Panel(items, "/#/p/booths/booths?city=" + cityId);
    }

    /** The names of the products a booth shows, by name. */
    private List<String> products(long boothId) {
        return db.with(h -> h.createQuery("select p.name from booths_product p join booths_booth_product bp on bp.product_id = p.id "
                        + "where bp.booth_id = :b order by p.name, p.id")
                .bind("b", boothId).mapTo(String.class).list());
    }

    private static String title(List<String> names) {
        if (names.isEmpty()) {
            return "Demo booth";
        }
        String shown = String.join(", ", names.subList(0, Math.min(NAMES, names.size())));
        return names.size() > NAMES ? shown + " +" + (names.size() - NAMES) : shown;
    }
}
