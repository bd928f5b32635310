package org.popcorn.server.member;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How profiles look in the API. The public view never carries the e-mail. */
public final class ProfileViews {

    private ProfileViews() {
    }

    /** A level. */
    @Schema(name = "Level")
    public static class LevelView {
        public int number;
        public String name;
        public long minPoints;
        @Schema(description = "Points still needed to reach this level (next level only)")
        public Long pointsToGo;
    }

    /** A badge held. */
    @Schema(name = "BadgeHeld")
    public static class BadgeView {
        public String code;
        public String name;
        public String description;
        public String icon;
        public String source;
        public Instant awardedAt;
    }

    /** Relationship stage with what it takes to reach the next. */
    @Schema(name = "Stage")
    public static class StageView {
        @Schema(enumeration = {"CUSTOMER", "LOYAL_CUSTOMER", "FRIEND", "PARTNER", "BRAND_AMBASSADOR"})
        public String code;
        public String label;
        public String nextStep;
    }

    /** What everybody may see of a member. */
    @Schema(name = "PublicProfile")
    public static class PublicProfile {
        @Schema(description = "The member's id, as plugins' panels and routes take it (memberId)")
        public long id;
        public String handle;
        public String displayName;
        public String bio;
        public String avatarUrl;
        public org.popcorn.server.city.CityRef homeCity;
        public long points;
        public LevelView level;
        public List<BadgeView> badges;
        public StageView stage;
        public Instant joinedAt;
        @Schema(description = "Public counts of participation by kind (votes, meetups_attended, ...)")
        public Map<String, Long> activity;
        public boolean organiser;
    }

    /** The member's own profile: the public part plus private data. */
    @Schema(name = "MyProfile")
    public static class MyProfile extends PublicProfile {
        public String email;
        public boolean attendanceVisible;
        @Schema(description = "The language notifications and e-mails are written in (en, zh-CN)")
        public String language;
        public boolean admin;
        public long lifetimePoints;
        public LevelView nextLevel;
        public List<org.popcorn.server.city.CityRef> organiserOf;
        @Schema(description = "Privilege codes this member holds (by level or grant)", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY, implementation = String.class)
        public List<String> privileges;
        public long unreadNotifications;
    }
}
