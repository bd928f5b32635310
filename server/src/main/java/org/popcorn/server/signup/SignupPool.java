package org.popcorn.server.signup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A pool of seats (a meetup, a shift, a booth slot). Its row is the lock every sign-up change takes. */
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
}
