package org.popcorn.server.voting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import org.popcorn.api.CoreEvents;
import org.popcorn.api.Message;
import org.popcorn.server.common.ProblemException;
import org.popcorn.server.event.DomainEvents;
import org.popcorn.server.points.PointsService;
import org.popcorn.server.points.RewardsService;

/**
 * Applies validated ballots in one transaction (see {@link BallotWriter}): it takes the tally gates the ballots
 * need, in one order (round, then shard) so that two batches and a close never wait for each other in a circle; reads
 * each round's state now that no close can be in flight, and refuses the ballots of a round that stopped accepting;
 * writes each ballot (one member's several ballots in the order they came), pays a first ballot's points and
 * publishes its event, and writes what all of them changed in each shard's totals with one statement per change.
 */
@ApplicationScoped
public class BallotBatch {

    private static final Logger LOG = Logger.getLogger(BallotBatch.class.getName());

    @PersistenceContext(unitName = "popcorn")
    EntityManager em;

    @Inject
    RoundService rounds;

    @Inject
    RoundTallies tallies;

    @Inject
    PointsService points;

    @Inject
    RewardsService rewards;

    @Inject
    DomainEvents events;

    /** A validated ballot waiting to be written, where its outcome goes, and the thread that waits for it. */
    public record Command(long roundId, long memberId, String roundTitle, Set<Long> choices, int size, boolean pledge,
                          Instant at, CompletableFuture<BallotService.Cast> outcome, Thread writer) {
        public Command {
            choices = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(choices));
        }

        Command(long roundId, long memberId, String roundTitle, Set<Long> choices, int size, boolean pledge, Instant at) {
            this(roundId, memberId, roundTitle, choices, size, pledge, at, new CompletableFuture<>(), Thread.currentThread());
        }

        int shard() {
            return RoundTallies.shardOf(memberId);
        }
    }

    /** A command's outcome: what it did, or why it was refused (the batch commits the others). */
    public record Result(BallotService.Cast cast, RuntimeException refusal) {
    }

    /** Applies the commands in a transaction of their own, committed when this returns. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Result> apply(List<Command> commands) {
        return run(commands);
    }

    /** Applies one command in the caller's transaction; a refusal is thrown. */
    @Transactional(Transactional.TxType.MANDATORY)
    public BallotService.Cast applyJoined(Command command) {
        Result r = run(List.of(command)).get(0);
        if (r.refusal() != null) {
            throw r.refusal();
        }
        return r.cast();
    }

    private List<Result> run(List<Command> commands) {
        Map<Long, TreeSet<Integer>> gates = new TreeMap<>();
        Map<Long, Set<Long>> members = new HashMap<>();
        for (Command c : commands) {
            gates.computeIfAbsent(c.roundId(), k -> new TreeSet<>()).add(c.shard());
            members.computeIfAbsent(c.roundId(), k -> new LinkedHashSet<>()).add(c.memberId());
        }
        Map<Long, RuntimeException> refusedRounds = new HashMap<>();
        Map<Long, Map<Long, Ballot>> ballots = new HashMap<>();
        for (Map.Entry<Long, TreeSet<Integer>> g : gates.entrySet()) {
            long roundId = g.getKey();
            for (int shard : g.getValue()) {
                if (!tallies.lockShard(roundId, shard)) {
                    throw new IllegalStateException("open round " + roundId + " has no tally shards");
                }
            }
            Round r = em.find(Round.class, roundId); // as it is now that its gates are held: a close that committed is seen
            try {
                BallotService.requireAccepting(r, Instant.now(), rounds.zoneOf(r));
            } catch (ProblemException e) {
                refusedRounds.put(roundId, e);
                continue;
            }
            Map<Long, Ballot> byMember = new HashMap<>();
            for (Ballot b : em.createQuery("select b from Ballot b where b.roundId = :r and b.memberId in :m", Ballot.class)
                    .setParameter("r", roundId).setParameter("m", members.get(roundId)).getResultList()) {
                byMember.put(b.memberId(), b);
            }
            ballots.put(roundId, byMember);
        }

        Map<List<Long>, RoundTallies.Delta> deltas = new TreeMap<>(java.util.Comparator
                .<List<Long>>comparingLong(k -> k.get(0)).thenComparingLong(k -> k.get(1)));
        List<Result> results = new ArrayList<>();
        for (Command c : commands) {
            RuntimeException refused = refusedRounds.get(c.roundId());
            if (refused != null) {
                results.add(new Result(null, refused));
                continue;
            }
            RoundTallies.Delta delta = deltas.computeIfAbsent(List.of(c.roundId(), (long) c.shard()), k -> new RoundTallies.Delta());
            RoundTallies.Content now = new RoundTallies.Content(c.choices(), c.size(), c.pledge());
            Map<Long, Ballot> byMember = ballots.get(c.roundId());
            Ballot b = byMember.get(c.memberId());
            if (b != null) {
                delta.add(new RoundTallies.Content(b.choices(), b.size(), b.pledge()), now);
                b.change(c.choices(), c.size(), c.pledge(), c.at());
                results.add(new Result(new BallotService.Cast(b, false), null));
            } else {
                b = new Ballot(c.roundId(), c.memberId(), c.choices(), c.size(), c.pledge(), c.at());
                em.persist(b);
                byMember.put(c.memberId(), b);
                delta.newBallot(c.at());
                delta.add(null, now);
                points.award(c.memberId(), BallotService.VOTE_POINTS, Message.of("points.voted", "Voted in “{round}”")
                        .with("round", c.roundTitle()), "core", "vote-round-" + c.roundId());
                rewards.recordActivity(c.memberId(), "votes", 1);
                events.publish(CoreEvents.BALLOT_CAST, "core", Map.of("roundId", c.roundId(), "memberId", c.memberId()));
                results.add(new Result(new BallotService.Cast(b, true), null));
            }
        }
        deltas.forEach((key, delta) -> tallies.apply(key.get(0), key.get(1).intValue(), delta));
        em.flush();
        LOG.fine(() -> "event=ballot.batch ballots=" + commands.size() + " rounds=" + gates.size());
        return results;
    }
}
