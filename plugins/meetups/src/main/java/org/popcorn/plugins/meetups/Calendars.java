package org.popcorn.plugins.meetups;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.DateTime;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.Version;
import net.fortuna.ical4j.model.property.XProperty;

/**
 * iCalendar (RFC 5545) documents made with ical4j: each event carries its city's time zone (TZID plus the VTIMEZONE
 * definition), so calendar apps show the local time of the meetup wherever the reader is.
 */
final class Calendars {

    /** A meetup with its city's IANA time zone and its page address. */
    record Entry(Meetup meetup, String timeZone, String cityName, URI page) {
    }

    private static final TimeZoneRegistry REGISTRY = withPluginLoader(() -> TimeZoneRegistryFactory.getInstance().createRegistry());

    private Calendars() {
    }

    /** An iCalendar document named {@code name} with one event per entry. */
    static String document(String name, List<Entry> entries) {
        return withPluginLoader(() -> {
            Calendar cal = new Calendar();
            cal.getProperties().add(new ProdId("-//Popcorn//Meetups plugin//EN"));
            cal.getProperties().add(Version.VERSION_2_0);
            cal.getProperties().add(CalScale.GREGORIAN);
            cal.getProperties().add(Method.PUBLISH);
            cal.getProperties().add(new XProperty("X-WR-CALNAME", name));
            Map<String, TimeZone> zones = new LinkedHashMap<>();
            for (Entry e : entries) {
                TimeZone tz = zones.computeIfAbsent(e.timeZone(), REGISTRY::getTimeZone);
                if (tz == null) {
                    throw new IllegalStateException("no time zone definition for " + e.timeZone());
                }
            }
            zones.values().forEach(tz -> cal.getComponents().add(tz.getVTimeZone()));
            for (Entry e : entries) {
                cal.getComponents().add(event(e, zones.get(e.timeZone())));
            }
            StringWriter out = new StringWriter();
            try {
                new CalendarOutputter(false).output(cal, out);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return out.toString();
        });
    }

    private static VEvent event(Entry e, TimeZone tz) {
        Meetup m = e.meetup();
        DateTime start = new DateTime(Date.from(m.startsAt));
        start.setTimeZone(tz);
        DateTime end = new DateTime(Date.from(m.endsAt));
        end.setTimeZone(tz);
        VEvent ev = new VEvent(start, end, m.status == Meetup.Status.CANCELLED ? "Cancelled: " + m.title : m.title);
        ev.getProperties().add(new Uid("meetup-" + m.id + "@popcorn"));
        String where = m.venueName + (m.venueAddress == null ? "" : ", " + m.venueAddress) + ", " + e.cityName();
        ev.getProperties().add(new Location(where));
        StringBuilder text = new StringBuilder();
        if (m.description != null) {
            text.append(m.description).append("\n\n");
        }
        if (m.status == Meetup.Status.CANCELLED && m.cancelReason != null) {
            text.append("Cancelled: ").append(m.cancelReason).append("\n\n");
        }
        text.append(e.page());
        ev.getProperties().add(new Description(text.toString()));
        ev.getProperties().add(new Url(e.page()));
        ev.getProperties().add(m.status == Meetup.Status.CANCELLED ? Status.VEVENT_CANCELLED : Status.VEVENT_CONFIRMED);
        ev.getProperties().add(new LastModified(new DateTime(true)));
        return ev;
    }

    /** ical4j finds its settings and time zone files through the context class loader: let it see the plugin's jar. */
    private static <T> T withPluginLoader(java.util.function.Supplier<T> work) {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(Calendars.class.getClassLoader());
        try {
            return work.get();
        } finally {
            t.setContextClassLoader(before);
        }
    }
}
