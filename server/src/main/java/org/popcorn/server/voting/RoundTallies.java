package org.popcorn.server.voting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.popcorn.server.city.City;
import org.popcorn.server.city.CityService;

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

    @Inject
    CityService cities;

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
        em.flush(); // the round and its candidates exist in the database before rows refer to them
        sql("insert into round_shard (round_id, shard, ballots) select ?1, n, 0 from tally_shard")
                .setParameter(1, roundId).executeUpdate();
        sql("insert into round_candidate_shard (round_id, city_id, shard, votes, pledges) "
                        + "select c.round_id, c.city_id, s.n, 0, 0 from round_candidate c cross join tally_shard s where c.round_id = ?1")
                .setParameter(1, roundId).executeUpdate();
        for (int size : brackets) {
            sql("insert into round_size_shard (round_id, size, shard, ballots) select ?1, ?2, n, 0 from tally_shard")
                    .setParameter(1, roundId).setParameter(2, size).executeUpdate();
        }
    }

    /**
     * Locks a shard's gate until the transaction ends. False when the round has no shard rows (it never opened).
     */
    boolean lockShard(long roundId, int shard) {
        return sql("update round_shard set ballots = ballots where round_id = ?1 and shard = ?2")
                .setParameter(1, roundId).setParameter(2, shard).executeUpdate() == 1;
    }

    /** Locks every gate of a round until the transaction ends: no ballot is in flight after this returns. */
    void lockAll(long roundId) {
        sql("update round_shard set ballots = ballots where round_id = ?1").setParameter(1, roundId).executeUpdate();
    }

    /**
     * Applies what a batch of ballots changed in one shard (its gate is held): each candidate and bracket whose count
     * moves is updated once, in as few statements as there are different changes, and the new ballots are counted in
     * the shard and in their hour.
     */
    void apply(long roundId, int shard, Delta d) {
        Map<List<Integer>, List<Long>> byDelta = new HashMap<>(); // [votes, pledges] delta -> cities
        d.cities.forEach((city, change) -> {
            if (change[0] != 0 || change[1] != 0) {
                byDelta.computeIfAbsent(List.of(change[0], change[1]), k -> new ArrayList<>()).add(city);
            }
        });
        for (Map.Entry<List<Integer>, List<Long>> e : byDelta.entrySet()) {
            List<Long> ids = e.getValue();
            StringBuilder in = new StringBuilder();
            for (int i = 0; i < ids.size(); i++) {
                in.append(i == 0 ? "" : ", ").append('?').append(5 + i);
            }
            var q = sql("update round_candidate_shard set votes = votes + ?1, pledges = pledges + ?2 "
                    + "where round_id = ?3 and shard = ?4 and city_id in (" + in + ")")
                    .setParameter(1, e.getKey().get(0)).setParameter(2, e.getKey().get(1)).setParameter(3, roundId).setParameter(4, shard);
            for (int i = 0; i < ids.size(); i++) {
                q.setParameter(5 + i, ids.get(i));
            }
            if (q.executeUpdate() != ids.size()) {
                throw new IllegalStateException("round " + roundId + " lacks a tally of one of " + ids + " in shard " + shard);
            }
        }
        for (Map.Entry<Integer, Integer> e : d.sizes.entrySet()) {
            if (e.getValue() != 0 && sql("update round_size_shard set ballots = ballots + ?1 where round_id = ?2 and shard = ?3 and size = ?4")
                    .setParameter(1, e.getValue()).setParameter(2, roundId).setParameter(3, shard).setParameter(4, e.getKey())
                    .executeUpdate() != 1) {
                throw new IllegalStateException("round " + roundId + " lacks a tally of size " + e.getKey() + " in shard " + shard);
            }
        }
        int created = d.newByHour.values().stream().mapToInt(Integer::intValue).sum();
        if (created > 0) {
            sql("update round_shard set ballots = ballots + ?1 where round_id = ?2 and shard = ?3")
                    .setParameter(1, created).setParameter(2, roundId).setParameter(3, shard).executeUpdate();
        }
        for (Map.Entry<Long, Integer> e : d.newByHour.entrySet()) {
            int updated = sql("update round_turnout_shard set ballots = ballots + ?1 "
                            + "where round_id = ?2 and hour_index = ?3 and shard = ?4")
                    .setParameter(1, e.getValue()).setParameter(2, roundId).setParameter(3, e.getKey()).setParameter(4, shard).executeUpdate();
            if (updated == 0) { // the first new ballots of this shard in this hour; the held gate rules out a second insert
                sql("insert into round_turnout_shard (round_id, hour_index, shard, ballots) values (?1, ?2, ?3, ?4)")
                        .setParameter(1, roundId).setParameter(2, e.getKey()).setParameter(3, shard).setParameter(4, e.getValue()).executeUpdate();
            }
        }
    }

    /** What ballots changed in one shard's totals, summed up before any of it is written. */
    static final class Delta {
        private final Map<Long, int[]> cities = new java.util.TreeMap<>(); // city -> [votes, pledges]
        private final Map<Integer, Integer> sizes = new java.util.TreeMap<>();
        private final Map<Long, Integer> newByHour = new java.util.TreeMap<>();

        /** A ballot's content moved from {@code before} (null for a new ballot) to {@code now}. */
        void add(Content before, Content now) {
            move(now, +1);
            if (before != null) {
                move(before, -1);
            }
        }

        private void move(Content c, int sign) {
            for (Long city : c.choices()) {
                int[] change = cities.computeIfAbsent(city, k -> new int[2]);
                change[0] += sign;
                change[1] += c.pledge() ? sign : 0;
            }
            sizes.merge(c.size(), sign, Integer::sum);
        }

        /** A member's first ballot in the round, cast at {@code at}. */
        void newBallot(Instant at) {
            newByHour.merge(hourOf(at), 1, Integer::sum);
        }
    }

    /** What a ballot counts: its cities, its size bracket, its pledge. */
    record Content(java.util.Set<Long> choices, int size, boolean pledge) {
    }

    /**
     * A statement on the transaction's connection that does not first flush the persistence context: the tally rows
     * are not entities, and flushing every managed entity before each of them was most of a ballot's cost.
     */
    private jakarta.persistence.Query sql(String sql) {
        return em.createNativeQuery(sql).setFlushMode(jakarta.persistence.FlushModeType.COMMIT);
    }

    // ---- totals (sums over the shards, read without locks) -----------------------------------------------------------

    /** How many members have a ballot in the round. */
    public int ballots(long roundId) {
        Object n = sql("select coalesce(sum(ballots), 0) from round_shard where round_id = ?1")
                .setParameter(1, roundId).getSingleResult();
        return ((Number) n).intValue();
    }

    /** Each candidate's votes and pledges as they stand, in the order of {@code candidates}. */
    public List<ResultRules.Total> totals(long roundId, List<Tallies.Candidate> candidates) {
        Map<Long, int[]> counted = new HashMap<>(); // city -> [votes, pledges]
        for (Object row : sql("select city_id, sum(votes), sum(pledges) from round_candidate_shard "
                + "where round_id = ?1 group by city_id").setParameter(1, roundId).getResultList()) {
            Object[] r = (Object[]) row;
            counted.put(((Number) r[0]).longValue(), new int[] {((Number) r[1]).intValue(), ((Number) r[2]).intValue()});
        }
        List<ResultRules.Total> totals = new ArrayList<>();
        for (Tallies.Candidate c : candidates) {
            City city = cities.get(c.cityId());
            int[] t = counted.getOrDefault(c.cityId(), new int[2]);
            totals.add(new ResultRules.Total(c.cityId(), city.name(), t[0], t[1], city.population()));
        }
        return totals;
    }

    /** Ballots by size bracket, for the round's brackets (0 where none), in the brackets' order: [size, ballots]. */
    public List<int[]> sizes(Round round) {
        long roundId = round.id();
        List<Integer> brackets = round.sizeBrackets();
        Map<Integer, Integer> counted = new HashMap<>();
        for (Object row : sql("select size, sum(ballots) from round_size_shard where round_id = ?1 group by size")
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
        for (Object row : sql("select hour_index, sum(ballots) from round_turnout_shard where round_id = ?1 "
                + "group by hour_index order by hour_index").setParameter(1, roundId).getResultList()) {
            Object[] r = (Object[]) row;
            out.add(new HourCount(Instant.EPOCH.plus(Duration.ofHours(((Number) r[0]).longValue())), ((Number) r[1]).intValue()));
        }
        return out;
    }
}
