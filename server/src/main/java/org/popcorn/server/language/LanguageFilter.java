package org.popcorn.server.language;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Sets {@link Language#current()} from the request's {@code Accept-Language} for the request's thread, and says in
 * {@code Vary} that answers depend on it (names of cities and levels are given in the reader's language).
 */
@Provider
@PreMatching
public class LanguageFilter implements ContainerRequestFilter, ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        Language.set(Language.of(request.getHeaderString("Accept-Language")));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().add("Vary", "Accept-Language");
        response.getHeaders().putSingle("Content-Language", Language.current());
        Language.clear();
    }
}
