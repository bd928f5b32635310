package org.popcorn.server.points;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A badge a member holds. The primary key makes each badge awardable once. */
@Entity
@Table(name = "member_badge")
@IdClass(MemberBadge.Key.class)
public class MemberBadge {

    @Id
    @Column(name = "member_id")
    private Long memberId;

    @Id
    @Column(name = "badge_code")
    private String badgeCode;

    @Column(name = "awarded_at")
    private Instant awardedAt;

    protected MemberBadge() {
    }

    public MemberBadge(long memberId, String badgeCode, Instant awardedAt) {
        this.memberId = memberId;
        this.badgeCode = badgeCode;
        this.awardedAt = awardedAt;
    }

    public String badgeCode() {
        return badgeCode;
    }

    public Instant awardedAt() {
        return awardedAt;
    }

    /** Composite key. */
    public static class Key implements Serializable {
        public Long memberId;
        public String badgeCode;

        public Key() {
        }

        public Key(Long memberId, String badgeCode) {
            this.memberId = memberId;
            this.badgeCode = badgeCode;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(memberId, k.memberId) && Objects.equals(badgeCode, k.badgeCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(memberId, badgeCode);
        }
    }
}
