package org.popcorn.server.voting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The running totals of a round — ballots, each candidate's votes and pledges, each size bracket, new ballots per
 * hour — kept in {@value #SHARDS} shards (migration V12). A ballot belongs to its member's shard: its transaction
 * first locks that shard's gate row ({@link #lockShard}) and then changes only that shard's rows, so ballots of
 * different members are applied side by side while one member's ballots still go one after the other. Closing a round
 * locks every gate ({@link #lockAll}): it waits for the ballots in flight, and a ballot that arrives after it finds the
 * round closed once it holds its gate. A total is the sum over the shards, read without locks (MVCC), so results
 * never wait on ballots and cost O(candidates × shards), never O(ballots).
 *
 * <p>All statements run on the caller's transaction (JPA's connection).
 */
@ApplicationScoped
public class RoundTallies {

    /** The number of shards; the rows of {@code tally_shard} are 0..SHARDS-1. */
    public static final int SHARDS = 32;

    @PersistenceContext(unitName = "popcorn")
    EntityManager em;

    /** The shard a member's ballots belong to. */
    static int shardOf(long memberId) {
        return (int) Math.floorMod(memberId, (long) SHARDS);
    }

    /** The hour an instant falls in, counted from 1970-01-01T00:00Z. */
    static long hourOf(Instant t) {
        return Math.floorDiv(t.getEpochSecond(), 3600L);
    }

    /** Creates a round's rows of every shard when it opens (its candidates and brackets are fixed from then on). */
    void prepare(long roundId, Collection<Integer> brackets) {
        em.createNativeQuery("insert into round_shard (round_id, shard, ballots) select ?1, n, 0 from tally_shard")
                .setParameter(1, roundId).executeUpdate();
        em.createNativeQuery("insert into round_candidate_shard (round_id, city_id, shard, votes, pledges) "
                        + "select c.round_id, c.city_id, s.n, 0, 0 from round_candidate c cross join tally_shard s where c.round_id = ?1")
                .setParameter(1, roundId).executeUpdate();
        for (int size : brackets) {
            em.createNativeQuery("insert into round_size_shard (round_id, size, shard, ballots) select ?1, ?2, n, 0 from tally_shard")
                    .setParameter(1, roundId).setParameter(2, size).executeUpdate();
        }
    }

    /**
     * Locks a shard's gate until the transaction ends. False when the round has no shard rows (it never opened).
     */
    boolean lockShard(long roundId, int shard) {
        return em.createNativeQuery("update round_shard set ballots = ballots where round_id = ?1 and shard = ?2")
                .setParameter(1, roundId).setParameter(2, shard).executeUpdate() == 1;
    }

    /** Locks every gate of a round until the transaction ends: no ballot is in flight after this returns. */
    void lockAll(long roundId) {
        em.createNativeQuery("update round_shard set ballots = ballots where round_id = ?1").setParameter(1, roundId).executeUpdate();
    }

    /** Counts a new ballot in its shard (the gate is held). */
    void countNewBallot(long roundId, int shard, Instant at) {
        em.createNativeQuery("update round_shard set ballots = ballots + 1 where round_id = ?1 and shard = ?2")
                .setParameter(1, roundId).setParameter(2, shard).executeUpdate();
        long hour = hourOf(at);
        int updated = em.createNativeQuery("update round_turnout_shard set ballots = ballots + 1 "
                        + "where round_id = ?1 and hour_index = ?2 and shard = ?3")
                .setParameter(1, roundId).setParameter(2, hour).setParameter(3, shard).executeUpdate();
        if (updated == 0) { // the first new ballot of this shard in this hour; the held gate rules out a second insert
            em.createNativeQuery("insert into round_turnout_shard (round_id, hour_index, shard, ballots) values (?1, ?2, ?3, 1)")
                    .setParameter(1, roundId).setParameter(2, hour).setParameter(3, shard).executeUpdate();
        }
    }

    /** Adds (sign +1) or removes (sign -1) a ballot's content in its shard (the gate is held). */
    void add(long roundId, int shard, Collection<Long> choices, int size, boolean pledge, int sign) {
        for (Long cityId : choices) {
            int updated = em.createNativeQuery("update round_candidate_shard set votes = votes + ?1, pledges = pledges + ?2 "
                            + "where round_id = ?3 and city_id = ?4 and shard = ?5")
                    .setParameter(1, sign).setParameter(2, pledge ? sign : 0).setParameter(3, roundId)
                    .setParameter(4, cityId).setParameter(5, shard).executeUpdate();
            if (updated != 1) {
                throw new IllegalStateException("round " + roundId + " has no tally of city " + cityId + " in shard " + shard);
            }
        }
        int updated = em.createNativeQuery("update round_size_shard set ballots = ballots + ?1 where round_id = ?2 and size = ?3 and shard = ?4")
                .setParameter(1, sign).setParameter(2, roundId).setParameter(3, size).setParameter(4, shard).executeUpdate();
        if (updated != 1) {
            throw new IllegalStateException("round " + roundId + " has no tally of size " + size + " in shard " + shard);
        }
    }

    // ---- totals (sums over the shards, read without locks) -----------------------------------------------------------

    /** How many members have a ballot in the round. */
    public int ballots(long roundId) {
        Object n = em.createNativeQuery("select coalesce(sum(ballots), 0) from round_shard where round_id = ?1")
                .setParameter(1, roundId).getSingleResult();
        return ((Number) n).intValue();
    }

    /** A candidate's totals. */
    public record CandidateTotal(long cityId, int votes, int pledges) {
    }

    /** Votes and pledges by candidate city (cities without a vote are absent). */
    public Map<Long, CandidateTotal> candidates(long roundId) {
        Map<Long, CandidateTotal> out = new HashMap<>();
        for (Object row : em.createNativeQuery("select city_id, sum(votes), sum(pledges) from round_candidate_shard "
                + "where round_id = ?1 group by city_id").setParameter(1, roundId).getResultList()) {
            Object[] r = (Object[]) row;
            long city = ((Number) r[0]).longValue();
            out.put(city, new CandidateTotal(city, ((Number) r[1]).intValue(), ((Number) r[2]).intValue()));
        }
        return out;
    }

    /** Ballots by size bracket, for the round's brackets (0 where none), in the brackets' order: [size, ballots]. */
    public List<int[]> sizes(long roundId, List<Integer> brackets) {
        Map<Integer, Integer> counted = new HashMap<>();
        for (Object row : em.createNativeQuery("select size, sum(ballots) from round_size_shard where round_id = ?1 group by size")
                .setParameter(1, roundId).getResultList()) {
            Object[] r = (Object[]) row;
            counted.put(((Number) r[0]).intValue(), ((Number) r[1]).intValue());
        }
        List<int[]> out = new ArrayList<>();
        for (int size : brackets) {
            out.add(new int[] {size, counted.getOrDefault(size, 0)});
        }
        return out;
    }

    /** New ballots per hour, in order: the hour's start and its count. */
    public record HourCount(Instant hourStart, int ballots) {
    }

    public List<HourCount> turnout(long roundId) {
        List<HourCount> out = new ArrayList<>();
        for (Object row : em.createNativeQuery("select hour_index, sum(ballots) from round_turnout_shard where round_id = ?1 "
                + "group by hour_index order by hour_index").setParameter(1, roundId).getResultList()) {
            Object[] r = (Object[]) row;
            out.add(new HourCount(Instant.EPOCH.plus(Duration.ofHours(((Number) r[0]).longValue())), ((Number) r[1]).intValue()));
        }
        return out;
    }
}
