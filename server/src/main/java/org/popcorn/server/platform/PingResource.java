package org.popcorn.server.platform;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A no-op JSON endpoint: the same HTTP, JAX-RS and JSON path as every API call, with no database work. Benchmarks
 * measure it beside real endpoints as the ceiling of this server on this machine; load balancers may probe it.
 */
@Path("ping")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Health")
public class PingResource {

    @GET
    @Operation(summary = "No-op", description = "Answers {\"ok\":true} without touching the database.")
    public Map<String, Boolean> ping() {
        return Map.of("ok", true);
    }
}
