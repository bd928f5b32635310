package org.popcorn.server.voting;

import org.popcorn.api.CoreEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.popcorn.api.Message;
import org.popcorn.api.TimeTexts;
import org.popcorn.server.auth.Caller;
import org.popcorn.server.common.ProblemException;
import org.popcorn.server.member.Member;
import org.popcorn.server.points.PointsService;
import org.popcorn.server.points.RewardsService;
import org.popcorn.server.voting.RoundRequests.BallotInput;

/**
 * Casting and changing ballots. A ballot and the round's running totals change in one transaction, under the gate of
 * the member's tally shard ({@link RoundTallies}): one member's concurrent ballots are applied one after the other (the
 * unique key (round, member) is the last line of defence), other members' ballots do not wait for it, and no ballot
 * can land after the round closed.
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
    RoundTallies tallies;

    @Inject
    PointsService points;

    @Inject
    RewardsService rewards;

    @Inject
    org.popcorn.server.event.DomainEvents events;

    /** What a cast did. */
    public record Cast(Ballot ballot, boolean created) {
    }

    @Transactional
    public Cast cast(Caller caller, long roundId, BallotInput in) {
        Member me = caller.require();
        // What needs no lock is checked first: the round's state as last committed, eligibility, the choices.
        Round r = rounds.visible(caller, roundId);
        Instant now = Instant.now();
        requireAccepting(r, now, rounds.zoneOf(r));
        eligibility.require(r, me);
        Set<Long> choices = validChoices(r, in.choices);
        if (!r.sizeBrackets().contains(in.size)) {
            throw ProblemException.unprocessable("Choose one of the size brackets " + r.sizeBrackets() + ".", "size").withCode("ballot.bad-size");
        }
        boolean pledge = Boolean.TRUE.equals(in.pledge);

        // Then the member's shard gate, held to the commit: this member's ballots go one after the other, other
        // members' ballots in other shards go side by side, and a close (which locks every gate) waits for this one.
        int shard = RoundTallies.shardOf(me.id());
        if (!tallies.lockShard(roundId, shard)) {
            throw new IllegalStateException("open round " + roundId + " has no tally shards");
        }
        em.refresh(r); // the state as it is now that the gate is held: a close that committed meanwhile is seen
        requireAccepting(r, now, rounds.zoneOf(r));

        Optional<Ballot> existing = find(roundId, me.id());
        Ballot b;
        if (existing.isPresent()) {
            b = existing.get();
            RoundTallies.Content before = new RoundTallies.Content(Set.copyOf(b.choices()), b.size(), b.pledge());
            b.change(choices, in.size, pledge, now);
            tallies.change(roundId, shard, before, new RoundTallies.Content(choices, in.size, pledge));
        } else {
            b = new Ballot(roundId, me.id(), choices, in.size, pledge, now);
            em.persist(b);
            tallies.countNewBallot(roundId, shard, now);
            tallies.change(roundId, shard, null, new RoundTallies.Content(choices, in.size, pledge));
            points.award(me.id(), VOTE_POINTS, Message.of("points.voted", "Voted in “{round}”").with("round", r.title()), "core", "vote-round-" + roundId);
            rewards.recordActivity(me.id(), "votes", 1);
            events.publish(CoreEvents.BALLOT_CAST, "core",
                    java.util.Map.of("roundId", roundId, "memberId", me.id()));
        }
        em.flush();
        LOG.fine(() -> "event=ballot." + (existing.isPresent() ? "changed" : "cast") + " round=" + roundId + " member=" + me.id());
        return new Cast(b, existing.isEmpty());
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
