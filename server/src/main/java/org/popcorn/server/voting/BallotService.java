package org.popcorn.server.voting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.popcorn.api.TimeTexts;
import org.popcorn.server.auth.Caller;
import org.popcorn.server.common.ProblemException;
import org.popcorn.server.member.Member;
import org.popcorn.server.points.PointsService;
import org.popcorn.server.points.RewardsService;
import org.popcorn.server.voting.RoundRequests.BallotInput;

/**
 * Casting and changing ballots. The round row is locked for the ballot's transaction, so a ballot and the round's
 * running totals change together, a ballot can never land after the round closed, and one member's concurrent
 * ballots are applied one after the other (the unique key (round, member) is the last line of defence).
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
        // The round's row lock comes first and is held to the commit: ballots of one round are applied one after the
        // other, so the running totals stay exact and no ballot lands after the close. (Taking the member's own locks
        // first and the round's last was tried: under a storm of one member's concurrent changes it queued member
        // locks behind the round lock until H2's lock timeout.)
        Round r = rounds.lock(roundId);
        Instant now = Instant.now();
        requireAccepting(r, now, rounds.zoneOf(r));
        eligibility.require(r, me);
        Set<Long> choices = validChoices(r, in.choices);
        if (!r.sizeBrackets().contains(in.size)) {
            throw ProblemException.unprocessable("Choose one of the size brackets " + r.sizeBrackets() + ".", "size").withCode("ballot.bad-size");
        }
        boolean pledge = Boolean.TRUE.equals(in.pledge);

        Optional<Ballot> existing = find(roundId, me.id());
        Ballot b;
        if (existing.isPresent()) {
            b = existing.get();
            tally(r, b.choices(), b.size(), b.pledge(), -1);
            b.change(choices, in.size, pledge, now);
            tally(r, choices, in.size, pledge, +1);
        } else {
            b = new Ballot(roundId, me.id(), choices, in.size, pledge, now);
            em.persist(b);
            r.countNewBallot();
            tally(r, choices, in.size, pledge, +1);
            Instant hour = now.truncatedTo(ChronoUnit.HOURS);
            Tallies.Turnout t = em.find(Tallies.Turnout.class, new Tallies.TurnoutKey(roundId, hour));
            if (t == null) {
                t = new Tallies.Turnout(roundId, hour);
                em.persist(t);
            }
            t.add();
            points.award(me.id(), VOTE_POINTS, "Voted in “" + r.title() + "”", "core", "vote-round-" + roundId);
            rewards.recordActivity(me.id(), "votes", 1);
            events.publish(org.popcorn.server.event.DomainEvents.BALLOT_CAST, "core",
                    java.util.Map.of("roundId", roundId, "memberId", me.id()));
        }
        em.flush();
        LOG.info(() -> "event=ballot." + (existing.isPresent() ? "changed" : "cast") + " round=" + roundId + " member=" + me.id());
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

    Set<Long> validChoices(Round r, List<Long> requested) {
        Set<Long> candidates = new LinkedHashSet<>();
        rounds.candidates(r.id()).forEach(c -> candidates.add(c.cityId()));
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

    private void tally(Round r, Set<Long> choices, int size, boolean pledge, int sign) {
        for (Long cityId : choices) {
            Tallies.Candidate c = em.find(Tallies.Candidate.class, new Tallies.CandidateKey(r.id(), cityId));
            c.add(sign, pledge ? sign : 0);
        }
        Tallies.Size s = em.find(Tallies.Size.class, new Tallies.SizeKey(r.id(), size));
        if (s == null) {
            s = new Tallies.Size(r.id(), size);
            em.persist(s);
        }
        s.add(sign);
    }
}
