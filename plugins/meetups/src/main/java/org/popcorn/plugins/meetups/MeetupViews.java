package org.popcorn.plugins.meetups;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.popcorn.api.PluginContext;
import org.popcorn.api.Signups;

/** The JSON shapes of the meetups API and how they are made from stored rows. */
final class MeetupViews {

    private MeetupViews() {
    }

    /** One page of a list: {@code page} counts from 0, {@code total} is the size of the whole list. */
    public static class Page<T> {
        public List<T> items;
        public int page;
        public int size;
        public long total;

        Page(List<T> items, int page, int size, long total) {
            this.items = items;
            this.page = page;
            this.size = size;
            this.total = total;
        }
    }

    /** A member as others see them. */
    public record Person(long memberId, String handle, String displayName) {
    }

    /** A recap: the hosts' text and photos' addresses. */
    public record Recap(String text, List<String> photoUrls) {
    }

    /** My RSVP: where I stand, and my check-in code once my seats are confirmed. */
    public static class Ticket {
        public long meetupId;
        public String status;
        public int partySize;
        public Integer waitingPosition;
        public Instant offerExpiresAt;
        public String checkInCode;
        public Instant checkedInAt;
        public boolean newcomerSeat;
    }

    /** A meetup: times as instants plus the city's time zone and local times, seats, my ticket, what I may do. */
    public static class View {
        public long id;
        @Schema(description = "Counts up with every change; send it back with an edit so that a change made meanwhile is not overwritten")
        public long version;
        public long cityId;
        public String cityName;
        public String timeZone;
        public String title;
        public String description;
        public String venueName;
        public String venueAddress;
        public Instant startsAt;
        public Instant endsAt;
        public String startsLocal;
        public String endsLocal;
        public int capacity;
        public int maxGuests;
        public int newcomerSeats;
        public Integer offerHours;
        public Instant rsvpOpensAt;
        public Instant priorityOpensAt;
        public String kind;
        public String status;
        public String cancelReason;
        public String rejectReason;
        public List<Person> hosts = new ArrayList<>();
        public List<String> tags;
        public String coverImageUrl;
        public Long seriesId;
        public Long roundId;
        public Integer pledges;
        public int taken;
        public int waitingParties;
        public int newcomerSeatsTaken;
        public Double ratingAverage;
        public long ratingCount;
        public Recap recap;
        public boolean canManage;
        public boolean canApprove;
        public Ticket myTicket;
        public List<SchedulingService.Warning> warnings;
    }

    static Person person(PluginContext ctx, long memberId) {
        return ctx.members().byId(memberId).map(m -> new Person(m.id(), m.handle(), m.displayName()))
                .orElse(new Person(memberId, "former-member", "Former member"));
    }

    static Ticket ticket(Meetup m, AttendanceStore.Ticket t, Optional<Signups.Place> place) {
        Ticket v = new Ticket();
        v.meetupId = m.id;
        v.newcomerSeat = t != null && t.newcomerSeat();
        v.checkedInAt = t == null ? null : t.checkedInAt();
        if (place.isPresent()) {
            Signups.Place p = place.get();
            v.status = p.status().name();
            v.partySize = p.partySize();
            v.waitingPosition = p.waitingPosition();
            v.offerExpiresAt = p.offerExpiresAt();
            if (p.status() == Signups.Status.CONFIRMED && t != null) {
                v.checkInCode = t.code();
            }
        } else {
            v.status = t != null && t.checkedInAt() != null ? "CONFIRMED" : "NONE";
            v.checkInCode = t != null && t.checkedInAt() != null ? t.code() : null;
        }
        return v;
    }

    static View view(PluginContext ctx, Meetup m, SeatService seats, AttendanceStore attendance, boolean canManage) {
        View v = new View();
        v.id = m.id;
        v.version = m.version;
        v.cityId = m.cityId;
        v.title = m.title;
        v.description = m.description;
        v.venueName = m.venueName;
        v.venueAddress = m.venueAddress;
        v.startsAt = m.startsAt;
        v.endsAt = m.endsAt;
        v.capacity = m.capacity;
        v.maxGuests = m.maxGuests;
        v.newcomerSeats = m.newcomerSeats;
        v.offerHours = m.offerHours;
        v.rsvpOpensAt = m.rsvpOpensAt;
        v.priorityOpensAt = RsvpRules.priorityOpensAt(m, seats.rules());
        v.kind = m.kind.name();
        v.status = m.status.name();
        v.cancelReason = m.cancelReason;
        v.rejectReason = m.rejectReason;
        for (long h : m.hosts) {
            v.hosts.add(person(ctx, h));
        }
        v.tags = m.tags;
        v.coverImageUrl = m.coverImageUrl;
        v.seriesId = m.seriesId;
        v.roundId = m.roundId;
        v.pledges = m.pledges;
        ctx.cities().byId(m.cityId).ifPresent(c -> {
            v.cityName = c.name();
            v.timeZone = c.timeZone();
            ZoneId zone = ZoneId.of(c.timeZone());
            v.startsLocal = local(m.startsAt, zone);
            v.endsLocal = local(m.endsAt, zone);
        });
        int[] counts = seats.counts(m);
        v.taken = counts[0];
        v.waitingParties = counts[1];
        v.newcomerSeatsTaken = counts[2];
        long[] ratings = attendance.ratingTotals(m.id);
        v.ratingCount = ratings[0];
        v.ratingAverage = ratings[0] == 0 ? null : Math.round(10.0 * ratings[1] / ratings[0]) / 10.0;
        if (m.recapText != null || !m.recapPhotos.isEmpty()) {
            v.recap = new Recap(m.recapText, m.recapPhotos);
        }
        v.canManage = canManage;
        v.canApprove = m.status == Meetup.Status.PROPOSED && ctx.currentMember().id().isPresent() && ctx.currentMember().organises(m.cityId);
        ctx.currentMember().id().ifPresent(me -> {
            Optional<AttendanceStore.Ticket> t = attendance.ticket(m.id, me);
            Optional<Signups.Place> place = seats.placeOf(m, me);
            if (t.isPresent() || place.isPresent()) {
                v.myTicket = ticket(m, t.orElse(null), place);
            }
        });
        return v;
    }

    static String local(Instant instant, ZoneId zone) {
        LocalDateTime t = LocalDateTime.ofInstant(instant, zone).truncatedTo(ChronoUnit.MINUTES);
        return t.toString();
    }
}
