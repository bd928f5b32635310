package org.popcorn.api;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.pf4j.ExtensionPoint;

/**
 * What a plugin contributes to Popcorn. A plugin has exactly one implementation, annotated with PF4J's
 * {@code @Extension}; every method has a default, so a plugin implements only what it offers. The host reads the
 * contributions after {@link #start} and lists them as the plugin's capability manifest ({@code GET /api/plugins}).
 *
 * @since 0.1.0
 */
public interface PopcornExtension extends ExtensionPoint {

    /**
     * Called once when the plugin starts, after its database migrations ran. Keep the context: it is the plugin's
     * door to the host. Throwing here marks the plugin as failed (with the message as reason); the server goes on.
     */
    default void start(PluginContext context) {
    }

    /** Called when the plugin stops (server shutdown). Release what {@link #start} acquired. */
    default void stop() {
    }

    /**
     * The plugin's JAX-RS root resource, served under {@code /api/plugins/{pluginId}}: its methods' {@code @Path}s are
     * relative to that address (a method without {@code @Path} answers at the address itself). Use sub-resource
     * locators for more structure. Request and answer bodies are JSON (JSON-B); throw {@link PluginProblem} for errors.
     * The core's authentication applies: see {@link PluginContext#currentMember()}. Null when the plugin has no routes.
     */
    default Object restResource() {
        return null;
    }

    /** The event types this plugin listens to (e.g. {@code round.closed}); see {@link #onEvent}. */
    default Set<String> eventTypes() {
        return Set.of();
    }

    /**
     * Receives an event of one of {@link #eventTypes()}, after the transaction that caused it committed, on a
     * background thread. An exception is logged with the plugin id and recorded for admins; it never affects the core
     * or another plugin. The same event may be delivered again after a failure: make handling idempotent.
     */
    default void onEvent(PopcornEvent event) {
    }

    /**
     * Called about once a minute (the host's {@code popcorn.plugins.schedule-seconds}) on a background thread, for work
     * that time passing makes due: finishing what has ended, releasing held seats, sending reminders. Every server that
     * shares the database calls it, so make the work idempotent and let the database decide who does a state change
     * (e.g. {@code update ... where status = 'PUBLISHED'}). An exception is logged with the plugin's id; the next call
     * comes anyway. Since SDK 0.1.1.
     *
     * @param now the time of this call
     */
    default void onSchedule(Instant now) {
    }

    /** Settings admins may change at run time, with their defaults. */
    default List<SettingDefinition> settings() {
        return List.of();
    }

    /** Badges this plugin awards; defined (or updated) at start. */
    default List<BadgeDefinition> badges() {
        return List.of();
    }

    /**
     * Privileges this plugin declares (see {@link PrivilegeDefinition}); defined (or updated) at start.
     *
     * @since 0.2.0
     */
    default List<PrivilegeDefinition> privileges() {
        return List.of();
    }

    /**
     * Panels this plugin adds to the core's pages (the city page, a member's profile); see {@link PanelDefinition}.
     *
     * @since 0.2.0
     */
    default List<PanelDefinition> panels() {
        return List.of();
    }

    /** Entries this plugin adds to the web UI's navigation; pages are served from the jar's {@code web/} folder. */
    default List<NavigationEntry> navigation() {
        return List.of();
    }

    /**
     * What this plugin holds about a member, for the member's "download my data" ({@code GET /api/me/export}, where it
     * appears under the plugin's id beside the core's part). Answer a JSON-able value — maps, lists, texts, numbers,
     * booleans; instants as ISO-8601 texts — or null when the plugin holds nothing about them. Include what the member
     * gave or did (RSVPs, hours, ratings, comments), not other members' data. Called inside a read-only unit of work,
     * also while an admin has the plugin disabled (the data is still the member's). A plugin that throws is left out of
     * the download, which says so; the others are still in it.
     *
     * @param memberId the member asking for their data
     * @return the plugin's part of the download, or null
     * @since 0.2.0
     */
    default Object exportMember(long memberId) {
        return null;
    }

    /**
     * Erases what this plugin holds about a member whose account is being deleted ("delete my data"). It runs inside
     * the deletion's unit of work, also while an admin has the plugin disabled: the core has already given up every
     * sign-up place the member held, and after this hook it keeps the member only as an anonymous "former member"
     * (same id; no name, e-mail, profile or log-in). Delete what is personal (private notes, feeds, contact details,
     * free texts) and keep, under the id, the contributions others rely on — a rating in a meetup's average, hours in a
     * campaign's total — which the id no longer ties to a person. When the hook throws, nothing of the deletion happens:
     * the member is told to try again later and admins find the plugin's id in the log. Make it idempotent.
     * {@link CoreEvents#MEMBER_DELETED} follows after the commit.
     *
     * @param memberId the member being erased
     * @since 0.2.0
     */
    default void eraseMember(long memberId) {
    }

    /** Notification kinds this plugin sends, with the description members see on their e-mail choices. */
    default List<NotificationKind> notificationKinds() {
        return List.of();
    }
}
