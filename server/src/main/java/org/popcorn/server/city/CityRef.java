package org.popcorn.server.city;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A city in short, named in the reader's language. */
@Schema(name = "CityRef")
public class CityRef {
    public long id;
    @Schema(description = "In the request's language (Accept-Language) when the catalogue has a name in it")
    public String name;
    public String countryCode;
    public String timeZone;
}
