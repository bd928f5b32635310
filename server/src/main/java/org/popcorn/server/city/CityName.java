package org.popcorn.server.city;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One name a city is found by, with its search key ({@link SearchKey}). */
@Entity
@Table(name = "city_name")
@IdClass(CityName.Key.class)
public class CityName {

    @Id
    @Column(name = "city_id")
    private Long cityId;

    @Id
    @Column(name = "search_key")
    private String searchKey;

    private String name;

    protected CityName() {
    }

    public CityName(long cityId, String name) {
        this.cityId = cityId;
        this.name = name;
        this.searchKey = SearchKey.of(name);
    }

    public Long cityId() {
        return cityId;
    }

    public String name() {
        return name;
    }

    public String searchKey() {
        return searchKey;
    }

    /** Composite key. */
    public static class Key implements Serializable {
        public Long cityId;
        public String searchKey;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(cityId, k.cityId) && Objects.equals(searchKey, k.searchKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(cityId, searchKey);
        }
    }
}
