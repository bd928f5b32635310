package org.popcorn.api;

import java.util.Optional;

/** Looks up cities of the catalogue.
 *
 * @since 0.1.0
 */
public interface Cities {

    /** A city: name, ISO country code, IANA time zone (e.g. {@code Asia/Shanghai}), coordinates, whether retired. */
    record CityInfo(long id, String name, String countryCode, String timeZone, double latitude, double longitude, boolean retired) {
    }

    /** A city by id (retired ones too). */
    Optional<CityInfo> byId(long cityId);

    /**
     * An instant as people read it in a sentence, in the city's time zone ({@link TimeTexts}); in UTC, named, when
     * the city is unknown.
     *
     * @since 0.2.0
     */
    default String localTime(long cityId, java.time.Instant at) {
        return TimeTexts.inZone(at, byId(cityId).map(c -> java.time.ZoneId.of(c.timeZone())).orElse(null));
    }

    /**
     * The city's time zone, or UTC when the city is unknown — for {@link Message#time}.
     *
     * @since 0.2.0
     */
    default java.time.ZoneId zone(long cityId) {
        return byId(cityId).map(c -> java.time.ZoneId.of(c.timeZone())).orElse(java.time.ZoneId.of("UTC"));
    }
}
