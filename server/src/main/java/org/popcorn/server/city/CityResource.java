package org.popcorn.server.city;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.popcorn.server.http.ConditionalGet;
import org.popcorn.server.common.Page;

/** Browse and search the city catalogue. Public. */
@Path("cities")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cities")
public class CityResource {

    @Inject
    CityService cities;

    @ConditionalGet
    @GET
    @Operation(summary = "Search cities", description = "Prefix search over every name of a city (case- and accent-insensitive; "
            + "local names such as 北京 or 成都 included), biggest cities first. Paginated.")
    public Page<CityView> search(@QueryParam("q") String q, @QueryParam("country") String country,
                                 @QueryParam("page") Integer page, @QueryParam("size") Integer size,
                                 @QueryParam("includeRetired") @DefaultValue("false") boolean includeRetired) {
        int[] ps = Page.validate(page, size);
        Page<City> found = cities.search(q, country, includeRetired, ps[0], ps[1]);
        return views(found);
    }

    @ConditionalGet
    @GET
    @Path("{id}")
    @Operation(operationId = "getCity", summary = "One city")
    public CityView get(@PathParam("id") long id) {
        City c = cities.get(id);
        CityView v = CityView.of(c);
        v.otherNames = others(c, cities.otherNames(List.of(c.id())));
        return v;
    }

    Page<CityView> views(Page<City> found) {
        Map<Long, List<String>> names = cities.otherNames(found.items.stream().map(City::id).toList());
        List<CityView> items = found.items.stream().map(c -> {
            CityView v = CityView.of(c);
            v.otherNames = others(c, names);
            return v;
        }).toList();
        return new Page<>(items, found.page, found.size, found.total);
    }

    static List<String> others(City c, Map<Long, List<String>> names) {
        return names.getOrDefault(c.id(), List.of()).stream()
                .filter(n -> !n.equals(c.name()) && !n.equals(c.asciiName())).toList();
    }
}
