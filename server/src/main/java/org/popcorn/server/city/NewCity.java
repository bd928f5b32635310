package org.popcorn.server.city;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What an admin sends to add a city. */
public class NewCity {
    @NotBlank(message = "{popcorn.city.name.required}")
    @Size(max = 200)
    public String name;
    @Size(max = 200)
    public String asciiName;
    @NotNull(message = "{popcorn.city.country-code.required}")
    @Pattern(regexp = "[A-Z]{2}", message = "{popcorn.city.country-code.pattern}")
    public String countryCode;
    @Size(max = 200)
    public String region;
    @NotBlank(message = "{popcorn.city.time-zone.required}")
    public String timeZone;
    @NotNull(message = "{popcorn.city.latitude.required}")
    @DecimalMin("-90") @DecimalMax("90")
    public Double latitude;
    @NotNull(message = "{popcorn.city.longitude.required}")
    @DecimalMin("-180") @DecimalMax("180")
    public Double longitude;
    @PositiveOrZero
    public Long population;
    public List<@NotBlank @Size(max = 200) String> otherNames;
}
