package org.popcorn.plugins.meetups;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.popcorn.api.Cities;
import org.popcorn.api.PluginContext;
import org.popcorn.api.PluginProblem;
import org.popcorn.api.Signups;

/** The iCalendar feeds: one public meetup, a city's public meetups, and a member's private feed of their seats. */
class CalendarService {

    private final PluginContext ctx;
    private final MeetupStore store;
    private final AttendanceStore attendance;
    private final SeatService seats;

    CalendarService(PluginContext ctx, MeetupStore store, AttendanceStore attendance, SeatService seats) {
        this.ctx = ctx;
        this.store = store;
        this.attendance = attendance;
        this.seats = seats;
    }

    String meetup(long id, URI site) {
        Meetup m = store.get(id);
        if (!m.isPublic()) {
            throw PluginProblem.notFound("No meetup with id " + id + ".").withCode("meetups.meetup-not-found");
        }
        return Calendars.document(m.title, List.of(entry(m, site)));
    }

    /** A city's published, finished and cancelled meetups from 30 days ago on (cancelled ones stay, marked, for subscribers). */
    String city(long cityId, URI site) {
        Cities.CityInfo city = ctx.cities().byId(cityId).orElseThrow(() -> PluginProblem.notFound("No city with id " + cityId + ".").withCode("meetups.city-not-found"));
        MeetupStore.Filter f = new MeetupStore.Filter();
        f.cityIds = List.of(cityId);
        f.statuses = EnumSet.of(Meetup.Status.PUBLISHED, Meetup.Status.FINISHED, Meetup.Status.CANCELLED);
        f.from = Instant.now(ctx.clock()).minus(Duration.ofDays(30));
        return Calendars.document("Meetups in " + city.name(), store.list(f, 0, 500).items().stream().map(m -> entry(m, site)).toList());
    }

    /** The meetups where the owner of a private feed token holds seats (confirmed or offered). */
    String member(String token, URI site) {
        long member = attendance.feedOwner(token).orElseThrow(() -> PluginProblem.notFound("This calendar address is not valid (any more).").withCode("meetups.feed-not-found"));
        List<Calendars.Entry> entries = new ArrayList<>();
        for (long id : attendance.ticketMeetups(member, 0, 500)) {
            Meetup m = store.get(id);
            if (m.isPublic() && seats.placeOf(m, member).filter(p -> p.status() != Signups.Status.WAITING).isPresent()) {
                entries.add(entry(m, site));
            }
        }
        return Calendars.document("My meetups", entries);
    }

    private Calendars.Entry entry(Meetup m, URI site) {
        Cities.CityInfo city = ctx.cities().byId(m.cityId).orElseThrow();
        return new Calendars.Entry(m, city.timeZone(), city.name(), site.resolve(MeetupsExtension.link(m.id).substring(1)));
    }
}
