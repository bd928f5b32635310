package org.popcorn.server.points;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Something a member may do once they reach {@code minLevel}, or when an admin grants it to them. */
@Entity
@Table(name = "privilege")
public class Privilege {

    @Id
    private String code;
    private String name;
    private String description;

    @Column(name = "min_level")
    private Integer minLevel;

    protected Privilege() {
    }

    public Privilege(String code, String name, String description, Integer minLevel) {
        this.code = code;
        this.name = name;
        this.description = description;
        this.minLevel = minLevel;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public Integer minLevel() {
        return minLevel;
    }
}
