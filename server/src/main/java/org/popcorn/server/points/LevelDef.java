package org.popcorn.server.points;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A named level reached at a number of lifetime points (table {@code level_def}, defaults seeded by migration). */
@Entity
@Table(name = "level_def")
public class LevelDef {

    @Id
    @Column(name = "level_no")
    private int number;

    private String name;

    @Column(name = "min_points")
    private long minPoints;

    protected LevelDef() {
    }

    public LevelDef(int number, String name, long minPoints) {
        this.number = number;
        this.name = name;
        this.minPoints = minPoints;
    }

    public int number() {
        return number;
    }

    public String name() {
        return name;
    }

    public long minPoints() {
        return minPoints;
    }
}
