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

    HostedPlugin(String id, Path jar) {
        this.id = id;
        this.jar = jar;
    }

    void fail(String why) {
        state = State.FAILED;
        reason = why;
    }

    /** True when its routes, listeners and pages are live. */
    public boolean isActive() {
        return state == State.STARTED && extension != null;
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
