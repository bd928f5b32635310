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
import org.popcorn.server.language.Texts;
import org.popcorn.server.auth.Caller;
import org.popcorn.server.city.CityService;
import org.popcorn.server.common.Page;
import org.popcorn.server.member.Member;
import org.popcorn.server.member.ProfileAssembler;
import org.popcorn.server.member.ProfileViews;

/** My points balance, level and ledger. */
@Path("me/points")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Points")
public class PointsResource {

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
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "My points", description = "Balance (always the sum of the ledger), lifetime points, level, next level, "
            + "and my ledger newest first (paginated).")
    public PointsViews.MyPoints mine(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        int[] ps = Page.validate(page, size);
        Member m = caller.require();
        Levels levels = points.levels();
        PointsViews.MyPoints out = new PointsViews.MyPoints();
        out.balance = m.points();
        out.lifetimePoints = m.lifetimePoints();
        out.level = level(levels.levelFor(m.lifetimePoints()), null);
        out.nextLevel = levels.nextAfter(m.lifetimePoints()).map(l -> level(l, l.minPoints() - m.lifetimePoints())).orElse(null);
        Page<PointsEntry> ledger = points.ledger(m.id(), ps[0], ps[1]);
        out.ledger = new Page<>(ledger.items.stream().map(PointsViews.Entry::of).toList(), ledger.page, ledger.size, ledger.total);
        return out;
    }

    static ProfileViews.LevelView level(LevelDef l, Long toGo) {
        ProfileViews.LevelView v = new ProfileViews.LevelView();
        v.number = l.number();
        v.name = Texts.of(Texts.CORE, "level." + l.number() + ".name", l.name());
        v.minPoints = l.minPoints();
        v.pointsToGo = toGo;
        return v;
    }
}
