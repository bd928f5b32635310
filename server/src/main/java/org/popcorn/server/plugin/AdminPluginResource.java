package org.popcorn.server.plugin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.popcorn.server.auth.Caller;

/** Admins manage plugins at run time: enable, disable, rescan the directory, settings, failed event deliveries. */
@Path("admin/plugins")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Plugins")
@SecurityRequirement(name = "bearer")
public class AdminPluginResource {

    @Inject
    Caller caller;

    @Inject
    PluginHost host;

    @Inject
    PluginAssembler assembler;

    @Inject
    PluginSettingsStore settings;

    @PersistenceContext(unitName = "popcorn")
    EntityManager em;

    @PUT
    @Path("{id}")
    @Operation(summary = "Enable or disable a plugin", description = "{\"enabled\": false}: its routes answer 404, its listeners stop, "
            + "its pages leave the navigation. Survives restarts.")
    public PluginViews.PluginView toggle(@PathParam("id") String id, @Valid @NotNull(message = "Send {\"enabled\": true|false}.") PluginViews.Toggle t) {
        caller.requireAdmin();
        return assembler.view(host.setEnabled(id, t.enabled, caller.requireMemberId()));
    }

    @POST
    @Path("rescan")
    @Operation(summary = "Load plugin jars added to the plugins directory since start", description = "Answers every plugin.")
    public List<PluginViews.PluginView> rescan() {
        caller.requireAdmin();
        host.rescan();
        return host.all().stream().map(assembler::view).toList();
    }

    @GET
    @Path("{id}/settings")
    @Operation(summary = "A plugin's settings with their current values")
    public List<PluginViews.SettingView> settings(@PathParam("id") String id) {
        caller.requireAdmin();
        HostedPlugin p = host.plugin(id);
        if (p.extension() == null) {
            return List.of();
        }
        return p.extension().settings().stream().map(d -> PluginViews.SettingView.of(d, settings.value(id, d.key()))).toList();
    }

    @PUT
    @Path("{id}/settings")
    @Operation(summary = "Change settings", description = "Body: {\"key\": \"value\", ...}; values are checked against the setting's type.")
    public List<PluginViews.SettingView> changeSettings(@PathParam("id") String id, @NotNull(message = "Send {\"key\": \"value\"}.") Map<String, String> values) {
        caller.requireAdmin();
        settings.set(id, values);
        return settings(id);
    }

    @GET
    @Path("{id}/failures")
    @Operation(summary = "Event deliveries to this plugin that failed", description = "Newest first, at most 100.")
    public List<PluginViews.Failure> failures(@PathParam("id") String id) {
        caller.requireAdmin();
        host.plugin(id);
        List<PluginViews.Failure> out = new ArrayList<>();
        for (PluginEventFailure r : em.createQuery("select f from PluginEventFailure f where f.pluginId = :p order by f.id desc",
                PluginEventFailure.class).setParameter("p", id).setMaxResults(100).getResultList()) {
            PluginViews.Failure f = new PluginViews.Failure();
            f.id = r.id;
            f.eventId = r.eventId;
            f.eventType = r.eventType;
            f.error = r.error;
            f.failedAt = r.failedAt;
            out.add(f);
        }
        return out;
    }
}
