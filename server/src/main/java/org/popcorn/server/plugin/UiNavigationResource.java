package org.popcorn.server.plugin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The web UI's plugin navigation, discovered at run time: only started, enabled plugins appear. */
@Path("ui/navigation")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plugins")
public class UiNavigationResource {

    @Inject
    PluginHost host;

    @Inject
    PluginAssembler assembler;

    @GET
    @Operation(summary = "Navigation entries contributed by active plugins")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "The entries",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(schema =
            @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                    implementation = PluginViews.NavView.class)))
    public jakarta.ws.rs.core.Response navigation() {
        List<PluginViews.NavView> entries = assembler.navigation(host.all());
        // Never cached: a plugin disabled a moment ago must leave every open page's navigation.
        return jakarta.ws.rs.core.Response.ok(entries).header("Cache-Control", "no-store").build();
    }
}
