package org.popcorn.server.voting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.popcorn.server.city.City;
import org.popcorn.server.city.CityService;
import org.popcorn.server.common.Page;
import org.popcorn.server.common.ProblemException;
import org.popcorn.server.voting.RoundViews.Results;

/**
 * Reads results from the running totals: O(candidates + brackets + hours), never O(ballots). Tallies are hidden
 * until close when the round says so (turnout is always shown). After close, every current receipt is published
 * with its choices and no identity, so anyone can recount.
 */
@ApplicationScoped
public class ResultsService {

    @PersistenceContext(unitName = "popcorn")
    EntityManager em;

    @Inject
    RoundService rounds;

    @Inject
    Eligibility eligibility;

    @Inject
    CityService cities;

    @Inject
    RoundTallies tallies;

    /** Eligible members are recounted at most once a minute while a round is open. */
    static final Duration ELIGIBLE_CACHE = Duration.ofSeconds(60);

    /** Per-instance cache of eligible counts of open rounds: [count, epoch millis]. */
    private final java.util.concurrent.ConcurrentHashMap<Long, long[]> eligibleCache = new java.util.concurrent.ConcurrentHashMap<>();

    public Results results(long roundId) {
        Round r = rounds.get(roundId);
        Results out = new Results();
        out.roundId = r.id();
        out.state = r.state().name();
        out.closed = r.state() == RoundState.CLOSED;
        out.hidden = r.resultsVisibility() == Round.Visibility.AFTER_CLOSE && !out.closed;
        out.ballots = tallies.ballots(roundId);
        out.eligible = eligibleCount(r);
        out.turnout = out.eligible == 0 ? 0 : (double) out.ballots / out.eligible;
        out.turnoutOverTime = new ArrayList<>();
        long running = 0;
        for (RoundTallies.HourCount t : tallies.turnout(roundId)) {
            running += t.ballots();
            out.turnoutOverTime.add(new RoundViews.TurnoutPoint(t.hourStart(), running));
        }
        if (out.hidden) {
            out.tieBreak = "Results are hidden until the round closes.";
            return out;
        }
        out.candidates = new ArrayList<>();
        for (ResultRules.Total t : tallies.totals(roundId, rounds.candidates(roundId))) {
            City city = cities.get(t.cityId());
            out.candidates.add(new RoundViews.CandidateResult(t.cityId(), cities.displayName(city), city.countryCode(), t.votes(), t.pledges()));
        }
        out.candidates.sort((a, b) -> Integer.compare(b.votes, a.votes));
        out.sizes = new ArrayList<>();
        for (int[] s : tallies.sizes(r)) {
            out.sizes.add(new RoundViews.SizeResult(s[0], s[1]));
        }
        out.sizes.sort((a, b) -> Integer.compare(a.size, b.size));
        List<ResultRules.Total> totals = out.candidates.stream().map(c -> new ResultRules.Total(c.cityId, c.name, c.votes,
                c.pledges, cities.get(c.cityId).population())).toList();
        ResultRules.Outcome o = ResultRules.decide(totals);
        if (out.closed) {
            out.medianSize = r.chosenSize();
            out.tieBreak = r.tieBreak();
            if (r.winnerCityId() != null) {
                out.winner = out.candidates.stream().filter(c -> c.cityId == r.winnerCityId()).findFirst().orElse(null);
            }
            if (java.util.Objects.equals(r.winnerCityId(), o.winner().map(ResultRules.Total::cityId).orElse(null))) {
                out.tieRule = o.rule().name(); // the same decision as at close (unless a city's population was edited since)
                out.tiedCityIds = o.tied();
            }
        } else {
            out.medianSize = ResultRules.medianSize(tallies.sizes(r)).orElse(null);
            out.tieRule = o.rule().name();
            out.tiedCityIds = o.tied();
            out.winner = o.winner().flatMap(w -> out.candidates.stream().filter(c -> c.cityId == w.cityId()).findFirst()).orElse(null);
            out.tieBreak = "Provisional while voting is open. " + o.tieBreak();
        }
        return out;
    }

    /**
     * The eligible count: final once closed (recorded at close), otherwise recounted when this instance's copy is older
     * than a minute. Kept in memory, not in the round row, so reading results never contends with ballots.
     */
    int eligibleCount(Round r) {
        if (r.state() == RoundState.CLOSED && r.eligibleCount() != null) {
            return r.eligibleCount();
        }
        long now = System.currentTimeMillis();
        long[] cached = eligibleCache.get(r.id());
        if (cached == null || cached[1] + ELIGIBLE_CACHE.toMillis() < now) {
            cached = new long[] {eligibility.countEligible(r), now};
            eligibleCache.put(r.id(), cached);
        }
        return (int) cached[0];
    }

    /** Published receipts after close; {@code receipt} finds one. */
    public Page<RoundViews.Receipt> receipts(long roundId, String receipt, int page, int size) {
        Round r = rounds.get(roundId);
        if (r.state() != RoundState.CLOSED) {
            throw ProblemException.conflict("Receipts are published when the round closes.", "state").withCode("round.not-closed");
        }
        String where = " where b.roundId = :r" + (receipt != null && !receipt.isBlank() ? " and b.receipt = :code" : "");
        var q = em.createQuery("select b from Ballot b" + where + " order by b.receipt", Ballot.class).setParameter("r", roundId);
        var count = em.createQuery("select count(b) from Ballot b" + where, Long.class).setParameter("r", roundId);
        if (receipt != null && !receipt.isBlank()) {
            String code = Ballot.normaliseReceipt(receipt);
            q.setParameter("code", code);
            count.setParameter("code", code);
        }
        List<RoundViews.Receipt> items = q.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(RoundViews.Receipt::of).toList();
        return new Page<>(items, page, size, count.getSingleResult());
    }

    /**
     * Every published receipt of a closed round as JSON lines, one {@link RoundViews.Receipt} per line in receipt
     * order, written as it is read (1,000 ballots at a time, by key), so a public recount of a million ballots is one
     * download that never holds them all in memory.
     */
    public void writeReceiptLines(long roundId, java.io.OutputStream out) throws IOException {
        java.io.Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8), 65536);
        jakarta.json.bind.Jsonb json = org.popcorn.server.common.JsonbConfigurator.jsonb();
        String after = "";
        List<Ballot> batch;
        do {
            batch = em.createQuery("select b from Ballot b where b.roundId = :r and b.receipt > :after order by b.receipt", Ballot.class)
                    .setParameter("r", roundId).setParameter("after", after).setMaxResults(1000).getResultList();
            for (Ballot b : batch) {
                w.write(json.toJson(RoundViews.Receipt.of(b)));
                w.write('\n');
                after = b.receipt();
            }
            em.clear();
        } while (batch.size() == 1000);
        w.flush();
    }

    /** 409 unless the round is closed (receipts are published at close). */
    public void requireClosed(long roundId) {
        if (rounds.get(roundId).state() != RoundState.CLOSED) {
            throw ProblemException.conflict("Receipts are published when the round closes.", "state").withCode("round.not-closed");
        }
    }

    /** Results as CSV: one row per candidate, then one per size bracket, then the outcome. */
    public String resultsCsv(long roundId) {
        Results res = results(roundId);
        if (res.hidden) {
            throw ProblemException.conflict("Results are hidden until the round closes.", "state").withCode("round.results-hidden");
        }
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord("section", "city_id", "city", "country", "votes", "pledges", "size", "ballots");
            for (RoundViews.CandidateResult c : res.candidates) {
                csv.printRecord("candidate", c.cityId, c.name, c.countryCode, c.votes, c.pledges, "", "");
            }
            for (RoundViews.SizeResult s : res.sizes) {
                csv.printRecord("size", "", "", "", "", "", s.size, s.ballots);
            }
            csv.printRecord("turnout", "", "", "", res.ballots, "", "", res.eligible);
            if (res.winner != null) {
                csv.printRecord("winner", res.winner.cityId, res.winner.name, res.winner.countryCode, res.winner.votes,
                        res.winner.pledges, res.medianSize, "");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /** Every receipt with its choices as CSV (after close). */
    public String receiptsCsv(long roundId) {
        Round r = rounds.get(roundId);
        if (r.state() != RoundState.CLOSED) {
            throw ProblemException.conflict("Receipts are published when the round closes.", "state").withCode("round.not-closed");
        }
        Map<Long, String> names = rounds.candidates(roundId).stream()
                .collect(Collectors.toMap(Tallies.Candidate::cityId, c -> cities.get(c.cityId()).name()));
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord("receipt", "choices", "choice_names", "size", "pledge");
            int page = 0;
            List<Ballot> batch;
            do {
                batch = em.createQuery("select b from Ballot b where b.roundId = :r order by b.id", Ballot.class)
                        .setParameter("r", roundId).setFirstResult(page++ * 1000).setMaxResults(1000).getResultList();
                for (Ballot b : batch) {
                    csv.printRecord(b.receipt(), b.choices().stream().map(String::valueOf).collect(Collectors.joining(" ")),
                            b.choices().stream().map(id -> Optional.ofNullable(names.get(id)).orElse("?")).collect(Collectors.joining(" | ")),
                            b.size(), b.pledge());
                }
                em.clear();
            } while (batch.size() == 1000);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
