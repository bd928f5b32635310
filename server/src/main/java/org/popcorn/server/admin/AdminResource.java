package org.popcorn.server.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.popcorn.server.auth.Caller;
import org.popcorn.server.city.City;
import org.popcorn.server.city.CityService;
import org.popcorn.server.city.CityView;
import org.popcorn.server.city.NewCity;
import org.popcorn.server.common.Page;
import org.popcorn.server.member.Member;
import org.popcorn.server.member.MemberService;
import org.popcorn.server.member.ProfileAssembler;
import org.popcorn.server.member.ProfileViews;
import org.popcorn.server.points.PointsService;
import org.popcorn.server.points.PointsViews;
import org.popcorn.server.points.RewardsService;

/** Admin work: members and their roles, manual points, cities. Every method requires an admin. */
@Path("admin")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
@SecurityRequirement(name = "bearer")
public class AdminResource {

    @Inject
    Caller caller;

    @Inject
    MemberService members;

    @Inject
    ProfileAssembler profiles;

    @Inject
    PointsService points;

    @Inject
    RewardsService rewards;

    @Inject
    CityService cities;

    /** A member as admins see them (with e-mail and roles). */
    @Schema(name = "AdminMember")
    public static class AdminMember {
        public long id;
        public String handle;
        public String displayName;
        public String email;
        public boolean admin;
        public long points;
        public org.popcorn.server.city.CityRef homeCity;
        public List<org.popcorn.server.city.CityRef> organiserOf;
    }

    /** Admin flag change. */
    @Schema(name = "AdminFlag")
    public static class AdminFlag {
        @NotNull(message = "{popcorn.boolean.required}")
        public Boolean admin;
    }

    /** Retire or reinstate a city. */
    @Schema(name = "CityRetirement")
    public static class Retirement {
        @NotNull(message = "{popcorn.boolean.required}")
        public Boolean retired;
    }

    @GET
    @Path("members")
    @Operation(summary = "Find members", description = "By handle or display name prefix; paginated.")
    public Page<AdminMember> members(@QueryParam("q") String q, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        caller.requireAdmin();
        int[] ps = Page.validate(page, size);
        Page<Member> found = members.search(q, ps[0], ps[1]);
        return new Page<>(found.items.stream().map(this::view).toList(), found.page, found.size, found.total);
    }

    @GET
    @Path("members/{handle}")
    @Operation(summary = "One member, with e-mail and roles")
    public AdminMember member(@PathParam("handle") String handle) {
        caller.requireAdmin();
        return view(members.requireByHandle(handle));
    }

    @PUT
    @Path("members/{handle}/organiser/{cityId}")
    @Operation(summary = "Make a member an organiser of a city", description = "Idempotent.")
    public AdminMember grantOrganiser(@PathParam("handle") String handle, @PathParam("cityId") long cityId) {
        caller.requireAdmin();
        Member m = members.requireByHandle(handle);
        members.grantOrganiser(m.id(), cityId, caller.requireMemberId());
        return view(members.get(m.id()));
    }

    @DELETE
    @Path("members/{handle}/organiser/{cityId}")
    @Operation(summary = "End a member's organiser role for a city")
    public AdminMember revokeOrganiser(@PathParam("handle") String handle, @PathParam("cityId") long cityId) {
        caller.requireAdmin();
        Member m = members.requireByHandle(handle);
        members.revokeOrganiser(m.id(), cityId, caller.requireMemberId());
        return view(members.get(m.id()));
    }

    @PUT
    @Path("members/{handle}/admin")
    @Operation(summary = "Make a member an admin, or not")
    public AdminMember setAdmin(@PathParam("handle") String handle, @Valid @NotNull AdminFlag flag) {
        caller.requireAdmin();
        Member m = members.requireByHandle(handle);
        members.setAdmin(m.id(), flag.admin, caller.requireMemberId());
        return view(members.get(m.id()));
    }

    @PUT
    @Path("members/{handle}/privileges/{code}")
    @Operation(summary = "Grant a privilege to a member regardless of level")
    public Response grantPrivilege(@PathParam("handle") String handle, @PathParam("code") String code) {
        caller.requireAdmin();
        rewards.grantPrivilege(members.requireByHandle(handle).id(), code, caller.requireMemberId());
        return Response.noContent().build();
    }

    @DELETE
    @Path("members/{handle}/privileges/{code}")
    @Operation(summary = "Withdraw a granted privilege")
    public Response revokePrivilege(@PathParam("handle") String handle, @PathParam("code") String code) {
        caller.requireAdmin();
        rewards.revokePrivilege(members.requireByHandle(handle).id(), code);
        return Response.noContent().build();
    }

    @POST
    @Path("members/{handle}/points")
    @Operation(summary = "Award points by hand", description = "Idempotent per idempotencyKey: 201 the first time, 200 with the "
            + "existing entry afterwards. A negative amount corrects a mistake.")
    public Response award(@PathParam("handle") String handle, @Valid @NotNull(message = "{popcorn.body.award}") PointsViews.AwardRequest a) {
        caller.requireAdmin();
        Member m = members.requireByHandle(handle);
        PointsService.Award award = points.award(m.id(), a.amount, a.reason, "admin", a.idempotencyKey);
        return Response.status(award.created() ? 201 : 200).entity(PointsViews.Entry.of(award.entry())).build();
    }

    @POST
    @Path("cities")
    @Operation(summary = "Add a city")
    public Response addCity(@Valid @NotNull(message = "{popcorn.body.city}") NewCity n) {
        caller.requireAdmin();
        City c = cities.add(n);
        return Response.status(201).entity(CityView.of(c)).header("Location", "/api/cities/" + c.id()).build();
    }

    @PUT
    @Path("cities/{id}/retired")
    @Operation(summary = "Retire a city (no longer offered) or reinstate it")
    public CityView retire(@PathParam("id") long id, @Valid @NotNull Retirement r) {
        caller.requireAdmin();
        return CityView.of(cities.setRetired(id, r.retired));
    }

    AdminMember view(Member m) {
        AdminMember v = new AdminMember();
        v.id = m.id();
        v.handle = m.handle();
        v.displayName = m.displayName();
        v.email = m.email();
        v.admin = m.isAdmin();
        v.points = m.points();
        v.homeCity = m.homeCityId() == null ? null : cities.ref(cities.get(m.homeCityId()));
        v.organiserOf = members.organisedCityIds(m.id()).stream().map(id -> cities.ref(cities.get(id))).toList();
        return v;
    }
}
