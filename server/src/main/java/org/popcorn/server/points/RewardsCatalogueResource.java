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

/** The catalogues of the reward system: levels, badges, privileges. */
@Path("rewards")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Points")
public class RewardsCatalogueResource {

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
    @Path("levels")
    @Operation(summary = "The levels and the lifetime points each takes")
    public List<ProfileViews.LevelView> levels() {
        return points.levels().all().stream().map(l -> PointsResource.level(l, null)).toList();
    }

    @GET
    @Path("badges")
    @Operation(summary = "Every badge that can be earned (core and plugins)")
    public List<PointsViews.BadgeDef> badges() {
        return rewards.badges().stream().map(PointsViews.BadgeDef::of).toList();
    }

    @GET
    @Path("privileges")
    @Operation(summary = "Every privilege and the level that unlocks it")
    public List<PointsViews.PrivilegeDef> privileges() {
        return rewards.privileges().stream().map(PointsViews.PrivilegeDef::of).toList();
    }

}
