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
import java.time.Duration;
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
import org.popcorn.api.Cities;
import org.popcorn.api.Members;
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

    MeetupsResource(PluginContext ctx, MeetupStore store, AttendanceStore attendance, SeatService seats, SchedulingService scheduling) {
        this.ctx = ctx;
        this.store = store;
        this.attendance = attendance;
        this.seats = seats;
        this.scheduling = scheduling;
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
            throw PluginProblem.invalid("'to' must be after 'from'.", "to");
        }
        if (kind != null && !kind.isBlank()) {
            try {
                f.kind = Meetup.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw PluginProblem.invalid("kind is OFFICIAL or FAN.", "kind");
            }
        }
        f.tag = tag == null || tag.isBlank() ? null : SchedulingService.tags(List.of(tag)).get(0);
        f.seriesId = series;
        if (near != null) {
            f.cityIds = nearby(near, radiusKm == null ? 100 : radiusKm, f.from == null ? Instant.now() : f.from);
            if (f.from == null) {
                f.from = Instant.now();
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
            throw PluginProblem.invalid("radiusKm is 1 to 20000.", "radiusKm");
        }
        Cities.CityInfo centre = ctx.cities().byId(cityId).orElseThrow(() -> PluginProblem.invalid("No city with id " + cityId + ".", "near"));
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
    public View get(@PathParam("id") long id) {
        Meetup m = store.get(id);
        if (!m.isPublic() && !scheduling.canManage(m)) {
            throw PluginProblem.notFound("No meetup with id " + id + ".");
        }
        return view(m);
    }

    @GET
    @Path("rules")
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
            out.put("myPriority", ctx.currentMember().may(RsvpRules.PRIORITY_PRIVILEGE));
            out.put("myPriorityPausedUntil", seats.penalty(me, v, Instant.now()).orElse(null));
            out.put("myNewcomer", !attendance.hasAttended(me));
        });
        return out;
    }

    // ---- scheduling ----

    @POST
    @Path("meetups")
    public Response create(MeetupForm in) {
        SchedulingService.Created made = scheduling.create(in);
        View v = view(made.meetups().get(0));
        v.warnings = made.warnings();
        return Response.status(201).entity(v).build();
    }

    @PATCH
    @Path("meetups/{id}")
    public View update(@PathParam("id") long id, MeetupForm in) {
        SchedulingService.Created changed = scheduling.update(id, in);
        View v = view(store.get(id));
        v.warnings = changed.warnings();
        return v;
    }

    @POST
    @Path("meetups/{id}/publish")
    public View publish(@PathParam("id") long id) {
        return view(scheduling.publish(id));
    }

    @POST
    @Path("meetups/{id}/approve")
    public View approve(@PathParam("id") long id) {
        return view(scheduling.approve(id));
    }

    @POST
    @Path("meetups/{id}/reject")
    public View reject(@PathParam("id") long id, Reason in) {
        return view(scheduling.reject(id, in == null ? null : in.reason));
    }

    @POST
    @Path("meetups/{id}/cancel")
    public View cancel(@PathParam("id") long id, Reason in) {
        return view(scheduling.cancel(id, in == null ? null : in.reason));
    }

    @POST
    @Path("meetups/{id}/finish")
    public View finish(@PathParam("id") long id) {
        return view(scheduling.finish(id));
    }

    @GET
    @Path("proposals")
    public Page<View> proposals(@QueryParam("city") Long cityId, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        ctx.currentMember().require();
        if (!ctx.currentMember().isOrganiser()) {
            throw PluginProblem.forbidden("Only organisers review proposals.");
        }
        int[] ps = paging(page, size);
        List<Long> cities = null;
        if (cityId != null) {
            if (!ctx.currentMember().organises(cityId)) {
                throw PluginProblem.forbidden("You do not organise this city.");
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
    public Page<View> hosting() {
        long me = ctx.currentMember().require();
        List<View> items = store.hostedBy(me, EnumSet.allOf(Meetup.Status.class)).stream().map(this::view).toList();
        return new Page<>(items, 0, items.size(), items.size());
    }

    @GET
    @Path("cities/{cityId}/trusted-hosts")
    public Page<Person> trustedHosts(@PathParam("cityId") long cityId) {
        List<Person> items = scheduling.trustedHosts(cityId).stream().map(id -> MeetupViews.person(ctx, id)).toList();
        return new Page<>(items, 0, items.size(), items.size());
    }

    @PUT
    @Path("cities/{cityId}/trusted-hosts/{handle}")
    public Response trust(@PathParam("cityId") long cityId, @PathParam("handle") String handle) {
        scheduling.trust(cityId, handle, true);
        return Response.noContent().build();
    }

    @DELETE
    @Path("cities/{cityId}/trusted-hosts/{handle}")
    public Response distrust(@PathParam("cityId") long cityId, @PathParam("handle") String handle) {
        scheduling.trust(cityId, handle, false);
        return Response.noContent().build();
    }

    // ---- RSVP ----

    @PUT
    @Path("meetups/{id}/rsvp")
    public MeetupViews.Ticket rsvp(@PathParam("id") long id, Rsvp in) {
        return seats.rsvp(id, in == null || in.guests == null ? 0 : in.guests);
    }

    @GET
    @Path("meetups/{id}/rsvp")
    public MeetupViews.Ticket myTicket(@PathParam("id") long id) {
        long me = ctx.currentMember().require();
        Meetup m = store.get(id);
        Optional<AttendanceStore.Ticket> t = attendance.ticket(id, me);
        Optional<Signups.Place> place = seats.placeOf(m, me);
        if (t.isEmpty() && place.isEmpty()) {
            throw PluginProblem.notFound("You have not RSVPed to this meetup.");
        }
        return MeetupViews.ticket(m, t.orElse(null), place);
    }

    @DELETE
    @Path("meetups/{id}/rsvp")
    public Response leave(@PathParam("id") long id) {
        seats.leave(id);
        return Response.noContent().build();
    }

    @POST
    @Path("meetups/{id}/rsvp/accept")
    public MeetupViews.Ticket accept(@PathParam("id") long id) {
        seats.accept(id);
        return myTicket(id);
    }

    @GET
    @Path("meetups/{id}/rsvp/qr.png")
    @Produces("image/png")
    public Response qr(@PathParam("id") long id) {
        MeetupViews.Ticket t = myTicket(id);
        if (t.checkInCode == null) {
            throw PluginProblem.conflict("Your check-in code comes with a confirmed seat; you are " + t.status.toLowerCase(Locale.ROOT) + ".", "status");
        }
        CacheControl cc = new CacheControl();
        cc.setPrivate(true);
        cc.setNoStore(true);
        return Response.ok(QrCodes.png(t.checkInCode, 320), "image/png").cacheControl(cc).build();
    }

    @GET
    @Path("my/meetups")
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
    public Map<String, Object> attendees(@PathParam("id") long id) {
        Meetup m = scheduling.manage(id);
        seats.sync(m);
        Map<String, Object> out = new LinkedHashMap<>();
        int checkedIn = 0;
        java.util.Set<Long> noShows = attendance.noShows(id);
        List<Map<String, Object>> going = new ArrayList<>();
        for (Signups.Place p : seats.everyone(m, Signups.Status.CONFIRMED)) {
            Map<String, Object> row = row(p);
            Optional<AttendanceStore.Ticket> t = attendance.ticket(id, p.memberId());
            row.put("checkInCode", t.map(AttendanceStore.Ticket::code).orElse(null));
            row.put("checkedInAt", t.map(AttendanceStore.Ticket::checkedInAt).orElse(null));
            row.put("newcomerSeat", t.map(AttendanceStore.Ticket::newcomerSeat).orElse(false));
            row.put("noShow", noShows.contains(p.memberId()));
            if (t.isPresent() && t.get().checkedInAt() != null) {
                checkedIn++;
            }
            going.add(row);
        }
        List<Map<String, Object>> offered = new ArrayList<>();
        for (Signups.Place p : seats.everyone(m, Signups.Status.OFFERED)) {
            Map<String, Object> row = row(p);
            row.put("offerExpiresAt", p.offerExpiresAt());
            offered.add(row);
        }
        List<Map<String, Object>> waiting = new ArrayList<>();
        for (Signups.Place p : seats.everyone(m, Signups.Status.WAITING)) {
            Map<String, Object> row = row(p);
            row.put("position", p.waitingPosition());
            waiting.add(row);
        }
        out.put("checkedIn", checkedIn);
        out.put("going", going);
        out.put("offered", offered);
        out.put("waiting", waiting);
        return out;
    }

    private Map<String, Object> row(Signups.Place p) {
        Person who = MeetupViews.person(ctx, p.memberId());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("memberId", p.memberId());
        row.put("handle", who.handle());
        row.put("displayName", who.displayName());
        row.put("partySize", p.partySize());
        return row;
    }

    @GET
    @Path("meetups/{id}/attendees/visible")
    public Map<String, Object> visibleAttendees(@PathParam("id") long id) {
        get(id); // 404 unless visible to the caller
        Meetup m = store.get(id);
        List<Person> visible = new ArrayList<>();
        int going = 0;
        for (Signups.Place p : seats.everyone(m, Signups.Status.CONFIRMED)) {
            going += p.partySize();
            Optional<Members.MemberInfo> who = ctx.members().byId(p.memberId());
            if (who.isPresent() && who.get().attendanceVisible() && visible.size() < 200) {
                visible.add(new Person(who.get().id(), who.get().handle(), who.get().displayName()));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("going", going);
        out.put("waitingParties", seats.counts(m)[1]);
        out.put("visible", visible);
        return out;
    }

    @POST
    @Path("meetups/{id}/check-ins")
    public Map<String, Object> checkIn(@PathParam("id") long id, CheckIn in) {
        Meetup m = scheduling.manage(id);
        SeatService.CheckedIn done = seats.checkIn(m, in == null ? null : in.code, in == null ? null : in.memberId);
        AttendanceStore.Ticket t = done.ticket();
        Person who = MeetupViews.person(ctx, t.memberId());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("memberId", who.memberId());
        out.put("handle", who.handle());
        out.put("displayName", who.displayName());
        out.put("partySize", seats.placeOf(m, t.memberId()).map(Signups.Place::partySize).orElse(1));
        out.put("checkedInAt", t.checkedInAt());
        out.put("alreadyCheckedIn", !done.now());
        return out;
    }

    // ---- after the meetup ----

    @GET
    @Path("meetups/{id}/ratings")
    public Map<String, Object> ratings(@PathParam("id") long id, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        get(id);
        int[] ps = paging(page, size);
        List<Map<String, Object>> items = new ArrayList<>();
        for (AttendanceStore.Rating r : attendance.ratings(id, ps[0], ps[1])) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("member", MeetupViews.person(ctx, r.memberId()));
            row.put("stars", r.stars());
            row.put("comment", r.comment());
            row.put("ratedAt", r.ratedAt());
            items.add(row);
        }
        long[] totals = attendance.ratingTotals(id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", items);
        out.put("page", ps[0]);
        out.put("size", ps[1]);
        out.put("total", totals[0]);
        out.put("average", totals[0] == 0 ? null : Math.round(10.0 * totals[1] / totals[0]) / 10.0);
        return out;
    }

    @PUT
    @Path("meetups/{id}/ratings/mine")
    public Map<String, Object> rate(@PathParam("id") long id, RatingForm in) {
        long me = ctx.currentMember().require();
        Meetup m = store.get(id);
        if (in == null || in.stars == null || in.stars < 1 || in.stars > 5) {
            throw PluginProblem.invalid("Give 1 to 5 stars.", "stars");
        }
        String comment = MeetupsExtension.text(in.comment, "comment", 2000, false);
        if (Instant.now().isBefore(m.startsAt)) {
            throw PluginProblem.conflict("You can rate a meetup once it has started.", "startsAt");
        }
        if (attendance.ticket(id, me).map(t -> t.checkedInAt() == null).orElse(true)) {
            throw PluginProblem.forbidden("Only members who checked in at this meetup may rate it.");
        }
        attendance.rate(id, me, in.stars, comment);
        return ratings(id, 0, 20);
    }

    @PUT
    @Path("meetups/{id}/recap")
    public View recap(@PathParam("id") long id, RecapForm in) {
        Meetup m = scheduling.manage(id);
        if (Instant.now().isBefore(m.startsAt) || m.status == Meetup.Status.CANCELLED) {
            throw PluginProblem.conflict("A recap is for a meetup that took place.", "status");
        }
        String text = MeetupsExtension.text(in == null ? null : in.text, "text", 4000, false);
        List<String> photos = new ArrayList<>();
        if (in != null && in.photoUrls != null) {
            if (in.photoUrls.size() > 30) {
                throw PluginProblem.invalid("A recap has at most 30 photos.", "photoUrls");
            }
            for (String u : in.photoUrls) {
                if (u != null && !u.isBlank()) {
                    photos.add(SchedulingService.url(u, "photoUrls", false));
                }
            }
        }
        if (text == null && photos.isEmpty()) {
            throw PluginProblem.invalid("Write a few words or add photos' addresses.", "text");
        }
        store.saveRecap(id, text, photos);
        return view(store.get(id));
    }

    // ---- calendars ----

    @GET
    @Path("meetups/{id}/calendar.ics")
    @Produces("text/calendar")
    public Response meetupCalendar(@PathParam("id") long id, @Context UriInfo uri) {
        Meetup m = store.get(id);
        if (!m.isPublic()) {
            throw PluginProblem.notFound("No meetup with id " + id + ".");
        }
        return ics("meetup-" + id + ".ics", Calendars.document(m.title, List.of(entry(m, uri))));
    }

    @GET
    @Path("cities/{cityId}/calendar.ics")
    @Produces("text/calendar")
    public Response cityCalendar(@PathParam("cityId") long cityId, @Context UriInfo uri) {
        Cities.CityInfo city = ctx.cities().byId(cityId).orElseThrow(() -> PluginProblem.notFound("No city with id " + cityId + "."));
        MeetupStore.Filter f = new MeetupStore.Filter();
        f.cityIds = List.of(cityId);
        f.statuses = PUBLIC;
        f.from = Instant.now().minus(Duration.ofDays(30));
        List<Calendars.Entry> entries = store.list(f, 0, 500).items().stream().map(m -> entry(m, uri)).toList();
        return ics("meetups-" + cityId + ".ics", Calendars.document("Meetups in " + city.name(), entries));
    }

    @GET
    @Path("my/calendar")
    public Map<String, String> myCalendar(@Context UriInfo uri) {
        long me = ctx.currentMember().require();
        return Map.of("url", feedUrl(uri, attendance.feedToken(me, false)));
    }

    @POST
    @Path("my/calendar/reset")
    public Map<String, String> resetMyCalendar(@Context UriInfo uri) {
        long me = ctx.currentMember().require();
        return Map.of("url", feedUrl(uri, attendance.feedToken(me, true)));
    }

    @GET
    @Path("calendar/{token}.ics")
    @Produces("text/calendar")
    public Response privateCalendar(@PathParam("token") String token, @Context UriInfo uri) {
        long member = attendance.feedOwner(token).orElseThrow(() -> PluginProblem.notFound("This calendar address is not valid (any more)."));
        List<Calendars.Entry> entries = new ArrayList<>();
        for (long id : attendance.ticketMeetups(member, 0, 500)) {
            Meetup m = store.get(id);
            if (m.isPublic() && seats.placeOf(m, member).filter(p -> p.status() != Signups.Status.WAITING).isPresent()) {
                entries.add(entry(m, uri));
            }
        }
        return ics("my-meetups.ics", Calendars.document("My meetups", entries));
    }

    private static String feedUrl(UriInfo uri, String token) {
        return uri.getBaseUriBuilder().path("plugins/meetups/calendar/" + token + ".ics").build().toString();
    }

    private Calendars.Entry entry(Meetup m, UriInfo uri) {
        Cities.CityInfo city = ctx.cities().byId(m.cityId).orElseThrow();
        URI page = uri.getBaseUri().resolve("/").resolve(MeetupsExtension.link(m.id).substring(1));
        return new Calendars.Entry(m, city.timeZone(), city.name(), page);
    }

    private static Response ics(String filename, String body) {
        return Response.ok(body, "text/calendar; charset=utf-8").header("Content-Disposition", "inline; filename=\"" + filename + "\"").build();
    }

    // ---- helpers ----

    private View view(Meetup m) {
        return MeetupViews.view(ctx, m, seats, attendance, scheduling.canManage(m));
    }

    private static int[] paging(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0) {
            throw new PluginProblem(400, "page must be 0 or more.", "page");
        }
        if (s < 1 || s > 100) {
            throw new PluginProblem(400, "size must be between 1 and 100.", "size");
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
            throw new PluginProblem(400, "'" + field + "' is a date (2026-12-24) or an instant (2026-12-24T11:00:00Z).", field);
        }
    }
}
