/**
 * The Popcorn plugin SDK: the only thing a Popcorn plugin compiles against.
 *
 * <p>A plugin is a PF4J plugin jar whose manifest names its id, version and the SDK range it needs
 * ({@code Plugin-Requires}). It contributes one {@link org.popcorn.api.PopcornExtension}, marked with PF4J's
 * {@code @Extension}. At start the host hands it a {@link org.popcorn.api.PluginContext}: the plugin's only door to
 * the server (database, members, cities, points, notifications, events, the current member, settings). Nothing in this
 * package exposes the server's internals.
 *
 * <p>Versioning: {@link org.popcorn.api.PopcornSdk#VERSION} follows semantic versioning. Within one major version
 * (and, before 1.0, within one minor version) types and methods are only added, never changed or removed.
 */
package org.popcorn.api;
