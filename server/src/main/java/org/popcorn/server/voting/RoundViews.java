package org.popcorn.server.voting;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.popcorn.server.member.ProfileViews;

/** Answer bodies of {@code /api/rounds}. Times are ISO-8601 instants; cities carry their IANA time zone. */
public final class RoundViews {

    private RoundViews() {
    }

    /** A candidate city. */
    @Schema(name = "Candidate")
    public static class CandidateView {
        public long cityId;
        public String name;
        public String countryCode;
        public String timeZone;
    }

    /** A nominated city. */
    @Schema(name = "Nomination")
    public static class NominationView {
        public long cityId;
        public String name;
        public String countryCode;
        public int supporters;
        @Schema(description = "True once it reached the support threshold")
        public boolean candidate;
        @Schema(description = "True when the caller supports it")
        public boolean supportedByMe;
    }

    /** Eligibility rules. */
    @Schema(name = "EligibilityRules")
    public static class EligibilityView {
        public Integer minLevel;
        public Instant memberSinceBefore;
        public List<String> countries;
    }

    /** Whether the caller may take part, and if not, why. */
    @Schema(name = "MyEligibility")
    public static class MyEligibility {
        public boolean eligible;
        public String rule;
        public String reason;
    }

    /** A voting round. */
    @Schema(name = "Round")
    public static class RoundView {
        public long id;
        public String title;
        public String description;
        @Schema(enumeration = {"DRAFT", "NOMINATING", "OPEN", "CLOSED", "CANCELLED"})
        public String state;
        public String stateReason;
        public org.popcorn.server.city.CityRef ownerCity;
        public Instant nominationOpensAt;
        public Instant nominationClosesAt;
        public Instant opensAt;
        public Instant closesAt;
        public Instant closedAt;
        @Schema(enumeration = {"SINGLE", "APPROVAL"})
        public String mode;
        public int maxChoices;
        @Schema(enumeration = {"FIXED", "NOMINATION"})
        public String candidateMode;
        public int supportThreshold;
        public List<Integer> sizeBrackets;
        public EligibilityView eligibility;
        @Schema(enumeration = {"LIVE", "AFTER_CLOSE"})
        public String resultsVisibility;
        public List<CandidateView> candidates;
        public List<NominationView> nominations;
        public int ballots;
        @Schema(description = "True when the caller may edit, open, close or cancel this round")
        public boolean mayManage;
        @Schema(description = "Present when the caller is logged in")
        public MyEligibility myEligibility;
    }

    /** My ballot. */
    @Schema(name = "Ballot")
    public static class BallotView {
        public long roundId;
        public List<Long> choices;
        public int size;
        public boolean pledge;
        @Schema(description = "Unguessable code proving how this ballot was counted; it changes when the ballot changes. Keep it.")
        public String receipt;
        public Instant castAt;
        public Instant updatedAt;

        static BallotView of(Ballot b) {
            BallotView v = new BallotView();
            v.roundId = b.roundId();
            v.choices = List.copyOf(b.choices());
            v.size = b.size();
            v.pledge = b.pledge();
            v.receipt = b.receipt();
            v.castAt = b.castAt();
            v.updatedAt = b.updatedAt();
            return v;
        }
    }

    /** A candidate's tally. */
    @Schema(name = "CandidateResult")
    public static class CandidateResult {
        public long cityId;
        public String name;
        public String countryCode;
        public int votes;
        public int pledges;

        public CandidateResult() {
        }

        CandidateResult(long cityId, String name, String countryCode, int votes, int pledges) {
            this.cityId = cityId;
            this.name = name;
            this.countryCode = countryCode;
            this.votes = votes;
            this.pledges = pledges;
        }
    }

    /** How many ballots chose a size bracket. */
    @Schema(name = "SizeResult")
    public static class SizeResult {
        public int size;
        public int ballots;

        public SizeResult() {
        }

        SizeResult(int size, int ballots) {
            this.size = size;
            this.ballots = ballots;
        }
    }

    /** Ballots cast up to the end of an hour. */
    @Schema(name = "TurnoutPoint")
    public static class TurnoutPoint {
        public Instant at;
        public long ballots;

        public TurnoutPoint() {
        }

        TurnoutPoint(Instant at, long ballots) {
            this.at = at;
            this.ballots = ballots;
        }
    }

    /** A round's results. While hidden (until close), only turnout is filled. */
    @Schema(name = "Results")
    public static class Results {
        public long roundId;
        public String state;
        @Schema(description = "True once the round closed: the results are final and never change")
        public boolean closed;
        public boolean hidden;
        public int ballots;
        public int eligible;
        @Schema(description = "ballots / eligible, 0..1")
        public double turnout;
        public List<CandidateResult> candidates;
        public List<SizeResult> sizes;
        public Integer medianSize;
        public CandidateResult winner;
        @Schema(description = "How the winner was decided, including any tie-break (English)")
        public String tieBreak;
        @Schema(description = "The rule that decided, for a sentence in the reader's language: NO_VOTES, NO_TIE, PLEDGES, "
                + "POPULATION or CATALOGUE; absent while results are hidden")
        public String tieRule;
        @Schema(description = "The cities tied when that rule applied (the winner first)",
                type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY, implementation = Long.class)
        public List<Long> tiedCityIds;
        public List<TurnoutPoint> turnoutOverTime;
    }

    /** A published receipt: what one ballot counted, without its author. */
    @Schema(name = "Receipt")
    public static class Receipt {
        public String receipt;
        public List<Long> choices;
        public int size;
        public boolean pledge;

        static Receipt of(Ballot b) {
            Receipt r = new Receipt();
            r.receipt = b.receipt();
            r.choices = List.copyOf(b.choices());
            r.size = b.size();
            r.pledge = b.pledge();
            return r;
        }
    }
}
