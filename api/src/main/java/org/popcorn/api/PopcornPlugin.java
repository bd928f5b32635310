package org.popcorn.api;

import org.pf4j.Plugin;

/**
 * The plugin class to name in a plugin's manifest ({@code Plugin-Class: org.popcorn.api.PopcornPlugin}) when the plugin
 * needs no lifecycle code of its own — the usual case, since {@link PopcornExtension#start} and
 * {@link PopcornExtension#stop} receive the lifecycle.
 *
 * @since 0.1.0
 */
public class PopcornPlugin extends Plugin {

    /** Used by PF4J. */
    public PopcornPlugin() {
        super();
    }
}
