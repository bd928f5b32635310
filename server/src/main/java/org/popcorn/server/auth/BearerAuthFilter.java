package org.popcorn.server.auth;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.popcorn.server.common.ProblemException;

/**
 * Reads {@code Authorization: Bearer <token>} and, when the token is valid and unexpired, marks the request as made by
 * its member ({@link Caller}). A request without a token stays anonymous (endpoints that need a member answer 401);
 * a request with an invalid or expired token is refused with 401 at once, so a client learns its session is over.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthFilter implements ContainerRequestFilter {

    @Inject
    Caller caller;

    @Inject
    SessionService sessions;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString("Authorization");
        if (header == null || header.isBlank()) {
            return;
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ProblemException.unauthorized("Use 'Authorization: Bearer <token>'.").withCode("auth.bad-header");
        }
        String hash = Tokens.hash(header.substring(7).strip());
        Optional<Long> member = sessions.memberForTokenHash(hash);
        if (member.isEmpty()) {
            throw ProblemException.unauthorized("This session has expired or was ended. Log in again.").withCode("auth.token-expired");
        }
        caller.authenticate(member.get(), hash);
    }
}
