package org.popcorn.server.city;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A city as the API shows it. */
@Schema(name = "City")
public class CityView {
    public long id;
    public String name;
    public String asciiName;
    public String countryCode;
    public String region;
    @Schema(description = "IANA time zone, e.g. Asia/Shanghai")
    public String timeZone;
    public double latitude;
    public double longitude;
    public long population;
    public boolean retired;
    @Schema(description = "Other names the city is known by (local names such as 北京)", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY, implementation = String.class)
    public java.util.List<String> otherNames;

    public static CityView of(City c) {
        CityView v = new CityView();
        v.id = c.id();
        v.name = c.name();
        v.asciiName = c.asciiName();
        v.countryCode = c.countryCode();
        v.region = c.region();
        v.timeZone = c.zone().getId();
        v.latitude = c.latitude();
        v.longitude = c.longitude();
        v.population = c.population();
        v.retired = c.retired();
        return v;
    }
}
