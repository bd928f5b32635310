package org.popcorn.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Consent, recorded so that it can be shown later: who agreed to which text, for which purpose, when, and who
 * captured it. A plugin publishes the text of each purpose it asks consent for (one purpose per use: "contact me
 * about products" and "invite me to meetups" are two); changing a text makes a new version, and consent is always
 * given to one version. The subject is the plugin's own reference to a person, e.g. {@code lead-42} for a
 * neighbour who is not a member, or {@code member-7}; keep personal data out of it, so a consent record outlives
 * the erasure of the data it allowed without identifying anyone.
 *
 * <p>Every call joins the current unit of work, so a lead and its consents commit together or not at all.
 *
 * @since 0.2.0
 */
public interface Consents {

    /**
     * One version of a purpose's text.
     *
     * @param purpose     the plugin's code for the use, e.g. {@code product-contact}
     * @param version     1, 2, … (a new one each time the text changes)
     * @param text        the text by locale ({@code en}, {@code zh-CN}); {@code en} is always there
     * @param publishedAt when this version was published
     * @since 0.2.0
     */
    record Text(String purpose, int version, Map<String, String> text, Instant publishedAt) {
    }

    /**
     * A consent given (and perhaps withdrawn).
     *
     * @param id          the record's id
     * @param subject     the plugin's reference to the person
     * @param purpose     what it allows
     * @param version     the text version agreed to
     * @param givenAt     when
     * @param capturedBy  the member who recorded it (a volunteer at a booth), or null when the person did themselves
     * @param withdrawnAt when it was withdrawn, or null while it stands
     * @since 0.2.0
     */
    record Consent(long id, String subject, String purpose, int version, Instant givenAt, Long capturedBy, Instant withdrawnAt) {

        /** Whether it still allows its purpose. @since 0.2.0 */
        public boolean standing() {
            return withdrawnAt == null;
        }
    }

    /**
     * Publishes the text of a purpose (call it from {@code start}): the same text as the current version changes
     * nothing; a different one becomes the next version. Consent given to an older version stands until withdrawn.
     * Purpose codes are lower-case letters, digits and dashes; {@code text} must hold {@code en}.
     *
     * @return the current version
     * @since 0.2.0
     */
    Text publish(String purpose, Map<String, String> text);

    /** The current text of a purpose, if published. @since 0.2.0 */
    Optional<Text> current(String purpose);

    /**
     * Records that {@code subject} agreed to {@code version} of the purpose's text. Refused with 422
     * ({@code consent.unknown-purpose}) for a purpose never published and 409 ({@code consent.outdated-text}) for a
     * version that is not the current one: the person must see what they agree to. Giving the same consent (same
     * version) twice keeps the first record; agreeing to a newer version while an older one stands records it beside
     * the older one, which stands until withdrawn.
     *
     * @since 0.2.0
     */
    Consent record(String subject, String purpose, int version, Long capturedBy);

    /** The subject's standing consent for a purpose; the newest when several versions stand. @since 0.2.0 */
    Optional<Consent> standing(String subject, String purpose);

    /** Every consent record of a subject, newest first, withdrawn ones too. @since 0.2.0 */
    List<Consent> of(String subject);

    /** Withdraws a subject's consent for a purpose; false when none stood. @since 0.2.0 */
    boolean withdraw(String subject, String purpose);

    /** Withdraws every standing consent of a subject (on erasure); returns how many. @since 0.2.0 */
    int withdrawAll(String subject);
}
