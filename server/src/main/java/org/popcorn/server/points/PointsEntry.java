package org.popcorn.server.points;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.popcorn.api.Message;
import org.popcorn.server.language.Messages;

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

    /** How the reason was said (JSON of its message, see {@code Messages}), to read it in any language; null for a plain text. */
    @Column(name = "reason_message")
    private String reasonMessage;

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

    /** The reason in {@code lang}: rendered from its message when it has one, else the text as stored. */
    public String reason(String lang) {
        if (reasonMessage == null) {
            return reason;
        }
        try {
            return Messages.render(source, Messages.fromJson(Messages.parse(reasonMessage)), lang, city -> null);
        } catch (RuntimeException unreadable) {
            return reason;
        }
    }

    /** Keeps how the reason was said, when it fits its column. */
    void reasonMessage(Message m) {
        String json = Messages.toJson(m).toString();
        this.reasonMessage = json.length() <= 2000 ? json : null;
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
