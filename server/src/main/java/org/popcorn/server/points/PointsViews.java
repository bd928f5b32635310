package org.popcorn.server.points;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.popcorn.server.language.Texts;
import org.popcorn.server.common.Page;
import org.popcorn.server.member.ProfileViews;

/** Bodies of the points endpoints. */
public final class PointsViews {

    private PointsViews() {
    }

    /** One ledger line. */
    @Schema(name = "LedgerEntry")
    public static class Entry {
        public long id;
        public int amount;
        public String reason;
        @Schema(description = "'core' or the id of the plugin that paid")
        public String source;
        public String idempotencyKey;
        public Instant createdAt;

        public static Entry of(PointsEntry e) {
            Entry v = new Entry();
            v.id = e.id();
            v.amount = e.amount();
            v.reason = e.reason(org.popcorn.server.language.Language.current());
            v.source = e.source();
            v.idempotencyKey = e.idempotencyKey();
            v.createdAt = e.createdAt();
            return v;
        }
    }

    /** My points: balance, lifetime, level and a page of the ledger. */
    @Schema(name = "MyPoints")
    public static class MyPoints {
        public long balance;
        public long lifetimePoints;
        public ProfileViews.LevelView level;
        public ProfileViews.LevelView nextLevel;
        public Page<Entry> ledger;
    }

    /** An admin's manual award (or correction, with a negative amount). */
    @Schema(name = "PointsAward")
    public static class AwardRequest {
        @NotNull(message = "{popcorn.award.amount.required}")
        public Integer amount;
        @NotBlank(message = "{popcorn.award.reason.required}")
        @Size(max = 200)
        public String reason;
        @NotBlank(message = "{popcorn.award.idempotency-key.required}")
        @Size(max = 200)
        public String idempotencyKey;
    }

    /** One line of a leaderboard. */
    @Schema(name = "LeaderboardEntry")
    public static class Leader {
        public long rank;
        public String handle;
        public String displayName;
        public long points;
        public org.popcorn.server.city.CityRef homeCity;
        public ProfileViews.LevelView level;
    }

    /** A badge that can be earned. */
    @Schema(name = "BadgeDefinition")
    public static class BadgeDef {
        public String code;
        public String name;
        public String description;
        public String icon;
        public String source;
        @Schema(description = "Awarded automatically when this activity counter reaches the threshold")
        public String activityKind;
        public Long threshold;

        public static BadgeDef of(Badge b) {
            BadgeDef d = new BadgeDef();
            d.code = b.code();
            d.name = Texts.of(b.source(), "badge." + b.code() + ".name", b.name());
            d.description = Texts.of(b.source(), "badge." + b.code() + ".description", b.description());
            d.icon = b.icon();
            d.source = b.source();
            d.activityKind = b.activityKind();
            d.threshold = b.threshold();
            return d;
        }
    }

    /** A privilege and the level that unlocks it. */
    @Schema(name = "PrivilegeDefinition")
    public static class PrivilegeDef {
        public String code;
        public String name;
        public String description;
        public Integer minLevel;
        @Schema(description = "Who declares it: core, or a plugin's id")
        public String source;

        public static PrivilegeDef of(Privilege p) {
            PrivilegeDef d = new PrivilegeDef();
            d.code = p.code();
            String owner = p.source() == null ? Texts.CORE : p.source();
            d.name = Texts.of(owner, "privilege." + p.code() + ".name", p.name());
            d.description = Texts.of(owner, "privilege." + p.code() + ".description", p.description());
            d.minLevel = p.minLevel();
            d.source = p.source();
            return d;
        }
    }
}
