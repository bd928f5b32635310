package org.popcorn.server.plugin;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.popcorn.api.BadgeDefinition;
import org.popcorn.api.NotificationKind;
import org.popcorn.api.PopcornExtension;
import org.popcorn.api.PopcornSdk;
import org.popcorn.server.common.ProblemException;
import org.popcorn.server.notification.NotificationKinds;
import org.popcorn.server.points.Badge;
import org.popcorn.server.points.RewardsService;

/**
 * Loads plugins from {@code popcorn.plugins.dir} (PF4J jars), checks their SDK range, runs their migrations, starts
 * them, and keeps their state. A plugin that is broken in any way — bad descriptor, missing dependency, incompatible SDK
 * range, failing migration, tables outside its prefix, exception while starting — is refused with one log line and
 * listed as FAILED with the reason; the server and the other plugins go on. Admins disable and enable plugins at run
 * time (kept in {@code plugin_state}) and rescan the directory: new jars are loaded, a plugin whose jar changed (a new
 * version dropped over it) or went is unloaded and loaded again from what is there, and a failed one is tried again,
 * all without a restart. A plugin whose migration failed can be repaired ({@link #repair}).
 */
@ApplicationScoped
public class PluginHost {

    private static final Logger LOG = Logger.getLogger(PluginHost.class.getName());
    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)create\\s+(?:table|sequence|index\\s+\\S+\\s+on)\\s+(?:if\\s+not\\s+exists\\s+)?([A-Za-z0-9_.\"]+)");

    @Resource(lookup = "java:app/jdbc/popcorn")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "popcorn.plugins.dir", defaultValue = "./plugins")
    String pluginsDir;

    @Inject
    PluginBridge bridge;

    @Inject
    PluginUnitOfWork units;

    @Inject
    PluginSettingsStore settings;

    @Inject
    PluginStates states;

    @Inject
    RewardsService rewards;

    private PopcornPluginManager manager;
    private final Map<String, HostedPlugin> plugins = new LinkedHashMap<>();

    /** Counts changes to the set of plugins and their states, so what is derived from them (the API document) can be kept. */
    private volatile long generation;

    /** Changes whenever a plugin is loaded, enabled or disabled. */
    public long generation() {
        return generation;
    }

    /** Loads and starts every plugin jar in the directory. */
    public synchronized void start() {
        Path dir = Path.of(pluginsDir).toAbsolutePath().normalize();
        manager = new PopcornPluginManager(dir, PopcornSdk.VERSION);
        LOG.info(() -> "event=plugins.scanning dir=" + dir + " sdk=" + PopcornSdk.VERSION);
        scan(dir);
    }

    /** Loads jars that appeared since the last scan; answers the ids found. */
    public synchronized List<String> rescan() {
        if (manager == null) {
            start();
            return new ArrayList<>(plugins.keySet());
        }
        Set<String> before = new TreeSet<>(plugins.keySet());
        scan(Path.of(pluginsDir).toAbsolutePath().normalize());
        return plugins.keySet().stream().filter(id -> !before.contains(id)).toList();
    }

    private void scan(Path dir) {
        generation++;
        if (!Files.isDirectory(dir)) {
            LOG.info(() -> "event=plugins.none dir=" + dir + " reason=\"no such directory\"");
            return;
        }
        // a new version dropped over a loaded plugin's jar, or a jar taken away: the plugin goes, and what the directory
        // holds now is loaded below. A plugin that failed is tried again (its jar may be fixed, or its migration history
        // repaired meanwhile, also by an admin on another server).
        for (HostedPlugin p : new ArrayList<>(plugins.values())) {
            String now = HostedPlugin.stamp(p.jar);
            if (!now.equals(p.jarStamp)) {
                unload(p, now.equals("gone") ? "its jar was removed" : "its jar changed");
            } else if (p.state == HostedPlugin.State.FAILED) {
                unload(p, "trying a failed plugin again");
            }
        }
        Set<Path> known = new TreeSet<>();
        plugins.values().forEach(p -> known.add(p.jar));
        List<Path> jars;
        try (Stream<Path> s = Files.list(dir)) {
            jars = s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "event=plugins.scan-failed dir=" + dir + " reason=" + e.getMessage());
            return;
        }
        for (Path jar : jars) {
            if (!known.contains(jar.toAbsolutePath().normalize())) {
                load(jar.toAbsolutePath().normalize());
            }
        }
    }

    private void load(Path jar) {
        String id;
        try {
            id = manager.loadPlugin(jar);
        } catch (RuntimeException e) {
            // PF4J keeps a plugin whose dependencies do not resolve in its list, and would then fail every later load:
            // take it out again, and report it under its id when PF4J got that far.
            PluginWrapper stray = manager.getPlugins().stream()
                    .filter(w -> w.getPluginPath() != null && w.getPluginPath().toAbsolutePath().normalize().equals(jar))
                    .findFirst().orElse(null);
            String name = stray != null ? stray.getPluginId() : jar.getFileName().toString();
            if (stray != null) {
                try {
                    manager.unloadPlugin(stray.getPluginId());
                } catch (RuntimeException ignored) {
                    // nothing more to undo
                }
            }
            refuse(new HostedPlugin(name, jar), "cannot load: " + rootMessage(e));
            return;
        }
        if (id == null) {
            refuse(new HostedPlugin(jar.getFileName().toString(), jar), "not a Popcorn plugin (no valid PF4J descriptor)");
            return;
        }
        HostedPlugin p = new HostedPlugin(id, jar);
        PluginWrapper w = manager.getPlugin(id);
        p.wrapper = w;
        PluginDescriptor d = w.getDescriptor();
        p.version = d.getVersion();
        p.description = d.getPluginDescription() == null ? "" : d.getPluginDescription();
        p.provider = d.getProvider() == null ? "" : d.getProvider();
        p.requires = d.getRequires() == null ? "*" : d.getRequires();
        plugins.put(id, p);
        try {
            if (!id.matches("[a-z][a-z0-9-]{1,40}")) {
                throw new Refusal("its id must be 2-41 lower-case letters, digits or '-', starting with a letter");
            }
            refuseOverlappingPrefix(id);
            if (!manager.getVersionManager().checkVersionConstraint(PopcornSdk.VERSION, p.requires)) {
                throw new Refusal("incompatible SDK: it requires " + p.requires + ", this server provides " + PopcornSdk.VERSION);
            }
            PluginState state = manager.startPlugin(id);
            if (state != PluginState.STARTED) {
                Throwable why = w.getFailedException();
                throw new Refusal("PF4J could not start it (" + state + (why != null ? ": " + rootMessage(why) : "") + ")");
            }
            List<PopcornExtension> extensions = manager.getExtensions(PopcornExtension.class, id);
            if (extensions.size() != 1) {
                throw new Refusal("it must have exactly one @Extension implementing PopcornExtension; found " + extensions.size());
            }
            p.extension = extensions.get(0);
            p.tables = migrate(p);
            p.context = new PluginContextImpl(id, dataSource, bridge, settings, units);
            for (org.popcorn.api.PrivilegeDefinition def : p.extension.privileges()) {
                try {
                    rewards.definePrivilege(id, def.code(), def.name(), def.description(), def.minLevel());
                } catch (IllegalArgumentException e) {
                    throw new Refusal(e.getMessage());
                }
            }
            try {
                p.extension.start(p.context);
            } catch (RuntimeException | LinkageError e) {
                throw new Refusal("exception while starting: " + rootMessage(e));
            }
            org.popcorn.server.language.Texts.register(id, p.wrapper.getPluginClassLoader()); // texts/<lang>.properties
            for (BadgeDefinition b : p.extension.badges()) {
                rewards.defineBadge(new Badge(b.code(), b.name(), b.description(), b.icon(), id, b.activityKind(), b.threshold()));
            }
            for (NotificationKind k : p.extension.notificationKinds()) {
                NotificationKinds.register(k.kind(), k.description(), k.emailByDefault(), id);
            }
            p.state = states.isEnabled(id) ? HostedPlugin.State.STARTED : HostedPlugin.State.DISABLED;
            p.reason = p.state == HostedPlugin.State.DISABLED ? "disabled by an admin" : null;
            LOG.info(() -> "event=plugin.started plugin=" + id + " version=" + p.version + " state=" + p.state);
        } catch (Refusal | RuntimeException e) {
            refuse(p, e instanceof Refusal ? e.getMessage() : rootMessage(e));
            try {
                manager.stopPlugin(id);
            } catch (RuntimeException ignored) {
                // already stopped or never started
            }
        }
    }

    /**
     * A plugin owns the tables that start with its prefix ({@code carpool_}); a prefix inside another's
     * ({@code carpool_x_} of {@code carpool-x}) would let either plugin create or change the other's tables. Plugins
     * load in file-name order, so of two such plugins the one loaded later is refused.
     */
    private void refuseOverlappingPrefix(String id) throws Refusal {
        String mine = tablePrefix(id);
        for (HostedPlugin other : plugins.values()) {
            if (other.id.equals(id) || other.extension == null) {
                continue; // itself, or one that never got as far as owning tables
            }
            String theirs = tablePrefix(other.id);
            if (mine.startsWith(theirs) || theirs.startsWith(mine)) {
                throw new Refusal("its table prefix '" + mine + "' overlaps plugin '" + other.id + "' ('" + theirs
                        + "'): one could create or change the other's tables; give one of them another id");
            }
        }
    }

    static String tablePrefix(String pluginId) {
        return pluginId.replace('-', '_') + "_";
    }

    private void refuse(HostedPlugin p, String reason) {
        p.fail(reason);
        p.extension = null;
        plugins.put(p.id, p);
        LOG.severe(() -> "event=plugin.refused plugin=" + p.id + " jar=" + p.jar.getFileName() + " reason=\"" + reason + "\"");
    }

    /**
     * Takes a plugin out: stops it, lets PF4J close its class loader, forgets it. Its data, settings and state stay;
     * requests and deliveries in flight at that moment may fail (a delivery is retried, with the new version).
     */
    private void unload(HostedPlugin p, String why) {
        if (p.isRunning()) {
            try {
                p.extension.stop();
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.WARNING, "event=plugin.stop-failed plugin=" + p.id + " reason=" + rootMessage(e));
            }
        }
        if (p.wrapper != null) {
            try {
                manager.unloadPlugin(p.id);
            } catch (RuntimeException e) {
                LOG.fine(() -> "event=plugin.unload-failed plugin=" + p.id + " reason=" + rootMessage(e));
            }
        }
        plugins.remove(p.id);
        generation++;
        LOG.info(() -> "event=plugin.unloaded plugin=" + p.id + " version=" + p.version + " reason=\"" + why + "\"");
    }

    /**
     * Admin: repairs a plugin that failed, typically in a migration, and starts it again from its jar. Flyway's repair
     * removes the record of a failed migration (on H2, whose DDL is not transactional, it blocks every later try) and
     * realigns the checksums of applied ones with the jar's; objects a half-run script left behind are not removed.
     */
    public synchronized HostedPlugin repair(String id, long adminId) {
        HostedPlugin p = plugin(id);
        if (p.state != HostedPlugin.State.FAILED) {
            throw ProblemException.conflict("Plugin '" + id + "' has not failed; there is nothing to repair.", null).withCode("plugin.not-failed");
        }
        if (p.wrapper != null) {
            Flyway flyway = flyway(p);
            if (flyway != null) {
                try {
                    flyway.repair();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "event=plugin.repair-failed plugin=" + id + " reason=\"" + rootMessage(e) + "\"", e);
                    throw ProblemException.conflict("The migration history of '" + id + "' could not be repaired: " + rootMessage(e), null)
                            .withCode("plugin.repair-failed");
                }
            }
        }
        Path jar = p.jar;
        unload(p, "repair by admin " + adminId);
        if (Files.exists(jar)) {
            load(jar);
        }
        HostedPlugin again = plugins.get(id);
        LOG.info(() -> "event=plugin.repaired plugin=" + id + " by=" + adminId + " state=" + (again == null ? "gone" : again.state));
        return again != null ? again : plugin(id);
    }

    /** The plugin's Flyway over {@code db/plugin-<id>} in its jar, or null when it has no migrations. */
    private Flyway flyway(HostedPlugin p) {
        String location = "db/plugin-" + p.id;
        ClassLoader cl = p.wrapper.getPluginClassLoader();
        if (cl.getResource(location) == null) {
            return null;
        }
        String prefix = tablePrefix(p.id);
        return Flyway.configure(cl).dataSource(dataSource).locations("classpath:" + location)
                .table("flyway_history_" + prefix.substring(0, prefix.length() - 1))
                .baselineOnMigrate(true).baselineVersion("0").load();
    }

    /** Runs the plugin's Flyway migrations from {@code db/plugin-<id>}; answers the tables they create. */
    private List<String> migrate(HostedPlugin p) throws Refusal {
        Flyway flyway = flyway(p);
        if (flyway == null) {
            return List.of();
        }
        String location = "db/plugin-" + p.id;
        ClassLoader cl = p.wrapper.getPluginClassLoader();
        String prefix = tablePrefix(p.id);
        List<String> tables = new ArrayList<>();
        for (MigrationInfo m : flyway.info().all()) {
            if (m.getScript() == null || !m.getScript().endsWith(".sql")) {
                continue;
            }
            try (InputStream in = cl.getResourceAsStream(location + "/" + m.getScript())) {
                if (in == null) {
                    continue;
                }
                Matcher matcher = CREATE_TABLE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (matcher.find()) {
                    String name = matcher.group(1).replace("\"", "").toLowerCase();
                    if (!name.startsWith(prefix)) {
                        throw new Refusal("migration " + m.getScript() + " creates '" + name + "', outside the plugin's prefix '" + prefix + "'");
                    }
                    if (matcher.group(0).toLowerCase().contains("table")) {
                        tables.add(name);
                    }
                }
            } catch (IOException e) {
                throw new Refusal("cannot read migration " + m.getScript() + ": " + e.getMessage());
            }
        }
        try {
            flyway.migrate();
        } catch (RuntimeException e) {
            throw new Refusal("migration failed: " + rootMessage(e));
        }
        return tables;
    }

    public synchronized Collection<HostedPlugin> all() {
        return new ArrayList<>(plugins.values());
    }

    /** A plugin by id; 404 when unknown. */
    public synchronized HostedPlugin plugin(String id) {
        HostedPlugin p = plugins.get(id);
        if (p == null) {
            throw ProblemException.notFound("No plugin '" + id + "' is installed.").withCode("plugin.not-found");
        }
        return p;
    }

    /** An active plugin; 404 with the reason when it is disabled, failed or unknown. */
    public HostedPlugin active(String id) {
        HostedPlugin p = plugin(id);
        if (!p.isActive()) {
            // why it failed is the server's internal error: admins read it on the Plugins page, callers only the state
            throw ProblemException.notFound("Plugin '" + id + "' is " + p.state.name().toLowerCase()
                    + (p.state == HostedPlugin.State.DISABLED ? " by an admin" : "") + ".").withCode("plugin.not-active");
        }
        return p;
    }

    /** Admin: turns a plugin on or off at run time; the choice survives restarts. */
    public synchronized HostedPlugin setEnabled(String id, boolean enabled, long adminId) {
        HostedPlugin p = plugin(id);
        if (p.state == HostedPlugin.State.FAILED) {
            throw ProblemException.conflict("Plugin '" + id + "' failed to start (" + p.reason + "); fix it and rescan.", "enabled").withCode("plugin.failed");
        }
        states.set(id, enabled, adminId);
        generation++;
        p.state = enabled ? HostedPlugin.State.STARTED : HostedPlugin.State.DISABLED;
        p.reason = enabled ? null : "disabled by an admin";
        LOG.info(() -> "event=plugin." + (enabled ? "enabled" : "disabled") + " plugin=" + id + " by=" + adminId);
        return p;
    }

    /**
     * Follows the enable/disable choices another server recorded ({@link PluginFollower}): a loaded plugin whose
     * recorded choice differs from its state here is switched, without writing anything. Answers whether any changed.
     */
    synchronized boolean follow(Map<String, Boolean> recorded) {
        boolean changed = false;
        for (HostedPlugin p : plugins.values()) {
            if (p.state == HostedPlugin.State.FAILED || p.extension == null) {
                continue;
            }
            boolean enabled = recorded.getOrDefault(p.id, true);
            if (enabled != (p.state == HostedPlugin.State.STARTED)) {
                p.state = enabled ? HostedPlugin.State.STARTED : HostedPlugin.State.DISABLED;
                p.reason = enabled ? null : "disabled by an admin";
                changed = true;
                LOG.info(() -> "event=plugin.followed plugin=" + p.id + " state=" + p.state + " reason=\"changed on another server\"");
            }
        }
        if (changed) {
            generation++;
        }
        return changed;
    }

    @PreDestroy
    synchronized void stopAll() {
        for (HostedPlugin p : plugins.values()) {
            if (p.extension != null) {
                try {
                    p.extension.stop();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "event=plugin.stop-failed plugin=" + p.id + " reason=" + e.getMessage());
                }
            }
        }
        if (manager != null) {
            manager.stopPlugins();
            manager.unloadPlugins();
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.length() > 400 ? m.substring(0, 400) + "…" : m;
    }

    /** A reason to refuse a plugin. */
    static final class Refusal extends Exception {
        Refusal(String message) {
            super(message);
        }
    }
}
