package org.popcorn.server.voting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How a round's winner and size are decided. Pure rules, unit-tested, and documented in {@code docs/voting.md}:
 * <ol>
 *   <li>the candidate with the most votes wins;</li>
 *   <li>a tie on votes goes to the candidate with the most pledges ("I would attend");</li>
 *   <li>then to the city with the larger population (it can host more fans);</li>
 *   <li>then to the city listed first in the catalogue (lowest city id), so the result is always determined.</li>
 * </ol>
 * The chosen size is the median of the size answers (the lower median when the count is even); with no ballots
 * there is no winner and no size.
 */
public final class ResultRules {

    private ResultRules() {
    }

    /** A candidate's final totals. */
    public record Total(long cityId, String name, int votes, int pledges, long population) {
    }

    /** Which rule decided: no votes at all, the most votes, then pledges, then population, then catalogue order. */
    public enum Rule { NO_VOTES, NO_TIE, PLEDGES, POPULATION, CATALOGUE }

    /**
     * The decision, the rule that made it with the cities that were tied when it applied (for a sentence in the
     * reader's language), and the same sentence in English.
     */
    public record Outcome(Optional<Total> winner, String tieBreak, Rule rule, List<Long> tied) {
    }

    private static Outcome won(Total winner, String sentence, Rule rule, List<Total> tied) {
        return new Outcome(Optional.of(winner), sentence, rule, tied.stream().map(Total::cityId).toList());
    }

    static final Comparator<Total> ORDER = Comparator.comparingInt(Total::votes).reversed()
            .thenComparing(Comparator.comparingInt(Total::pledges).reversed())
            .thenComparing(Comparator.comparingLong(Total::population).reversed())
            .thenComparingLong(Total::cityId);

    public static Outcome decide(List<Total> totals) {
        if (totals.isEmpty() || totals.stream().allMatch(t -> t.votes() == 0)) {
            return new Outcome(Optional.empty(), "No votes were cast, so there is no winner.", Rule.NO_VOTES, List.of());
        }
        List<Total> sorted = new ArrayList<>(totals);
        sorted.sort(ORDER);
        Total first = sorted.get(0);
        List<Total> tiedOnVotes = sorted.stream().filter(t -> t.votes() == first.votes()).toList();
        if (tiedOnVotes.size() == 1) {
            return won(first, "No tie: " + first.name() + " has the most votes (" + first.votes() + ").",
                    Rule.NO_TIE, List.of(first));
        }
        String names = names(tiedOnVotes);
        List<Total> tiedOnPledges = tiedOnVotes.stream().filter(t -> t.pledges() == first.pledges()).toList();
        if (tiedOnPledges.size() == 1) {
            return won(first, names + " tied on votes (" + first.votes() + "); " + first.name()
                    + " wins with the most pledges (" + first.pledges() + ").", Rule.PLEDGES, tiedOnVotes);
        }
        List<Total> tiedOnPopulation = tiedOnPledges.stream().filter(t -> t.population() == first.population()).toList();
        if (tiedOnPopulation.size() == 1) {
            return won(first, names(tiedOnPledges) + " tied on votes (" + first.votes() + ") and pledges ("
                    + first.pledges() + "); " + first.name() + " wins as the larger city.", Rule.POPULATION, tiedOnPledges);
        }
        return won(first, names(tiedOnPopulation) + " tied on votes, pledges and population; "
                + first.name() + " wins as the city listed first in the catalogue.", Rule.CATALOGUE, tiedOnPopulation);
    }

    /** The lower median of the size answers, from the count of ballots per bracket; empty with no ballots. */
    public static Optional<Integer> medianSize(List<int[]> sizeAndCount) {
        List<int[]> sorted = new ArrayList<>(sizeAndCount);
        sorted.sort(Comparator.comparingInt(a -> a[0]));
        long n = sorted.stream().mapToLong(a -> a[1]).sum();
        if (n == 0) {
            return Optional.empty();
        }
        long target = (n + 1) / 2;
        long seen = 0;
        for (int[] a : sorted) {
            seen += a[1];
            if (seen >= target) {
                return Optional.of(a[0]);
            }
        }
        return Optional.of(sorted.get(sorted.size() - 1)[0]);
    }

    private static String names(List<Total> totals) {
        List<String> names = totals.stream().map(Total::name).toList();
        if (names.size() == 2) {
            return names.get(0) + " and " + names.get(1);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
