package org.popcorn.server.voting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A city proposed during nomination, with its number of supporters (the proposer counts as the first). */
@Entity
@Table(name = "round_nomination")
@IdClass(Tallies.CandidateKey.class)
public class Nomination {

    @Id
    @Column(name = "round_id")
    private Long roundId;

    @Id
    @Column(name = "city_id")
    private Long cityId;

    @Column(name = "proposed_by")
    private Long proposedBy;

    @Column(name = "proposed_at")
    private Instant proposedAt;

    private int supporters;

    protected Nomination() {
    }

    public Nomination(long roundId, long cityId, long proposedBy, Instant proposedAt) {
        this.roundId = roundId;
        this.cityId = cityId;
        this.proposedBy = proposedBy;
        this.proposedAt = proposedAt;
    }

    void addSupporter() {
        supporters++;
    }

    public Long cityId() {
        return cityId;
    }

    public int supporters() {
        return supporters;
    }

    public Instant proposedAt() {
        return proposedAt;
    }

    /** A member's support for a nomination: once per member and city. */
    @Entity(name = "NominationSupport")
    @Table(name = "round_nomination_support")
    @IdClass(Support.Key.class)
    public static class Support {
        @Id
        @Column(name = "round_id")
        private Long roundId;

        @Id
        @Column(name = "city_id")
        private Long cityId;

        @Id
        @Column(name = "member_id")
        private Long memberId;

        protected Support() {
        }

        public Support(long roundId, long cityId, long memberId) {
            this.roundId = roundId;
            this.cityId = cityId;
            this.memberId = memberId;
        }

        /** Key. */
        public static class Key implements Serializable {
            public Long roundId;
            public Long cityId;
            public Long memberId;

            public Key() {
            }

            public Key(Long roundId, Long cityId, Long memberId) {
                this.roundId = roundId;
                this.cityId = cityId;
                this.memberId = memberId;
            }

            @Override
            public boolean equals(Object o) {
                return o instanceof Key k && Objects.equals(roundId, k.roundId) && Objects.equals(cityId, k.cityId)
                        && Objects.equals(memberId, k.memberId);
            }

            @Override
            public int hashCode() {
                return Objects.hash(roundId, cityId, memberId);
            }
        }
    }
}
