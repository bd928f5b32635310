package org.popcorn.api;

import java.util.Optional;

/** Looks up cities of the catalogue. */
public interface Cities {

    /** A city: name, ISO country code, IANA time zone (e.g. {@code Asia/Shanghai}), coordinates, whether retired. */
    record CityInfo(long id, String name, String countryCode, String timeZone, double latitude, double longitude, boolean retired) {
    }

    /** A city by id (retired ones too). */
    Optional<CityInfo> byId(long cityId);
}
