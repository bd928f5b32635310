package org.popcorn.plugins.meetups;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.popcorn.api.Members;
import org.popcorn.api.PluginContext;
import org.popcorn.api.PluginProblem;
import org.popcorn.api.Signups;
import org.popcorn.plugins.meetups.MeetupViews.Person;

/**
 * Attendance: the hosts' attendee list, the visible attendees, check-in (points once, badges and stage through the
 * activity counter), no-shows when a meetup finishes, ratings by those who came, and the hosts' recap. Callers have
 * checked who may do it (hosts and organisers for the list, check-in and recap).
 */
class AttendanceService {

    private final PluginContext ctx;
    private final MeetupStore store;
    private final AttendanceStore attendance;
    private final SeatService seats;

    AttendanceService(PluginContext ctx, MeetupStore store, AttendanceStore attendance, SeatService seats) {
        this.ctx = ctx;
        this.store = store;
        this.attendance = attendance;
        this.seats = seats;
    }

    /** Going (with codes, check-in and no-show marks), offered and waiting, in order. */
    Map<String, Object> attendees(Meetup m) {
        seats.sync(m);
        int checkedIn = 0;
        Set<Long> noShows = attendance.noShows(m.id);
        List<Map<String, Object>> going = new ArrayList<>();
        for (Signups.Place p : seats.everyone(m, Signups.Status.CONFIRMED)) {
            Map<String, Object> row = row(p);
            Optional<AttendanceStore.Ticket> t = attendance.ticket(m.id, p.memberId());
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
        Map<String, Object> out = new LinkedHashMap<>();
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

    /** Seats going and parties waiting, and the public profiles of attendees who chose to be visible. */
    Map<String, Object> visibleAttendees(Meetup m) {
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

    /** Checks a member in by code (typed or scanned) or by id (from the list); answers who, and whether they already were. */
    Map<String, Object> checkIn(Meetup m, String code, Long memberId) {
        long host = ctx.currentMember().require();
        RsvpRules.checkCheckInWindow(m, seats.rules(), Instant.now(ctx.clock()), ctx.cities().byId(m.cityId)
                .map(c -> java.time.ZoneId.of(c.timeZone())).orElse(java.time.ZoneId.of("UTC")));
        AttendanceStore.Ticket t;
        if (code != null && !code.isBlank()) {
            String normalised = code.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
            t = attendance.byCode(m.id, normalised)
                    .orElseThrow(() -> PluginProblem.notFound("No ticket with code " + normalised + " for this meetup.").withCode("meetups.ticket-not-found"));
        } else if (memberId != null) {
            t = attendance.ticket(m.id, memberId).orElseThrow(() -> PluginProblem.notFound("This member has no ticket for this meetup.").withCode("meetups.ticket-not-found"));
        } else {
            throw PluginProblem.invalid("Give the check-in code (or the member).", "code").withCode("meetups.missing-field");
        }
        Optional<Signups.Place> place = seats.placeOf(m, t.memberId());
        if (place.isEmpty() || place.get().status() != Signups.Status.CONFIRMED) {
            throw PluginProblem.conflict("This ticket's holder has no confirmed seat ("
                    + place.map(p -> p.status().name().toLowerCase(Locale.ROOT)).orElse("not signed up") + ").", "code").withCode("meetups.seat-not-confirmed");
        }
        boolean first = attendance.checkIn(m.id, t.memberId(), host);
        if (first) {
            int points = seats.rules().attendancePoints();
            if (points > 0) {
                ctx.rewards().awardPoints(t.memberId(), points, org.popcorn.api.Message.of("points.attended", "Attended {title}").with("title", m.title), "meetups:attended:" + m.id);
            }
            ctx.rewards().recordActivity(t.memberId(), "meetups_attended", 1);
            ctx.log().info("event=meetups.checked-in meetup=" + m.id + " member=" + t.memberId() + " by=" + host);
        }
        Person who = MeetupViews.person(ctx, t.memberId());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("memberId", who.memberId());
        out.put("handle", who.handle());
        out.put("displayName", who.displayName());
        out.put("partySize", place.get().partySize());
        out.put("checkedInAt", attendance.ticket(m.id, t.memberId()).map(AttendanceStore.Ticket::checkedInAt).orElse(null));
        out.put("alreadyCheckedIn", !first);
        return out;
    }

    /** Records a no-show for every confirmed member who did not check in; answers how many. */
    int recordNoShows(Meetup m) {
        int count = 0;
        for (Signups.Place p : seats.everyone(m, Signups.Status.CONFIRMED)) {
            Optional<AttendanceStore.Ticket> t = attendance.ticket(m.id, p.memberId());
            if (t.isEmpty() || t.get().checkedInAt() == null) {
                attendance.recordNoShow(m.id, p.memberId());
                count++;
            }
        }
        return count;
    }

    /** A page of ratings with their comments, the average and the count. */
    Map<String, Object> ratings(long meetupId, int page, int size) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (AttendanceStore.Rating r : attendance.ratings(meetupId, page, size)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("member", MeetupViews.person(ctx, r.memberId()));
            row.put("stars", r.stars());
            row.put("comment", r.comment());
            row.put("ratedAt", r.ratedAt());
            items.add(row);
        }
        long[] totals = attendance.ratingTotals(meetupId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", items);
        out.put("page", page);
        out.put("size", size);
        out.put("total", totals[0]);
        out.put("average", totals[0] == 0 ? null : Math.round(10.0 * totals[1] / totals[0]) / 10.0);
        return out;
    }

    /** The caller rates a meetup they checked in at, once it has started (again: their rating changes). */
    void rate(Meetup m, Integer stars, String comment) {
        long me = ctx.currentMember().require();
        if (stars == null || stars < 1 || stars > 5) {
            throw PluginProblem.invalid("Give 1 to 5 stars.", "stars").withCode("meetups.invalid-stars");
        }
        String text = MeetupsExtension.text(comment, "comment", 2000, false);
        if (Instant.now(ctx.clock()).isBefore(m.startsAt)) {
            throw PluginProblem.conflict("You can rate a meetup once it has started.", "startsAt").withCode("meetups.not-started");
        }
        if (attendance.ticket(m.id, me).map(t -> t.checkedInAt() == null).orElse(true)) {
            throw PluginProblem.forbidden("Only members who checked in at this meetup may rate it.").withCode("meetups.check-in-required");
        }
        attendance.rate(m.id, me, stars, text);
    }

    /** The hosts' recap of a meetup that took place: a text and photos' http(s) addresses. */
    void recap(Meetup m, String text, List<String> photoUrls) {
        if (Instant.now(ctx.clock()).isBefore(m.startsAt) || m.status == Meetup.Status.CANCELLED) {
            throw PluginProblem.conflict("A recap is for a meetup that took place.", "status").withCode("meetups.did-not-take-place");
        }
        String words = MeetupsExtension.text(text, "text", 4000, false);
        List<String> photos = new ArrayList<>();
        if (photoUrls != null) {
            if (photoUrls.size() > 30) {
                throw PluginProblem.invalid("A recap has at most 30 photos.", "photoUrls").withCode("meetups.too-many-photos");
            }
            for (String u : photoUrls) {
                if (u != null && !u.isBlank()) {
                    photos.add(SchedulingService.url(u, "photoUrls", false));
                }
            }
        }
        if (words == null && photos.isEmpty()) {
            throw PluginProblem.invalid("Write a few words or add photos' addresses.", "text").withCode("meetups.recap-empty");
        }
        store.saveRecap(m.id, words, photos);
    }
}
