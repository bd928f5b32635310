package org.popcorn.server.voting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.popcorn.api.TimeTexts;
import org.popcorn.server.auth.Caller;
import org.popcorn.server.common.ProblemException;
import org.popcorn.server.voting.RoundRequests.BallotInput;

/**
 * Casting and changing ballots. A ballot and the round's running totals change in one transaction, under the gate of
 * the member's tally shard ({@link RoundTallies}), shared with the ballots committed beside it ({@link BallotWriter}):
 * one member's concurrent ballots are applied one after the other (the unique key (round, member) is the last line of
 * defence), and no ballot can land after the round closed.
 */
@ApplicationScoped
public class BallotService {

    private static final Logger LOG = Logger.getLogger(BallotService.class.getName());

    /** Points paid once per round for voting. */
    public static final int VOTE_POINTS = 20;

    @PersistenceContext(unitName = "popcorn")
    EntityManager em;

    @Inject
    RoundService rounds;

    @Inject
    Eligibility eligibility;

    @Inject
    BallotWriter writer;

    /** What a cast did. */
    public record Cast(Ballot ballot, boolean created) {
    }

    /**
     * Casts or changes the caller's ballot. What needs no lock is checked here, on the caller's thread — the round's
     * state as last committed, eligibility, the choices — and the rest is written by {@link BallotWriter} together
     * with the ballots queued beside it; this returns once the ballot's transaction committed.
     */
    public Cast cast(Caller caller, long roundId, BallotInput in) {
        long me = caller.requireMemberId(); // the token's member exists and is not deleted (BearerAuthFilter)
        Round r = rounds.visible(caller, roundId);
        Instant now = Instant.now();
        requireAccepting(r, now, rounds.zoneOf(r));
        if (r.restrictsVoters()) { // the member is loaded only when a rule reads them
            eligibility.require(r, caller.require());
        }
        Set<Long> choices = validChoices(r, in.choices);
        if (!r.sizeBrackets().contains(in.size)) {
            throw ProblemException.unprocessable("Choose one of the size brackets " + r.sizeBrackets() + ".", "size").withCode("ballot.bad-size");
        }
        Cast cast = writer.write(new BallotBatch.Command(roundId, me, r.title(), choices, in.size, Boolean.TRUE.equals(in.pledge), now));
        LOG.fine(() -> "event=ballot." + (cast.created() ? "cast" : "changed") + " round=" + roundId + " member=" + me);
        return cast;
    }

    static void requireAccepting(Round r, Instant now, java.time.ZoneId zone) {
        if (!r.acceptsBallots(now)) {
            throw ProblemException.conflict(switch (r.state()) {
                case DRAFT, NOMINATING -> "Voting has not opened yet; it opens " + TimeTexts.inZone(r.opensAt(), zone) + ".";
                case CLOSED -> "Voting has closed; ballots can no longer be cast or changed.";
                case CANCELLED -> "This round was cancelled.";
                case OPEN -> "Voting is not open at this moment (window " + TimeTexts.inZone(r.opensAt(), zone) + " – "
                        + TimeTexts.inZone(r.closesAt(), zone) + ").";
            }, "state").withCode(switch (r.state()) {
                case DRAFT, NOMINATING -> "round.not-open";
                case CLOSED -> "round.closed";
                case CANCELLED -> "round.cancelled";
                case OPEN -> "round.outside-window";
            });
        }
    }

    public Optional<Ballot> find(long roundId, long memberId) {
        return em.createQuery("select b from Ballot b where b.roundId = :r and b.memberId = :m", Ballot.class)
                .setParameter("r", roundId).setParameter("m", memberId).getResultList().stream().findFirst();
    }

    /**
     * Candidate cities of open rounds: fixed once a round opens, so each server reads them once per round instead of
     * once per ballot. A round is dropped when a ballot finds it in another state (one small set per round).
     */
    private final java.util.concurrent.ConcurrentHashMap<Long, Set<Long>> openCandidates = new java.util.concurrent.ConcurrentHashMap<>();

    Set<Long> candidatesOf(Round r) {
        if (r.state() != RoundState.OPEN) {
            openCandidates.remove(r.id());
            return readCandidates(r.id());
        }
        return openCandidates.computeIfAbsent(r.id(), this::readCandidates);
    }

    private Set<Long> readCandidates(long roundId) {
        Set<Long> ids = new LinkedHashSet<>();
        rounds.candidates(roundId).forEach(c -> ids.add(c.cityId()));
        return java.util.Collections.unmodifiableSet(ids);
    }

    Set<Long> validChoices(Round r, List<Long> requested) {
        Set<Long> candidates = candidatesOf(r);
        Set<Long> choices = new LinkedHashSet<>();
        for (Long id : requested) {
            if (!candidates.contains(id)) {
                throw ProblemException.unprocessable("City " + id + " is not a candidate in this round.", "choices").withCode("ballot.not-candidate");
            }
            if (!choices.add(id)) {
                throw ProblemException.unprocessable("City " + id + " is chosen twice.", "choices").withCode("ballot.duplicate-choice");
            }
        }
        if (r.mode() == Round.Mode.SINGLE && choices.size() != 1) {
            throw ProblemException.unprocessable("This round is single choice: choose exactly one city.", "choices").withCode("ballot.exactly-one-choice");
        }
        if (choices.size() > r.maxChoices()) {
            throw ProblemException.unprocessable("Choose at most " + r.maxChoices() + " cities in this round.", "choices").withCode("ballot.too-many-choices");
        }
        return choices;
    }
}
