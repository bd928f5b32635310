package org.popcorn.server.points;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A counter of one kind of participation of one member (votes, meetups_attended, volunteer_hours, ...). */
@Entity
@Table(name = "member_activity")
@IdClass(MemberActivity.Key.class)
public class MemberActivity {

    @Id
    @Column(name = "member_id")
    private Long memberId;

    @Id
    private String kind;

    private long amount;

    protected MemberActivity() {
    }

    public MemberActivity(long memberId, String kind) {
        this.memberId = memberId;
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }

    public long amount() {
        return amount;
    }

    void add(long delta) {
        amount += delta;
    }

    /** Composite key. */
    public static class Key implements Serializable {
        public Long memberId;
        public String kind;

        public Key() {
        }

        public Key(Long memberId, String kind) {
            this.memberId = memberId;
            this.kind = kind;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(memberId, k.memberId) && Objects.equals(kind, k.kind);
        }

        @Override
        public int hashCode() {
            return Objects.hash(memberId, kind);
        }
    }
}
