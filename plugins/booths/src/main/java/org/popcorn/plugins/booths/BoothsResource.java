package org.popcorn.plugins.booths;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.popcorn.api.PluginContext;
import org.popcorn.api.Members;
import org.popcorn.api.PluginProblem;
import org.popcorn.plugins.support.Check;
import org.popcorn.plugins.booths.BoothsForms.BoothForm;
import org.popcorn.plugins.booths.BoothsForms.KitForm;
import org.popcorn.plugins.booths.BoothsForms.LeadForm;
import org.popcorn.plugins.booths.BoothsForms.ProductForm;
import org.popcorn.plugins.booths.BoothsForms.QualificationForm;
import org.popcorn.plugins.booths.BoothsForms.Reason;
import org.popcorn.plugins.booths.BoothsForms.SlotForm;
import org.popcorn.plugins.booths.BoothsForms.TallyBatch;
import org.popcorn.plugins.booths.BoothsViews.Asked;
import org.popcorn.plugins.booths.BoothsViews.Booth;
import org.popcorn.plugins.booths.BoothsViews.ConsentText;
import org.popcorn.plugins.booths.BoothsViews.KitItem;
import org.popcorn.plugins.booths.BoothsViews.Lead;
import org.popcorn.plugins.booths.BoothsViews.MySlot;
import org.popcorn.plugins.booths.BoothsViews.OpenSlot;
import org.popcorn.plugins.booths.BoothsViews.Page;
import org.popcorn.plugins.booths.BoothsViews.Product;
import org.popcorn.plugins.booths.BoothsViews.Report;
import org.popcorn.plugins.booths.BoothsViews.SignupView;
import org.popcorn.plugins.booths.BoothsViews.Tallies;
import org.popcorn.plugins.booths.BoothsViews.TallyResult;

/** The booths HTTP API under {@code /api/plugins/booths} (see docs/booths.md); the rules live in the services. */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BoothsResource {

    private final PluginContext ctx;
    private final Products products;
    private final Booths booths;
    private final Slots slots;
    private final Staffing staffing;
    private final Kit kit;
    private final AtBooth at;
    private final Leads leads;
    private final Reports reports;
    private final Panels panels;

    BoothsResource(PluginContext ctx, Products products, Booths booths, Slots slots, Staffing staffing, Kit kit, AtBooth at, Leads leads, Reports reports,
                   Panels panels) {
        this.ctx = ctx;
        this.products = products;
        this.booths = booths;
        this.slots = slots;
        this.staffing = staffing;
        this.kit = kit;
        this.at = at;
        this.leads = leads;
        this.reports = reports;
        this.panels = panels;
    }

    // ---- catalogue ----

    @GET
    @Path("products")
    public List<Product> products() {
        return products.list();
    }

    @POST
    @Path("products")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = BoothsViews.Product.class)))
    public Response createProduct(ProductForm f) {
        return Response.status(201).entity(products.create(f)).build();
    }

    @PUT
    @Path("products/{id}")
    @SecurityRequirement(name = "bearer")
    public Product updateProduct(@PathParam("id") long id, ProductForm f) {
        return products.update(id, f);
    }

    // ---- booths ----

    @GET
    @Path("booths")
    public Page<Booth> booths(@QueryParam("city") Long city, @QueryParam("status") String status, @QueryParam("page") Integer page,
                              @QueryParam("size") Integer size) {
        int[] ps = Check.paging(page, size);
        return booths.list(city, status, ps[0], ps[1]);
    }

    @POST
    @Path("booths")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "201", description = "Created (proposed, or planned for an organiser)", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = BoothsViews.Booth.class)))
    public Response create(BoothForm f) {
        return Response.status(201).entity(booths.create(f)).build();
    }

    @GET
    @Path("booths/{id}")
    public Booth booth(@PathParam("id") long id) {
        return booths.get(id);
    }

    @GET
    @Path("proposals")
    @SecurityRequirement(name = "bearer")
    public List<Booth> proposals() {
        return booths.proposals();
    }

    @POST
    @Path("booths/{id}/approve")
    @SecurityRequirement(name = "bearer")
    public Booth approve(@PathParam("id") long id) {
        return booths.decide(id, true, null);
    }

    @POST
    @Path("booths/{id}/reject")
    @SecurityRequirement(name = "bearer")
    public Booth reject(@PathParam("id") long id, Reason r) {
        return booths.decide(id, false, r == null ? null : r.reason);
    }

    @POST
    @Path("booths/{id}/confirm")
    @SecurityRequirement(name = "bearer")
    public Booth confirm(@PathParam("id") long id) {
        return booths.confirm(id);
    }

    @POST
    @Path("booths/{id}/cancel")
    @SecurityRequirement(name = "bearer")
    public Booth cancel(@PathParam("id") long id, Reason r) {
        return booths.cancel(id, r == null ? null : r.reason);
    }

    /** Done: the booth is over, and each volunteer is paid once per slot. */
    @POST
    @Path("booths/{id}/done")
    @SecurityRequirement(name = "bearer")
    public Booth done(@PathParam("id") long id) {
        long me = ctx.currentMember().require();
        Booths.Row b = booths.requireManaged(id);
        if (!Booths.CONFIRMED.equals(b.status()) && !Booths.PLANNED.equals(b.status())) {
            throw PluginProblem.conflict("Only a planned or confirmed booth is done; this one is " + b.status().toLowerCase() + ".", "status")
                    .withCode("booths.wrong-status");
        }
        if (java.time.Instant.now(ctx.clock()).isBefore(b.firstOpensAt())) {
            throw PluginProblem.conflict("A booth is done once it has opened.", "status").withCode("booths.not-yet");
        }
        booths.markDone(b);
        int paid = staffing.payOut(b);
        ctx.log().info("event=booths.done booth=" + id + " paid=" + paid);
        return booths.view(id, me);
    }

    // ---- slots and staffing ----

    @PUT
    @Path("slots/{id}")
    @SecurityRequirement(name = "bearer")
    public Booth editSlot(@PathParam("id") long id, SlotForm f) {
        return slots.edit(id, f);
    }

    @DELETE
    @Path("slots/{id}")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response deleteSlot(@PathParam("id") long id) {
        slots.delete(id);
        return Response.noContent().build();
    }

    @PUT
    @Path("slots/{id}/roles/{role}/signup")
    @SecurityRequirement(name = "bearer")
    public SignupView signUp(@PathParam("id") long id, @PathParam("role") String role) {
        return staffing.signUp(id, role);
    }

    @DELETE
    @Path("slots/{id}/roles/{role}/signup")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "204", description = "Cancelled; the next on the waiting list moves up")
    public Response cancelSignup(@PathParam("id") long id, @PathParam("role") String role) {
        staffing.cancel(id, role);
        return Response.noContent().build();
    }

    @GET
    @Path("my/slots")
    @SecurityRequirement(name = "bearer")
    public List<MySlot> mySlots() {
        return staffing.mine();
    }

    @GET
    @Path("booths/{id}/roster")
    @SecurityRequirement(name = "bearer")
    public List<BoothsViews.RosterEntry> roster(@PathParam("id") long id) {
        return staffing.roster(id);
    }

    @GET
    @Path("open-slots")
    @SecurityRequirement(name = "bearer")
    public List<OpenSlot> openSlots(@QueryParam("city") Long city) {
        return staffing.openSlots(city);
    }

    @GET
    @Path("staffing")
    @SecurityRequirement(name = "bearer")
    public List<OpenSlot> staffing(@QueryParam("city") Long city) {
        return staffing.gaps(city);
    }

    @POST
    @Path("slots/{id}/ask")
    @SecurityRequirement(name = "bearer")
    public Asked ask(@PathParam("id") long id) {
        return staffing.ask(id);
    }

    /** Organisers grant the lead qualification (e.g. product training done), to a member by id or handle. */
    @POST
    @Path("qualifications")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "201", description = "Granted", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = BoothsViews.Held.class)))
    public Response grant(QualificationForm f) {
        long me = requireOrganiser();
        if (f == null) {
            throw PluginProblem.invalid("Send {handle or memberId, code}.", "handle").withCode("booths.missing-body");
        }
        Members.MemberInfo m = member(f.memberId, f.handle);
        String code = Check.code(f.code, "code");
        ctx.qualifications().grant(m.id(), code, me, null);
        ctx.log().info("event=booths.qualification-granted member=" + m.id() + " code=" + code + " by=" + me);
        return Response.status(201).entity(new BoothsViews.Held(m.id(), m.handle(), m.displayName(), codes(m.id()))).build();
    }

    /** What a member holds of this plugin's qualifications. */
    @GET
    @Path("qualifications/{handle}")
    @SecurityRequirement(name = "bearer")
    public BoothsViews.Held held(@PathParam("handle") String handle) {
        requireOrganiser();
        Members.MemberInfo m = member(null, handle);
        return new BoothsViews.Held(m.id(), m.handle(), m.displayName(), codes(m.id()));
    }

    @DELETE
    @Path("qualifications/{handle}/{code}")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response revoke(@PathParam("handle") String handle, @PathParam("code") String code) {
        long me = requireOrganiser();
        Members.MemberInfo m = member(null, handle);
        if (!ctx.qualifications().revoke(m.id(), code)) {
            throw PluginProblem.notFound("@" + m.handle() + " does not hold '" + code + "'.").withCode("booths.qualification-not-held");
        }
        ctx.log().info("event=booths.qualification-revoked member=" + m.id() + " code=" + code + " by=" + me);
        return Response.noContent().build();
    }

    private long requireOrganiser() {
        long me = ctx.currentMember().require();
        if (!ctx.currentMember().isOrganiser()) {
            throw PluginProblem.forbidden("Organisers grant and withdraw qualifications.").withCode("booths.organiser-required");
        }
        return me;
    }

    private Members.MemberInfo member(Long id, String handle) {
        if (id != null) {
            return ctx.members().byId(id).orElseThrow(() -> PluginProblem.invalid("There is no member " + id + ".", "memberId").withCode("booths.unknown-member"));
        }
        String h = Check.text(handle, "handle", 40, true);
        String bare = h.startsWith("@") ? h.substring(1) : h;
        return ctx.members().byHandle(bare).orElseThrow(() -> PluginProblem.invalid("There is no member @" + bare + ".", "handle").withCode("booths.unknown-member"));
    }

    private List<String> codes(long memberId) {
        return ctx.qualifications().heldBy(memberId).stream().map(q -> q.code()).toList();
    }

    // ---- kit ----

    @GET
    @Path("booths/{id}/kit")
    @SecurityRequirement(name = "bearer")
    public List<KitItem> kit(@PathParam("id") long id) {
        return kit.list(id);
    }

    @POST
    @Path("booths/{id}/kit")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = BoothsViews.KitItem.class)))
    public Response addKit(@PathParam("id") long id, KitForm f) {
        return Response.status(201).entity(kit.add(id, f)).build();
    }

    @PUT
    @Path("kit/{id}")
    public KitItem updateKit(@PathParam("id") long id, KitForm f) {
        return kit.update(id, f);
    }

    @DELETE
    @Path("kit/{id}")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response deleteKit(@PathParam("id") long id) {
        kit.delete(id);
        return Response.noContent().build();
    }

    // ---- at the booth ----

    @GET
    @Path("consent-texts")
    public List<ConsentText> consentTexts(@QueryParam("locale") String locale) {
        return at.texts(locale);
    }

    @POST
    @Path("slots/{id}/tallies")
    @SecurityRequirement(name = "bearer")
    public TallyResult record(@PathParam("id") long id, TallyBatch batch) {
        return at.record(id, batch);
    }

    @GET
    @Path("slots/{id}/tallies")
    @SecurityRequirement(name = "bearer")
    public Tallies tallies(@PathParam("id") long id) {
        return at.tallies(id);
    }

    @POST
    @Path("slots/{id}/leads")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "201", description = "Captured", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = BoothsViews.Lead.class)))
    @APIResponse(responseCode = "200", description = "Already captured (the same offline capture sent again)", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = BoothsViews.Lead.class)))
    public Response capture(@PathParam("id") long id, LeadForm f) {
        AtBooth.Captured c = at.capture(id, f);
        return Response.status(c.created() ? 201 : 200).entity(c.lead()).build();
    }

    // ---- leads and reports ----

    @GET
    @Path("booths/{id}/leads")
    @SecurityRequirement(name = "bearer")
    public Page<Lead> leads(@PathParam("id") long id, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        int[] ps = Check.paging(page, size);
        return leads.list(id, ps[0], ps[1]);
    }

    @GET
    @Path("booths/{id}/leads.csv")
    @Produces("text/csv")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "The booth's leads as CSV", content = @Content(mediaType = "text/csv"))
    public Response leadsCsv(@PathParam("id") long id) {
        return Response.ok(leads.csv(id)).type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"booth-" + id + "-leads.csv\"").build();
    }

    @DELETE
    @Path("leads/{id}")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "204", description = "Erased")
    public Response erase(@PathParam("id") long id) {
        leads.eraseOnRequest(id);
        return Response.noContent().build();
    }

    @GET
    @Path("booths/{id}/report")
    @SecurityRequirement(name = "bearer")
    public Report report(@PathParam("id") long id) {
        return reports.booth(id);
    }

    @GET
    @Path("reports/city/{cityId}")
    @SecurityRequirement(name = "bearer")
    public Report cityReport(@PathParam("cityId") long cityId, @QueryParam("from") String from, @QueryParam("to") String to) {
        return reports.city(cityId, from, to);
    }

    // ---- panels on the core's pages ----

    /** The city page's panel, under {@code panels/} (see {@link Panels}). */
    @Path("panels")
    public Panels panels() {
        return panels;
    }
}
