package org.popcorn.server.voting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * The candidate cities of a round. Their votes and pledges are kept by {@link RoundTallies}, in shards.
 */
public final class Tallies {

    private Tallies() {
    }

    /** A candidate city of a round. */
    @Entity(name = "RoundCandidate")
    @Table(name = "round_candidate")
    @IdClass(CandidateKey.class)
    public static class Candidate {
        @Id
        @Column(name = "round_id")
        private Long roundId;

        @Id
        @Column(name = "city_id")
        private Long cityId;

        @Column(name = "added_at")
        private Instant addedAt;

        protected Candidate() {
        }

        public Candidate(long roundId, long cityId, Instant addedAt) {
            this.roundId = roundId;
            this.cityId = cityId;
            this.addedAt = addedAt;
        }

        public Long cityId() {
            return cityId;
        }

        public Instant addedAt() {
            return addedAt;
        }
    }

    /** Key of {@link Candidate}. */
    public static class CandidateKey implements Serializable {
        public Long roundId;
        public Long cityId;

        public CandidateKey() {
        }

        public CandidateKey(Long roundId, Long cityId) {
            this.roundId = roundId;
            this.cityId = cityId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CandidateKey k && Objects.equals(roundId, k.roundId) && Objects.equals(cityId, k.cityId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(roundId, cityId);
        }
    }
}
