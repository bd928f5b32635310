package org.popcorn.server.member;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.popcorn.server.auth.Caller;

/** The caller's own profile. */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "My profile")
@SecurityRequirement(name = "bearer")
public class MeResource {

    @Inject
    Caller caller;

    @Inject
    MemberService members;

    @Inject
    ProfileAssembler profiles;

    @GET
    @Operation(summary = "My profile", description = "Includes my e-mail, level, next level, badges, stage, privileges and unread count.")
    public ProfileViews.MyProfile me() {
        return profiles.mine(caller.requireMemberId());
    }

    @PATCH
    @Operation(operationId = "updateMyProfile", summary = "Edit my profile", description = "Only the fields sent change.")
    public ProfileViews.MyProfile update(@Valid @NotNull(message = "{popcorn.body.profile}") ProfileUpdate update) {
        long id = caller.requireMemberId();
        members.updateProfile(id, update);
        return profiles.mine(id);
    }
}
