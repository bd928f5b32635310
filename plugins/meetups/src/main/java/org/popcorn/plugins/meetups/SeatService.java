package org.popcorn.plugins.meetups;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.popcorn.api.PluginContext;
import org.popcorn.api.PluginProblem;
import org.popcorn.api.Message;
import org.popcorn.api.Signups;
import org.popcorn.api.Signups.Place;

/**
 * RSVPs on the host's sign-up pools, two per meetup: the general seats (with the waiting list, instant promotion or
 * time-limited offers) and the seats kept for newcomers (no waiting list; released to everyone before the start).
 * Each RSVP gets a ticket with a check-in code (see {@link AttendanceService} for check-in).
 */
class SeatService {

    private final PluginContext ctx;
    private final MeetupStore store;
    private final AttendanceStore attendance;

    SeatService(PluginContext ctx, MeetupStore store, AttendanceStore attendance) {
        this.ctx = ctx;
        this.store = store;
        this.attendance = attendance;
    }

    private volatile RsvpRules.Values rules;
    private volatile long rulesReadAt;

    /** The rules' current numbers; re-read from the settings at most every 5 seconds (a list of meetups needs them often). */
    RsvpRules.Values rules() {
        long now = System.nanoTime();
        if (rules == null || now - rulesReadAt > 5_000_000_000L) {
            rules = RsvpRules.Values.of(ctx.settings());
            rulesReadAt = now;
        }
        return rules;
    }

    private static Duration offerWindow(Meetup m) {
        return m.offerHours == null ? null : Duration.ofHours(m.offerHours);
    }

    /**
     * A meetup's pool: timed and exclusive, so a member's seat never overlaps their other exclusive places (another
     * meetup, a charity shift, a booth slot), titled so a clash names it, its times read in the city's zone.
     */
    private Signups.PoolSpec spec(Meetup m, int capacity, Duration offerWindow) {
        java.time.ZoneId zone = ctx.cities().byId(m.cityId).map(c -> java.time.ZoneId.of(c.timeZone())).orElse(java.time.ZoneOffset.UTC);
        return Signups.PoolSpec.capacity(capacity).withOfferWindow(offerWindow).withExclusiveTime(m.startsAt, m.endsAt, zone)
                .withTitle(m.title);
    }

    /**
     * Gives the pools of a meetup made before SDK 0.2 the meetup's time (and so the overlap rule), keeping their
     * capacities; a pool already timed is left alone. Holders are kept even if they now overlap something else.
     */
    void timeUntimedPools(Meetup m) {
        for (String pool : List.of(m.seatsPool(), m.newcomerPool())) {
            Signups.PoolSpec current;
            try {
                current = ctx.signups().spec(pool);
            } catch (PluginProblem missing) {
                continue;
            }
            if (current.startsAt() == null) {
                ctx.signups().define(pool, spec(m, current.capacity(), current.offerWindow()));
            }
        }
    }

    void createPools(Meetup m) {
        ctx.signups().define(m.seatsPool(), spec(m, m.capacity - m.newcomerSeats, offerWindow(m)));
        ctx.signups().define(m.newcomerPool(), spec(m, m.newcomerSeats, null));
    }

    /** After a change of capacity, newcomer seats or offers: both pools follow; people promoted by growth are told. */
    void resize(Meetup m) {
        if (RsvpRules.newcomerSeatsReleased(m, rules(), Instant.now(ctx.clock()))) {
            ctx.signups().define(m.newcomerPool(), spec(m, 0, null)); // as sync() would, with the meetup's new time and title
            int target = Math.max(0, m.capacity - newcomerPool(m).taken());
            tellPromoted(m, ctx.signups().define(m.seatsPool(), spec(m, target, offerWindow(m))));
            return;
        }
        // Newcomer pool first: from then on it can hold at most max(newcomerSeats, what it holds now), so the general
        // pool sized by that bound keeps the total within the capacity even if newcomer seats were cut below their use.
        ctx.signups().define(m.newcomerPool(), spec(m, m.newcomerSeats, null));
        int kept = Math.max(m.newcomerSeats, newcomerPool(m).taken());
        tellPromoted(m, ctx.signups().define(m.seatsPool(), spec(m, Math.max(0, m.capacity - kept), offerWindow(m))));
    }

    /**
     * Once newcomer seats are released, the newcomer pool takes nobody new and the general pool gets every seat the
     * newcomers do not hold. Idempotent, and safe under concurrency: the newcomer pool is closed before its count is read,
     * and that count only falls afterwards.
     */
    void sync(Meetup m) {
        sync(m, Instant.now(ctx.clock()));
    }

    /** {@link #sync(Meetup)} as of {@code now} (the schedule's time). */
    void sync(Meetup m, Instant now) {
        if (!RsvpRules.newcomerSeatsReleased(m, rules(), now)) {
            return;
        }
        Signups.Pool reserved = newcomerPool(m);
        if (reserved.capacity() != 0) {
            ctx.signups().setCapacity(m.newcomerPool(), 0);
            reserved = newcomerPool(m);
        }
        int target = Math.max(0, m.capacity - reserved.taken());
        if (ctx.signups().pool(m.seatsPool()).capacity() != target) { // only write (and lock) when something changed
            tellPromoted(m, ctx.signups().setCapacity(m.seatsPool(), target, offerWindow(m)));
        }
    }

    /**
     * RSVP "going" with guests: a newcomer seat when one is free, else the general seats (or their waiting list).
     * Answers the member's ticket. Reads only what the rules need: the priority checks run only before general opening.
     */
    MeetupViews.Ticket rsvp(long id, int guests) {
        long me = ctx.currentMember().require();
        Meetup m = store.get(id);
        Instant now = Instant.now(ctx.clock());
        if (m.status != Meetup.Status.PUBLISHED) {
            throw PluginProblem.conflict("RSVPs are open for published meetups only; this one is " + m.status.name().toLowerCase() + ".", "status").withCode("meetups.not-published");
        }
        if (!now.isBefore(m.endsAt)) {
            throw PluginProblem.conflict("This meetup is over.", "endsAt").withCode("meetups.ended");
        }
        if (guests < 0 || guests > m.maxGuests) {
            throw PluginProblem.invalid(m.maxGuests == 0 ? "This meetup takes no guests." : "Bring 0 to " + m.maxGuests + " guests to this meetup.", "guests").withCode("meetups.invalid-guests");
        }
        int party = 1 + guests;
        RsvpRules.Values v = rules();
        sync(m, now);
        Optional<Place> inNewcomer = m.newcomerSeats > 0 ? ctx.signups().placeOf(m.newcomerPool(), me) : Optional.empty();
        Optional<Place> inGeneral = ctx.signups().placeOf(m.seatsPool(), me);
        if (inNewcomer.isPresent() && inNewcomer.get().partySize() == party) {
            return MeetupViews.ticket(m, attendance.ensureTicket(id, me, true), inNewcomer);
        }
        if (inGeneral.isPresent() && inGeneral.get().partySize() == party) {
            Place p = inGeneral.get().status() == Signups.Status.OFFERED ? ctx.signups().accept(m.seatsPool(), me) : inGeneral.get();
            return MeetupViews.ticket(m, attendance.ensureTicket(id, me, false), Optional.of(p));
        }
        if (inNewcomer.isEmpty() && inGeneral.isEmpty()) {
            RsvpRules.checkOpening(m, v, now, () -> ctx.currentMember().may(RsvpRules.PRIORITY_PRIVILEGE), () -> penalty(me, v, now));
        }
        if (inNewcomer.isPresent()) {
            ctx.signups().leave(m.newcomerPool(), me); // a newcomer changing their party size tries again below
        }
        Optional<Place> place = Optional.empty();
        if (inGeneral.isEmpty() && m.newcomerSeats > 0 && !RsvpRules.newcomerSeatsReleased(m, v, now) && !attendance.hasAttended(me)) {
            place = ctx.signups().joinIfFree(m.newcomerPool(), me, party);
        }
        boolean newcomerSeat = place.isPresent();
        if (!newcomerSeat) {
            place = Optional.of(ctx.signups().join(m.seatsPool(), me, party));
        }
        return MeetupViews.ticket(m, attendance.ensureTicket(id, me, newcomerSeat), place);
    }

    /** RSVP "not going": frees the seats (the next in line is promoted or offered them, and told). */
    void leave(long id) {
        long me = ctx.currentMember().require();
        Meetup m = store.get(id);
        Optional<AttendanceStore.Ticket> ticket = attendance.ticket(id, me);
        if (ticket.isPresent() && ticket.get().checkedInAt() != null) {
            throw PluginProblem.conflict("You are checked in at this meetup already.", "checkedInAt").withCode("meetups.already-checked-in");
        }
        if (m.newcomerSeats > 0 || ctx.signups().placeOf(m.newcomerPool(), me).isPresent()) {
            ctx.signups().leave(m.newcomerPool(), me);
        }
        tellPromoted(m, ctx.signups().leave(m.seatsPool(), me));
        attendance.deleteTicket(id, me);
        sync(m);
    }

    /** Takes an offered seat. */
    AttendanceStore.Ticket accept(long id) {
        long me = ctx.currentMember().require();
        Meetup m = store.get(id);
        if (m.status != Meetup.Status.PUBLISHED) {
            throw PluginProblem.conflict("This meetup is " + m.status.name().toLowerCase() + ".", "status").withCode("meetups.not-published");
        }
        ctx.signups().accept(m.seatsPool(), me);
        return attendance.ensureTicket(id, me, false);
    }

    /** The member's place: in the newcomer seats or the general ones. */
    Optional<Place> placeOf(Meetup m, long member) {
        Optional<Place> p = ctx.signups().placeOf(m.seatsPool(), member);
        return p.isPresent() ? p : ctx.signups().placeOf(m.newcomerPool(), member);
    }

    /** The newcomer pool; meetups scheduled before newcomer seats existed (plugin 0.1) get an empty one on first use. */
    private Signups.Pool newcomerPool(Meetup m) {
        try {
            return ctx.signups().pool(m.newcomerPool());
        } catch (PluginProblem missing) {
            if (missing.status() != 404) {
                throw missing;
            }
            ctx.signups().setCapacity(m.newcomerPool(), m.newcomerSeats, null);
            return ctx.signups().pool(m.newcomerPool());
        }
    }

    /** Seats taken in both pools, and parties waiting. */
    int[] counts(Meetup m) {
        Signups.Pool general = ctx.signups().pool(m.seatsPool());
        int newcomers = newcomerPool(m).taken();
        return new int[] {general.taken() + newcomers, general.waitingParties(), newcomers};
    }

    /** Everyone holding or waiting for seats, in order: confirmed, offered, waiting. */
    List<Place> everyone(Meetup m, Signups.Status status) {
        List<Place> out = new ArrayList<>();
        if (status == Signups.Status.CONFIRMED) {
            out.addAll(ctx.signups().places(m.newcomerPool(), status, 0, 100_000));
        }
        out.addAll(ctx.signups().places(m.seatsPool(), status, 0, 100_000));
        return out;
    }

    /** "When: Sat 6 Mar 2027, 19:00 (Asia/Shanghai). Where: Panda Hall, 1 Renmin Road, Chengdu." for a notification's body. */
    Message whenAndWhere(Meetup m) {
        String place = java.util.stream.Stream.of(m.venueName, m.venueAddress)
                .filter(s -> s != null && !s.isBlank()).collect(java.util.stream.Collectors.joining(", "));
        String city = ctx.cities().byId(m.cityId).map(org.popcorn.api.Cities.CityInfo::name).orElse("");
        Message where = place.isEmpty() ? Message.of("when-where", "When: {when}. Where: {city}.")
                : Message.of("when-where-place", "When: {when}. Where: {place}, {city}.").with("place", place);
        return where.time("when", m.startsAt, ctx.cities().zone(m.cityId)).city("city", m.cityId, city);
    }

    /** A notification's body text followed by the meetup's time and place. */
    Message withWhenAndWhere(Meetup m, Message text) {
        return Message.of("text-when-where", "{text}\n\n{whenWhere}").with("text", text).with("whenWhere", whenAndWhere(m));
    }

    void notifyEveryone(Meetup m, String kind, Message title, Message body) {
        Set<Long> told = new LinkedHashSet<>();
        for (Signups.Status st : Signups.Status.values()) {
            for (Place p : everyone(m, st)) {
                if (told.add(p.memberId())) {
                    ctx.notifications().notify(p.memberId(), kind, title, withWhenAndWhere(m, body), MeetupsExtension.link(m.id));
                }
            }
        }
    }

    void tellPromoted(Meetup m, List<Place> promoted) {
        for (Place p : promoted) {
            tell(m, p.memberId(), p.status(), p.offerExpiresAt());
        }
    }

    void tell(Meetup m, long member, Signups.Status status, Instant offerExpiresAt) {
        if (status == Signups.Status.OFFERED) {
            ctx.notifications().notify(member, MeetupsExtension.KIND_PROMOTED,
                    Message.of("seat-offered.title", "A seat for you: {title}").with("title", m.title),
                    withWhenAndWhere(m, Message.of("seat-offered.body", "Seats freed up. Accept them before {until} or they go to the next in line.")
                            .time("until", offerExpiresAt, ctx.cities().zone(m.cityId))), MeetupsExtension.link(m.id));
        } else {
            ctx.notifications().notify(member, MeetupsExtension.KIND_PROMOTED,
                    Message.of("seat-confirmed.title", "You are in: {title}").with("title", m.title),
                    withWhenAndWhere(m, Message.of("seat-confirmed.body", "A seat freed up and your RSVP is confirmed.")), MeetupsExtension.link(m.id));
        }
    }

    Optional<Instant> penalty(long member, RsvpRules.Values v, Instant now) {
        return RsvpRules.penaltyUntil(attendance.noShowsSince(member, now.minus(Duration.ofDays(v.noShowWindowDays()))), v, now);
    }
}
