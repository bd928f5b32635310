package org.popcorn.server.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** Whether a member wants one kind of notification by e-mail too. */
@Entity
@Table(name = "notification_pref")
@IdClass(NotificationPref.Key.class)
public class NotificationPref {

    @Id
    @Column(name = "member_id")
    private Long memberId;

    @Id
    private String kind;

    private boolean email;

    protected NotificationPref() {
    }

    public NotificationPref(long memberId, String kind, boolean email) {
        this.memberId = memberId;
        this.kind = kind;
        this.email = email;
    }

    public String kind() {
        return kind;
    }

    public boolean email() {
        return email;
    }

    public void email(boolean email) {
        this.email = email;
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
