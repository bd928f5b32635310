package org.popcorn.server.member;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A member organises for one city. Granted and revoked by admins. */
@Entity
@Table(name = "organiser_role")
@IdClass(OrganiserRole.Key.class)
public class OrganiserRole {

    @Id
    @Column(name = "member_id")
    private Long memberId;

    @Id
    @Column(name = "city_id")
    private Long cityId;

    @Column(name = "granted_by")
    private Long grantedBy;

    @Column(name = "granted_at")
    private Instant grantedAt;

    protected OrganiserRole() {
    }

    public OrganiserRole(long memberId, long cityId, Long grantedBy, Instant grantedAt) {
        this.memberId = memberId;
        this.cityId = cityId;
        this.grantedBy = grantedBy;
        this.grantedAt = grantedAt;
    }

    public Long memberId() {
        return memberId;
    }

    public Long cityId() {
        return cityId;
    }

    public Instant grantedAt() {
        return grantedAt;
    }

    /** Composite key. */
    public static class Key implements Serializable {
        public Long memberId;
        public Long cityId;

        public Key() {
        }

        public Key(Long memberId, Long cityId) {
            this.memberId = memberId;
            this.cityId = cityId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(memberId, k.memberId) && Objects.equals(cityId, k.cityId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(memberId, cityId);
        }
    }
}
