package org.popcorn.api;

import java.util.Optional;

/** The member making the current HTTP request (bearer token checked by the core) and what they may do.
 *
 * @since 0.1.0
 */
public interface CurrentMember {

    /** The member's id, or empty for an anonymous request. */
    Optional<Long> id();

    /** The member's id; answers 401 to the client when the request is anonymous. */
    long require();

    /** Whether the member is an admin. */
    boolean isAdmin();

    /** Whether the member organises this city (admins count as organisers of every city). */
    boolean organises(long cityId);

    /** Whether the member organises at least one city (or is an admin). */
    boolean isOrganiser();

    /** "May this member …?" for a privilege code, by level or an admin's grant. */
    boolean may(String privilegeCode);
}
