package org.popcorn.server.member;

/**
 * Fired synchronously inside an account's deletion, after its sign-up places were given up and before the member is
 * kept only as an anonymous former member: observers (the plugin host) erase their own data about the member. An
 * observer that throws makes the whole deletion roll back.
 *
 * @param memberId the member being erased
 */
public record MemberErasing(long memberId) {
}
