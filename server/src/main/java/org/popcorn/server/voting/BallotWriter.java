package org.popcorn.server.voting;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Group commit for ballots. A ballot's validation runs on its own request thread; what must be serialised — the
 * shard gate, the ballot row, the tallies, the points of a first ballot — is queued here and applied by
 * {@link BallotBatch} together with the ballots queued beside it, in one transaction and one commit. Whoever finds
 * no batch running becomes the leader: it applies what is queued (its own ballot among it); the others wait for their
 * outcome. No answer is given before the commit that holds the ballot, so an
 * acknowledged ballot survives a crash exactly as before — only the cost of a commit (most of a ballot's, on H2) is
 * shared by the ballots it carries. A leader leads until its own ballot is answered and then wakes the next in line,
 * so no writer serves the others for longer than about two batches.
 *
 * <p>Ballots are split into {@value #LANES} lanes by their tally shard: two batches in flight never touch the same
 * shard, so they never wait for each other's gates, and one member's ballots always meet in the same lane, in the
 * order they arrived. A ballot cast inside a larger unit of work (demo data) is applied in that transaction instead,
 * which is the only one that sees what the unit of work wrote before it.
 */
@ApplicationScoped
public class BallotWriter {

    private static final Logger LOG = Logger.getLogger(BallotWriter.class.getName());

    /** Batches that may be in flight at once (one per lane); the machines we target have two cores. */
    static final int LANES = 2;

    /** The most ballots one transaction carries. */
    static final int MAX_BATCH = 64;

    /** A waiting writer looks again after this long even when nobody woke it (it always is; this is a safety net). */
    private static final long WAKE_UP_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    @Inject
    BallotBatch batch;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    @Inject
    MetricRegistry metrics;

    private final Lane[] lanes = new Lane[LANES];

    public BallotWriter() {
        for (int i = 0; i < LANES; i++) {
            lanes[i] = new Lane();
        }
    }

    /** One lane: its queue and the lock its leader holds while it applies batches. */
    private static final class Lane {
        final ConcurrentLinkedQueue<BallotBatch.Command> queue = new ConcurrentLinkedQueue<>();
        final ReentrantLock leader = new ReentrantLock();
    }

    /**
     * Applies a ballot and returns what it did once its transaction committed; throws what applying it threw (a
     * {@link org.popcorn.server.common.ProblemException} for a round that closed meanwhile).
     */
    BallotService.Cast write(BallotBatch.Command command) {
        if (transactions != null && transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
            return batch.applyJoined(command);
        }
        Lane lane = lanes[RoundTallies.shardOf(command.memberId()) % LANES];
        lane.queue.add(command);
        while (!command.outcome().isDone()) {
            if (lane.leader.tryLock()) {
                try {
                    lead(lane, command);
                } finally {
                    lane.leader.unlock();
                }
                // The next in line leads now. Whatever was queued after the leader's last look has a writer that either
                // finds the lock free or is woken here, so no ballot is left waiting for a leader.
                BallotBatch.Command next = lane.queue.peek();
                if (next != null) {
                    LockSupport.unpark(next.writer());
                }
                continue;
            }
            LockSupport.parkNanos(this, WAKE_UP_NANOS); // woken by its answer or its turn to lead
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the ballot was being written");
            }
        }
        return outcome(command.outcome());
    }

    /**
     * Applies what is queued, batch after batch, until the leader's own ballot is answered: a leader serves the queue
     * for about two batches, never for longer than the load lasts.
     */
    private void lead(Lane lane, BallotBatch.Command own) {
        while (!own.outcome().isDone()) {
            List<BallotBatch.Command> next = new ArrayList<>();
            for (BallotBatch.Command c; next.size() < MAX_BATCH && (c = lane.queue.poll()) != null; ) {
                next.add(c);
            }
            if (next.isEmpty()) {
                return;
            }
            apply(next);
        }
    }

    /**
     * One transaction for the whole batch; when it fails as a whole, each ballot again in a transaction of its own,
     * so that one ballot's failure is its own answer and never its neighbours'.
     */
    private void apply(List<BallotBatch.Command> commands) {
        try {
            answer(commands, batch.apply(commands)); // answered only now: batch.apply has committed
            metrics.counter("popcorn_ballot_batches_total").inc();
            metrics.counter("popcorn_ballot_batched_total").inc(commands.size());
            return;
        } catch (RuntimeException e) {
            if (commands.size() == 1) {
                commands.get(0).outcome().completeExceptionally(e);
                LockSupport.unpark(commands.get(0).writer());
                return;
            }
            LOG.info(() -> "event=ballot.batch-retried-one-by-one ballots=" + commands.size() + " reason=" + e);
        }
        for (BallotBatch.Command c : commands) {
            try {
                answer(List.of(c), batch.apply(List.of(c)));
            } catch (RuntimeException e) {
                c.outcome().completeExceptionally(e);
                LockSupport.unpark(c.writer());
            }
        }
    }

    private static void answer(List<BallotBatch.Command> commands, List<BallotBatch.Result> results) {
        for (int i = 0; i < commands.size(); i++) {
            BallotBatch.Result r = results.get(i);
            if (r.refusal() != null) {
                commands.get(i).outcome().completeExceptionally(r.refusal());
            } else {
                commands.get(i).outcome().complete(r.cast());
            }
            LockSupport.unpark(commands.get(i).writer());
        }
    }

    private static BallotService.Cast outcome(CompletableFuture<BallotService.Cast> outcome) {
        try {
            return outcome.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the ballot was being written", e);
        }
    }
}
