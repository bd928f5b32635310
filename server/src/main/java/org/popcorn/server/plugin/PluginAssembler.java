package org.popcorn.server.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.popcorn.api.NotificationKind;
import org.popcorn.api.PopcornExtension;
import org.popcorn.api.SettingDefinition;

/** Builds plugin views, including the routes read from the plugin's JAX-RS annotations. */
@ApplicationScoped
public class PluginAssembler {

    @Inject
    PluginSettingsStore settings;

    /** The whole view, for admins. */
    public PluginViews.PluginView view(HostedPlugin p) {
        return view(p, true);
    }

    /**
     * A plugin as {@code GET /api/plugins} shows it: admins see the settings' values and why a plugin failed; others
     * see what each plugin is and contributes, not how it is configured nor the server's internal errors.
     */
    public PluginViews.PluginView view(HostedPlugin p, boolean admin) {
        PluginViews.PluginView v = new PluginViews.PluginView();
        v.id = p.id;
        v.version = p.version;
        v.description = org.popcorn.server.language.Texts.of(p.id, "plugin.description", p.description);
        v.provider = p.provider;
        v.requires = p.requires;
        v.state = p.state.name();
        v.reason = admin || p.state != HostedPlugin.State.FAILED ? p.reason : "This plugin could not start; an admin can see why.";
        PopcornExtension e = p.extension;
        if (e != null) {
            PluginViews.Manifest m = new PluginViews.Manifest();
            m.routes = PluginRoutes.describe(p.id, e.restResource()).stream().map(r -> r.method() + " " + r.path()).toList();
            m.tables = p.tables;
            m.events = new ArrayList<>(new TreeSet<>(e.eventTypes()));
            m.settings = new ArrayList<>();
            for (SettingDefinition d : e.settings()) {
                m.settings.add(PluginViews.SettingView.of(p.id, d, admin ? settings.value(p.id, d.key()) : null));
            }
            m.badges = PluginViews.badgeCodes(e.badges());
            m.navigation = e.navigation().stream().map(n -> PluginViews.NavView.of(p.id, n)).toList();
            m.notificationKinds = e.notificationKinds().stream().map(NotificationKind::kind).toList();
            v.manifest = m;
        }
        return v;
    }

    public List<PluginViews.NavView> navigation(java.util.Collection<HostedPlugin> plugins) {
        List<PluginViews.NavView> out = new ArrayList<>();
        for (HostedPlugin p : plugins) {
            if (p.isActive()) {
                p.extension.navigation().forEach(n -> out.add(PluginViews.NavView.of(p.id, n)));
            }
        }
        return out;
    }

    /** The panels active plugins add to one slot of the core's pages ({@code city}, {@code profile}). */
    public List<PluginViews.PanelView> panels(java.util.Collection<HostedPlugin> plugins, String slot) {
        List<PluginViews.PanelView> out = new ArrayList<>();
        for (HostedPlugin p : plugins) {
            if (p.isActive()) {
                p.extension.panels().stream().filter(d -> d.slot().equals(slot)).forEach(d -> out.add(PluginViews.PanelView.of(p.id, d)));
            }
        }
        return out;
    }
}
