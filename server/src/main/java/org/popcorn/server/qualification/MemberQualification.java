package org.popcorn.server.qualification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.popcorn.server.common.ProblemException;

/** A plugin's qualification held by a member (a training done, a licence checked), possibly until a time. */
@Entity
@Table(name = "member_qualification")
@IdClass(MemberQualification.Key.class)
public class MemberQualification {

    /** The shape of a qualification code: lower-case words joined by dashes or dots. */
    static final String CODE = "[a-z0-9][a-z0-9.-]{0,99}";

    @Id
    @Column(name = "plugin_id")
    private String pluginId;

    @Id
    private String code;

    @Id
    @Column(name = "member_id")
    private Long memberId;

    @Column(name = "granted_by")
    private Long grantedBy;

    @Column(name = "granted_at")
    private Instant grantedAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    protected MemberQualification() {
    }

    MemberQualification(String pluginId, String code, long memberId) {
        if (code == null || !code.matches(CODE)) {
            throw ProblemException.unprocessable("A qualification code is lower-case letters, digits, '.' and '-'.", "code").withCode("qualification.bad-code");
        }
        this.pluginId = pluginId;
        this.code = code;
        this.memberId = memberId;
    }

    /** Grants or renews it; refuses an expiry that is already past. */
    void grant(Long by, Instant now, Instant until) {
        if (until != null && !until.isAfter(now)) {
            throw ProblemException.unprocessable("A qualification expires in the future.", "expiresAt").withCode("qualification.expiry-in-past");
        }
        this.grantedBy = by;
        this.grantedAt = now;
        this.expiresAt = until;
    }

    public boolean heldAt(Instant now) {
        return expiresAt == null || expiresAt.isAfter(now);
    }

    public String code() {
        return code;
    }

    public long memberId() {
        return memberId;
    }

    public Long grantedBy() {
        return grantedBy;
    }

    public Instant grantedAt() {
        return grantedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    /** The composite key. */
    public static class Key implements Serializable {
        private String pluginId;
        private String code;
        private Long memberId;

        public Key() {
        }

        public Key(String pluginId, String code, Long memberId) {
            this.pluginId = pluginId;
            this.code = code;
            this.memberId = memberId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(pluginId, k.pluginId) && Objects.equals(code, k.code)
                    && Objects.equals(memberId, k.memberId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(pluginId, code, memberId);
        }
    }
}
