package org.popcorn.server.points;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of the points ledger. Entries are never changed or deleted; a correction is a new entry. */
@Entity
@Table(name = "points_entry")
public class PointsEntry {

    @Id
    @SequenceGenerator(name = "pointsSeq", sequenceName = "points_entry_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pointsSeq")
    private Long id;

    @Column(name = "member_id")
    private Long memberId;

    private int amount;
    private String reason;
    private String source;

    @Column(name = "idempotency_key")
    private String idempotencyKey;

    @Column(name = "created_at")
    private Instant createdAt;

    protected PointsEntry() {
    }

    public PointsEntry(long memberId, int amount, String reason, String source, String idempotencyKey, Instant createdAt) {
        this.memberId = memberId;
        this.amount = amount;
        this.reason = reason;
        this.source = source;
        this.idempotencyKey = idempotencyKey;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public Long memberId() {
        return memberId;
    }

    public int amount() {
        return amount;
    }

    public String reason() {
        return reason;
    }

    public String source() {
        return source;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
