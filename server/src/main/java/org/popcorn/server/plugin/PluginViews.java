package org.popcorn.server.plugin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.popcorn.api.BadgeDefinition;
import org.popcorn.api.NavigationEntry;
import org.popcorn.api.SettingDefinition;
import org.popcorn.server.language.Texts;

/** How plugins look in the API. */
public final class PluginViews {

    private PluginViews() {
    }

    /** A plugin with its capability manifest. */
    @Schema(name = "Plugin")
    public static class PluginView {
        public String id;
        public String version;
        public String description;
        public String provider;
        @Schema(description = "The SDK range it requires")
        public String requires;
        @Schema(enumeration = {"STARTED", "DISABLED", "FAILED"})
        public String state;
        @Schema(description = "Why it is disabled or failed")
        public String reason;
        public Manifest manifest;
    }

    /** What a plugin contributes. */
    @Schema(name = "PluginManifest")
    public static class Manifest {
        @Schema(description = "Its API routes, e.g. 'GET /api/plugins/feedback/items'", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY, implementation = String.class)
        public List<String> routes;
        public List<String> tables;
        public List<String> events;
        public List<SettingView> settings;
        public List<String> badges;
        public List<NavView> navigation;
        public List<String> notificationKinds;
    }

    /** A setting with its current value. */
    @Schema(name = "PluginSetting")
    public static class SettingView {
        public String key;
        public String type;
        public String defaultValue;
        public String value;
        @Schema(description = "What the admin page calls it, in the reader's language (plugin catalogue setting.<key>.label; "
                + "in English the key as words)")
        public String label;
        @Schema(description = "What it does, in the reader's language (plugin catalogue setting.<key>.description)")
        public String description;

        static SettingView of(String pluginId, SettingDefinition d, String value) {
            SettingView v = new SettingView();
            v.key = d.key();
            v.type = d.type().name();
            v.defaultValue = d.defaultValue();
            v.value = value;
            v.label = Texts.of(pluginId, "setting." + d.key() + ".label", asWords(d.key()));
            v.description = Texts.of(pluginId, "setting." + d.key() + ".description", d.description());
            return v;
        }

        /** {@code priority-window-hours} → "Priority window hours". */
        static String asWords(String key) {
            String words = key.replace('-', ' ').replace('_', ' ').strip();
            return words.isEmpty() ? key : Character.toUpperCase(words.charAt(0)) + words.substring(1);
        }
    }

    /** A panel a plugin adds to a core page: where its content comes from. */
    @Schema(name = "PanelView")
    public static class PanelView {
        public String pluginId;
        @Schema(description = "city or profile")
        public String slot;
        @Schema(description = "The heading per language tag")
        public Map<String, String> title;
        @Schema(description = "A GET route answering the panel's items (a Panel), called with ?cityId= or ?memberId=")
        public String url;

        static PanelView of(String pluginId, org.popcorn.api.PanelDefinition d) {
            PanelView v = new PanelView();
            v.pluginId = pluginId;
            v.slot = d.slot();
            v.title = d.titles();
            v.url = "/api/plugins/" + pluginId + "/" + d.path().replaceFirst("^/+", "");
            return v;
        }
    }

    /** A navigation entry for the web UI. */
    @Schema(name = "NavigationEntry")
    public static class NavView {
        public String pluginId;
        public Map<String, String> label;
        public String href;
        public String icon;
        @Schema(description = "A GET route answering a page whose total is what awaits the signed-in member there (shown beside the entry); absent for none")
        public String countUrl;

        static NavView of(String pluginId, NavigationEntry e) {
            NavView v = new NavView();
            v.pluginId = pluginId;
            v.label = e.labels();
            v.href = e.href();
            v.icon = e.icon();
            String count = e.countPath();
            v.countUrl = count == null || count.isBlank() ? null : "/api/plugins/" + pluginId + "/" + count.replaceFirst("^/+", "");
            return v;
        }
    }

    /** An event delivery that failed. */
    @Schema(name = "PluginEventFailure")
    public static class Failure {
        @Schema(description = "The delivery's id (for replay)")
        public long id;
        @Schema(description = "The event's stable id, as listeners see it")
        public long eventId;
        public String eventType;
        @Schema(description = "The last attempt's error")
        public String error;
        public Instant failedAt;
        public int attempts;
        @Schema(description = "PENDING: retried at nextAttemptAt; FAILED: given up until replayed")
        public String status;
        public Instant nextAttemptAt;
    }

    /** Enable or disable. */
    @Schema(name = "PluginToggle")
    public static class Toggle {
        @jakarta.validation.constraints.NotNull(message = "{popcorn.boolean.required}")
        public Boolean enabled;
    }

    static List<String> badgeCodes(List<BadgeDefinition> badges) {
        return badges.stream().map(BadgeDefinition::code).toList();
    }
}
