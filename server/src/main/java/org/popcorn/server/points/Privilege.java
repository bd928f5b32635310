package org.popcorn.server.points;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Something a member may do once they reach {@code minLevel}, or when an admin grants it to them. Owned by the core or
 * by the plugin that declares it ({@code source}); a row nobody owns yet (seeded before owners existed) is claimed by
 * the first plugin that declares its code.
 */
@Entity
@Table(name = "privilege")
public class Privilege {

    @Id
    private String code;
    private String name;
    private String description;

    @Column(name = "min_level")
    private Integer minLevel;

    /** {@code core}, a plugin's id, or null while unclaimed. */
    private String source;

    protected Privilege() {
    }

    public Privilege(String code, String name, String description, Integer minLevel, String source) {
        this.code = code;
        this.source = source;
        define(name, description, minLevel);
    }

    /** Takes the definition its owner declares now. */
    public void define(String name, String description, Integer minLevel) {
        if (name == null || name.isBlank() || name.length() > 120) {
            throw new IllegalArgumentException("privilege " + code + ": a name of 1 to 120 characters");
        }
        if (description == null || description.length() > 500) {
            throw new IllegalArgumentException("privilege " + code + ": a description of at most 500 characters");
        }
        if (minLevel != null && minLevel < 1) {
            throw new IllegalArgumentException("privilege " + code + ": a minimum level of 1 or more, or none");
        }
        this.name = name;
        this.description = description;
        this.minLevel = minLevel;
    }

    /** Whether {@code owner} may define this privilege: it owns it, or nobody does yet. */
    public boolean claimableBy(String owner) {
        return source == null || source.equals(owner);
    }

    void claim(String owner) {
        this.source = owner;
    }

    public String source() {
        return source;
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
