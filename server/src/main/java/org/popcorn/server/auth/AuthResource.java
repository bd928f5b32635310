package org.popcorn.server.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.popcorn.server.http.ClientAddress;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.popcorn.server.common.Problem;
import org.popcorn.server.member.Member;
import org.popcorn.server.member.MemberService;
import org.popcorn.server.member.ProfileAssembler;
import org.popcorn.server.member.ProfileViews;

/** Sign-up, log-in, log-out, password change, account deletion. */
@Path("auth")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication")
public class AuthResource {

    @Inject
    MemberService members;

    @Inject
    AuthService auth;

    @Inject
    Caller caller;

    @Inject
    ProfileAssembler profiles;

    @Inject
    @ConfigProperty(name = "popcorn.http.trust-forwarded-for", defaultValue = "false")
    boolean trustForwardedFor;

    @Context
    HttpServletRequest http;

    @POST
    @Path("register")
    @Operation(summary = "Sign up", description = "Creates a member and answers 201 with the new profile; Location is the public profile.")
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = ProfileViews.MyProfile.class)))
    @APIResponse(responseCode = "409", description = "Handle or e-mail taken", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid field", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response register(@Valid @NotNull(message = "{popcorn.body.registration}") AuthRequests.Registration r, @Context UriInfo uri) {
        Member m = members.register(r);
        return Response.created(uri.getBaseUriBuilder().path("members").path(m.handle()).build())
                .entity(profiles.mine(m.id())).build();
    }

    @POST
    @Path("login")
    @Operation(summary = "Log in with handle or e-mail", description = "Answers a bearer token. Failed log-ins are throttled "
            + "per account and per client address: 429 with Retry-After.")
    @APIResponse(responseCode = "200", description = "Logged in", content = @Content(schema = @Schema(implementation = AuthRequests.Session.class)))
    @APIResponse(responseCode = "401", description = "Wrong credentials", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many failures", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public AuthRequests.Session login(@Valid @NotNull(message = "{popcorn.body.login}") AuthRequests.Login l) {
        return auth.login(l.login, l.password, clientAddress(), http.getHeader("User-Agent"));
    }

    @POST
    @Path("logout")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "End this session")
    @APIResponse(responseCode = "204", description = "Logged out")
    public Response logout() {
        auth.logout(caller);
        return Response.noContent().build();
    }

    @POST
    @Path("password")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Change my password", description = "Ends every other session of mine.")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "422", description = "Current password wrong or new one invalid", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response changePassword(@Valid @NotNull(message = "{popcorn.body.passwords}") AuthRequests.PasswordChange change) {
        auth.changePassword(caller, change);
        return Response.noContent().build();
    }

    @DELETE
    @Path("account")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Delete my account", description = "Erases personal data; contributions stay as 'former member'.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response deleteAccount(@Valid @NotNull(message = "{popcorn.body.password}") AuthRequests.AccountDeletion d) {
        auth.deleteAccount(caller, d.password);
        return Response.noContent().build();
    }

    String clientAddress() {
        return ClientAddress.of(http, trustForwardedFor);
    }
}
