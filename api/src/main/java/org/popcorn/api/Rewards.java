package org.popcorn.api;

/** The reward system, with this plugin as the source of every entry.
 *
 * @since 0.1.0
 */
public interface Rewards {

    /**
     * Pays points once per idempotency key: a second call with the same member and key pays nothing and answers false.
     * Joins the caller's database transaction when there is none of its own, so call it after your own write committed.
     */
    boolean awardPoints(long memberId, int amount, String reason, String idempotencyKey);

    /**
     * The same with a reason each member reads in their own language on their points page, from this plugin's
     * catalogues ({@link Message}).
     *
     * @since 0.2.0
     */
    default boolean awardPoints(long memberId, int amount, Message reason, String idempotencyKey) {
        return awardPoints(memberId, amount, reason.english(), idempotencyKey);
    }

    /** Adds to a member's activity counter (e.g. {@code meetups_attended}); awards the badges whose threshold it reaches. */
    void recordActivity(long memberId, String kind, long delta);

    /** Awards one of this plugin's badges (see {@link PopcornExtension#badges()}); false when the member had it. */
    boolean awardBadge(long memberId, String badgeCode);

    /** "May this member …?" for a privilege code (e.g. {@code host-without-review}): by level or an admin's grant. */
    boolean may(long memberId, String privilegeCode);
}
