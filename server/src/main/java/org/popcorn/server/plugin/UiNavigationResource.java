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

/** What active plugins add to the web UI, discovered at run time: navigation entries and panels on core pages. */
@Path("ui")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plugins")
public class UiNavigationResource {

    @Inject
    PluginHost host;

    @Inject
    PluginAssembler assembler;

    @GET
    @Path("navigation")
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

    @GET
    @Path("panels")
    @Operation(operationId = "listPanels", summary = "Panels active plugins add to a core page",
            description = "slot=city (the city page) or slot=profile (a member's profile); each panel's url answers its items.")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "The panels",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(schema =
            @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                    implementation = PluginViews.PanelView.class)))
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "422", description = "An unknown slot")
    public jakarta.ws.rs.core.Response panels(@jakarta.ws.rs.QueryParam("slot") String slot) {
        if (!org.popcorn.api.PanelDefinition.CITY.equals(slot) && !org.popcorn.api.PanelDefinition.PROFILE.equals(slot)) {
            throw org.popcorn.server.common.ProblemException.unprocessable("Give slot=city or slot=profile.", "slot").withCode("ui.unknown-slot");
        }
        return jakarta.ws.rs.core.Response.ok(assembler.panels(host.all(), slot)).header("Cache-Control", "no-store").build();
    }
}
