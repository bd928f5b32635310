package org.popcorn.plugins.meetups;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A meetup as stored: times are instants; the city's time zone comes from the city. */
public class Meetup {

    /** The life of a meetup. PROPOSED and REJECTED are for fan proposals waiting for (or refused) approval. */
    public enum Status { PROPOSED, DRAFT, PUBLISHED, FINISHED, CANCELLED, REJECTED }

    /** Official meetups come out of city votes; fan meetups are organised by members. */
    public enum Kind { OFFICIAL, FAN }

    public long id;
    /** Counts up with every change: an edit made on an older version is refused (see {@code MeetupStore.update}). */
    public long version;
    public long cityId;
    public String title;
    public String description;
    public String venueName;
    public String venueAddress;
    public Instant startsAt;
    public Instant endsAt;
    public int capacity;
    public int maxGuests;
    public int newcomerSeats;
    public Integer offerHours;
    public Instant rsvpOpensAt;
    public Kind kind;
    public Status status;
    public String cancelReason;
    public String rejectReason;
    public long createdBy;
    public Long roundId;
    public Integer pledges;
    public Long seriesId;
    public String coverImageUrl;
    public String recapText;
    public Instant finishedAt;
    public List<Long> hosts = new ArrayList<>();
    public List<String> tags = new ArrayList<>();
    public List<String> recapPhotos = new ArrayList<>();

    /** Whether members can see it without managing it. */
    boolean isPublic() {
        return status == Status.PUBLISHED || status == Status.FINISHED || status == Status.CANCELLED;
    }

    /** The sign-up pool for general seats. */
    String seatsPool() {
        return "meetup-" + id;
    }

    /** The sign-up pool for the seats kept for newcomers. */
    String newcomerPool() {
        return "meetup-" + id + "-new";
    }

    /** The normalised venue name used to find clashes. */
    static String venueKey(String venueName) {
        return venueName == null ? null : venueName.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
    }
}
