package org.popcorn.server.city;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneId;

/** A city of the catalogue. Retired cities ({@code retired_at} set) stay (members and history refer to them) but are no longer offered. */
@Entity
@Table(name = "city")
public class City {

    @Id
    @SequenceGenerator(name = "citySeq", sequenceName = "city_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "citySeq")
    private Long id;

    @Column(name = "source_id")
    private String sourceId;

    private String name;

    @Column(name = "ascii_name")
    private String asciiName;

    @Column(name = "country_code")
    private String countryCode;

    private String region;

    @Column(name = "time_zone")
    private String timeZone;

    private double latitude;
    private double longitude;
    private long population;
    @Column(name = "retired_at")
    private Instant retiredAt;

    @Column(name = "created_at")
    private Instant createdAt;

    protected City() {
    }

    public City(String name, String asciiName, String countryCode, String region, ZoneId zone, double latitude,
                double longitude, long population) {
        this.name = name;
        this.asciiName = asciiName;
        this.countryCode = countryCode;
        this.region = region;
        this.timeZone = zone.getId();
        this.latitude = latitude;
        this.longitude = longitude;
        this.population = population;
        this.createdAt = Instant.now();
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String asciiName() {
        return asciiName;
    }

    public String countryCode() {
        return countryCode;
    }

    public String region() {
        return region;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public double latitude() {
        return latitude;
    }

    public double longitude() {
        return longitude;
    }

    public long population() {
        return population;
    }

    public boolean retired() {
        return retiredAt != null;
    }

    public Instant retiredAt() {
        return retiredAt;
    }

    public String sourceId() {
        return sourceId;
    }

    public void retire(Instant now) {
        if (retiredAt == null) {
            this.retiredAt = now;
        }
    }

    public void reinstate() {
        this.retiredAt = null;
    }
}
