package org.popcorn.server.voting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.popcorn.server.common.ProblemException;

/**
 * A voting round: which city hosts the next official meetup, and how big it should be. The round owns the rules of
 * its state machine: each transition method refuses an illegal change, so no service can forget a check.
 */
@Entity
@Table(name = "voting_round")
public class Round {

    /** Single choice, or approval voting (up to maxChoices cities). */
    public enum Mode { SINGLE, APPROVAL }

    /** A fixed list of candidates, or open nomination. */
    public enum CandidateMode { FIXED, NOMINATION }

    /** Tallies visible while open, or only after close. */
    public enum Visibility { LIVE, AFTER_CLOSE }

    @Id
    @SequenceGenerator(name = "roundSeq", sequenceName = "voting_round_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "roundSeq")
    private Long id;

    private String title;
    private String description;

    @Enumerated(EnumType.STRING)
    private RoundState state = RoundState.DRAFT;

    @Column(name = "owner_city_id")
    private Long ownerCityId;

    @Column(name = "created_by")
    private Long createdBy;

    @Column(name = "nomination_opens_at")
    private Instant nominationOpensAt;

    @Column(name = "nomination_closes_at")
    private Instant nominationClosesAt;

    @Column(name = "opens_at")
    private Instant opensAt;

    @Column(name = "closes_at")
    private Instant closesAt;

    @Enumerated(EnumType.STRING)
    private Mode mode;

    @Column(name = "max_choices")
    private int maxChoices;

    @Enumerated(EnumType.STRING)
    @Column(name = "candidate_mode")
    private CandidateMode candidateMode;

    @Column(name = "support_threshold")
    private int supportThreshold;

    @Column(name = "size_brackets")
    private String sizeBrackets;

    @Column(name = "min_level")
    private Integer minLevel;

    @Column(name = "member_since_before")
    private Instant memberSinceBefore;

    private String countries;

    @Enumerated(EnumType.STRING)
    @Column(name = "results_visibility")
    private Visibility resultsVisibility;

    @Column(name = "eligible_count")
    private Integer eligibleCount;

    @Column(name = "eligible_counted_at")
    private Instant eligibleCountedAt;

    @Column(name = "winner_city_id")
    private Long winnerCityId;

    @Column(name = "chosen_size")
    private Integer chosenSize;

    @Column(name = "winner_pledges")
    private Integer winnerPledges;

    @Column(name = "tie_break")
    private String tieBreak;

    @Column(name = "state_reason")
    private String stateReason;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "opened_at")
    private Instant openedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Version
    private long version;

    protected Round() {
    }

    public Round(String title, Long ownerCityId, long createdBy, Instant now) {
        this.title = title;
        this.ownerCityId = ownerCityId;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    // ---- state machine -------------------------------------------------------------------------------------------

    /** Starts nomination (only for open-nomination rounds, from DRAFT). */
    public void startNomination() {
        if (state != RoundState.DRAFT) {
            throw ProblemException.conflict("Nomination can only start from a draft; this round is " + state + ".", "state").withCode("round.wrong-state");
        }
        if (candidateMode != CandidateMode.NOMINATION) {
            throw ProblemException.conflict("This round has a fixed list of candidates and no nomination.", "candidateMode").withCode("round.fixed-candidates");
        }
        state = RoundState.NOMINATING;
    }

    /** Opens voting (from DRAFT or NOMINATING) with the candidates there are. */
    public void open(int candidates, Instant now) {
        if (state != RoundState.DRAFT && state != RoundState.NOMINATING) {
            throw ProblemException.conflict("Only a draft or nominating round can open; this round is " + state + ".", "state").withCode("round.wrong-state");
        }
        if (candidates < 2) {
            throw ProblemException.conflict("A round needs at least 2 candidate cities to open; it has " + candidates + ".", "candidates").withCode("round.too-few-candidates");
        }
        if (!closesAt.isAfter(now)) {
            throw ProblemException.conflict("The voting window has already ended; move closesAt into the future first.", "closesAt").withCode("round.closes-in-past");
        }
        state = RoundState.OPEN;
        openedAt = now;
        if (opensAt == null || opensAt.isAfter(now)) {
            opensAt = now;
        }
    }

    /** Closes voting and records the final results; they never change afterwards. */
    public void close(Instant now, Long winner, Integer size, Integer pledges, String tieBreak, Integer eligible) {
        if (state != RoundState.OPEN) {
            throw ProblemException.conflict("Only an open round can close; this round is " + state + ".", "state").withCode("round.wrong-state");
        }
        state = RoundState.CLOSED;
        closedAt = now;
        if (closesAt.isAfter(now)) {
            closesAt = now;
        }
        winnerCityId = winner;
        chosenSize = size;
        winnerPledges = pledges;
        this.tieBreak = tieBreak;
        eligibleCount = eligible;
        eligibleCountedAt = now;
    }

    public void cancel(String reason, Instant now) {
        if (state.isFinished()) {
            throw ProblemException.conflict("A " + state.name().toLowerCase() + " round cannot be cancelled.", "state").withCode("round.wrong-state");
        }
        state = RoundState.CANCELLED;
        stateReason = reason;
        closedAt = now;
    }

    /** Whether a ballot may be cast or changed at this instant. */
    public boolean acceptsBallots(Instant now) {
        return state == RoundState.OPEN && !now.isBefore(opensAt) && now.isBefore(closesAt);
    }

    /** Once a round has left DRAFT, only what cannot change the outcome may be edited. */
    public boolean outcomeFieldsEditable() {
        return state == RoundState.DRAFT;
    }

    // ---- settings (validated by RoundService) ------------------------------------------------------------------------

    void settings(String title, Instant nominationOpensAt, Instant nominationClosesAt, Instant opensAt, Instant closesAt,
                  Mode mode, int maxChoices, CandidateMode candidateMode, int supportThreshold, List<Integer> brackets,
                  Integer minLevel, Instant memberSinceBefore, List<String> countries, Visibility visibility) {
        this.title = title;
        this.nominationOpensAt = nominationOpensAt;
        this.nominationClosesAt = nominationClosesAt;
        this.opensAt = opensAt;
        this.closesAt = closesAt;
        this.mode = mode;
        this.maxChoices = maxChoices;
        this.candidateMode = candidateMode;
        this.supportThreshold = supportThreshold;
        this.sizeBrackets = String.join(",", brackets.stream().map(String::valueOf).toList());
        this.minLevel = minLevel;
        this.memberSinceBefore = memberSinceBefore;
        this.countries = countries == null || countries.isEmpty() ? null : String.join(",", countries);
        this.resultsVisibility = visibility;
    }

    void description(String description) {
        this.description = description;
    }

    // ---- reading --------------------------------------------------------------------------------------------------

    public Long id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public RoundState state() {
        return state;
    }

    public Long ownerCityId() {
        return ownerCityId;
    }

    public Long createdBy() {
        return createdBy;
    }

    public Instant nominationOpensAt() {
        return nominationOpensAt;
    }

    public Instant nominationClosesAt() {
        return nominationClosesAt;
    }

    public Instant opensAt() {
        return opensAt;
    }

    public Instant closesAt() {
        return closesAt;
    }

    public Mode mode() {
        return mode;
    }

    public int maxChoices() {
        return maxChoices;
    }

    public CandidateMode candidateMode() {
        return candidateMode;
    }

    public int supportThreshold() {
        return supportThreshold;
    }

    public List<Integer> sizeBrackets() {
        return Arrays.stream(sizeBrackets.split(",")).map(String::strip).map(Integer::valueOf).toList();
    }

    public Integer minLevel() {
        return minLevel;
    }

    public Instant memberSinceBefore() {
        return memberSinceBefore;
    }

    public List<String> countries() {
        return countries == null ? List.of() : Arrays.stream(countries.split(",")).map(String::strip).toList();
    }

    /** Whether only some members may vote (a level, a membership date or home countries). */
    public boolean restrictsVoters() {
        return minLevel != null || memberSinceBefore != null || countries != null;
    }

    public Visibility resultsVisibility() {
        return resultsVisibility;
    }

    public Integer eligibleCount() {
        return eligibleCount;
    }

    public Instant eligibleCountedAt() {
        return eligibleCountedAt;
    }

    public Long winnerCityId() {
        return winnerCityId;
    }

    public Integer chosenSize() {
        return chosenSize;
    }

    public Integer winnerPledges() {
        return winnerPledges;
    }

    public String tieBreak() {
        return tieBreak;
    }

    public String stateReason() {
        return stateReason;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
