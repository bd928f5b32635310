package org.popcorn.server.signup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A pool of places a plugin offers (seats, shifts, slots). Its row is the lock every sign-up change takes. */
@Entity
@Table(name = "signup_pool")
public class SignupPool {

    @Id
    @Column(name = "pool_key")
    private String key;

    private int capacity;
    private int taken;

    @Column(name = "next_seq")
    private long nextSeq = 1;

    @Column(name = "created_at")
    private Instant createdAt;

    /** Null: freed seats confirm the head of the line at once; else they are offered to it for this many seconds. */
    @Column(name = "offer_seconds")
    private Integer offerSeconds;

    @Column(name = "starts_at")
    private Instant startsAt;

    @Column(name = "ends_at")
    private Instant endsAt;

    private String zone;

    @Column(name = "exclusive_time")
    private boolean exclusive;

    /** Free time, in seconds, a member keeps between this exclusive place and their others; null: none. */
    @Column(name = "min_rest_seconds")
    private Integer minRestSeconds;

    private String title;

    @Column(name = "min_level")
    private Integer minLevel;

    @Column(name = "privilege_code")
    private String privilege;

    private String qualification;

    private boolean closed;

    protected SignupPool() {
    }

    SignupPool(String key, int capacity, Instant now) {
        this.key = key;
        this.capacity = capacity;
        this.createdAt = now;
    }

    /** Whether a party of this size fits in the free seats. */
    boolean fits(int party) {
        return taken + party <= capacity;
    }

    void take(int party) {
        taken += party;
    }

    void release(int party) {
        taken -= party;
    }

    long nextSeq() {
        return nextSeq++;
    }

    void capacity(int capacity) {
        this.capacity = capacity;
    }

    void offerSeconds(Integer seconds) {
        this.offerSeconds = seconds;
    }

    /** Seconds an offer lasts, or null for instant promotion. */
    public Integer offerSeconds() {
        return offerSeconds;
    }

    public String key() {
        return key;
    }

    public int capacity() {
        return capacity;
    }

    public int taken() {
        return taken;
    }

    /** Sets the pool's time, title and rules (see {@link org.popcorn.api.Signups.PoolSpec}); refuses an impossible time. */
    void define(org.popcorn.api.Signups.PoolSpec spec) {
        if ((spec.startsAt() == null) != (spec.endsAt() == null)) {
            throw org.popcorn.server.common.ProblemException.unprocessable("A timed place has both a start and an end.",
                    spec.startsAt() == null ? "startsAt" : "endsAt").withCode("signup.time-incomplete");
        }
        if (spec.startsAt() != null && !spec.endsAt().isAfter(spec.startsAt())) {
            throw org.popcorn.server.common.ProblemException.unprocessable("A place ends after it starts.", "endsAt").withCode("signup.ends-before-start");
        }
        if (spec.exclusive() && spec.startsAt() == null) {
            throw org.popcorn.server.common.ProblemException.unprocessable("An exclusive place needs a start and an end.", "startsAt").withCode("signup.exclusive-needs-time");
        }
        java.time.Duration rest = spec.minRest();
        if (rest != null && (rest.isNegative() || rest.compareTo(org.popcorn.api.Signups.PoolSpec.MAX_REST) > 0)) {
            throw org.popcorn.server.common.ProblemException.unprocessable("A rest between places is 0 to 24 hours.", "minRest").withCode("signup.rest-too-long");
        }
        if (rest != null && !rest.isZero() && !spec.exclusive()) {
            throw org.popcorn.server.common.ProblemException.unprocessable("Only an exclusive place can ask for a rest around it.", "minRest").withCode("signup.rest-needs-exclusive");
        }
        if (spec.title() != null && spec.title().length() > 200) {
            throw org.popcorn.server.common.ProblemException.unprocessable("A title has at most 200 characters.", "title").withCode("signup.title-too-long");
        }
        this.startsAt = spec.startsAt();
        this.endsAt = spec.endsAt();
        this.zone = spec.zone() == null ? null : spec.zone().getId();
        this.exclusive = spec.exclusive();
        this.minRestSeconds = rest == null || rest.isZero() ? null : (int) rest.toSeconds();
        this.title = spec.title();
        org.popcorn.api.Signups.Eligibility e = spec.eligibility() == null ? org.popcorn.api.Signups.Eligibility.ANYONE : spec.eligibility();
        this.minLevel = e.minLevel();
        this.privilege = e.privilege();
        this.qualification = e.qualification();
        this.closed = spec.closed();
    }

    void close() {
        this.closed = true;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    /** The zone id people read this pool's times in, or null. */
    public String zone() {
        return zone;
    }

    public boolean exclusive() {
        return exclusive;
    }

    /** The free time a member keeps between this place and their other exclusive places (zero: none). */
    public java.time.Duration minRest() {
        return minRestSeconds == null ? java.time.Duration.ZERO : java.time.Duration.ofSeconds(minRestSeconds);
    }

    public String title() {
        return title;
    }

    public boolean closed() {
        return closed;
    }

    public org.popcorn.api.Signups.Eligibility eligibility() {
        return new org.popcorn.api.Signups.Eligibility(minLevel, privilege, qualification);
    }

    /** The pool's whole set-up, as {@link org.popcorn.api.Signups#define} took it. */
    public org.popcorn.api.Signups.PoolSpec spec() {
        return new org.popcorn.api.Signups.PoolSpec(capacity, offerSeconds == null ? null : java.time.Duration.ofSeconds(offerSeconds),
                startsAt, endsAt, zone == null ? null : java.time.ZoneId.of(zone), exclusive, title, eligibility(), closed,
                minRestSeconds == null ? null : java.time.Duration.ofSeconds(minRestSeconds));
    }

    /** Whether this pool's time overlaps [start, end). */
    boolean overlaps(Instant start, Instant end) {
        return startsAt != null && startsAt.isBefore(end) && endsAt.isAfter(start);
    }
}
