package org.popcorn.server.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.popcorn.server.common.ProblemException;

/** A consent given to one version of a purpose's text; it can be withdrawn, never edited. */
@Entity
@Table(name = "consent_record")
public class ConsentRecord {

    static final String SUBJECT = "[A-Za-z0-9][A-Za-z0-9:._-]{0,99}";

    @Id
    @SequenceGenerator(name = "consentSeq", sequenceName = "consent_record_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "consentSeq")
    private Long id;

    @Column(name = "plugin_id")
    private String pluginId;

    private String subject;

    private String purpose;

    private int version;

    @Column(name = "given_at")
    private Instant givenAt;

    @Column(name = "captured_by")
    private Long capturedBy;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    protected ConsentRecord() {
    }

    ConsentRecord(String pluginId, String subject, ConsentText text, Long capturedBy, Instant now) {
        if (subject == null || !subject.matches(SUBJECT)) {
            throw ProblemException.unprocessable("A consent subject is a reference such as lead-42, not personal data.", "subject").withCode("consent.bad-subject");
        }
        this.pluginId = pluginId;
        this.subject = subject;
        this.purpose = text.purpose();
        this.version = text.version();
        this.capturedBy = capturedBy;
        this.givenAt = now;
    }

    void withdraw(Instant now) {
        if (withdrawnAt == null) {
            withdrawnAt = now.isBefore(givenAt) ? givenAt : now;
        }
    }

    public boolean standing() {
        return withdrawnAt == null;
    }

    public long id() {
        return id;
    }

    public String subject() {
        return subject;
    }

    public String purpose() {
        return purpose;
    }

    public int version() {
        return version;
    }

    public Instant givenAt() {
        return givenAt;
    }

    public Long capturedBy() {
        return capturedBy;
    }

    public Instant withdrawnAt() {
        return withdrawnAt;
    }
}
