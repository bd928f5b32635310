package org.popcorn.server.voting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of {@code /api/rounds}. */
public final class RoundRequests {

    private RoundRequests() {
    }

    /** Who may vote. Every rule is optional. */
    @Schema(name = "Eligibility")
    public static class Eligibility {
        @Min(value = 1, message = "{popcorn.round.min-level.min}")
        public Integer minLevel;
        @Schema(description = "Only members who joined before this instant")
        public Instant memberSinceBefore;
        @Schema(description = "Only members whose home city is in one of these countries (ISO codes)", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY, implementation = String.class)
        public List<@jakarta.validation.constraints.Pattern(regexp = "[A-Z]{2}", message = "{popcorn.round.country-codes}") String> countries;
    }

    /** Create a round (POST), or change one (PATCH: only the fields sent change). */
    @Schema(name = "RoundInput")
    public static class RoundInput {
        @Size(min = 3, max = 200, message = "{popcorn.round.title.size}")
        public String title;
        @Size(max = 4000, message = "{popcorn.round.description.size}")
        public String description;
        @Schema(description = "The city whose organisers run the round; required unless an admin runs it community-wide")
        public Long ownerCityId;
        public Instant nominationOpensAt;
        public Instant nominationClosesAt;
        public Instant opensAt;
        public Instant closesAt;
        @Schema(enumeration = {"SINGLE", "APPROVAL"})
        public Round.Mode mode;
        @Min(value = 1, message = "{popcorn.round.max-choices.min}")
        @Max(value = 50, message = "{popcorn.round.max-choices.max}")
        public Integer maxChoices;
        @Schema(enumeration = {"FIXED", "NOMINATION"})
        public Round.CandidateMode candidateMode;
        @Min(value = 1, message = "{popcorn.round.support-threshold.min}")
        public Integer supportThreshold;
        @Size(min = 1, max = 10, message = "{popcorn.round.size-brackets.size}")
        public List<@NotNull @Min(value = 1, message = "{popcorn.round.size-bracket.positive}") Integer> sizeBrackets;
        @Valid
        public Eligibility eligibility;
        @Schema(enumeration = {"LIVE", "AFTER_CLOSE"})
        public Round.Visibility resultsVisibility;
        @Size(max = 100, message = "{popcorn.round.candidates.max}")
        public List<@NotNull Long> candidateCityIds;
    }

    /** A ballot. */
    @Schema(name = "BallotInput")
    public static class BallotInput {
        @NotNull(message = "{popcorn.ballot.choices.required}")
        @Size(min = 1, message = "{popcorn.ballot.choices.required}")
        public List<@NotNull Long> choices;
        @NotNull(message = "{popcorn.ballot.size.required}")
        public Integer size;
        @Schema(description = "I would attend if my city wins")
        public Boolean pledge;
    }

    /** A nomination. */
    @Schema(name = "NominationInput")
    public static class NominationInput {
        @NotNull(message = "{popcorn.round.nomination.city.required}")
        public Long cityId;
    }

    /** Why a round is cancelled. */
    @Schema(name = "CancelInput")
    public static class CancelInput {
        @Size(max = 500)
        public String reason;
    }
}
