package org.popcorn.plugins.meetups;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a host sends to create or change a meetup. Times are either instants ({@code startsAt}, {@code endsAt},
 * {@code rsvpOpensAt}) or local date-times in the city's time zone ({@code startsLocal}, {@code endsLocal},
 * {@code rsvpOpensLocal}, e.g. {@code 2026-12-24T19:00}). On a change (PATCH) absent fields stay as they are.
 */
public class MeetupForm {
    @Schema(description = "The city it happens in (the city catalogue's id); its time zone governs the local times")
    public Long cityId;
    public String title;
    public String description;
    public String venueName;
    public String venueAddress;
    @Schema(format = "date-time", description = "Start as an ISO-8601 instant; or give startsLocal")
    public String startsAt;
    @Schema(format = "date-time", description = "End as an ISO-8601 instant; or give endsLocal")
    public String endsAt;
    @Schema(description = "Start in the city's local time, ISO-8601 without offset (2027-03-06T19:00)", example = "2027-03-06T19:00")
    public String startsLocal;
    @Schema(description = "End in the city's local time, ISO-8601 without offset", example = "2027-03-06T22:00")
    public String endsLocal;
    @Schema(format = "date-time", description = "When RSVPs open, as an ISO-8601 instant (default: on publishing)")
    public String rsvpOpensAt;
    @Schema(description = "When RSVPs open, in the city's local time")
    public String rsvpOpensLocal;
    @Schema(description = "Seats, guests included (1 to 100000)")
    public Integer capacity;
    @Schema(description = "On an edit: the version the host saw (from the meetup's view). When another change came first, the edit is "
            + "refused with 409 meetups.edited-meanwhile instead of overwriting it")
    public Long version;
    @Schema(description = "Guests a member may bring (0 to 10)")
    public Integer maxGuests;
    @Schema(description = "Seats kept for members at their first meetup (0 to the capacity)")
    public Integer newcomerSeats;
    /** Hours a freed seat is offered to the next in line; null or 0: promote at once. */
    public Integer offerHours;
    @Schema(enumeration = {"OFFICIAL", "FAN"}, description = "OFFICIAL (organisers only) or FAN")
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
        @Schema(enumeration = {"WEEKLY", "MONTHLY"})
        public String frequency;
        public Integer count;
    }
}
