package org.popcorn.server.member;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public profiles. */
@Path("members")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Members")
public class MemberResource {

    @Inject
    MemberService members;

    @Inject
    ProfileAssembler profiles;

    @GET
    @Path("{handle}")
    @Operation(operationId = "getMember", summary = "A member's public profile", description = "Display name, city, level, badges, stage, joined date and "
            + "public activity counts. Never the e-mail. Handles are case-insensitive.")
    public ProfileViews.PublicProfile get(@PathParam("handle") String handle) {
        return profiles.publicProfile(members.requireByHandle(handle));
    }
}
