package org.popcorn.plugins.meetups;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.popcorn.api.Cities;
import org.popcorn.api.Message;
import org.popcorn.api.PluginContext;
import org.popcorn.api.PluginProblem;

/**
 * Scheduling rules: who may create, propose, approve, edit, publish, cancel and finish meetups; series; venue clashes.
 * Organisers of a city (and admins) run its meetups; any member may propose one in their home city, which goes live
 * when an organiser approves it, at once for a trusted host. Hosts of a meetup manage it but cannot approve it.
 */
class SchedulingService {

    static final String HOST_WITHOUT_REVIEW = "host-without-review";

    /** A venue clash or similar advice on a write; it never blocks the write. */
    public record Warning(String code, String message, Long meetupId) {
    }

    /** What a create answers: the meetups made (several for a series) and warnings. */
    record Created(List<Meetup> meetups, List<Warning> warnings) {
    }

    private final PluginContext ctx;
    private final MeetupStore store;
    private final TrustedHostStore trustedHosts;
    private final SeatService seats;
    private final AttendanceService attendance;

    SchedulingService(PluginContext ctx, MeetupStore store, TrustedHostStore trustedHosts, SeatService seats, AttendanceService attendance) {
        this.ctx = ctx;
        this.store = store;
        this.trustedHosts = trustedHosts;
        this.seats = seats;
        this.attendance = attendance;
    }

    Created create(MeetupForm in) {
        long me = ctx.currentMember().require();
        if (in == null || in.cityId == null) {
            throw PluginProblem.invalid("Choose the city.", "cityId").withCode("meetups.missing-field");
        }
        Cities.CityInfo city = ctx.cities().byId(in.cityId).filter(c -> !c.retired())
                .orElseThrow(() -> PluginProblem.invalid("There is no active city with id " + in.cityId + ".", "cityId").withCode("meetups.unknown-city"));
        boolean organiser = ctx.currentMember().organises(city.id());
        if (!organiser) {
            Long home = ctx.members().byId(me).map(x -> x.homeCityId()).orElse(null);
            if (!Objects.equals(home, city.id())) {
                throw PluginProblem.forbidden("You can propose meetups in your home city only; " + city.name() + " is not your home city.").withCode("meetups.home-city-only");
            }
        }
        boolean trusted = organiser || isTrusted(city.id(), me);
        Meetup m = new Meetup();
        m.cityId = city.id();
        m.createdBy = me;
        m.kind = Meetup.Kind.FAN;
        m.maxGuests = 0;
        apply(m, in, city, true);
        if (m.kind == Meetup.Kind.OFFICIAL && !organiser) {
            throw PluginProblem.forbidden("Only organisers schedule official meetups.").withCode("meetups.organiser-required");
        }
        if (!m.startsAt.isAfter(Instant.now(ctx.clock()))) {
            throw PluginProblem.invalid("A new meetup starts in the future.", in.startsLocal != null ? "startsLocal" : "startsAt").withCode("meetups.starts-in-past");
        }
        m.status = !trusted ? Meetup.Status.PROPOSED : Boolean.TRUE.equals(in.publish) ? Meetup.Status.PUBLISHED : Meetup.Status.DRAFT;
        LinkedHashSet<Long> hosts = new LinkedHashSet<>();
        hosts.add(me);
        hosts.addAll(m.hosts);
        m.hosts = new ArrayList<>(hosts);

        List<Meetup> made = new ArrayList<>();
        if (in.repeat == null) {
            store.insert(m);
            made.add(m);
        } else {
            String frequency = frequency(in.repeat);
            made.addAll(occurrences(m, frequency, in.repeat.count, ZoneId.of(city.timeZone())));
            store.insertSeries(frequency, made);
        }
        List<Warning> warnings = new ArrayList<>();
        for (Meetup x : made) {
            seats.createPools(x);
            warnings.addAll(clashes(x));
        }
        ctx.log().info("event=meetups.created meetup=" + made.get(0).id + " count=" + made.size() + " city=" + city.id() + " status=" + m.status);
        return new Created(made, warnings);
    }

    /** WEEKLY or MONTHLY, checked. */
    private static String frequency(MeetupForm.Repeat repeat) {
        String frequency = repeat.frequency == null ? "" : repeat.frequency.toUpperCase(Locale.ROOT);
        if (!frequency.equals("WEEKLY") && !frequency.equals("MONTHLY")) {
            throw PluginProblem.invalid("A series repeats WEEKLY or MONTHLY.", "repeat.frequency").withCode("meetups.invalid-frequency");
        }
        return frequency;
    }

    /** The occurrences of a series: the same local time each week or month (so daylight saving time does not shift it). */
    private static List<Meetup> occurrences(Meetup first, String frequency, Integer count, ZoneId zone) {
        if (count == null || count < 2 || count > 52) {
            throw PluginProblem.invalid("A series has 2 to 52 meetups.", "repeat.count").withCode("meetups.invalid-series-count");
        }
        ZonedDateTime start = first.startsAt.atZone(zone);
        ZonedDateTime end = first.endsAt.atZone(zone);
        List<Meetup> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Meetup m = copy(first);
            m.startsAt = (frequency.equals("WEEKLY") ? start.plusWeeks(i) : start.plusMonths(i)).toInstant();
            m.endsAt = (frequency.equals("WEEKLY") ? end.plusWeeks(i) : end.plusMonths(i)).toInstant();
            if (first.rsvpOpensAt != null) {
                ZonedDateTime opens = first.rsvpOpensAt.atZone(zone);
                m.rsvpOpensAt = (frequency.equals("WEEKLY") ? opens.plusWeeks(i) : opens.plusMonths(i)).toInstant();
            }
            out.add(m);
        }
        return out;
    }

    private static Meetup copy(Meetup f) {
        Meetup m = new Meetup();
        m.cityId = f.cityId;
        m.title = f.title;
        m.description = f.description;
        m.venueName = f.venueName;
        m.venueAddress = f.venueAddress;
        m.capacity = f.capacity;
        m.maxGuests = f.maxGuests;
        m.newcomerSeats = f.newcomerSeats;
        m.offerHours = f.offerHours;
        m.kind = f.kind;
        m.status = f.status;
        m.createdBy = f.createdBy;
        m.coverImageUrl = f.coverImageUrl;
        m.hosts = new ArrayList<>(f.hosts);
        m.tags = new ArrayList<>(f.tags);
        return m;
    }

    /** Changes a meetup (one occurrence of a series); attendees are told when the time or the venue changes. */
    Created update(long id, MeetupForm in) {
        Meetup m = manage(id);
        if (m.status != Meetup.Status.PROPOSED && m.status != Meetup.Status.DRAFT && m.status != Meetup.Status.PUBLISHED) {
            throw PluginProblem.conflict("A " + m.status.name().toLowerCase(Locale.ROOT) + " meetup cannot be changed.", "status").withCode("meetups.wrong-status");
        }
        if (in == null) {
            throw PluginProblem.invalid("Send the fields to change.", null).withCode("meetups.missing-body");
        }
        if (in.version != null && in.version != m.version) {
            throw MeetupStore.editedMeanwhile();
        }
        if (in.cityId != null && in.cityId != m.cityId) {
            throw PluginProblem.invalid("A meetup cannot move to another city; cancel it and schedule a new one.", "cityId").withCode("meetups.city-fixed");
        }
        if (in.repeat != null) {
            throw PluginProblem.invalid("A series is made when it is created; change its meetups one by one.", "repeat").withCode("meetups.series-fixed");
        }
        Cities.CityInfo city = ctx.cities().byId(m.cityId).orElseThrow();
        Instant oldStart = m.startsAt;
        Instant oldEnd = m.endsAt;
        String oldVenue = m.venueName + "|" + m.venueAddress;
        Meetup.Kind oldKind = m.kind;
        List<Long> oldHosts = List.copyOf(m.hosts);
        apply(m, in, city, false);
        if (m.kind != oldKind && !ctx.currentMember().organises(m.cityId)) {
            throw PluginProblem.forbidden("Only organisers change the kind of a meetup.").withCode("meetups.organiser-required");
        }
        if (in.hostHandles != null && !m.hosts.contains(m.createdBy) && m.createdBy > 0) {
            m.hosts.add(0, m.createdBy);
        }
        if (in.hostHandles == null) {
            m.hosts = new ArrayList<>(oldHosts);
        }
        store.update(m);
        seats.resize(m);
        boolean moved = !oldStart.equals(m.startsAt) || !oldEnd.equals(m.endsAt) || !oldVenue.equals(m.venueName + "|" + m.venueAddress);
        if (moved && m.status == Meetup.Status.PUBLISHED) {
            seats.notifyEveryone(m, MeetupsExtension.KIND_CHANGED, Message.of("changed.title", "Changed: {title}").with("title", m.title),
                    Message.of("changed.body", "The time or the place changed. Please check the details."));
        }
        return new Created(List.of(m), clashes(m));
    }

    Meetup publish(long id) {
        Meetup m = store.get(id);
        long me = ctx.currentMember().require();
        boolean organiser = ctx.currentMember().organises(m.cityId);
        if (!organiser && !(m.hosts.contains(me) && isTrusted(m.cityId, me))) {
            throw PluginProblem.forbidden("Only an organiser of this city or a trusted host may publish this meetup.").withCode("meetups.trusted-host-required");
        }
        transition(m, Meetup.Status.DRAFT, Meetup.Status.PUBLISHED, null, "Only a draft can be published");
        return store.get(id);
    }

    Meetup approve(long id) {
        Meetup m = organiserOnly(id);
        transition(m, Meetup.Status.PROPOSED, Meetup.Status.PUBLISHED, null, "Only a proposal can be approved");
        ctx.notifications().notify(m.createdBy, MeetupsExtension.KIND_REVIEWED, Message.of("approved.title", "Approved: {title}").with("title", m.title),
                seats.withWhenAndWhere(m, Message.of("approved.body", "Your meetup is live. Members can RSVP now.")), MeetupsExtension.link(m.id));
        ctx.log().info("event=meetups.approved meetup=" + id + " by=" + ctx.currentMember().require());
        return store.get(id);
    }

    Meetup reject(long id, String reason) {
        Meetup m = organiserOnly(id);
        String why = MeetupsExtension.text(reason, "reason", 500, true);
        transition(m, Meetup.Status.PROPOSED, Meetup.Status.REJECTED, why, "Only a proposal can be rejected");
        ctx.notifications().notify(m.createdBy, MeetupsExtension.KIND_REVIEWED, Message.of("rejected.title", "Not approved: {title}").with("title", m.title),
                Message.of("reason", "Reason: {reason}").with("reason", why), MeetupsExtension.link(m.id));
        return store.get(id);
    }

    Meetup cancel(long id, String reason) {
        Meetup m = manage(id);
        String why = MeetupsExtension.text(reason, "reason", 500, true);
        Meetup.Status from = m.status;
        if (from != Meetup.Status.PROPOSED && from != Meetup.Status.DRAFT && from != Meetup.Status.PUBLISHED) {
            throw PluginProblem.conflict("This meetup is already " + from.name().toLowerCase(Locale.ROOT) + ".", "status").withCode("meetups.wrong-status");
        }
        transition(m, from, Meetup.Status.CANCELLED, why, "This meetup changed meanwhile");
        seats.notifyEveryone(m, MeetupsExtension.KIND_CANCELLED, Message.of("cancelled.title", "Cancelled: {title}").with("title", m.title),
                Message.of("reason", "Reason: {reason}").with("reason", why));
        return store.get(id);
    }

    /** A host ends a meetup after its start (see {@link #finishNow}). */
    Meetup finish(long id) {
        Meetup m = manage(id);
        if (Instant.now(ctx.clock()).isBefore(m.startsAt)) {
            throw PluginProblem.conflict("A meetup can be finished once it has started (" + ctx.cities().localTime(m.cityId, m.startsAt) + ").", "startsAt").withCode("meetups.not-started");
        }
        finishNow(m, "member " + ctx.currentMember().require());
        return store.get(id);
    }

    /**
     * Ends a published meetup, once (the database decides between concurrent callers): confirmed members who did not
     * check in are recorded as no-shows, and each host's hosting counts.
     */
    void finishNow(Meetup m, String by) {
        transition(m, Meetup.Status.PUBLISHED, Meetup.Status.FINISHED, null, "Only a published meetup can be finished");
        int noShows = attendance.recordNoShows(m);
        for (long host : m.hosts) {
            ctx.rewards().recordActivity(host, "meetups_hosted", 1);
        }
        ctx.log().info("event=meetups.finished meetup=" + m.id + " noShows=" + noShows + " by=" + by);
    }

    // ---- trusted hosts ----

    boolean isTrusted(long cityId, long memberId) {
        return trustedHosts.isTrusted(cityId, memberId) || ctx.rewards().may(memberId, HOST_WITHOUT_REVIEW);
    }

    /** 404 for a city id the catalogue does not have (0, negative, out of range), before anything else. */
    private void requireCity(long cityId) {
        if (ctx.cities().byId(cityId).isEmpty()) {
            throw PluginProblem.notFound("No city with id " + cityId + ".").withCode("meetups.city-not-found");
        }
    }

    void trust(long cityId, String handle, boolean trusted) {
        ctx.currentMember().require();
        requireCity(cityId);
        if (!ctx.currentMember().organises(cityId)) {
            throw PluginProblem.forbidden("Only an organiser of this city may choose its trusted hosts.").withCode("meetups.organiser-required");
        }
        long member = ctx.members().byHandle(handle).orElseThrow(() -> PluginProblem.notFound("No member '" + handle + "'.").withCode("meetups.member-not-found")).id();
        if (trusted) {
            trustedHosts.trust(cityId, member, ctx.currentMember().require());
        } else {
            trustedHosts.distrust(cityId, member);
        }
        ctx.log().info("event=meetups.trusted-host city=" + cityId + " member=" + member + " trusted=" + trusted);
    }

    List<Long> trustedHosts(long cityId) {
        ctx.currentMember().require();
        requireCity(cityId);
        if (!ctx.currentMember().organises(cityId)) {
            throw PluginProblem.forbidden("Only an organiser of this city may see its trusted hosts.").withCode("meetups.organiser-required");
        }
        return trustedHosts.trustedHosts(cityId);
    }

    // ---- helpers ----

    /** Whether the caller may manage the meetup: an organiser of its city, or one of its hosts. */
    boolean canManage(Meetup m) {
        return ctx.currentMember().id().map(me -> m.hosts.contains(me) || ctx.currentMember().organises(m.cityId)).orElse(false);
    }

    Meetup manage(long id) {
        ctx.currentMember().require();
        Meetup m = store.get(id);
        if (!canManage(m)) {
            throw PluginProblem.forbidden("Only a host of this meetup or an organiser of its city may do this.").withCode("meetups.host-required");
        }
        return m;
    }

    private Meetup organiserOnly(long id) {
        ctx.currentMember().require();
        Meetup m = store.get(id);
        if (!ctx.currentMember().organises(m.cityId)) {
            throw PluginProblem.forbidden("Only an organiser of this meetup's city may review proposals.").withCode("meetups.organiser-required");
        }
        return m;
    }

    private void transition(Meetup m, Meetup.Status from, Meetup.Status to, String reason, String refusal) {
        if (m.status != from || !store.transition(m.id, from, to, reason)) {
            throw PluginProblem.conflict(refusal + "; this meetup is " + store.get(m.id).status.name().toLowerCase(Locale.ROOT) + ".", "status").withCode("meetups.wrong-status");
        }
        ctx.log().info("event=meetups.status meetup=" + m.id + " from=" + from + " to=" + to);
        m.status = to;
        if (to == Meetup.Status.PUBLISHED) {
            seats.timeUntimedPools(m); // a draft from before SDK 0.2 gets its time when it goes live
        }
    }

    List<Warning> clashes(Meetup m) {
        List<Warning> out = new ArrayList<>();
        for (Meetup other : store.clashes(m.cityId, m.venueName, m.startsAt, m.endsAt, m.id)) {
            out.add(new Warning("venue-clash", "\"" + other.title + "\" is at " + other.venueName + " at an overlapping time ("
                    + other.startsAt + " to " + other.endsAt + ").", other.id));
        }
        return out;
    }

    /** Applies a form to a meetup: all fields on create, the present ones on change; checks the result. */
    private void apply(Meetup m, MeetupForm in, Cities.CityInfo city, boolean create) {
        ZoneId zone = ZoneId.of(city.timeZone());
        if (create || in.title != null) {
            m.title = MeetupsExtension.text(in.title, "title", 200, true);
        }
        if (create || in.description != null) {
            m.description = MeetupsExtension.text(in.description, "description", 4000, false);
        }
        if (create || in.venueName != null) {
            m.venueName = MeetupsExtension.text(in.venueName, "venueName", 200, true);
        }
        if (create || in.venueAddress != null) {
            m.venueAddress = MeetupsExtension.text(in.venueAddress, "venueAddress", 500, false);
        }
        Instant start = time(in.startsAt, in.startsLocal, "startsAt", "startsLocal", zone);
        Instant end = time(in.endsAt, in.endsLocal, "endsAt", "endsLocal", zone);
        if (create && (start == null || end == null)) {
            throw PluginProblem.invalid("Give the start and the end" + (start == null ? "." : ", too."), start == null ? "startsLocal" : "endsLocal").withCode("meetups.missing-field");
        }
        if (start != null) {
            m.startsAt = start;
        }
        if (end != null) {
            m.endsAt = end;
        }
        if (!m.endsAt.isAfter(m.startsAt)) {
            throw PluginProblem.invalid("The meetup must end after it starts.", in.endsLocal != null ? "endsLocal" : "endsAt").withCode("meetups.ends-before-start");
        }
        if (in.rsvpOpensAt != null || in.rsvpOpensLocal != null) {
            String blank = in.rsvpOpensLocal != null ? in.rsvpOpensLocal : in.rsvpOpensAt;
            m.rsvpOpensAt = blank.isBlank() ? null : time(in.rsvpOpensAt, in.rsvpOpensLocal, "rsvpOpensAt", "rsvpOpensLocal", zone);
        }
        if (m.rsvpOpensAt != null && !m.rsvpOpensAt.isBefore(m.startsAt)) {
            throw PluginProblem.invalid("RSVPs must open before the meetup starts.", "rsvpOpensAt").withCode("meetups.rsvp-opens-too-late");
        }
        if (create || in.capacity != null) {
            if (in.capacity == null || in.capacity < 1 || in.capacity > 100_000) {
                throw PluginProblem.invalid("Capacity is 1 to 100000 seats.", "capacity").withCode("meetups.invalid-capacity");
            }
            m.capacity = in.capacity;
        }
        if (in.maxGuests != null) {
            if (in.maxGuests < 0 || in.maxGuests > 10) {
                throw PluginProblem.invalid("Guests per RSVP are 0 to 10.", "maxGuests").withCode("meetups.invalid-max-guests");
            }
            m.maxGuests = in.maxGuests;
        }
        if (in.newcomerSeats != null) {
            m.newcomerSeats = in.newcomerSeats;
        } else if (create) {
            m.newcomerSeats = RsvpRules.defaultNewcomerSeats(m.capacity, seats.rules());
        }
        if (m.newcomerSeats < 0 || m.newcomerSeats > m.capacity) {
            throw PluginProblem.invalid("Newcomer seats are 0 to the capacity (" + m.capacity + ").", "newcomerSeats").withCode("meetups.invalid-newcomer-seats");
        }
        if (in.offerHours != null) {
            if (in.offerHours < 0 || in.offerHours > 168) {
                throw PluginProblem.invalid("An offer lasts 1 to 168 hours (0 or empty: promote at once).", "offerHours").withCode("meetups.invalid-offer-hours");
            }
            m.offerHours = in.offerHours == 0 ? null : in.offerHours;
        }
        if (in.kind != null) {
            try {
                m.kind = Meetup.Kind.valueOf(in.kind.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw PluginProblem.invalid("The kind is OFFICIAL or FAN.", "kind").withCode("meetups.invalid-kind");
            }
        }
        if (in.tags != null) {
            m.tags = tags(in.tags);
        }
        if (in.coverImageUrl != null) {
            m.coverImageUrl = url(in.coverImageUrl, "coverImageUrl", true);
        }
        if (in.hostHandles != null) {
            if (in.hostHandles.size() > 10) {
                throw PluginProblem.invalid("A meetup has at most 10 co-hosts.", "hostHandles").withCode("meetups.too-many-hosts");
            }
            List<Long> hosts = new ArrayList<>();
            for (String h : in.hostHandles) {
                if (h == null || h.isBlank()) {
                    continue;
                }
                long id = ctx.members().byHandle(h.strip().replaceFirst("^@", ""))
                        .orElseThrow(() -> PluginProblem.invalid("No member '" + h.strip() + "' to host with you.", "hostHandles").withCode("meetups.unknown-member")).id();
                if (!hosts.contains(id)) {
                    hosts.add(id);
                }
            }
            m.hosts = hosts;
        }
    }

    static List<String> tags(List<String> raw) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : raw) {
            if (t == null || t.isBlank()) {
                continue;
            }
            String tag = t.strip().toLowerCase(Locale.ROOT).replaceFirst("^#", "");
            if (tag.length() > 40 || !tag.matches("[\\p{L}\\p{N}][\\p{L}\\p{N} _-]*")) {
                throw PluginProblem.invalid("A tag is up to 40 letters, digits, spaces, '-' or '_': '" + t + "' is not.", "tags").withCode("meetups.invalid-tag");
            }
            out.add(tag);
        }
        if (out.size() > 10) {
            throw PluginProblem.invalid("A meetup has at most 10 tags.", "tags").withCode("meetups.too-many-tags");
        }
        return new ArrayList<>(out);
    }

    static String url(String value, String field, boolean blankMeansNone) {
        if (value == null || value.isBlank()) {
            if (blankMeansNone) {
                return null;
            }
            throw PluginProblem.invalid("'" + field + "' is required.", field).withCode("meetups.missing-field");
        }
        String v = value.strip();
        try {
            URI u = new URI(v);
            if (v.length() <= 1000 && ("https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme())) && u.getHost() != null) {
                return v;
            }
        } catch (java.net.URISyntaxException e) {
            // refused below
        }
        throw PluginProblem.invalid("'" + field + "' must be an http(s) address such as https://example.org/photo.jpg.", field).withCode("meetups.invalid-url");
    }

    /** An instant from either an ISO instant or a local date-time in the city's zone; null when neither is given. */
    static Instant time(String instant, String local, String instantField, String localField, ZoneId zone) {
        if (local != null && !local.isBlank()) {
            try {
                return LocalDateTime.parse(local.strip()).atZone(zone).toInstant();
            } catch (DateTimeException e) {
                throw PluginProblem.invalid("'" + localField + "' is a local date and time such as 2026-12-24T19:00 (" + zone + ").", localField).withCode("meetups.invalid-time");
            }
        }
        if (instant != null && !instant.isBlank()) {
            return MeetupsExtension.instant(instant, instantField);
        }
        return null;
    }
}
