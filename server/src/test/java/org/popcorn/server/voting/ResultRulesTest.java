package org.popcorn.server.voting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.popcorn.server.voting.ResultRules.Total;

class ResultRulesTest {

    @Test
    void mostVotesWins() {
        var o = ResultRules.decide(List.of(new Total(1, "Chengdu", 5, 0, 10), new Total(2, "Wuhan", 7, 0, 5)));
        assertEquals(2, o.winner().orElseThrow().cityId());
        assertTrue(o.tieBreak().startsWith("No tie"));
        assertEquals(ResultRules.Rule.NO_TIE, o.rule());
        assertEquals(List.of(2L), o.tied());
    }

    @Test
    void tiesGoToPledgesThenPopulationThenCatalogueOrder() {
        var byPledges = ResultRules.decide(List.of(new Total(1, "A", 5, 1, 10), new Total(2, "B", 5, 3, 5)));
        assertEquals(2, byPledges.winner().orElseThrow().cityId());
        assertTrue(byPledges.tieBreak().contains("pledges"));
        assertEquals(ResultRules.Rule.PLEDGES, byPledges.rule());
        assertEquals(List.of(2L, 1L), byPledges.tied(), "the winner first, then the others tied on votes");
        var byPopulation = ResultRules.decide(List.of(new Total(1, "A", 5, 3, 10), new Total(2, "B", 5, 3, 50)));
        assertEquals(2, byPopulation.winner().orElseThrow().cityId());
        assertTrue(byPopulation.tieBreak().contains("larger city"));
        var byId = ResultRules.decide(List.of(new Total(9, "A", 5, 3, 10), new Total(4, "B", 5, 3, 10), new Total(7, "C", 1, 0, 99)));
        assertEquals(4, byId.winner().orElseThrow().cityId());
        assertTrue(byId.tieBreak().contains("listed first"));
        assertEquals(ResultRules.Rule.CATALOGUE, byId.rule());
        assertEquals(List.of(4L, 9L), byId.tied(), "C had fewer votes: not part of the tie");
        assertEquals(ResultRules.Rule.POPULATION, byPopulation.rule());
    }

    @Test
    void noVotesNoWinner() {
        assertTrue(ResultRules.decide(List.of(new Total(1, "A", 0, 0, 1))).winner().isEmpty());
        assertEquals(ResultRules.Rule.NO_VOTES, ResultRules.decide(List.of()).rule());
        assertTrue(ResultRules.decide(List.of()).winner().isEmpty());
    }

    @Test
    void medianSizeIsTheLowerMedian() {
        assertEquals(Optional.of(200), ResultRules.medianSize(List.of(new int[] {50, 1}, new int[] {200, 1}, new int[] {1000, 1})));
        assertEquals(Optional.of(50), ResultRules.medianSize(List.of(new int[] {1000, 1}, new int[] {50, 1})));
        assertEquals(Optional.of(1000), ResultRules.medianSize(List.of(new int[] {50, 1}, new int[] {1000, 5})));
        assertEquals(Optional.empty(), ResultRules.medianSize(List.of(new int[] {50, 0})));
    }
}
