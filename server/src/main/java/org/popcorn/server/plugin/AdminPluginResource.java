package org.popcorn.server.plugin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import org.popcorn.server.cluster.ClusterSignals;

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
    ClusterSignals signals;

    @Inject
    PluginAssembler assembler;

    @Inject
    PluginSettingsStore settings;

    @Inject
    PluginDeliveries deliveries;

    @Inject
    PluginEventBridge events;

    @PUT
    @Path("{id}")
    @Operation(summary = "Enable or disable a plugin", description = "{\"enabled\": false}: its routes answer 404, its listeners stop, "
            + "its pages leave the navigation. Survives restarts.")
    public PluginViews.PluginView toggle(@PathParam("id") String id, @Valid @NotNull(message = "{popcorn.plugin.toggle.body}") PluginViews.Toggle t) {
        caller.requireAdmin();
        PluginViews.PluginView view = assembler.view(host.setEnabled(id, t.enabled, caller.requireMemberId()));
        events.wake(); // what happened while it was disabled is delivered now
        return view;
    }

    @POST
    @Path("rescan")
    @Operation(summary = "Rescan the plugins directory",
            description = "Loads jars added since start, replaces a plugin whose jar changed (a new version dropped over it) without a"
                    + " restart, unloads one whose jar was removed, and tries failed ones again. Answers every plugin. Every other"
                    + " server on the same database rescans within a few seconds.")
    public List<PluginViews.PluginView> rescan() {
        caller.requireAdmin();
        host.rescan();
        signals.raise(ClusterSignals.PLUGINS_RESCAN); // every other server on this database rescans too
        return host.all().stream().map(assembler::view).toList();
    }

    @POST
    @Path("{id}/repair")
    @Operation(summary = "Repair a failed plugin and start it again",
            description = "For a plugin whose migration failed: removes the failed migration from the plugin's migration history (Flyway's"
                    + " repair; on H2 a failed migration otherwise blocks every later try), realigns the checksums of applied ones with"
                    + " the jar's, and starts the plugin again from its jar. Objects a half-run script created are not removed."
                    + " Answers the plugin; 409 plugin.not-failed when it did not fail. Every other server retries it within seconds.")
    public PluginViews.PluginView repair(@PathParam("id") String id) {
        caller.requireAdmin();
        HostedPlugin p = host.repair(id, caller.requireMemberId());
        signals.raise(ClusterSignals.PLUGINS_RESCAN); // the others try their failed copy again
        return assembler.view(p);
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
        return p.extension().settings().stream().map(d -> PluginViews.SettingView.of(id, d, settings.value(id, d.key()))).toList();
    }

    @PUT
    @Path("{id}/settings")
    @Operation(summary = "Change settings", description = "Body: {\"key\": \"value\", ...}; values are checked against the setting's type.")
    public List<PluginViews.SettingView> changeSettings(@PathParam("id") String id, @NotNull(message = "{popcorn.plugin.settings.body}") Map<String, String> values) {
        caller.requireAdmin();
        settings.set(id, values);
        return settings(id);
    }

    @GET
    @Path("{id}/failures")
    @Operation(summary = "Event deliveries to this plugin that failed",
            description = "Newest first, at most 100: those still being retried (status PENDING, with nextAttemptAt) and those given up "
                    + "after the last attempt (FAILED), each with its last error.")
    public List<PluginViews.Failure> failures(@PathParam("id") String id) {
        caller.requireAdmin();
        host.plugin(id);
        List<PluginViews.Failure> out = new ArrayList<>();
        for (Object[] row : deliveries.failedTo(id, 100)) {
            out.add(failure((PluginDelivery) row[0], (String) row[1]));
        }
        return out;
    }

    @POST
    @Path("{id}/failures/{deliveryId}/replay")
    @Operation(summary = "Deliver a failed event again", description = "Now, with a fresh set of attempts; the listener gets the same event id.")
    public PluginViews.Failure replay(@PathParam("id") String id, @PathParam("deliveryId") long deliveryId) {
        caller.requireAdmin();
        host.plugin(id);
        PluginDelivery d = deliveries.replay(id, deliveryId, java.time.Instant.now());
        events.wake();
        return failure(d, null);
    }

    private static PluginViews.Failure failure(PluginDelivery d, String type) {
        PluginViews.Failure f = new PluginViews.Failure();
        f.id = d.id;
        f.eventId = d.eventId;
        f.eventType = type;
        f.error = d.lastError;
        f.failedAt = d.lastFailedAt;
        f.attempts = d.attempts;
        f.status = d.status.name();
        f.nextAttemptAt = d.status == PluginDelivery.Status.PENDING ? d.nextAttemptAt : null;
        return f;
    }
}
