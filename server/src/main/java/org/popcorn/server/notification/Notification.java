package org.popcorn.server.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A message in a member's inbox. */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    @SequenceGenerator(name = "notificationSeq", sequenceName = "notification_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notificationSeq")
    private Long id;

    @Column(name = "member_id")
    private Long memberId;

    private String kind;
    private String title;
    private String body;
    private String link;
    private String source;

    /** How title and body were said (JSON of their messages, see {@code Messages}), to read them in any language; null for plain texts. */
    private String message;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {
    }

    public Notification(long memberId, String kind, String title, String body, String link, String source, Instant createdAt) {
        this.memberId = memberId;
        this.kind = kind;
        this.title = title;
        this.body = body;
        this.link = link;
        this.source = source;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public Long memberId() {
        return memberId;
    }

    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public String body() {
        return body;
    }

    public String link() {
        return link;
    }

    public String message() {
        return message;
    }

    /** Keeps how the texts were said (JSON), so that the inbox can read them in the reader's language. */
    public void message(String json) {
        this.message = json;
    }

    public String source() {
        return source;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant readAt() {
        return readAt;
    }

    public void markRead(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }
}
