package org.popcorn.plugins.meetups;

import java.util.List;

/**
 * What a host sends to create or change a meetup. Times are either instants ({@code startsAt}, {@code endsAt},
 * {@code rsvpOpensAt}) or local date-times in the city's time zone ({@code startsLocal}, {@code endsLocal},
 * {@code rsvpOpensLocal}, e.g. {@code 2026-12-24T19:00}). On a change (PATCH) absent fields stay as they are.
 */
public class MeetupForm {
    public Long cityId;
    public String title;
    public String description;
    public String venueName;
    public String venueAddress;
    public String startsAt;
    public String endsAt;
    public String startsLocal;
    public String endsLocal;
    public String rsvpOpensAt;
    public String rsvpOpensLocal;
    public Integer capacity;
    public Integer maxGuests;
    public Integer newcomerSeats;
    /** Hours a freed seat is offered to the next in line; null or 0: promote at once. */
    public Integer offerHours;
    public String kind;
    public List<String> tags;
    public String coverImageUrl;
    /** Co-hosts by handle; the creator is always a host. */
    public List<String> hostHandles;
    /** Organisers and trusted hosts: publish at once instead of keeping a draft. */
    public Boolean publish;
    /** Makes a series: one meetup per week or month at the same local time. */
    public Repeat repeat;

    /** A series: {@code frequency} WEEKLY or MONTHLY, {@code count} occurrences (2 to 52). */
    public static class Repeat {
        public String frequency;
        public Integer count;
    }
}
