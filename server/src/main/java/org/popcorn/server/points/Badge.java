package org.popcorn.server.points;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A badge definition. Badges are data, defined by the core and by plugins ({@code source}). A badge with an
 * activity kind and a threshold is awarded automatically when the member's counter of that kind reaches it.
 */
@Entity
@Table(name = "badge")
public class Badge {

    @Id
    private String code;
    private String name;
    private String description;
    private String icon;
    private String source;

    @Column(name = "activity_kind")
    private String activityKind;

    private Long threshold;

    protected Badge() {
    }

    public Badge(String code, String name, String description, String icon, String source, String activityKind, Long threshold) {
        this.code = code;
        this.name = name;
        this.description = description;
        this.icon = icon;
        this.source = source;
        this.activityKind = activityKind;
        this.threshold = threshold;
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

    public String icon() {
        return icon;
    }

    public String source() {
        return source;
    }

    public String activityKind() {
        return activityKind;
    }

    public Long threshold() {
        return threshold;
    }
}
