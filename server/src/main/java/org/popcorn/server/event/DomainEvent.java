package org.popcorn.server.event;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A domain event recorded in the transaction that caused it ("round.closed", ...), with a JSON payload. The record is
 * the durable form that the plugin SDK exposes; listeners are told after the transaction commits.
 */
@Entity
@Table(name = "domain_event")
public class DomainEvent {

    @Id
    @SequenceGenerator(name = "eventSeq", sequenceName = "domain_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "eventSeq")
    private Long id;

    private String type;
    private String source;
    private String payload;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    protected DomainEvent() {
    }

    public DomainEvent(String type, String source, String payload, Instant occurredAt) {
        this.type = type;
        this.source = source;
        this.payload = payload;
        this.occurredAt = occurredAt;
    }

    public Long id() {
        return id;
    }

    public String type() {
        return type;
    }

    public String source() {
        return source;
    }

    public String payload() {
        return payload;
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}
