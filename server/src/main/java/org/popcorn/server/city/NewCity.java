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
    @NotBlank(message = "Give the city's name.")
    @Size(max = 200)
    public String name;
    @Size(max = 200)
    public String asciiName;
    @NotNull(message = "Give the two-letter ISO country code, e.g. CN.")
    @Pattern(regexp = "[A-Z]{2}", message = "Use the two-letter ISO country code in capitals, e.g. CN.")
    public String countryCode;
    @Size(max = 200)
    public String region;
    @NotBlank(message = "Give the IANA time zone, e.g. Asia/Shanghai.")
    public String timeZone;
    @NotNull(message = "Give the latitude.")
    @DecimalMin("-90") @DecimalMax("90")
    public Double latitude;
    @NotNull(message = "Give the longitude.")
    @DecimalMin("-180") @DecimalMax("180")
    public Double longitude;
    @PositiveOrZero
    public Long population;
    public List<@NotBlank @Size(max = 200) String> otherNames;
}
