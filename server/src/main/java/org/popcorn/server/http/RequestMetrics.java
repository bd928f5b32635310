package org.popcorn.server.http;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * Request rates and latencies per route for {@code /metrics}: a timer {@code popcorn_http_requests} tagged with the
 * method, the route as declared (e.g. {@code /api/rounds/{id}/ballot}, a plugin's as
 * {@code /api/plugins/meetups/meetups/{id}/rsvp}) and the status class ({@code 2xx}...). The filter runs after
 * matching, so requests that match no route are not counted: clients cannot grow the number of series.
 */
@Provider
public class RequestMetrics implements ContainerRequestFilter, ContainerResponseFilter {

    static final String NAME = "popcorn_http_requests";
    private static final String STARTED = RequestMetrics.class.getName() + ".started";
    private static final Metadata METADATA = Metadata.builder().withName(NAME)
            .withDescription("API requests by method, route and status class").withUnit(MetricUnits.SECONDS).build();

    @Inject
    MetricRegistry metrics;

    @Context
    ExtendedUriInfo uri;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        if (!(started instanceof Long) || metrics == null) {
            return;
        }
        long nanos = System.nanoTime() - (Long) started;
        metrics.timer(METADATA, new Tag("method", request.getMethod()), new Tag("route", route()),
                new Tag("status", (response.getStatus() / 100) + "xx")).update(Duration.ofNanos(nanos));
    }

    /** The matched templates joined in order, with a plugin's id in place of {@code {id}}. */
    private String route() {
        List<UriTemplate> templates = new ArrayList<>(uri.getMatchedTemplates());
        if (templates.isEmpty()) {
            return "unmatched";
        }
        Collections.reverse(templates); // Jersey lists the last match first
        StringBuilder route = new StringBuilder("/api");
        for (UriTemplate t : templates) {
            String part = t.getTemplate();
            if (part.isEmpty() || part.equals("/")) {
                continue;
            }
            route.append(part.startsWith("/") ? "" : "/").append(part.endsWith("/") ? part.substring(0, part.length() - 1) : part);
        }
        String r = route.toString();
        List<PathSegment> segments = uri.getPathSegments();
        if (r.startsWith("/api/plugins/{id}/") && segments.size() > 1) { // a plugin's own route matched: the id is real
            r = "/api/plugins/" + segments.get(1).getPath() + r.substring("/api/plugins/{id}".length());
        }
        return r;
    }
}
