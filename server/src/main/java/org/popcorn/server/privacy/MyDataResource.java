package org.popcorn.server.privacy;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.popcorn.server.auth.Caller;
import org.popcorn.server.common.ProblemException;

/** "Download my data" (the settings page's button). Deleting the data is {@code DELETE /api/auth/account}. */
@Path("me/export")
@RequestScoped
@Tag(name = "My profile")
@SecurityRequirement(name = "bearer")
public class MyDataResource {

    @Inject
    Caller caller;

    @Inject
    MemberDataService data;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "exportMyData", summary = "Download my data",
            description = "Everything Popcorn holds about me, as one JSON document: profile, roles, points with their reasons, badges,"
                    + " privileges, ballots with receipts, inbox, e-mail choices, sign-up places, qualifications, and each plugin's part"
                    + " under `plugins.<id>` (a plugin whose part could not be read now is named in `pluginsLeftOut`)."
                    + " Sent as an attachment.")
    @APIResponse(responseCode = "200", description = "The document")
    @APIResponse(responseCode = "401", description = "Not logged in")
    public Response export() {
        long me = caller.requireMemberId();
        Map<String, Object> doc = data.export(me);
        if (doc == null) {
            throw ProblemException.notFound("There is no such member.").withCode("member.not-found");
        }
        Object handle = ((Map<?, ?>) doc.get("member")).get("handle");
        return Response.ok(doc).header("Content-Disposition", "attachment; filename=\"popcorn-data-" + handle + ".json\"")
                .header("Cache-Control", "no-store").build();
    }
}
