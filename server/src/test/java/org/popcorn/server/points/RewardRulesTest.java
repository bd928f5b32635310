package org.popcorn.server.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RewardRulesTest {

    final Levels levels = new Levels(List.of(new LevelDef(2, "Regular", 100), new LevelDef(1, "Newcomer", 0),
            new LevelDef(3, "Enthusiast", 300)));

    @Test
    void levelIsTheHighestThresholdReached() {
        assertEquals(1, levels.levelFor(0).number());
        assertEquals(1, levels.levelFor(99).number());
        assertEquals(2, levels.levelFor(100).number());
        assertEquals(3, levels.levelFor(10_000).number());
        assertEquals(2, levels.nextAfter(50).orElseThrow().number());
        assertTrue(levels.nextAfter(300).isEmpty());
    }

    @Test
    void stagesFollowTheDocumentedRules() {
        assertEquals(RelationshipStage.CUSTOMER, RelationshipStage.of(1, 10, Map.of(), false));
        assertEquals(RelationshipStage.LOYAL_CUSTOMER, RelationshipStage.of(1, 30, Map.of("votes", 1L), false));
        assertEquals(RelationshipStage.LOYAL_CUSTOMER, RelationshipStage.of(2, 120, Map.of(), false));
        assertEquals(RelationshipStage.FRIEND, RelationshipStage.of(2, 150, Map.of("meetups_attended", 3L), false));
        assertEquals(RelationshipStage.FRIEND, RelationshipStage.of(3, 300, Map.of(), false));
        assertEquals(RelationshipStage.PARTNER, RelationshipStage.of(1, 0, Map.of(), true));
        assertEquals(RelationshipStage.PARTNER, RelationshipStage.of(2, 100, Map.of("volunteer_hours", 10L), false));
        assertEquals(RelationshipStage.PARTNER, RelationshipStage.of(5, 2000, Map.of("meetups_hosted", 3L), false),
                "an ambassador also needs 20 participations");
        assertEquals(RelationshipStage.BRAND_AMBASSADOR,
                RelationshipStage.of(5, 2000, Map.of("meetups_hosted", 3L, "meetups_attended", 17L), false));
        assertEquals(RelationshipStage.BRAND_AMBASSADOR, RelationshipStage.of(6, 4000, Map.of("votes", 20L), true));
    }
}
