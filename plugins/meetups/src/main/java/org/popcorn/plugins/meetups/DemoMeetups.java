package org.popcorn.plugins.meetups;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.popcorn.api.Cities;
import org.popcorn.api.PluginContext;
import org.popcorn.api.PopcornEvent;

/**
 * Sample meetups for a fresh demo community ({@code demo.loaded}): in the demo organiser's city, a meetup tonight with
 * the demo fan holding a ticket (so check-in can be tried at once), one next week close to full with a waiting list,
 * a weekly series, a fan's proposal waiting for approval, and a past meetup with check-ins, ratings and a recap.
 */
final class DemoMeetups {

    private final PluginContext ctx;
    private final MeetupStore store;
    private final AttendanceStore attendance;
    private final SeatService seats;

    DemoMeetups(PluginContext ctx, MeetupStore store, AttendanceStore attendance, SeatService seats) {
        this.ctx = ctx;
        this.store = store;
        this.attendance = attendance;
        this.seats = seats;
    }

    void load(PopcornEvent event) {
        Long organiser = event.longValue("organiserId");
        Long cityId = event.longValue("cityId");
        Long fan = event.longValue("fanId");
        MeetupStore.Filter fanMeetups = new MeetupStore.Filter();
        fanMeetups.kind = Meetup.Kind.FAN;
        if (organiser == null || cityId == null || fan == null || store.list(fanMeetups, 0, 1).total() > 0) {
            return; // not a fresh community (the demo's closed vote may already have made an official draft: that is fine)
        }
        Cities.CityInfo city = ctx.cities().byId(cityId).orElseThrow();
        ZoneId zone = ZoneId.of(city.timeZone());
        List<Long> locals = new ArrayList<>();
        for (String h : Arrays.asList(event.text("handles") == null ? new String[0] : event.text("handles").split(","))) {
            ctx.members().byHandle(h).ifPresent(m -> locals.add(m.id()));
        }
        Instant now = Instant.now(ctx.clock());

        Meetup tonight = meetup(organiser, cityId, "Hotpot and board games", "Bring your favourite game; the spicy pot is on us.",
                "Panda Hall", "1 Renmin Road", now.plus(Duration.ofHours(2)), 3, 20, 2, List.of("food", "games"));
        take(tonight, fan, 1);
        for (int i = 0; i < Math.min(6, locals.size()); i++) {
            take(tonight, locals.get(i), 1 + i % 2);
        }

        LocalDate nextWeek = LocalDate.now(zone).plusDays(7);
        Meetup full = meetup(organiser, cityId, "Launch-day unboxing", "Unbox the new phone together. Seats are few: RSVP early.",
                "Tianfu Square Store", "Tianfu Square", nextWeek.atTime(LocalTime.of(19, 0)).atZone(zone).toInstant(), 2, 6, 0,
                List.of("launch"));
        full.offerHours = 12;
        store.update(full);
        seats.resize(full);
        for (int i = 0; i < Math.min(9, locals.size()); i++) {
            take(full, locals.get(i), 1);
        }

        List<Meetup> series = new ArrayList<>();
        for (int week = 0; week < 4; week++) {
            series.add(build(organiser, cityId, "Riverside morning run", "5 km at an easy pace, coffee afterwards.", "Anshun Bridge",
                    null, nextWeek.plusDays(week * 7L - 2).atTime(LocalTime.of(7, 30)).atZone(zone).toInstant(), 1, 30, 0, List.of("sport")));
        }
        store.insertSeries("WEEKLY", series);
        series.forEach(seats::createPools);

        if (!locals.isEmpty()) {
            Meetup proposal = build(locals.get(0), cityId, "Tea house chat", "A relaxed afternoon at the tea house. Anyone welcome.",
                    "Heming Tea House", "People's Park", nextWeek.plusDays(3).atTime(LocalTime.of(15, 0)).atZone(zone).toInstant(), 2, 12, 1,
                    List.of("tea"));
            proposal.status = Meetup.Status.PROPOSED;
            store.insert(proposal);
            seats.createPools(proposal);
        }

        Meetup past = meetup(organiser, cityId, "Autumn picnic", "Our autumn picnic by the lake.", "Wangjianglou Park", null,
                now.minus(Duration.ofDays(10)), 4, 40, 1, List.of("outdoors"));
        take(past, fan, 1);
        for (int i = 0; i < Math.min(8, locals.size()); i++) {
            take(past, locals.get(i), 1);
        }
        int stars = 5;
        for (long member : new ArrayList<>(locals.subList(0, Math.min(6, locals.size())))) {
            attendance.checkIn(past.id, member, organiser);
            attendance.rate(past.id, member, stars, stars == 5 ? "Lovely afternoon!" : "Nice, but too little shade.");
            stars = stars == 5 ? 4 : 5;
        }
        store.transition(past.id, Meetup.Status.PUBLISHED, Meetup.Status.FINISHED, null);
        store.saveRecap(past.id, "Forty of us, twelve kites and a lot of tea. Thanks for coming!",
                List.of("/plugins/meetups/demo/picnic-1.svg", "/plugins/meetups/demo/picnic-2.svg")); // shipped with the plugin
        ctx.log().info("event=meetups.demo-loaded city=" + cityId);
    }

    private Meetup meetup(long host, long cityId, String title, String description, String venue, String address, Instant start,
                          int hours, int capacity, int maxGuests, List<String> tags) {
        Meetup m = build(host, cityId, title, description, venue, address, start, hours, capacity, maxGuests, tags);
        store.insert(m);
        seats.createPools(m);
        return m;
    }

    private static Meetup build(long host, long cityId, String title, String description, String venue, String address, Instant start,
                                int hours, int capacity, int maxGuests, List<String> tags) {
        Meetup m = new Meetup();
        m.cityId = cityId;
        m.title = title;
        m.description = description;
        m.venueName = venue;
        m.venueAddress = address;
        m.startsAt = start;
        m.endsAt = start.plus(Duration.ofHours(hours));
        m.capacity = capacity;
        m.maxGuests = maxGuests;
        m.newcomerSeats = 0;
        m.kind = Meetup.Kind.FAN;
        m.status = Meetup.Status.PUBLISHED;
        m.createdBy = host;
        m.hosts = new ArrayList<>(List.of(host));
        m.tags = new ArrayList<>(tags);
        return m;
    }

    private void take(Meetup m, long member, int party) {
        ctx.signups().join(m.seatsPool(), member, party);
        attendance.ensureTicket(m.id, member, false);
    }
}
