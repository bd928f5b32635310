package org.popcorn.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Qualifications a plugin grants its members (a completed product training, a driving licence checked by an organiser,
 * a first-aid course), scoped to the plugin: codes are the plugin's own. A sign-up pool can require one (see
 * {@link Signups.Eligibility#qualification(String)}); the host checks it at join and at promotion.
 *
 * @since 0.2.0
 */
public interface Qualifications {

    /**
     * A member's qualification.
     *
     * @param code      the plugin's code, e.g. {@code product-training}
     * @param memberId  who holds it
     * @param grantedBy the member who granted it (an organiser), or null when the plugin's own logic did
     * @param grantedAt when
     * @param expiresAt when it lapses, or null for never
     * @since 0.2.0
     */
    record Qualification(String code, long memberId, Long grantedBy, Instant grantedAt, Instant expiresAt) {
    }

    /** Grants (or renews) a qualification until {@code expiresAt} (null: for good). Joins the current unit of work. @since 0.2.0 */
    Qualification grant(long memberId, String code, Long grantedBy, Instant expiresAt);

    /** Withdraws it; false when the member did not hold it. @since 0.2.0 */
    boolean revoke(long memberId, String code);

    /** The member's qualification of this code, if held and not lapsed. @since 0.2.0 */
    Optional<Qualification> of(long memberId, String code);

    /** Every qualification of this plugin the member holds and that has not lapsed, by code. @since 0.2.0 */
    List<Qualification> heldBy(long memberId);
}
