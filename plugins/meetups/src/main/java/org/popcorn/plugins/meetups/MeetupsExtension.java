package org.popcorn.plugins.meetups;

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
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;
import org.popcorn.api.Cities;
import org.popcorn.api.NavigationEntry;
import org.popcorn.api.NotificationKind;
import org.popcorn.api.PluginContext;
import org.popcorn.api.PluginProblem;
import org.popcorn.api.PopcornEvent;
import org.popcorn.api.PopcornExtension;
import org.popcorn.api.Signups;

/**
 * Meetups (first slice): organisers of a city schedule meetups there; members RSVP with guests on seats kept by the
 * host's sign-up pools (capacity never exceeded, waiting list in order, parties kept together); a cancelled meetup
 * tells everyone signed up; a closed city vote creates a draft official meetup in the winning city.
 */
@Extension
public class MeetupsExtension implements PopcornExtension {

    static final String KIND_PROMOTED = "meetups-promoted";
    static final String KIND_CANCELLED = "meetups-cancelled";

    private PluginContext ctx;
    private MeetupStore store;

    @Override
    public void start(PluginContext context) {
        this.ctx = context;
        this.store = new MeetupStore(context.database());
    }

    @Override
    public Object restResource() {
        return new Api();
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("round.closed");
    }

    /** A closed round creates a draft official meetup in the winning city, sized by the chosen size (once per round). */
    @Override
    public void onEvent(PopcornEvent event) {
        Long round = event.longValue("roundId");
        Long city = event.longValue("winnerCityId");
        if (round == null || city == null || store.existsForRound(round)) {
            return;
        }
        MeetupStore.Meetup m = new MeetupStore.Meetup();
        m.cityId = city;
        m.title = "Official meetup: " + event.text("title");
        m.description = "Chosen by the city vote. Pledged attendance: " + event.text("pledges") + ". Organisers: complete the details.";
        m.venueName = "To be announced";
        Instant start = Instant.now().plusSeconds(60L * 86_400);
        m.startsAt = start.toString();
        m.endsAt = start.plusSeconds(4 * 3600).toString();
        Long size = event.longValue("chosenSize");
        m.capacity = size == null ? 50 : size.intValue();
        m.kind = "OFFICIAL";
        m.status = "DRAFT";
        m.createdBy = 0;
        m.roundId = round;
        Long pledges = event.longValue("pledges");
        m.pledges = pledges == null ? null : pledges.intValue();
        try {
            long id = store.insert(m);
            ctx.signups().setCapacity(pool(id), m.capacity);
            ctx.log().info("event=meetups.official-draft meetup=" + id + " round=" + round + " city=" + city);
        } catch (PluginProblem alreadyThere) {
            // another delivery of the same event won the unique round_id: nothing to do
        }
    }

    @Override
    public List<NotificationKind> notificationKinds() {
        return List.of(new NotificationKind(KIND_PROMOTED, "A seat freed up for you at a meetup"),
                new NotificationKind(KIND_CANCELLED, "A meetup you signed up for was cancelled"));
    }

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(new NavigationEntry(Map.of("en", "Meetups", "zh-CN", "聚会"), "/plugins/meetups/index.html", "calendar"));
    }

    static String pool(long meetupId) {
        return "meetup-" + meetupId;
    }

    /** What an organiser sends to schedule a meetup. Times are ISO-8601 instants. */
    public static class NewMeetup {
        public Long cityId;
        public String title;
        public String description;
        public String venueName;
        public String venueAddress;
        public String startsAt;
        public String endsAt;
        public Integer capacity;
        public Integer maxGuests;
        public Boolean publish;
    }

    /** An RSVP: how many guests come along. */
    public static class Rsvp {
        public Integer guests;
    }

    /** Why a meetup is cancelled. */
    public static class Cancel {
        public String reason;
    }

    /** A meetup as the API shows it: times as instants plus the city's time zone, seats, and my place. */
    public static class View extends MeetupStore.Meetup {
        public String cityName;
        public String timeZone;
        public int taken;
        public int waitingParties;
        public Signups.Place myPlace;
    }

    /** Routes under /api/plugins/meetups. */
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    public class Api {

        @GET
        @Path("meetups")
        public List<View> list(@QueryParam("city") Long cityId, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
            int p = page == null ? 0 : page;
            int s = size == null ? 20 : size;
            if (p < 0 || s < 1 || s > 100) {
                throw new PluginProblem(400, "page >= 0 and size 1..100.", p < 0 ? "page" : "size");
            }
            List<View> out = new ArrayList<>();
            for (MeetupStore.Meetup m : store.list(cityId, List.of("PUBLISHED", "FINISHED", "CANCELLED"), p, s)) {
                out.add(view(m));
            }
            return out;
        }

        @GET
        @Path("meetups/{id}")
        public View get(@PathParam("id") long id) {
            MeetupStore.Meetup m = store.get(id);
            if ("DRAFT".equals(m.status) && !ctx.currentMember().organises(m.cityId)) {
                throw PluginProblem.notFound("No meetup with id " + id + ".");
            }
            return view(m);
        }

        @POST
        @Path("meetups")
        public Response create(NewMeetup in) {
            ctx.currentMember().require();
            if (in == null || in.cityId == null) {
                throw PluginProblem.invalid("Choose the city.", "cityId");
            }
            Cities.CityInfo city = ctx.cities().byId(in.cityId).filter(c -> !c.retired())
                    .orElseThrow(() -> PluginProblem.invalid("There is no active city with id " + in.cityId + ".", "cityId"));
            if (!ctx.currentMember().organises(city.id())) {
                throw PluginProblem.forbidden("Only an organiser of " + city.name() + " may schedule meetups there.");
            }
            MeetupStore.Meetup m = new MeetupStore.Meetup();
            m.cityId = city.id();
            m.title = text(in.title, "title", 200, true);
            m.description = text(in.description, "description", 4000, false);
            m.venueName = text(in.venueName, "venueName", 200, true);
            m.venueAddress = text(in.venueAddress, "venueAddress", 500, false);
            Instant start = instant(in.startsAt, "startsAt");
            Instant end = instant(in.endsAt, "endsAt");
            if (!end.isAfter(start)) {
                throw PluginProblem.invalid("The meetup must end after it starts.", "endsAt");
            }
            m.startsAt = start.toString();
            m.endsAt = end.toString();
            if (in.capacity == null || in.capacity < 1 || in.capacity > 100_000) {
                throw PluginProblem.invalid("Capacity is 1 to 100000 seats.", "capacity");
            }
            m.capacity = in.capacity;
            m.maxGuests = in.maxGuests == null ? 0 : in.maxGuests;
            if (m.maxGuests < 0 || m.maxGuests > 10) {
                throw PluginProblem.invalid("Guests per RSVP are 0 to 10.", "maxGuests");
            }
            m.kind = "FAN";
            m.status = Boolean.TRUE.equals(in.publish) ? "PUBLISHED" : "DRAFT";
            m.createdBy = ctx.currentMember().require();
            long id = store.insert(m);
            ctx.signups().setCapacity(pool(id), m.capacity);
            ctx.log().info("event=meetups.created meetup=" + id + " city=" + city.id() + " status=" + m.status);
            return Response.status(201).entity(view(store.get(id))).build();
        }

        @POST
        @Path("meetups/{id}/publish")
        public View publish(@PathParam("id") long id) {
            MeetupStore.Meetup m = manage(id);
            if (!"DRAFT".equals(m.status)) {
                throw PluginProblem.conflict("Only a draft can be published; this meetup is " + m.status.toLowerCase() + ".", "status");
            }
            store.setStatus(id, "PUBLISHED", null);
            return view(store.get(id));
        }

        @POST
        @Path("meetups/{id}/cancel")
        public View cancel(@PathParam("id") long id, Cancel in) {
            MeetupStore.Meetup m = manage(id);
            if ("CANCELLED".equals(m.status) || "FINISHED".equals(m.status)) {
                throw PluginProblem.conflict("This meetup is already " + m.status.toLowerCase() + ".", "status");
            }
            String reason = in == null || in.reason == null || in.reason.isBlank() ? null : in.reason.strip();
            if (reason == null) {
                throw PluginProblem.invalid("Tell attendees why it is cancelled.", "reason");
            }
            store.setStatus(id, "CANCELLED", reason);
            for (Signups.Status st : Signups.Status.values()) {
                for (Signups.Place p : ctx.signups().places(pool(id), st, 0, 100_000)) {
                    ctx.notifications().notify(p.memberId(), KIND_CANCELLED, "Cancelled: " + m.title, reason, "/plugins/meetups/index.html#" + id);
                }
            }
            return view(store.get(id));
        }

        @PUT
        @Path("meetups/{id}/rsvp")
        public Signups.Place rsvp(@PathParam("id") long id, Rsvp in) {
            long me = ctx.currentMember().require();
            MeetupStore.Meetup m = store.get(id);
            if (!"PUBLISHED".equals(m.status)) {
                throw PluginProblem.conflict("RSVPs are open for published meetups only; this one is " + m.status.toLowerCase() + ".", "status");
            }
            int guests = in == null || in.guests == null ? 0 : in.guests;
            if (guests < 0 || guests > m.maxGuests) {
                throw PluginProblem.invalid("Bring 0 to " + m.maxGuests + " guests to this meetup.", "guests");
            }
            return ctx.signups().join(pool(id), me, 1 + guests);
        }

        @DELETE
        @Path("meetups/{id}/rsvp")
        public Response cancelRsvp(@PathParam("id") long id) {
            long me = ctx.currentMember().require();
            MeetupStore.Meetup m = store.get(id);
            for (Signups.Place promoted : ctx.signups().leave(pool(id), me)) {
                ctx.notifications().notify(promoted.memberId(), KIND_PROMOTED, "You are in: " + m.title,
                        "A seat freed up and your RSVP is confirmed.", "/plugins/meetups/index.html#" + id);
            }
            return Response.noContent().build();
        }

        @GET
        @Path("meetups/{id}/attendees")
        public Map<String, Object> attendees(@PathParam("id") long id) {
            manage(id);
            List<Map<String, Object>> going = new ArrayList<>();
            for (Signups.Place p : ctx.signups().places(pool(id), Signups.Status.CONFIRMED, 0, 100_000)) {
                going.add(Map.of("handle", handle(p.memberId()), "partySize", p.partySize()));
            }
            List<Map<String, Object>> waiting = new ArrayList<>();
            for (Signups.Place p : ctx.signups().places(pool(id), Signups.Status.WAITING, 0, 100_000)) {
                waiting.add(Map.of("handle", handle(p.memberId()), "partySize", p.partySize(), "position", p.waitingPosition()));
            }
            return Map.of("going", going, "waiting", waiting);
        }

        private MeetupStore.Meetup manage(long id) {
            ctx.currentMember().require();
            MeetupStore.Meetup m = store.get(id);
            if (!ctx.currentMember().organises(m.cityId)) {
                throw PluginProblem.forbidden("Only an organiser of this meetup's city may do this.");
            }
            return m;
        }

        private String handle(long memberId) {
            return ctx.members().byId(memberId).map(x -> x.handle()).orElse("former member");
        }

        private View view(MeetupStore.Meetup m) {
            View v = new View();
            v.id = m.id;
            v.cityId = m.cityId;
            v.title = m.title;
            v.description = m.description;
            v.venueName = m.venueName;
            v.venueAddress = m.venueAddress;
            v.startsAt = m.startsAt;
            v.endsAt = m.endsAt;
            v.capacity = m.capacity;
            v.maxGuests = m.maxGuests;
            v.kind = m.kind;
            v.status = m.status;
            v.cancelReason = m.cancelReason;
            v.createdBy = m.createdBy;
            v.roundId = m.roundId;
            v.pledges = m.pledges;
            ctx.cities().byId(m.cityId).ifPresent(c -> {
                v.cityName = c.name();
                v.timeZone = c.timeZone();
            });
            Signups.Pool seats = ctx.signups().pool(pool(m.id));
            v.taken = seats.taken();
            v.waitingParties = seats.waitingParties();
            ctx.currentMember().id().ifPresent(me -> v.myPlace = ctx.signups().placeOf(pool(m.id), me).orElse(null));
            return v;
        }
    }

    static String text(String value, String field, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw PluginProblem.invalid("'" + field + "' is required.", field);
            }
            return null;
        }
        if (value.length() > max) {
            throw PluginProblem.invalid("'" + field + "' has at most " + max + " characters.", field);
        }
        return value.strip();
    }

    static Instant instant(String value, String field) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw PluginProblem.invalid("'" + field + "' is an ISO-8601 instant such as 2026-12-24T11:00:00Z.", field);
        }
    }
}
