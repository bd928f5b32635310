package org.popcorn.server.plugin;

import java.nio.file.Path;
import java.util.List;
import org.pf4j.PluginWrapper;
import org.popcorn.api.PopcornExtension;

/** One plugin as the host knows it: its descriptor, its state and, once started, its extension and context. */
public final class HostedPlugin {

    /** Where a plugin stands. */
    public enum State { STARTED, DISABLED, FAILED }

    final String id;
    final Path jar;
    String version = "?";
    String description = "";
    String provider = "";
    String requires = "*";
    volatile State state = State.FAILED;
    volatile String reason;
    PluginWrapper wrapper;
    PopcornExtension extension;
    PluginContextImpl context;
    List<String> tables = List.of();
    /** The jar's size and modification time when it was loaded: a rescan replaces the plugin when they change. */
    final String jarStamp;

    HostedPlugin(String id, Path jar) {
        this.id = id;
        this.jar = jar;
        this.jarStamp = stamp(jar);
    }

    /** The size and modification time of a file, or "gone". */
    static String stamp(Path file) {
        try {
            return java.nio.file.Files.size(file) + "@" + java.nio.file.Files.getLastModifiedTime(file).toMillis();
        } catch (java.io.IOException e) {
            return "gone";
        }
    }

    void fail(String why) {
        state = State.FAILED;
        reason = why;
    }

    /** True when its routes, listeners and pages are live. */
    public boolean isActive() {
        return state == State.STARTED && extension != null;
    }

    /** True when it started, enabled or not: it can be asked about the data it holds (a failed one cannot). */
    boolean isRunning() {
        return state != State.FAILED && extension != null;
    }

    public String id() {
        return id;
    }

    /** The plugin's version from its manifest. */
    public String version() {
        return version;
    }

    /** The plugin's description from its manifest. */
    public String description() {
        return description;
    }

    public PopcornExtension extension() {
        return extension;
    }
}
