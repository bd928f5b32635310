package org.popcorn.server.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import org.popcorn.server.common.JsonbConfigurator;

/**
 * Conditional GETs for {@link ConditionalGet} operations: the answer's JSON is hashed (SHA-256) into a strong
 * {@code ETag}; when the request's {@code If-None-Match} names it, the answer is {@code 304} without a body. The
 * hash is of what would be sent, so any change to the data — a new ballot in live results, a renamed city — makes
 * a new tag, and nothing needs invalidating.
 */
@Provider
@ConditionalGet
public class ETagFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!"GET".equals(request.getMethod()) || response.getStatus() != 200 || !response.hasEntity()) {
            return;
        }
        String json = JsonbConfigurator.jsonb().toJson(response.getEntity(), response.getEntityType());
        String tag = ETags.of(json.getBytes(StandardCharsets.UTF_8));
        response.getHeaders().putSingle("ETag", tag);
        response.getHeaders().putSingle("Cache-Control", "no-cache");
        if (ETags.matches(request.getHeaderString("If-None-Match"), tag)) {
            response.setStatus(304);
            response.setEntity(null);
        }
    }
}
