package org.popcorn.server.points;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.popcorn.server.auth.Caller;
import org.popcorn.server.city.CityService;
import org.popcorn.server.common.Page;
import org.popcorn.server.member.Member;
import org.popcorn.server.member.ProfileAssembler;
import org.popcorn.server.member.ProfileViews;

/** Leaderboards overall and per city. */
@Path("leaderboard")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Points")
public class LeaderboardResource {

    @Inject
    Caller caller;

    @Inject
    PointsService points;

    @Inject
    RewardsService rewards;

    @Inject
    CityService cities;

    @PersistenceContext(unitName = "popcorn")
    EntityManager em;

    @GET
    @Operation(summary = "Top members by points", description = "Overall, or for one home city with ?city=<id>. Paginated.")
    public Page<PointsViews.Leader> leaderboard(@QueryParam("city") Long cityId, @QueryParam("page") Integer page,
                                                @QueryParam("size") Integer size) {
        int[] ps = Page.validate(page, size);
        if (cityId != null) {
            cities.get(cityId);
        }
        String where = " where m.deletedAt is null" + (cityId != null ? " and m.homeCityId = :c" : "");
        var q = em.createQuery("select m from Member m" + where + " order by m.points desc, m.id", Member.class);
        var count = em.createQuery("select count(m) from Member m" + where, Long.class);
        if (cityId != null) {
            q.setParameter("c", cityId);
            count.setParameter("c", cityId);
        }
        List<Member> top = q.setFirstResult(ps[0] * ps[1]).setMaxResults(ps[1]).getResultList();
        Levels levels = points.levels();
        List<PointsViews.Leader> items = new ArrayList<>();
        long rank = (long) ps[0] * ps[1];
        for (Member m : top) {
            PointsViews.Leader l = new PointsViews.Leader();
            l.rank = ++rank;
            l.handle = m.handle();
            l.displayName = m.displayName();
            l.points = m.points();
            l.homeCity = m.homeCityId() == null ? null : cities.ref(cities.get(m.homeCityId()));
            l.level = PointsResource.level(levels.levelFor(m.lifetimePoints()), null);
            items.add(l);
        }
        return new Page<>(items, ps[0], ps[1], count.getSingleResult());
    }

}
