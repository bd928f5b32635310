package org.popcorn.api;

import java.util.Optional;

/** Looks up members. Only public data: never e-mails or passwords.
 *
 * @since 0.1.0
 */
public interface Members {

    /** A member's public data and standing. */
    record MemberInfo(long id, String handle, String displayName, Long homeCityId, int level, long lifetimePoints,
                      boolean attendanceVisible) {
    }

    /** An active member by id. */
    Optional<MemberInfo> byId(long memberId);

    /** An active member by handle (case-insensitive). */
    Optional<MemberInfo> byHandle(String handle);

    /**
     * Active members whose home city is {@code cityId}, most points first (to ask for help, say), one page of
     * {@code size} (1 to 500) at a time.
     *
     * @since 0.2.0
     */
    java.util.List<MemberInfo> livingIn(long cityId, int page, int size);
}
