package org.popcorn.server.voting;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.popcorn.server.auth.Caller;
import org.popcorn.server.http.ConditionalGet;
import org.popcorn.server.common.Page;
import org.popcorn.server.common.Problem;
import org.popcorn.server.common.ProblemException;

/** City voting: rounds, nominations, ballots, results, receipts. */
@Path("rounds")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "City voting")
public class RoundResource {

    @Inject
    Caller caller;

    @Inject
    RoundService rounds;

    @Inject
    BallotService ballots;

    @Inject
    ResultsService results;

    @Inject
    RoundAssembler assembler;

    @jakarta.ws.rs.core.Context
    UriInfo uri;

    @GET
    @Operation(operationId = "listRounds", summary = "List rounds", description = "Filter by state and by city (the round's city or a candidate). Paginated, "
            + "latest closing first. Drafts are listed only to those who may manage them (the city's organisers, admins).")
    public Page<RoundViews.RoundView> list(@QueryParam("state") String state, @QueryParam("city") Long city,
                                           @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        int[] ps = Page.validate(page, size);
        Page<Round> found = rounds.list(caller, state, city, ps[0], ps[1]);
        return new Page<>(found.items.stream().map(r -> assembler.view(r, false)).toList(), found.page, found.size, found.total);
    }

    @POST
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Create a round", description = "Organisers create rounds for a city they organise; admins also community-wide.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = RoundViews.RoundView.class)))
    @APIResponse(responseCode = "422", description = "Invalid settings", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull(message = "{popcorn.body.round}") RoundRequests.RoundInput in) {
        Round r = rounds.create(caller, in);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(r.id())).build()).entity(assembler.view(r, true)).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getRound", summary = "One round", description = "With candidates, nominations, whether I may manage it and whether I am eligible.")
    public RoundViews.RoundView get(@PathParam("id") long id) {
        return assembler.view(rounds.visible(caller, id), true);
    }

    @PATCH
    @Path("{id}")
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "updateRound", summary = "Edit a round", description = "Only the fields sent change. Once the round has left draft, only the description may change (409 otherwise).")
    public RoundViews.RoundView update(@PathParam("id") long id, @Valid @NotNull(message = "{popcorn.body.changes}") RoundRequests.RoundInput in) {
        return assembler.view(rounds.update(caller, id, in), true);
    }

    @POST
    @Path("{id}/open")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Open voting now", description = "Needs at least 2 candidates.")
    public RoundViews.RoundView open(@PathParam("id") long id) {
        return assembler.view(rounds.open(caller, id), true);
    }

    @POST
    @Path("{id}/close")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Close voting now", description = "Results become final and immutable; a 'round.closed' event is published.")
    public RoundViews.RoundView close(@PathParam("id") long id) {
        return assembler.view(rounds.close(caller, id), true);
    }

    @POST
    @Path("{id}/cancel")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Cancel the round")
    public RoundViews.RoundView cancel(@PathParam("id") long id, RoundRequests.CancelInput in) {
        return assembler.view(rounds.cancel(caller, id, in == null ? null : in.reason), true);
    }

    @POST
    @Path("{id}/nominations")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Nominate a city", description = "During nomination; needs the 'nominate-city' privilege. The proposer is the first supporter.")
    public Response nominate(@PathParam("id") long id, @Valid @NotNull(message = "{popcorn.round.nomination.body}") RoundRequests.NominationInput in) {
        rounds.visible(caller, id);
        rounds.nominate(caller, id, in.cityId);
        return Response.status(201).entity(assembler.view(rounds.get(id), true)).build();
    }

    @POST
    @Path("{id}/nominations/{cityId}/support")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Support a nominated city", description = "Once a nomination has enough supporters it becomes a candidate.")
    public RoundViews.RoundView support(@PathParam("id") long id, @PathParam("cityId") long cityId) {
        rounds.visible(caller, id);
        rounds.support(caller, id, cityId);
        return assembler.view(rounds.get(id), true);
    }

    @PUT
    @Path("{id}/ballot")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Cast or change my ballot", description = "201 for a first ballot, 200 for a change; the answer carries a "
            + "new receipt. Pays points once per round.")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = RoundViews.BallotView.class)))
    @APIResponse(responseCode = "201", description = "Cast", content = @Content(schema = @Schema(implementation = RoundViews.BallotView.class)))
    @APIResponse(responseCode = "403", description = "Not eligible (the problem names the rule)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Voting is not open", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown or duplicate candidate, too many choices, unknown size", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response castBallot(@PathParam("id") long id, @Valid @NotNull(message = "{popcorn.body.ballot}") RoundRequests.BallotInput in) {
        BallotService.Cast cast = ballots.cast(caller, id, in); // a draft the caller may not see answers 404 there
        return Response.status(cast.created() ? 201 : 200).entity(RoundViews.BallotView.of(cast.ballot())).build();
    }

    @GET
    @Path("{id}/ballot")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "My ballot in this round", description = "404 when I have not voted.")
    public RoundViews.BallotView myBallot(@PathParam("id") long id) {
        long me = caller.requireMemberId();
        rounds.visible(caller, id);
        return ballots.find(id, me).map(RoundViews.BallotView::of)
                .orElseThrow(() -> ProblemException.notFound("You have not voted in this round.").withCode("ballot.not-found"));
    }

    @ConditionalGet
    @GET
    @Path("{id}/results")
    @Operation(summary = "Results", description = "Tallies, size distribution and median, pledges, turnout, the winner and how ties "
            + "were broken. Hidden until close when the round says so (turnout still shown). Reads running totals: O(candidates).")
    public RoundViews.Results results(@PathParam("id") long id) {
        rounds.visible(caller, id);
        return results.results(id);
    }

    @GET
    @Path("{id}/receipts")
    @Operation(summary = "Published receipts (after close)", description = "Every current receipt with its choices and no identity; "
            + "?receipt=CODE finds one. Paginated.")
    public Page<RoundViews.Receipt> receipts(@PathParam("id") long id, @QueryParam("receipt") String receipt,
                                             @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        int[] ps = Page.validate(page, size);
        rounds.visible(caller, id);
        return results.receipts(id, receipt, ps[0], ps[1]);
    }

    @GET
    @Path("{id}/receipts.jsonl")
    @Produces("application/x-ndjson")
    @Operation(summary = "Every published receipt, in one streamed download (after close)", description = "Public and "
            + "not paginated: one JSON object per line ({receipt, choices, size, pledge}), in receipt order, so anyone "
            + "can recount the results. 409 before the round closes.")
    @APIResponse(responseCode = "200", description = "JSON lines", content = @Content(mediaType = "application/x-ndjson"))
    @APIResponse(responseCode = "409", description = "Not closed yet", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response receiptLines(@PathParam("id") long id) {
        rounds.visible(caller, id);
        results.requireClosed(id);
        jakarta.ws.rs.core.StreamingOutput body = out -> results.writeReceiptLines(id, out);
        return Response.ok(body, "application/x-ndjson")
                .header("Content-Disposition", "attachment; filename=\"round-" + id + "-receipts.jsonl\"").build();
    }

    @GET
    @Path("{id}/results.csv")
    @Produces("text/csv")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Results as CSV (organisers)")
    public Response resultsCsv(@PathParam("id") long id) {
        requireManage(id);
        return Response.ok(results.resultsCsv(id)).type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"round-" + id + "-results.csv\"").build();
    }

    @GET
    @Path("{id}/receipts.csv")
    @Produces("text/csv")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Receipts as CSV (organisers, after close)")
    public Response receiptsCsv(@PathParam("id") long id) {
        requireManage(id);
        return Response.ok(results.receiptsCsv(id)).type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"round-" + id + "-receipts.csv\"").build();
    }

    private void requireManage(long id) {
        Round r = rounds.get(id);
        caller.requireMemberId();
        if (!rounds.mayManage(caller, r)) {
            throw ProblemException.forbidden("Only the round's organisers may export it.")
                    .withCode(r.ownerCityId() == null ? "admin.required" : "organiser.required");
        }
    }
}
