package org.popcorn.plugins.charity;

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
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.popcorn.api.PluginProblem;
import org.popcorn.plugins.support.Check;
import org.popcorn.plugins.charity.CharityForms.ActivityForm;
import org.popcorn.plugins.charity.CharityForms.CampaignForm;
import org.popcorn.plugins.charity.CharityForms.Decision;
import org.popcorn.plugins.charity.CharityForms.HoursForm;
import org.popcorn.plugins.charity.CharityForms.MemberRef;
import org.popcorn.plugins.charity.CharityForms.MyHoursForm;
import org.popcorn.plugins.charity.CharityViews.Activity;
import org.popcorn.plugins.charity.CharityViews.Campaign;
import org.popcorn.plugins.charity.CharityViews.MyShift;
import org.popcorn.plugins.charity.CharityViews.MyShifts;
import org.popcorn.plugins.charity.CharityViews.Page;
import org.popcorn.plugins.charity.CharityViews.Roster;
import org.popcorn.plugins.charity.CharityViews.RosterEntry;
import org.popcorn.plugins.charity.CharityViews.SignupView;

/** The charity HTTP API under {@code /api/plugins/charity} (see docs/charity.md); the rules live in the services. */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CharityResource {

    private final Campaigns campaigns;
    private final Activities activities;
    private final Volunteering volunteering;
    private final HoursService hours;
    private final Reports reports;
    private final Panels panels;
    private final Certificates certificates;
    private final Partners partners;
    private final SelfLoggedHours selfLogged;

    CharityResource(Campaigns campaigns, Activities activities, Volunteering volunteering, HoursService hours, Reports reports, Panels panels,
                    Certificates certificates, Partners partners, SelfLoggedHours selfLogged) {
        this.partners = partners;
        this.selfLogged = selfLogged;
        this.reports = reports;
        this.panels = panels;
        this.certificates = certificates;
        this.campaigns = campaigns;
        this.activities = activities;
        this.volunteering = volunteering;
        this.hours = hours;
    }

    @GET
    @Path("campaigns")
    public Page<Campaign> campaigns(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        int[] ps = Check.paging(page, size);
        return campaigns.list(ps[0], ps[1]);
    }

    @POST
    @Path("campaigns")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = CharityViews.Campaign.class)))
    public Response createCampaign(CampaignForm form) {
        return Response.status(201).entity(campaigns.create(form)).build();
    }

    @GET
    @Path("campaigns/{id}")
    public Campaign campaign(@PathParam("id") long id) {
        return campaigns.get(id, true);
    }

    @GET
    @Path("campaigns/{id}/activities")
    public Page<Activity> activities(@PathParam("id") long id, @QueryParam("city") Long city, @QueryParam("page") Integer page,
                                     @QueryParam("size") Integer size) {
        int[] ps = Check.paging(page, size);
        return activities.list(id, city, ps[0], ps[1]);
    }

    @POST
    @Path("campaigns/{id}/activities")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "201", description = "Created (proposed, or published for an organiser)", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = CharityViews.Activity.class)))
    public Response createActivity(@PathParam("id") long id, ActivityForm form) {
        return Response.status(201).entity(activities.create(id, form)).build();
    }

    @GET
    @Path("activities/{id}")
    public Activity activity(@PathParam("id") long id) {
        return activities.view(id);
    }

    @POST
    @Path("activities/{id}/approve")
    @Operation(summary = "Approve a proposed activity", description = "Organisers of its city; it goes live at once.")
    @SecurityRequirement(name = "bearer")
    public Activity approve(@PathParam("id") long id) {
        return activities.decide(id, true, null);
    }

    @POST
    @Path("activities/{id}/reject")
    @Operation(summary = "Reject a proposed activity", description = "Organisers of its city, with a reason the proposer reads.")
    @SecurityRequirement(name = "bearer")
    public Activity reject(@PathParam("id") long id, Decision d) {
        return activities.decide(id, false, d == null ? null : d.reason);
    }

    /** An admin approves (or withdraws the approval of) the activity's partner organisation. */
    @PUT
    @Path("activities/{id}/partner-approval")
    @SecurityRequirement(name = "bearer")
    public Activity partnerApproval(@PathParam("id") long id, CharityForms.PartnerApproval body) {
        return partners.approve(id, body == null ? null : body.approved);
    }

    /** Activities whose partner organisation awaits an admin's approval. */
    @GET
    @Path("partner-approvals")
    @SecurityRequirement(name = "bearer")
    public List<Activity> partnerApprovals() {
        return partners.pending();
    }

    /** An organiser sets a role's waiver; a changed text becomes its next version, which new sign-ups accept. */
    @PUT
    @Path("activities/{id}/roles/{code}/waiver")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Set the waiver of a role of an activity", description = "Body {\"en\": \"…\", \"zh-CN\": \"…\"} (English "
            + "required, 简体中文 optional, each at most 4000 characters), for the organisers of the activity's city. One waiver per role "
            + "of the activity: it holds for the role in every shift. The same text keeps its version; a changed one becomes the next "
            + "version, which sign-ups from now on accept (places taken under an older version stay). Answers the activity. "
            + "403 charity.organiser-required, 404 charity.role-not-found, 422 charity.invalid-waiver.")
    public Activity putWaiver(@PathParam("id") long id, @PathParam("code") String code, Map<String, String> text) {
        return activities.changeWaiver(id, code, text, false);
    }

    /** An organiser removes a role's waiver: sign-ups no longer need an acceptance; the acceptances given stay with the host. */
    @DELETE
    @Path("activities/{id}/roles/{code}/waiver")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Remove the waiver of a role of an activity", description = "For the organisers of the activity's city; "
            + "removing twice changes nothing. Answers the activity. 403 charity.organiser-required, 404 charity.role-not-found.")
    public Activity removeWaiver(@PathParam("id") long id, @PathParam("code") String code) {
        return activities.changeWaiver(id, code, null, true);
    }

    @GET
    @Path("proposals")
    @SecurityRequirement(name = "bearer")
    public List<Activity> proposals() {
        return activities.proposals();
    }

    @PUT
    @Path("shifts/{id}/roles/{code}/signup")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Sign up for a role of a shift", description = "Optional body {groupSize, acceptWaiverVersion}. A role with a "
            + "waiver needs acceptWaiverVersion equal to its current version (the role's waiver.version), unless the member already "
            + "accepted that version: missing is 422 charity.waiver-required, another version 409 charity.waiver-outdated (the "
            + "detail names the current one). The acceptance (subject member-<id>, version, time) is recorded with the place, in one "
            + "transaction. Also 409 signup.overlap naming the clash, 403 signup.not-eligible, 409 charity.not-published, "
            + "charity.shift-started.")
    public SignupView signUp(@PathParam("id") long id, @PathParam("code") String code, CharityForms.Join join) {
        return volunteering.signUp(id, code, join == null ? null : join.groupSize, join == null ? null : join.acceptWaiverVersion);
    }

    @DELETE
    @Path("shifts/{id}/roles/{code}/signup")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "204", description = "Cancelled; the next on the waiting list moves up")
    public Response cancel(@PathParam("id") long id, @PathParam("code") String code) {
        volunteering.cancel(id, code);
        return Response.noContent().build();
    }

    @GET
    @Path("my/shifts")
    @SecurityRequirement(name = "bearer")
    public MyShifts myShifts() {
        return volunteering.mine();
    }

    @GET
    @Path("shifts/{id}/roster")
    @SecurityRequirement(name = "bearer")
    public Roster roster(@PathParam("id") long id) {
        return hours.roster(id);
    }

    @POST
    @Path("shifts/{id}/check-ins")
    @SecurityRequirement(name = "bearer")
    public RosterEntry checkIn(@PathParam("id") long id, MemberRef m) {
        return hours.checkIn(id, m == null ? null : m.memberId);
    }

    @POST
    @Path("shifts/{id}/check-outs")
    @SecurityRequirement(name = "bearer")
    public RosterEntry checkOut(@PathParam("id") long id, MemberRef m) {
        return hours.checkOut(id, m == null ? null : m.memberId);
    }

    /** A volunteer logs their own hours for a shift of an open-ended activity; the lead verifies them below. */
    @PUT
    @Path("shifts/{id}/hours/mine")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Log my own hours for a shift of an open-ended activity", description = "Body {\"minutes\": 90, "
            + "\"note\": \"sorted donations\"} (minutes 1 to 1440; note optional, at most 500 characters). For a member with a "
            + "confirmed place in the shift, once it has started, in an activity with selfLoggedHours. The hours are PENDING "
            + "(no points) until the team lead verifies them with PUT /shifts/{id}/hours/{memberId}; logging again while "
            + "pending replaces the figure, and every log is kept in the entry's history with the member as its author and "
            + "the note as its reason (the same figure and note again change nothing). Answers the shift as GET /my/shifts "
            + "lists it. 409 charity.not-self-logged, charity.not-on-roster, charity.shift-not-started, "
            + "charity.hours-already-verified (verified or marked a no-show: the lead corrects it); 422 "
            + "charity.invalid-minutes, charity.missing-body, request.too-long (note); 404 charity.shift-not-found.")
    public MyShift logMyHours(@PathParam("id") long id, MyHoursForm form) {
        return selfLogged.log(id, form);
    }

    @PUT
    @Path("shifts/{id}/hours/{memberId}")
    @SecurityRequirement(name = "bearer")
    public RosterEntry setHours(@PathParam("id") long id, @PathParam("memberId") long memberId, HoursForm form) {
        return hours.setHours(id, memberId, form);
    }

    @GET
    @Path("campaigns/{id}/leaderboard")
    public List<CharityViews.Leader> leaderboard(@PathParam("id") long id, @QueryParam("city") Long city, @QueryParam("size") Integer size) {
        return reports.leaderboard(id, city, Check.paging(0, size)[1]);
    }

    /** Sign-ups and hours of one activity, for its organisers and leads. */
    @GET
    @Path("activities/{id}/hours.csv")
    @Produces("text/csv")
    @APIResponse(responseCode = "200", description = "Verified hours of the activity as CSV", content = @Content(mediaType = "text/csv"))
    public Response activityCsv(@PathParam("id") long id) {
        return csv(reports.activityCsv(id), "charity-activity-" + id + ".csv");
    }

    /** Verified hours of a campaign, optionally for one partner organisation, for organisers and admins. */
    @GET
    @Path("campaigns/{id}/hours.csv")
    @Produces("text/csv")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "Verified hours of the campaign as CSV", content = @Content(mediaType = "text/csv"))
    public Response campaignCsv(@PathParam("id") long id, @QueryParam("partner") String partner, @QueryParam("valuePerHour") Double value) {
        return csv(reports.campaignCsv(id, partner, value), "charity-campaign-" + id + ".csv");
    }

    /** The city page's and the profile's panels, under {@code panels/} (see {@link Panels}). */
    @Path("panels")
    public Panels panels() {
        return panels;
    }

    /** Certificates of verified hours and their public verification, under {@code certificates/} (see {@link Certificates}). */
    @Path("certificates")
    public Certificates certificates() {
        return certificates;
    }

    private static Response csv(String body, String filename) {
        return Response.ok(body).type("text/csv; charset=UTF-8").header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }
}
