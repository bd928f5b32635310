package org.popcorn.server.plugin;

import java.nio.file.Path;
import org.pf4j.ClassLoadingStrategy;
import org.pf4j.CompoundPluginLoader;
import org.pf4j.DefaultPluginLoader;
import org.pf4j.DefaultPluginManager;
import org.pf4j.JarPluginLoader;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;
import org.pf4j.PluginManager;

/**
 * PF4J's manager with host-first class loading for plugins (application, then plugin, then dependencies): a plugin
 * that wrongly ships SDK or Jakarta classes still sees the host's, so its extensions are recognised.
 */
class PopcornPluginManager extends DefaultPluginManager {

    PopcornPluginManager(Path pluginsDir, String sdkVersion) {
        super(pluginsDir);
        setSystemVersion(sdkVersion);
        setExactVersionAllowed(true);
    }

    @Override
    protected PluginLoader createPluginLoader() {
        PluginManager self = this;
        ClassLoader host = getClass().getClassLoader();
        return new CompoundPluginLoader()
                .add(new JarPluginLoader(this) {
                    @Override
                    protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
                        return new PluginClassLoader(self, descriptor, host, ClassLoadingStrategy.APD);
                    }
                })
                .add(new DefaultPluginLoader(this) {
                    @Override
                    protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
                        return new PluginClassLoader(self, descriptor, host, ClassLoadingStrategy.APD);
                    }
                });
    }
}
