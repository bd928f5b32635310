package org.popcorn.server.plugin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The installed plugins, and the door to each plugin's own routes under {@code /api/plugins/{id}}. */
@Path("plugins")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PluginResource {
    // No class-level @Tag: Payara's OpenAPI processor fails on a class-level tag when the class has a sub-resource
    // locator (NPE in TagImpl.merge), and then serves no document at all.

    @Inject
    PluginHost host;

    @Inject
    PluginAssembler assembler;

    @Inject
    org.popcorn.server.auth.Caller caller;

    @GET
    @Tag(name = "Plugins")
    @Operation(operationId = "listPlugins", summary = "Installed plugins", description = "Id, version, description, state (started, disabled, failed with the reason) "
            + "and what each contributes: routes, tables, events, settings, badges, pages.")
    public List<PluginViews.PluginView> list() {
        boolean admin = caller.isAdmin();
        return host.all().stream().map(p -> assembler.view(p, admin)).toList();
    }

    /** Hands the request to the plugin's root resource; 404 (problem) when the plugin is unknown, disabled or failed. */
    @Path("{id}")
    public Object route(@PathParam("id") String id) {
        HostedPlugin p = host.active(id);
        Object resource = p.extension().restResource();
        if (resource == null) {
            throw org.popcorn.server.common.ProblemException.notFound("Plugin '" + id + "' has no API routes.").withCode("plugin.no-routes");
        }
        return resource;
    }
}
