package org.popcorn.server.points;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Which level a number of lifetime points reaches, and what the next one takes. Pure rules, unit-tested. */
public final class Levels {

    private final List<LevelDef> ascending;

    public Levels(List<LevelDef> levels) {
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("at least one level is needed");
        }
        this.ascending = levels.stream().sorted(Comparator.comparingLong(LevelDef::minPoints)).toList();
    }

    /** The highest level whose threshold the points reach (the lowest level if none). */
    public LevelDef levelFor(long lifetimePoints) {
        LevelDef current = ascending.get(0);
        for (LevelDef l : ascending) {
            if (lifetimePoints >= l.minPoints()) {
                current = l;
            }
        }
        return current;
    }

    /** The next level above the one these points reach, if any. */
    public Optional<LevelDef> nextAfter(long lifetimePoints) {
        return ascending.stream().filter(l -> l.minPoints() > lifetimePoints).findFirst();
    }

    public List<LevelDef> all() {
        return ascending;
    }
}
