package org.popcorn.server.signup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.popcorn.api.Signups;

/** A member's place in a pool: confirmed, or waiting in order of {@code seq}. */
@Entity
@Table(name = "signup_place")
@IdClass(SignupPlace.Key.class)
public class SignupPlace {

    @Id
    @Column(name = "pool_key")
    private String poolKey;

    @Id
    @Column(name = "member_id")
    private Long memberId;

    @Column(name = "party_size")
    private int partySize;

    @Enumerated(EnumType.STRING)
    private Signups.Status status;

    private long seq;

    @Column(name = "joined_at")
    private Instant joinedAt;

    @Column(name = "offer_expires_at")
    private Instant offerExpiresAt;

    protected SignupPlace() {
    }

    SignupPlace(String poolKey, long memberId, int partySize, Signups.Status status, long seq, Instant now) {
        this.poolKey = poolKey;
        this.memberId = memberId;
        this.partySize = partySize;
        this.status = status;
        this.seq = seq;
        this.joinedAt = now;
    }

    /** Confirms a waiting place; {@code seq} becomes its order among the confirmed. */
    void confirm(long seq) {
        this.status = Signups.Status.CONFIRMED;
        this.seq = seq;
        this.offerExpiresAt = null;
    }

    /** Offers the seats to a waiting place until {@code until}; it keeps its place in the line's order. */
    void offer(Instant until) {
        this.status = Signups.Status.OFFERED;
        this.offerExpiresAt = until;
    }

    /** When an offer runs out; null unless offered. */
    public Instant offerExpiresAt() {
        return offerExpiresAt;
    }

    public String poolKey() {
        return poolKey;
    }

    public Long memberId() {
        return memberId;
    }

    public int partySize() {
        return partySize;
    }

    public Signups.Status status() {
        return status;
    }

    public long seq() {
        return seq;
    }

    /** Composite key. */
    public static class Key implements Serializable {
        public String poolKey;
        public Long memberId;

        public Key() {
        }

        public Key(String poolKey, Long memberId) {
            this.poolKey = poolKey;
            this.memberId = memberId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(poolKey, k.poolKey) && Objects.equals(memberId, k.memberId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(poolKey, memberId);
        }
    }
}
