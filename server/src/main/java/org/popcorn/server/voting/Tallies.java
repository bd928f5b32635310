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
 * The running totals of a round, kept in the same transaction as each ballot (under the round's row lock), so
 * reading results costs O(candidates + brackets), never O(ballots).
 */
public final class Tallies {

    private Tallies() {
    }

    /** A candidate city with its votes and pledges. */
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

        private int votes;
        private int pledges;

        @Column(name = "added_at")
        private Instant addedAt;

        protected Candidate() {
        }

        public Candidate(long roundId, long cityId, Instant addedAt) {
            this.roundId = roundId;
            this.cityId = cityId;
            this.addedAt = addedAt;
        }

        void add(int voteDelta, int pledgeDelta) {
            votes += voteDelta;
            pledges += pledgeDelta;
        }

        public Long cityId() {
            return cityId;
        }

        public int votes() {
            return votes;
        }

        public int pledges() {
            return pledges;
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

    /** How many current ballots chose one size bracket. */
    @Entity(name = "RoundSize")
    @Table(name = "round_size_tally")
    @IdClass(SizeKey.class)
    public static class Size {
        @Id
        @Column(name = "round_id")
        private Long roundId;

        @Id
        private Integer size;

        private int ballots;

        protected Size() {
        }

        public Size(long roundId, int size) {
            this.roundId = roundId;
            this.size = size;
        }

        void add(int delta) {
            ballots += delta;
        }

        public int size() {
            return size;
        }

        public int ballots() {
            return ballots;
        }
    }

    /** Key of {@link Size}. */
    public static class SizeKey implements Serializable {
        public Long roundId;
        public Integer size;

        public SizeKey() {
        }

        public SizeKey(Long roundId, Integer size) {
            this.roundId = roundId;
            this.size = size;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SizeKey k && Objects.equals(roundId, k.roundId) && Objects.equals(size, k.size);
        }

        @Override
        public int hashCode() {
            return Objects.hash(roundId, size);
        }
    }

    /** New ballots in one hour (turnout over time). */
    @Entity(name = "RoundTurnout")
    @Table(name = "round_turnout")
    @IdClass(TurnoutKey.class)
    public static class Turnout {
        @Id
        @Column(name = "round_id")
        private Long roundId;

        @Id
        @Column(name = "hour_start")
        private Instant hourStart;

        private int ballots;

        protected Turnout() {
        }

        public Turnout(long roundId, Instant hourStart) {
            this.roundId = roundId;
            this.hourStart = hourStart;
        }

        void add() {
            ballots++;
        }

        public Instant hourStart() {
            return hourStart;
        }

        public int ballots() {
            return ballots;
        }
    }

    /** Key of {@link Turnout}. */
    public static class TurnoutKey implements Serializable {
        public Long roundId;
        public Instant hourStart;

        public TurnoutKey() {
        }

        public TurnoutKey(Long roundId, Instant hourStart) {
            this.roundId = roundId;
            this.hourStart = hourStart;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TurnoutKey k && Objects.equals(roundId, k.roundId) && Objects.equals(hourStart, k.hourStart);
        }

        @Override
        public int hashCode() {
            return Objects.hash(roundId, hourStart);
        }
    }
}
