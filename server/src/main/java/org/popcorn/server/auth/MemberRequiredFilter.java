package org.popcorn.server.auth;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * An operation that the API document declares as needing a member ({@code @SecurityRequirement(name = "bearer")}
 * on the method or its class) answers 401 to an anonymous caller before anything else — before its body is
 * validated — so that a client never learns more about a write than "log in first". The document and the
 * behaviour come from the same annotation and cannot disagree. Finer checks (admin, organiser of the city) stay
 * with the services, against the object being changed.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class MemberRequiredFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Inject
    Caller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null || caller.isAuthenticated()) {
            return;
        }
        if (needsMember(method.getAnnotation(SecurityRequirement.class))
                || method.getAnnotation(SecurityRequirement.class) == null
                && needsMember(resource.getResourceClass().getAnnotation(SecurityRequirement.class))) {
            caller.requireMemberId();
        }
    }

    private static boolean needsMember(SecurityRequirement r) {
        return r != null && "bearer".equals(r.name());
    }
}
