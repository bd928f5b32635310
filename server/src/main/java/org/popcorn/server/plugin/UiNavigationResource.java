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
    public List<PluginViews.NavView> navigation() {
        return assembler.navigation(host.all());
    }
}
