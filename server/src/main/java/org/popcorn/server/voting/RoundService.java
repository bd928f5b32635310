package org.popcorn.server.voting;

import org.popcorn.api.CoreEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.popcorn.api.TimeTexts;
import org.popcorn.server.auth.Caller;
import org.popcorn.server.city.CityService;
import org.popcorn.server.common.Page;
import org.popcorn.server.common.ProblemException;
import org.popcorn.server.event.DomainEvents;
import org.popcorn.server.member.Member;
import org.popcorn.server.points.RewardsService;
import org.popcorn.server.voting.RoundRequests.RoundInput;

/**
 * Voting rounds: creation and editing by the organisers of the round's city (or admins), nominations, and the state
 * machine — run by the scheduler ({@link RoundScheduler}) or early by an organiser. Every transition locks the round
 * row and re-checks its state, so it happens exactly once even when several servers share the database.
 */
@ApplicationScoped
public class RoundService {

    private static final Logger LOG = Logger.getLogger(RoundService.class.getName());

    @PersistenceContext(unitName = "popcorn")
    EntityManager em;

    @Inject
    CityService cities;

    @Inject
    Eligibility eligibility;

    @Inject
    RewardsService rewards;

    @Inject
    DomainEvents events;

    @Inject
    RoundTallies tallies;

    public Round get(long id) {
        Round r = em.find(Round.class, id);
        if (r == null) {
            throw ProblemException.notFound("No voting round with id " + id + ".").withCode("round.not-found");
        }
        return r;
    }

    Round lock(long id) {
        Round r = em.find(Round.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw ProblemException.notFound("No voting round with id " + id + ".").withCode("round.not-found");
        }
        return r;
    }

    /**
     * Locks the round's tally gates, then its row, for a transition that ends voting (close, cancel). The gates come
     * first, as in a ballot (gate, then its insert's reference to the round row — a key-share lock on PostgreSQL): the
     * other order deadlocks with the ballots in flight. Once this returns no ballot is in flight, and a later one finds
     * the new state when it gets its gate.
     */
    Round lockWithGates(long id) {
        tallies.lockAll(id);
        return lock(id);
    }

    /** Whether the caller may manage this round: an organiser of its city, or an admin. */
    public boolean mayManage(Caller caller, Round r) {
        if (!caller.isAuthenticated()) {
            return false;
        }
        return r.ownerCityId() == null ? caller.isAdmin() : caller.mayOrganise(r.ownerCityId());
    }

    void requireManage(Caller caller, Round r) {
        caller.requireMemberId();
        if (!mayManage(caller, r)) {
            throw ProblemException.forbidden(r.ownerCityId() == null ? "Only an admin may manage a community-wide round."
                    : "Only an organiser of this round's city may manage it.")
                    .withCode(r.ownerCityId() == null ? "admin.required" : "organiser.required");
        }
    }

    /**
     * The round, if the caller may see it. A draft is seen only by those who may manage it (its city's organisers,
     * admins); to everyone else it answers 404 exactly like an id that does not exist, until it leaves draft.
     */
    public Round visible(Caller caller, long id) {
        Round r = get(id);
        if (r.state() == RoundState.DRAFT && !mayManage(caller, r)) {
            throw ProblemException.notFound("No voting round with id " + id + ".").withCode("round.not-found");
        }
        return r;
    }

    /** Rounds by state and city, without the drafts the caller may not see (see {@link #visible}). */
    public Page<Round> list(Caller caller, String state, Long cityId, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        java.util.Set<Long> draftCities = caller.isAdmin() ? null : caller.organisedCities();
        if (draftCities != null) {
            where.append(draftCities.isEmpty() ? " and r.state <> :draft"
                    : " and (r.state <> :draft or r.ownerCityId in :draftCities)");
        }
        RoundState st = null;
        if (state != null && !state.isBlank()) {
            try {
                st = RoundState.valueOf(state.strip().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("state is one of DRAFT, NOMINATING, OPEN, CLOSED, CANCELLED.", "state").withCode("request.bad-parameter");
            }
            where.append(" and r.state = :state");
        }
        if (cityId != null) {
            where.append(" and (r.ownerCityId = :city or exists (select c from RoundCandidate c where c.roundId = r.id and c.cityId = :city))");
        }
        var q = em.createQuery("select r from Round r" + where + " order by r.closesAt desc, r.id desc", Round.class);
        var count = em.createQuery("select count(r) from Round r" + where, Long.class);
        if (st != null) {
            q.setParameter("state", st);
            count.setParameter("state", st);
        }
        if (cityId != null) {
            q.setParameter("city", cityId);
            count.setParameter("city", cityId);
        }
        if (draftCities != null) {
            q.setParameter("draft", RoundState.DRAFT);
            count.setParameter("draft", RoundState.DRAFT);
            if (!draftCities.isEmpty()) {
                q.setParameter("draftCities", draftCities);
                count.setParameter("draftCities", draftCities);
            }
        }
        return new Page<>(q.setFirstResult(page * size).setMaxResults(size).getResultList(), page, size, count.getSingleResult());
    }

    public List<Tallies.Candidate> candidates(long roundId) {
        return em.createQuery("select c from RoundCandidate c where c.roundId = :r order by c.addedAt, c.cityId", Tallies.Candidate.class)
                .setParameter("r", roundId).getResultList();
    }

    public List<Nomination> nominations(long roundId) {
        return em.createQuery("select n from Nomination n where n.roundId = :r order by n.supporters desc, n.proposedAt", Nomination.class)
                .setParameter("r", roundId).getResultList();
    }

    // ---- create and edit ----------------------------------------------------------------------------------------

    @Transactional
    public Round create(Caller caller, RoundInput in) {
        Member me = caller.require();
        if (in.ownerCityId == null) {
            if (!caller.isAdmin()) {
                throw ProblemException.unprocessable("Choose the city whose organisers run this round (ownerCityId).", "ownerCityId").withCode("round.owner-city-missing");
            }
        } else {
            cities.requireActive(in.ownerCityId, "ownerCityId");
            caller.requireOrganiserOf(in.ownerCityId);
        }
        if (in.title == null || in.title.isBlank()) {
            throw ProblemException.unprocessable("Give the round a title.", "title").withCode("round.title-missing");
        }
        Instant now = Instant.now();
        Round r = new Round(in.title.strip(), in.ownerCityId, me.id(), now);
        applySettings(r, in, null, now);
        r.description(in.description == null ? null : in.description.strip());
        em.persist(r);
        em.flush();
        for (Long cityId : distinctCandidates(in.candidateCityIds)) {
            em.persist(new Tallies.Candidate(r.id(), cityId, now));
        }
        LOG.info(() -> "event=round.created round=" + r.id() + " by=" + me.id() + " city=" + in.ownerCityId);
        return r;
    }

    /** Changes the fields sent. Once a round has left DRAFT only its description may change. */
    @Transactional
    public Round update(Caller caller, long id, RoundInput in) {
        Round r = lock(id);
        requireManage(caller, r);
        if (!r.outcomeFieldsEditable()) {
            String field = firstOutcomeField(in);
            if (field != null) {
                throw ProblemException.conflict("Once a round is " + r.state().name().toLowerCase()
                        + ", only its description can change; '" + field + "' would change the outcome.", field).withCode("round.not-editable");
            }
        } else {
            if (in.ownerCityId != null && !in.ownerCityId.equals(r.ownerCityId())) {
                throw ProblemException.unprocessable("A round cannot move to another city; create a new one.", "ownerCityId").withCode("round.owner-city-fixed");
            }
            applySettings(r, in, r, Instant.now());
            if (in.candidateCityIds != null) {
                em.createQuery("delete from RoundCandidate c where c.roundId = :r").setParameter("r", id).executeUpdate();
                for (Long cityId : distinctCandidates(in.candidateCityIds)) {
                    em.persist(new Tallies.Candidate(id, cityId, Instant.now()));
                }
            }
        }
        if (in.description != null) {
            r.description(in.description.isBlank() ? null : in.description.strip());
        }
        LOG.info(() -> "event=round.updated round=" + id);
        return r;
    }

    static String firstOutcomeField(RoundInput in) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", in.title);
        fields.put("ownerCityId", in.ownerCityId);
        fields.put("nominationOpensAt", in.nominationOpensAt);
        fields.put("nominationClosesAt", in.nominationClosesAt);
        fields.put("opensAt", in.opensAt);
        fields.put("closesAt", in.closesAt);
        fields.put("mode", in.mode);
        fields.put("maxChoices", in.maxChoices);
        fields.put("candidateMode", in.candidateMode);
        fields.put("supportThreshold", in.supportThreshold);
        fields.put("sizeBrackets", in.sizeBrackets);
        fields.put("eligibility", in.eligibility);
        fields.put("resultsVisibility", in.resultsVisibility);
        fields.put("candidateCityIds", in.candidateCityIds);
        return fields.entrySet().stream().filter(e -> e.getValue() != null).map(Map.Entry::getKey).findFirst().orElse(null);
    }

    /** Validates and applies settings; {@code old} supplies the values of fields not sent (PATCH). */
    void applySettings(Round r, RoundInput in, Round old, Instant now) {
        String title = in.title != null ? in.title.strip() : old.title();
        Instant nomOpens = in.nominationOpensAt != null ? in.nominationOpensAt : old == null ? null : old.nominationOpensAt();
        Instant nomCloses = in.nominationClosesAt != null ? in.nominationClosesAt : old == null ? null : old.nominationClosesAt();
        Instant opens = in.opensAt != null ? in.opensAt : old == null ? null : old.opensAt();
        Instant closes = in.closesAt != null ? in.closesAt : old == null ? null : old.closesAt();
        Round.Mode mode = in.mode != null ? in.mode : old == null ? Round.Mode.SINGLE : old.mode();
        Round.CandidateMode cmode = in.candidateMode != null ? in.candidateMode : old == null ? Round.CandidateMode.FIXED : old.candidateMode();
        int threshold = in.supportThreshold != null ? in.supportThreshold : old == null ? 3 : old.supportThreshold();
        List<Integer> brackets = in.sizeBrackets != null ? in.sizeBrackets : old == null ? List.of(50, 200, 1000) : old.sizeBrackets();
        Round.Visibility vis = in.resultsVisibility != null ? in.resultsVisibility : old == null ? Round.Visibility.LIVE : old.resultsVisibility();
        Integer minLevel = in.eligibility != null ? in.eligibility.minLevel : old == null ? null : old.minLevel();
        Instant since = in.eligibility != null ? in.eligibility.memberSinceBefore : old == null ? null : old.memberSinceBefore();
        List<String> countries = in.eligibility != null ? in.eligibility.countries : old == null ? null : old.countries();
        int candidates = in.candidateCityIds != null ? distinctCandidates(in.candidateCityIds).size()
                : old == null ? 0 : candidates(old.id()).size();

        if (opens == null) {
            throw ProblemException.unprocessable("Give the instant voting opens (opensAt).", "opensAt").withCode("round.opens-at-missing");
        }
        if (closes == null) {
            throw ProblemException.unprocessable("Give the instant voting closes (closesAt).", "closesAt").withCode("round.closes-at-missing");
        }
        if (!closes.isAfter(opens)) {
            throw ProblemException.unprocessable("closesAt must be after opensAt.", "closesAt").withCode("round.closes-before-opens");
        }
        if (!closes.isAfter(now)) {
            throw ProblemException.unprocessable("closesAt must be in the future.", "closesAt").withCode("round.closes-in-past");
        }
        if (cmode == Round.CandidateMode.NOMINATION) {
            if (nomOpens == null || nomCloses == null) {
                throw ProblemException.unprocessable("An open-nomination round needs nominationOpensAt and nominationClosesAt.",
                        nomOpens == null ? "nominationOpensAt" : "nominationClosesAt").withCode("round.nomination-window-missing");
            }
            if (!nomCloses.isAfter(nomOpens)) {
                throw ProblemException.unprocessable("nominationClosesAt must be after nominationOpensAt.", "nominationClosesAt").withCode("round.nomination-closes-before-opens");
            }
            if (nomCloses.isAfter(opens)) {
                throw ProblemException.unprocessable("Nomination must close before voting opens.", "nominationClosesAt").withCode("round.nomination-overlaps-voting");
            }
        } else {
            nomOpens = null;
            nomCloses = null;
            if (candidates < 2) {
                throw ProblemException.unprocessable("A round with a fixed list needs at least 2 candidate cities.", "candidateCityIds").withCode("round.too-few-candidates");
            }
        }
        int maxChoices;
        if (mode == Round.Mode.SINGLE) {
            maxChoices = 1;
        } else {
            maxChoices = in.maxChoices != null ? in.maxChoices : old == null ? 2 : old.maxChoices();
            if (maxChoices < 2) {
                throw ProblemException.unprocessable("Approval voting lets members pick 2 or more cities.", "maxChoices").withCode("round.bad-max-choices");
            }
        }
        Set<Integer> distinct = new LinkedHashSet<>(brackets);
        if (distinct.size() != brackets.size()) {
            throw ProblemException.unprocessable("Size brackets must differ from each other.", "sizeBrackets").withCode("round.duplicate-size-bracket");
        }
        List<Integer> sorted = new ArrayList<>(distinct);
        sorted.sort(Integer::compare);
        r.settings(title, nomOpens, nomCloses, opens, closes, mode, maxChoices, cmode, threshold, sorted, minLevel, since,
                countries, vis);
    }

    List<Long> distinctCandidates(List<Long> ids) {
        if (ids == null) {
            return List.of();
        }
        Set<Long> set = new LinkedHashSet<>();
        for (Long id : ids) {
            cities.requireActive(id, "candidateCityIds");
            if (!set.add(id)) {
                throw ProblemException.unprocessable("City " + id + " is listed twice as a candidate.", "candidateCityIds").withCode("round.duplicate-candidate");
            }
        }
        return new ArrayList<>(set);
    }

    // ---- nominations ------------------------------------------------------------------------------------------------

    /** Proposes a city; the proposer is its first supporter. Needs the 'nominate-city' privilege. */
    @Transactional
    public Nomination nominate(Caller caller, long roundId, long cityId) {
        Member me = caller.require();
        Round r = lock(roundId);
        requireNominating(r);
        eligibility.require(r, me);
        if (!rewards.may(me.id(), me.lifetimePoints(), "nominate-city")) {
            throw new ProblemException(403, "Not allowed", "Nominating a city needs the 'nominate-city' privilege (level 2, "
                    + "or granted by an admin).", null, null).withCode("privilege.required").withRule("nominate-city");
        }
        cities.requireActive(cityId, "cityId");
        if (em.find(Nomination.class, new Tallies.CandidateKey(roundId, cityId)) != null
                || em.find(Tallies.Candidate.class, new Tallies.CandidateKey(roundId, cityId)) != null) {
            throw ProblemException.conflict("This city is already nominated in this round; support it instead.", "cityId").withCode("nomination.exists");
        }
        Nomination n = new Nomination(roundId, cityId, me.id(), Instant.now());
        em.persist(n);
        addSupport(r, n, me.id());
        LOG.info(() -> "event=round.nominated round=" + roundId + " city=" + cityId + " by=" + me.id());
        return n;
    }

    /** Supports a nomination; once it has the round's threshold of supporters it becomes a candidate. */
    @Transactional
    public Nomination support(Caller caller, long roundId, long cityId) {
        Member me = caller.require();
        Round r = lock(roundId);
        requireNominating(r);
        eligibility.require(r, me);
        Nomination n = em.find(Nomination.class, new Tallies.CandidateKey(roundId, cityId));
        if (n == null) {
            throw ProblemException.notFound("This city has not been nominated in this round.").withCode("nomination.not-found");
        }
        if (em.find(Nomination.Support.class, new Nomination.Support.Key(roundId, cityId, me.id())) != null) {
            throw ProblemException.conflict("You already support this nomination.", "cityId").withCode("nomination.already-supported");
        }
        addSupport(r, n, me.id());
        return n;
    }

    private void addSupport(Round r, Nomination n, long memberId) {
        em.persist(new Nomination.Support(r.id(), n.cityId(), memberId));
        n.addSupporter();
        if (n.supporters() >= r.supportThreshold()
                && em.find(Tallies.Candidate.class, new Tallies.CandidateKey(r.id(), n.cityId())) == null) {
            em.persist(new Tallies.Candidate(r.id(), n.cityId(), Instant.now()));
            LOG.info(() -> "event=round.candidate-promoted round=" + r.id() + " city=" + n.cityId());
        }
    }

    /** The zone a round's times are read in: its city's, or UTC for a community-wide round. */
    public java.time.ZoneId zoneOf(Round r) {
        return r.ownerCityId() == null ? java.time.ZoneId.of("UTC") : cities.get(r.ownerCityId()).zone();
    }

    private void requireNominating(Round r) {
        if (r.state() != RoundState.NOMINATING) {
            throw ProblemException.conflict("Nominations are only taken while the round is nominating; it is "
                    + r.state().name().toLowerCase() + ".", "state").withCode("round.not-nominating");
        }
        // The round may stay NOMINATING until voting opens; the nomination window itself ends at nominationClosesAt.
        if (r.nominationClosesAt() != null && !Instant.now().isBefore(r.nominationClosesAt())) {
            throw ProblemException.conflict("Nominations closed " + TimeTexts.inZone(r.nominationClosesAt(), zoneOf(r))
                    + "; voting opens " + TimeTexts.inZone(r.opensAt(), zoneOf(r)) + ".", "nominationClosesAt").withCode("round.nomination-closed");
        }
    }

    // ---- transitions -----------------------------------------------------------------------------------------------

    @Transactional
    public Round open(Caller caller, long id) {
        Round r = lock(id);
        requireManage(caller, r);
        doOpen(r, Instant.now());
        return r;
    }

    @Transactional
    public Round close(Caller caller, long id) {
        Round r = lockWithGates(id);
        requireManage(caller, r);
        doClose(r, Instant.now());
        return r;
    }

    @Transactional
    public Round cancel(Caller caller, long id, String reason) {
        Round r = lockWithGates(id);
        requireManage(caller, r);
        r.cancel(reason == null || reason.isBlank() ? "Cancelled by an organiser." : reason.strip(), Instant.now());
        LOG.info(() -> "event=round.cancelled round=" + id + " by=" + caller.requireMemberId());
        return r;
    }

    void doOpen(Round r, Instant now) {
        r.open(candidates(r.id()).size(), now);
        tallies.prepare(r.id(), r.sizeBrackets());
        events.publish(CoreEvents.ROUND_OPENED, "core", Map.of("roundId", r.id(), "title", r.title(),
                "closesAt", r.closesAt().toString()));
    }

    /** Closes an open round with its final totals; the caller holds its gates and row ({@link #lockWithGates}). */
    void doClose(Round r, Instant now) {
        List<ResultRules.Total> totals = tallies.totals(r.id(), candidates(r.id()));
        ResultRules.Outcome outcome = ResultRules.decide(totals);
        Optional<Integer> size = ResultRules.medianSize(tallies.sizes(r));
        int eligible = eligibility.countEligible(r);
        r.close(now, outcome.winner().map(ResultRules.Total::cityId).orElse(null), size.orElse(null),
                outcome.winner().map(ResultRules.Total::pledges).orElse(null), outcome.tieBreak(), eligible);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("roundId", r.id());
        payload.put("title", r.title());
        outcome.winner().ifPresent(w -> {
            payload.put("winnerCityId", w.cityId());
            payload.put("winnerCityName", w.name());
            payload.put("pledges", w.pledges());
            payload.put("votes", w.votes());
        });
        size.ifPresent(s -> payload.put("chosenSize", s));
        int ballots = tallies.ballots(r.id());
        payload.put("ballots", ballots);
        payload.put("eligible", eligible);
        events.publish(CoreEvents.ROUND_CLOSED, "core", payload);
        LOG.info(() -> "event=round.closed round=" + r.id() + " winner=" + r.winnerCityId() + " size=" + r.chosenSize()
                + " ballots=" + ballots);
    }

    /** The ids of rounds whose next transition is due (in a transaction: the scheduler's thread has none of its own). */
    @Transactional
    public List<Long> dueRounds(Instant now) {
        return em.createQuery("select r.id from Round r where "
                        + "(r.state = :draft and r.candidateMode = :nomination and r.nominationOpensAt <= :now) "
                        + "or ((r.state = :draft or r.state = :nominating) and r.opensAt <= :now) "
                        + "or (r.state = :open and r.closesAt <= :now) order by r.id", Long.class)
                .setParameter("draft", RoundState.DRAFT).setParameter("nominating", RoundState.NOMINATING)
                .setParameter("open", RoundState.OPEN).setParameter("nomination", Round.CandidateMode.NOMINATION)
                .setParameter("now", now).getResultList();
    }

    /**
     * Applies the transition that is due for one round, if any, under its row lock (idempotent: a second server that
     * waited on the lock finds nothing due). A round that reaches its opening time with fewer than 2 candidates is
     * cancelled with that reason.
     */
    @Transactional
    public void advance(long id, Instant now) {
        Round r = lockWithGates(id); // the due transition may be the close
        if (r.state() == RoundState.DRAFT && r.candidateMode() == Round.CandidateMode.NOMINATION
                && r.nominationOpensAt() != null && !r.nominationOpensAt().isAfter(now) && r.opensAt().isAfter(now)) {
            r.startNomination();
            LOG.info(() -> "event=round.nominating round=" + id + " trigger=schedule");
            return;
        }
        if ((r.state() == RoundState.DRAFT || r.state() == RoundState.NOMINATING) && !r.opensAt().isAfter(now)) {
            if (!r.closesAt().isAfter(now)) {
                r.cancel("The voting window passed before the round could open.", now);
            } else if (candidates(id).size() < 2) {
                r.cancel("Fewer than 2 candidate cities when voting was due to open.", now);
                LOG.info(() -> "event=round.cancelled round=" + id + " trigger=schedule reason=too-few-candidates");
            } else {
                doOpen(r, now);
                LOG.info(() -> "event=round.opened round=" + id + " trigger=schedule");
            }
            return;
        }
        if (r.state() == RoundState.OPEN && !r.closesAt().isAfter(now)) {
            doClose(r, now);
        }
    }
}
