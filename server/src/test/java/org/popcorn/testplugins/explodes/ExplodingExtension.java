package org.popcorn.testplugins.explodes;

import org.pf4j.Extension;
import org.popcorn.api.PluginContext;
import org.popcorn.api.PopcornExtension;

/** A test plugin that fails while starting. */
@Extension
public class ExplodingExtension implements PopcornExtension {
    @Override
    public void start(PluginContext context) {
        throw new IllegalStateException("boom: cannot reach the moon");
    }
}
