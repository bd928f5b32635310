package org.popcorn.server.signup;

/**
 * What sign-up eligibility asks about a member: their level, privileges and a plugin's qualifications. Implemented where
 * members, points and qualifications meet (the plugin host), so the sign-up rules need none of those packages.
 */
public interface MemberStanding {

    /** The member's level (1 for a newcomer). */
    int level(long memberId);

    /** Whether the member has the privilege, by level or an admin's grant. */
    boolean may(long memberId, String privilege);

    /** Whether the member holds the plugin's qualification, not lapsed. */
    boolean qualified(String pluginId, String code, long memberId);
}
