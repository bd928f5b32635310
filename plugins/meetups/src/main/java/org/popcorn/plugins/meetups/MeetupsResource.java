package org.popcorn.plugins.meetups;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.popcorn.api.Cities;
import org.popcorn.api.PluginContext;
import org.popcorn.api.PluginProblem;
import org.popcorn.api.Signups;
import org.popcorn.plugins.meetups.MeetupViews.Page;
import org.popcorn.plugins.meetups.MeetupViews.Person;
import org.popcorn.plugins.meetups.MeetupViews.View;

/** The meetups HTTP API under {@code /api/plugins/meetups}; the rules live in the services it calls. */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MeetupsResource {

    private static final EnumSet<Meetup.Status> PUBLIC = EnumSet.of(Meetup.Status.PUBLISHED, Meetup.Status.FINISHED, Meetup.Status.CANCELLED);

    private final PluginContext ctx;
    private final MeetupStore store;
    private final AttendanceStore attendance;
    private final SeatService seats;
    private final SchedulingService scheduling;
    private final AttendanceService attendanceService;
    private final CalendarService calendars;

    MeetupsResource(PluginContext ctx, MeetupStore store, AttendanceStore attendance, SeatService seats, SchedulingService scheduling,
                    AttendanceService attendanceService) {
        this.ctx = ctx;
        this.store = store;
        this.attendance = attendance;
        this.seats = seats;
        this.scheduling = scheduling;
        this.attendanceService = attendanceService;
        this.calendars = new CalendarService(ctx, store, attendance, seats);
    }

    /** Why a meetup is cancelled or a proposal rejected. */
    public static class Reason {
        public String reason;
    }

    /** An RSVP: how many guests come along. */
    public static class Rsvp {
        public Integer guests;
    }

    /** A check-in: the code from the ticket (typed or scanned), or the member from the list. */
    public static class CheckIn {
        public String code;
        public Long memberId;
    }

    /** A rating of 1 to 5 stars with an optional comment. */
    public static class RatingForm {
        public Integer stars;
        public String comment;
    }

    /** The hosts' recap. */
    public static class RecapForm {
        public String text;
        public List<String> photoUrls;
    }

    // ---- browsing ----

    @GET
    @Path("meetups")
    @Operation(summary = "Browse meetups", description = "Published, finished and cancelled meetups, soonest first; filter by city, nearby cities (near + "
            + "radiusKm, default 100 km), time window (from/to as ISO-8601 instants or dates), kind (OFFICIAL, "
            + "FAN), tag and series. Paginated.")
    public Page<View> list(@QueryParam("city") Long cityId, @QueryParam("near") Long near, @QueryParam("radiusKm") Integer radiusKm,
                           @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("kind") String kind,
                           @QueryParam("tag") String tag, @QueryParam("series") Long series, @QueryParam("page") Integer page,
                           @QueryParam("size") Integer size) {
        int[] ps = paging(page, size);
        MeetupStore.Filter f = new MeetupStore.Filter();
        f.statuses = PUBLIC;
        f.from = bound(from, "from", false);
        f.to = bound(to, "to", true);
        if (f.from != null && f.to != null && !f.to.isAfter(f.from)) {
            throw PluginProblem.invalid("'to' must be after 'from'.", "to").withCode("meetups.invalid-period");
        }
        if (kind != null && !kind.isBlank()) {
            try {
                f.kind = Meetup.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw PluginProblem.invalid("kind is OFFICIAL or FAN.", "kind").withCode("meetups.invalid-kind");
            }
        }
        f.tag = tag == null || tag.isBlank() ? null : SchedulingService.tags(List.of(tag)).get(0);
        f.seriesId = series;
        if (near != null) {
            f.cityIds = nearby(near, radiusKm == null ? 100 : radiusKm, f.from == null ? Instant.now(ctx.clock()) : f.from);
            if (f.from == null) {
                f.from = Instant.now(ctx.clock());
            }
        } else if (cityId != null) {
            f.cityIds = List.of(cityId);
        }
        MeetupStore.Page found = store.list(f, ps[0], ps[1]);
        return new Page<>(found.items().stream().map(this::view).toList(), ps[0], ps[1], found.total());
    }

    /** Cities within {@code radiusKm} of a city (great-circle distance) that have meetups. */
    private List<Long> nearby(long cityId, int radiusKm, Instant from) {
        if (radiusKm < 1 || radiusKm > 20_000) {
            throw PluginProblem.invalid("radiusKm is 1 to 20000.", "radiusKm").withCode("meetups.invalid-radius");
        }
        Cities.CityInfo centre = ctx.cities().byId(cityId).orElseThrow(() -> PluginProblem.invalid("No city with id " + cityId + ".", "near").withCode("meetups.unknown-city"));
        List<Long> out = new ArrayList<>();
        for (long id : store.citiesWithMeetups(PUBLIC, from)) {
            ctx.cities().byId(id).filter(c -> distanceKm(centre, c) <= radiusKm).ifPresent(c -> out.add(c.id()));
        }
        return out;
    }

    static double distanceKm(Cities.CityInfo a, Cities.CityInfo b) {
        double dLat = Math.toRadians(b.latitude() - a.latitude());
        double dLon = Math.toRadians(b.longitude() - a.longitude());
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(a.latitude())) * Math.cos(Math.toRadians(b.latitude())) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6371.0 * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    @GET
    @Path("meetups/{id}")
    @Operation(summary = "One meetup", description = "With seats left, my ticket and what I may do. Drafts and proposals only for those who may manage "
            + "them (404 for others).")
    public View get(@PathParam("id") long id) {
        return view(visible(id));
    }

    /**
     * The meetup if the caller may see it; otherwise 404 exactly as for an id that does not exist, so that no write
     * on a draft or a proposal confirms to an outsider that it exists.
     */
    private Meetup visible(long id) {
        Meetup m = store.get(id);
        if (!m.isPublic() && !scheduling.canManage(m)) {
            throw PluginProblem.notFound("No meetup with id " + id + ".").withCode("meetups.meetup-not-found");
        }
        return m;
    }

    @GET
    @Path("rules")
    @Operation(summary = "The community's RSVP rules", description = "Offer hours, priority window, newcomer seats and level rules that apply to every meetup.")
    public Map<String, Object> rules() {
        RsvpRules.Values v = seats.rules();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("priorityPrivilege", RsvpRules.PRIORITY_PRIVILEGE);
        out.put("priorityWindowHours", v.priorityWindowHours());
        out.put("newcomerSharePercent", v.newcomerSharePercent());
        out.put("newcomerReleaseHours", v.newcomerReleaseHours());
        out.put("noShowLimit", v.noShowLimit());
        out.put("noShowWindowDays", v.noShowWindowDays());
        out.put("noShowPenaltyDays", v.noShowPenaltyDays());
        out.put("attendancePoints", v.attendancePoints());
        out.put("checkInOpensHours", v.checkInOpensHours());
        out.put("autoFinishHours", v.autoFinishHours());
        ctx.currentMember().id().ifPresent(me -> {
            Optional<Instant> paused = seats.penalty(me, v, Instant.now(ctx.clock()));
            // paused priority is no priority: the answer says what an RSVP would get now
            out.put("myPriority", ctx.currentMember().may(RsvpRules.PRIORITY_PRIVILEGE) && paused.isEmpty());
            out.put("myPriorityPausedUntil", paused.orElse(null));
            out.put("myNewcomer", !attendance.hasAttended(me));
        });
        return out;
    }

    // ---- scheduling ----

    @POST
    @Path("meetups")
    @Operation(summary = "Create or propose a meetup", description = "Organisers and trusted hosts create drafts; other fans propose (an organiser approves). Times are "
            + "instants; the city's time zone comes with the answer.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MeetupViews.View.class)))
    @SecurityRequirement(name = "bearer")
    public Response create(MeetupForm in) {
        SchedulingService.Created made = scheduling.create(in);
        View v = view(made.meetups().get(0));
        v.warnings = made.warnings();
        return Response.status(201).entity(v).build();
    }

    @PATCH
    @Path("meetups/{id}")
    @Operation(summary = "Edit a meetup", description = "Only the fields sent change. Hosts and the city's organisers.")
    @SecurityRequirement(name = "bearer")
    public View update(@PathParam("id") long id, MeetupForm in) {
        SchedulingService.Created changed = scheduling.update(id, in);
        View v = view(store.get(id));
        v.warnings = changed.warnings();
        return v;
    }

    @POST
    @Path("meetups/{id}/publish")
    @Operation(summary = "Publish a draft", description = "RSVPs open at rsvpOpensAt; subscribers are told.")
    @SecurityRequirement(name = "bearer")
    public View publish(@PathParam("id") long id) {
        return view(scheduling.publish(id));
    }

    @POST
    @Path("meetups/{id}/approve")
    @Operation(summary = "Approve a fan's proposal", description = "The city's organisers; the proposer becomes a host.")
    @SecurityRequirement(name = "bearer")
    public View approve(@PathParam("id") long id) {
        return view(scheduling.approve(id));
    }

    @POST
    @Path("meetups/{id}/reject")
    @Operation(summary = "Reject a fan's proposal", description = "With a reason the proposer sees.")
    @SecurityRequirement(name = "bearer")
    public View reject(@PathParam("id") long id, Reason in) {
        return view(scheduling.reject(id, in == null ? null : in.reason));
    }

    @POST
    @Path("meetups/{id}/cancel")
    @Operation(summary = "Cancel a meetup", description = "Everyone with a seat or on the waiting list is told, with the reason.")
    @SecurityRequirement(name = "bearer")
    public View cancel(@PathParam("id") long id, Reason in) {
        return view(scheduling.cancel(id, in == null ? null : in.reason));
    }

    @POST
    @Path("meetups/{id}/finish")
    @Operation(summary = "Finish a meetup", description = "Confirmed members who did not check in are marked as no-shows; points go to those who came.")
    @SecurityRequirement(name = "bearer")
    public View finish(@PathParam("id") long id) {
        return view(scheduling.finish(id));
    }

    @GET
    @Path("proposals")
    @Operation(summary = "Proposals waiting for a decision", description = "For the city's organisers. Paginated.")
    @SecurityRequirement(name = "bearer")
    public Page<View> proposals(@QueryParam("city") Long cityId, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        ctx.currentMember().require();
        if (!ctx.currentMember().isOrganiser()) {
            throw PluginProblem.forbidden("Only organisers review proposals.").withCode("meetups.organiser-required");
        }
        int[] ps = paging(page, size);
        List<Long> cities = null;
        if (cityId != null) {
            if (!ctx.currentMember().organises(cityId)) {
                throw PluginProblem.forbidden("You do not organise this city.").withCode("meetups.organiser-required");
            }
            cities = List.of(cityId);
        }
        MeetupStore.Page found = store.proposals(cities, ps[0], 1000);
        List<View> mine = found.items().stream().filter(m -> ctx.currentMember().organises(m.cityId)).map(this::view).toList();
        int fromIndex = Math.min(mine.size(), ps[0] * ps[1]);
        return new Page<>(mine.subList(fromIndex, Math.min(mine.size(), fromIndex + ps[1])), ps[0], ps[1], mine.size());
    }

    @GET
    @Path("my/hosting")
    @Operation(summary = "Meetups I host")
    @SecurityRequirement(name = "bearer")
    public Page<View> hosting() {
        long me = ctx.currentMember().require();
        List<View> items = store.hostedBy(me, EnumSet.allOf(Meetup.Status.class)).stream().map(this::view).toList();
        return new Page<>(items, 0, items.size(), items.size());
    }

    @GET
    @Path("cities/{cityId}/trusted-hosts")
    @Operation(summary = "A city's trusted hosts", description = "Fans whose meetups need no approval.")
    @SecurityRequirement(name = "bearer")
    public Page<Person> trustedHosts(@PathParam("cityId") long cityId) {
        List<Person> items = scheduling.trustedHosts(cityId).stream().map(id -> MeetupViews.person(ctx, id)).toList();
        return new Page<>(items, 0, items.size(), items.size());
    }

    @PUT
    @Path("cities/{cityId}/trusted-hosts/{handle}")
    @Operation(summary = "Trust a host in a city")
    @APIResponse(responseCode = "204", description = "Trusted")
    @SecurityRequirement(name = "bearer")
    public Response trust(@PathParam("cityId") long cityId, @PathParam("handle") String handle) {
        scheduling.trust(cityId, handle, true);
        return Response.noContent().build();
    }

    @DELETE
    @Path("cities/{cityId}/trusted-hosts/{handle}")
    @Operation(summary = "Stop trusting a host")
    @APIResponse(responseCode = "204", description = "No longer trusted")
    @SecurityRequirement(name = "bearer")
    public Response distrust(@PathParam("cityId") long cityId, @PathParam("handle") String handle) {
        scheduling.trust(cityId, handle, false);
        return Response.noContent().build();
    }

    // ---- RSVP ----

    @PUT
    @Path("meetups/{id}/rsvp")
    @Operation(summary = "RSVP (or change my party size)", description = "A seat if one is free (priority and newcomer seats by the rules), otherwise a place on the waiting "
            + "list. Never overlaps another exclusive commitment.")
    @SecurityRequirement(name = "bearer")
    public MeetupViews.Ticket rsvp(@PathParam("id") long id, Rsvp in) {
        visible(id);
        return seats.rsvp(id, in == null || in.guests == null ? 0 : in.guests);
    }

    @GET
    @Path("meetups/{id}/rsvp")
    @Operation(summary = "My RSVP for a meetup")
    @SecurityRequirement(name = "bearer")
    public MeetupViews.Ticket myTicket(@PathParam("id") long id) {
        long me = ctx.currentMember().require();
        Meetup m = visible(id);
        Optional<AttendanceStore.Ticket> t = attendance.ticket(id, me);
        Optional<Signups.Place> place = seats.placeOf(m, me);
        if (t.isEmpty() && place.isEmpty()) {
            throw PluginProblem.notFound("You have not RSVPed to this meetup.").withCode("meetups.no-rsvp");
        }
        return MeetupViews.ticket(m, t.orElse(null), place);
    }

    @DELETE
    @Path("meetups/{id}/rsvp")
    @Operation(summary = "Withdraw my RSVP", description = "The next on the waiting list is offered the seat.")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    @SecurityRequirement(name = "bearer")
    public Response leave(@PathParam("id") long id) {
        visible(id);
        seats.leave(id);
        return Response.noContent().build();
    }

    @POST
    @Path("meetups/{id}/rsvp/accept")
    @Operation(summary = "Accept an offered seat", description = "Before the offer expires.")
    @SecurityRequirement(name = "bearer")
    public MeetupViews.Ticket accept(@PathParam("id") long id) {
        visible(id);
        seats.accept(id);
        return myTicket(id);
    }

    @GET
    @Path("meetups/{id}/rsvp/qr.png")
    @Produces("image/png")
    @Operation(summary = "My check-in code as a QR image")
    @APIResponse(responseCode = "200", description = "A PNG image", content = @Content(mediaType = "image/png"))
    @SecurityRequirement(name = "bearer")
    public Response qr(@PathParam("id") long id) {
        MeetupViews.Ticket t = myTicket(id);
        if (t.checkInCode == null) {
            throw PluginProblem.conflict("Your check-in code comes with a confirmed seat; you are " + t.status.toLowerCase(Locale.ROOT) + ".", "status").withCode("meetups.seat-not-confirmed");
        }
        CacheControl cc = new CacheControl();
        cc.setPrivate(true);
        cc.setNoStore(true);
        return Response.ok(QrCodes.png(t.checkInCode, 320), "image/png").cacheControl(cc).build();
    }

    @GET
    @Path("my/meetups")
    @Operation(summary = "My meetups", description = "Every meetup I have a ticket for, with its status. Paginated.")
    @SecurityRequirement(name = "bearer")
    public Page<Map<String, Object>> myMeetups(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        long me = ctx.currentMember().require();
        int[] ps = paging(page, size);
        List<Map<String, Object>> items = new ArrayList<>();
        for (long id : attendance.ticketMeetups(me, ps[0], ps[1])) {
            Meetup m = store.get(id);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("meetup", view(m));
            items.add(row);
        }
        return new Page<>(items, ps[0], ps[1], attendance.ticketCount(me));
    }

    // ---- hosting on the day ----

    @GET
    @Path("meetups/{id}/attendees")
    @Operation(summary = "Attendees (for hosts)", description = "Everyone with a seat or on the waiting list, with check-in state.")
    @SecurityRequirement(name = "bearer")
    public Map<String, Object> attendees(@PathParam("id") long id) {
        return attendanceService.attendees(scheduling.manage(id));
    }

    @GET
    @Path("meetups/{id}/attendees/visible")
    @Operation(summary = "Who else is coming", description = "Members with a confirmed seat who chose to show their attendance.")
    public Map<String, Object> visibleAttendees(@PathParam("id") long id) {
        return attendanceService.visibleAttendees(visible(id));
    }

    @POST
    @Path("meetups/{id}/check-ins")
    @Operation(summary = "Check a member in", description = "By the code on their ticket (typed or scanned) or from the list. Hosts and organisers, from shortly "
            + "before the start.")
    @SecurityRequirement(name = "bearer")
    public Map<String, Object> checkIn(@PathParam("id") long id, CheckIn in) {
        return attendanceService.checkIn(scheduling.manage(id), in == null ? null : in.code, in == null ? null : in.memberId);
    }

    // ---- after the meetup ----

    @GET
    @Path("meetups/{id}/ratings")
    @Operation(summary = "Ratings of a meetup", description = "Stars and comments of those who came. Paginated.")
    public Map<String, Object> ratings(@PathParam("id") long id, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        visible(id);
        int[] ps = paging(page, size);
        return attendanceService.ratings(id, ps[0], ps[1]);
    }

    @PUT
    @Path("meetups/{id}/ratings/mine")
    @Operation(summary = "Rate a meetup I attended", description = "1 to 5 stars with an optional comment; rating again replaces mine.")
    @SecurityRequirement(name = "bearer")
    public Map<String, Object> rate(@PathParam("id") long id, RatingForm in) {
        attendanceService.rate(visible(id), in == null ? null : in.stars, in == null ? null : in.comment);
        return attendanceService.ratings(id, 0, 20);
    }

    @PUT
    @Path("meetups/{id}/recap")
    @Operation(summary = "Write the recap", description = "The hosts' text and photos, after the meetup.")
    @SecurityRequirement(name = "bearer")
    public View recap(@PathParam("id") long id, RecapForm in) {
        attendanceService.recap(scheduling.manage(id), in == null ? null : in.text, in == null ? null : in.photoUrls);
        return view(store.get(id));
    }

    // ---- calendars ----

    @GET
    @Path("meetups/{id}/calendar.ics")
    @Produces("text/calendar")
    @Operation(summary = "A meetup as iCalendar")
    @APIResponse(responseCode = "200", description = "An iCalendar file", content = @Content(mediaType = "text/calendar"))
    public Response meetupCalendar(@PathParam("id") long id, @Context UriInfo uri) {
        return ics("meetup-" + id + ".ics", calendars.meetup(id, site(uri)));
    }

    @GET
    @Path("cities/{cityId}/calendar.ics")
    @Produces("text/calendar")
    @Operation(summary = "A city's meetups as an iCalendar feed")
    @APIResponse(responseCode = "200", description = "An iCalendar feed", content = @Content(mediaType = "text/calendar"))
    public Response cityCalendar(@PathParam("cityId") long cityId, @Context UriInfo uri) {
        return ics("meetups-" + cityId + ".ics", calendars.city(cityId, site(uri)));
    }

    @GET
    @Path("my/calendar")
    @Operation(summary = "The address of my private calendar feed")
    @SecurityRequirement(name = "bearer")
    public Map<String, String> myCalendar(@Context UriInfo uri) {
        long me = ctx.currentMember().require();
        return Map.of("url", feedUrl(uri, attendance.feedToken(me, false)));
    }

    @POST
    @Path("my/calendar/reset")
    @Operation(summary = "Replace my private calendar address", description = "The old address stops working.")
    @SecurityRequirement(name = "bearer")
    public Map<String, String> resetMyCalendar(@Context UriInfo uri) {
        long me = ctx.currentMember().require();
        return Map.of("url", feedUrl(uri, attendance.feedToken(me, true)));
    }

    @GET
    @Path("calendar/{token}.ics")
    @Produces("text/calendar")
    @Operation(summary = "My meetups as a private iCalendar feed", description = "The secret address is the credential; no token needed.")
    @APIResponse(responseCode = "200", description = "An iCalendar feed", content = @Content(mediaType = "text/calendar"))
    public Response privateCalendar(@PathParam("token") String token, @Context UriInfo uri) {
        return ics("my-meetups.ics", calendars.member(token, site(uri)));
    }

    private static String feedUrl(UriInfo uri, String token) {
        return uri.getBaseUriBuilder().path("plugins/meetups/calendar/" + token + ".ics").build().toString();
    }

    /** The site's root address, for links to meetup pages. */
    private static URI site(UriInfo uri) {
        return uri.getBaseUri().resolve("/");
    }

    private static Response ics(String filename, String body) {
        return Response.ok(body, "text/calendar; charset=utf-8").header("Content-Disposition", "inline; filename=\"" + filename + "\"").build();
    }

    // ---- panels on the core's pages ----

    /** The city page's and the profile's panels, under {@code panels/} (see {@link Panels}). */
    @Path("panels")
    public Panels panels() {
        return new Panels(ctx, store);
    }

    // ---- helpers ----

    private View view(Meetup m) {
        return MeetupViews.view(ctx, m, seats, attendance, scheduling.canManage(m));
    }

    private static int[] paging(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0) {
            throw new PluginProblem(400, "page must be 0 or more.", "page").withCode("meetups.bad-paging");
        }
        if (s < 1 || s > 100) {
            throw new PluginProblem(400, "size must be between 1 and 100.", "size").withCode("meetups.bad-paging");
        }
        return new int[] {p, s};
    }

    /** A date (the whole day, UTC) or an instant; {@code end} makes a date mean the end of that day. */
    private static Instant bound(String value, String field, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate d = LocalDate.parse(value);
                return (end ? d.plusDays(1) : d).atStartOfDay(ZoneId.of("UTC")).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new PluginProblem(400, "'" + field + "' is a date (2026-12-24) or an instant (2026-12-24T11:00:00Z).", field).withCode("meetups.invalid-time");
        }
    }
}
