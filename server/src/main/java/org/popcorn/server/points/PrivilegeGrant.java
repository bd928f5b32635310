package org.popcorn.server.points;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** An admin's grant of a privilege to one member, whatever their level. */
@Entity
@Table(name = "privilege_grant")
@IdClass(PrivilegeGrant.Key.class)
public class PrivilegeGrant {

    @Id
    @Column(name = "member_id")
    private Long memberId;

    @Id
    @Column(name = "privilege_code")
    private String privilegeCode;

    @Column(name = "granted_by")
    private Long grantedBy;

    @Column(name = "granted_at")
    private Instant grantedAt;

    protected PrivilegeGrant() {
    }

    public PrivilegeGrant(long memberId, String privilegeCode, Long grantedBy, Instant grantedAt) {
        this.memberId = memberId;
        this.privilegeCode = privilegeCode;
        this.grantedBy = grantedBy;
        this.grantedAt = grantedAt;
    }

    public String privilegeCode() {
        return privilegeCode;
    }

    /** Composite key. */
    public static class Key implements Serializable {
        public Long memberId;
        public String privilegeCode;

        public Key() {
        }

        public Key(Long memberId, String privilegeCode) {
            this.memberId = memberId;
            this.privilegeCode = privilegeCode;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(memberId, k.memberId) && Objects.equals(privilegeCode, k.privilegeCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(memberId, privilegeCode);
        }
    }
}
