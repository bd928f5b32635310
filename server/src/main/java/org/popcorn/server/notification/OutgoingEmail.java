package org.popcorn.server.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** An e-mail waiting in the outbox (written in the same transaction as its cause, sent by {@link EmailDelivery}). */
@Entity
@Table(name = "email_outbox")
public class OutgoingEmail {

    @Id
    @SequenceGenerator(name = "emailSeq", sequenceName = "email_outbox_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "emailSeq")
    private Long id;

    @Column(name = "to_address")
    String toAddress;

    String subject;
    String body;

    @Column(name = "created_at")
    Instant createdAt;

    @Column(name = "sent_at")
    Instant sentAt;

    int attempts;

    @Column(name = "next_try_at")
    Instant nextTryAt;

    @Column(name = "last_error")
    String lastError;

    protected OutgoingEmail() {
    }

    public OutgoingEmail(String toAddress, String subject, String body, Instant now) {
        this.toAddress = toAddress;
        this.subject = subject;
        this.body = body;
        this.createdAt = now;
        this.nextTryAt = now;
    }

    public Long id() {
        return id;
    }

    /** A failed attempt: try again later, backing off exponentially up to an hour. */
    void failed(String error, Instant now) {
        long backoff = Math.min(3600, 30L << Math.min(attempts, 7));
        nextTryAt = now.plusSeconds(backoff);
        lastError = error == null ? "unknown" : error.length() > 1000 ? error.substring(0, 1000) : error;
    }
}
