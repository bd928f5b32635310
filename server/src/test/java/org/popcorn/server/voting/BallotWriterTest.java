package org.popcorn.server.voting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.junit.jupiter.api.Test;
import org.popcorn.server.common.ProblemException;

/**
 * The group commit's hand-offs without a container: every ballot is applied exactly once and gets its own answer, a
 * refusal stays the refused ballot's, and a batch that fails as a whole is retried one by one.
 */
class BallotWriterTest {

    /** Records the batches it is given; fails a batch that carries a poisoned ballot among others. */
    static final class RecordingBatch extends BallotBatch {
        final List<List<Command>> batches = Collections.synchronizedList(new ArrayList<>());
        final ConcurrentHashMap<Command, AtomicInteger> applied = new ConcurrentHashMap<>();
        volatile long poisonedMember = -1;
        volatile long refusedMember = -1;

        @Override
        public List<Result> apply(List<Command> commands) {
            batches.add(List.copyOf(commands));
            if (commands.size() > 1 && commands.stream().anyMatch(c -> c.memberId() == poisonedMember)) {
                throw new IllegalStateException("the batch failed as a whole");
            }
            if (commands.size() == 1 && commands.get(0).memberId() == poisonedMember) {
                throw new IllegalStateException("poisoned ballot");
            }
            List<Result> out = new ArrayList<>();
            for (Command c : commands) {
                if (c.memberId() == refusedMember) {
                    out.add(new Result(null, ProblemException.conflict("closed", "state").withCode("round.closed")));
                    continue;
                }
                applied.computeIfAbsent(c, k -> new AtomicInteger()).incrementAndGet();
                out.add(new Result(new BallotService.Cast(new Ballot(c.roundId(), c.memberId(), c.choices(), c.size(), c.pledge(), c.at()), true), null));
            }
            return out;
        }
    }

    static BallotWriter writer(RecordingBatch batch) {
        BallotWriter w = new BallotWriter();
        w.batch = batch;
        Counter counter = (Counter) Proxy.newProxyInstance(Counter.class.getClassLoader(), new Class<?>[] {Counter.class},
                (p, m, a) -> m.getReturnType() == long.class ? 0L : null);
        w.metrics = (MetricRegistry) Proxy.newProxyInstance(MetricRegistry.class.getClassLoader(), new Class<?>[] {MetricRegistry.class},
                (p, m, a) -> m.getReturnType() == Counter.class ? counter : null);
        return w; // no transaction registry: every write goes through the lanes
    }

    static BallotBatch.Command command(long member) {
        return new BallotBatch.Command(1, member, "round", Set.of(7L), 50, false, Instant.now());
    }

    @Test
    void everyBallotIsAppliedOnceAndAnsweredWithItsOwnOutcome() throws Exception {
        RecordingBatch batch = new RecordingBatch();
        BallotWriter w = writer(batch);
        int writers = 64;
        int each = 40;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> done = new ArrayList<>();
        for (int t = 0; t < writers; t++) {
            long member = t % 16; // members share lanes and write several times each
            done.add(pool.submit(() -> {
                start.await();
                int answered = 0;
                for (int i = 0; i < each; i++) {
                    BallotBatch.Command c = command(member);
                    BallotService.Cast cast = w.write(c);
                    assertEquals(member, cast.ballot().memberId(), "the answer is this ballot's");
                    answered++;
                }
                return answered;
            }));
        }
        start.countDown();
        int answered = 0;
        for (Future<Integer> f : done) {
            answered += f.get();
        }
        pool.shutdown();
        assertEquals(writers * each, answered);
        assertEquals(writers * each, batch.applied.size(), "every ballot reached a batch");
        assertTrue(batch.applied.values().stream().allMatch(n -> n.get() == 1), "and exactly one");
        assertTrue(batch.batches.stream().allMatch(b -> b.size() <= BallotWriter.MAX_BATCH));
        for (List<BallotBatch.Command> b : batch.batches) {
            long lanes = b.stream().map(c -> RoundTallies.shardOf(c.memberId()) % BallotWriter.LANES).distinct().count();
            assertEquals(1, lanes, "a batch holds one lane's ballots only, so two batches never share a shard");
        }
    }

    @Test
    void aRefusalIsTheRefusedBallotsAndAFailedBatchIsRetriedOneByOne() throws Exception {
        RecordingBatch batch = new RecordingBatch();
        batch.poisonedMember = 2;
        batch.refusedMember = 4;
        BallotWriter w = writer(batch);
        ExecutorService pool = Executors.newFixedThreadPool(24);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> outcomes = new ArrayList<>();
        List<Long> members = new ArrayList<>();
        for (int t = 0; t < 24; t++) {
            long member = 2L * (t % 6); // all in lane 0, so they meet in batches
            members.add(member);
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    return w.write(command(member));
                } catch (RuntimeException e) {
                    return e;
                }
            }));
        }
        start.countDown();
        for (int i = 0; i < outcomes.size(); i++) {
            Object o = outcomes.get(i).get();
            long member = members.get(i);
            if (member == 2) {
                assertEquals("poisoned ballot", ((IllegalStateException) o).getMessage());
            } else if (member == 4) {
                assertEquals("round.closed", ((ProblemException) o).code());
            } else {
                assertEquals(member, ((BallotService.Cast) o).ballot().memberId());
            }
        }
        pool.shutdown();
        assertTrue(batch.applied.values().stream().allMatch(n -> n.get() == 1), "a retried ballot is not applied twice");
        assertEquals(16, batch.applied.size());
    }

    @Test
    void aLoneBallotsFailureIsItsAnswer() {
        RecordingBatch batch = new RecordingBatch();
        batch.poisonedMember = 9;
        BallotWriter w = writer(batch);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> w.write(command(9)));
        assertEquals("poisoned ballot", e.getMessage());
        BallotBatch.Command ok = command(11);
        assertEquals(ok.memberId(), w.write(ok).ballot().memberId());
    }
}
