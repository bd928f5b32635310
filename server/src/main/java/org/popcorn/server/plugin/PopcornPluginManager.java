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
 * PF4J's manager with plugin-first class loading (PF4J's PDA: the plugin's jar, then its dependencies, then the
 * server), so a plugin can ship a library in another version than the server's. The contract between them is the exception: the SDK, PF4J, the Jakarta and MicroProfile APIs always come
 * from the server, also when a plugin wrongly ships a copy, so its extension, resources and annotations are the types
 * the server knows.
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
                        return new PluginFirst(self, descriptor, host);
                    }
                })
                .add(new DefaultPluginLoader(this) {
                    @Override
                    protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
                        return new PluginFirst(self, descriptor, host);
                    }
                });
    }

    /** Plugin first, except for the packages plugins and the server share (PF4J itself already always comes from the server). */
    static final class PluginFirst extends PluginClassLoader {

        private static final String[] SHARED = {"org.popcorn.api.", "jakarta.", "javax.", "org.eclipse.microprofile."};

        PluginFirst(PluginManager manager, PluginDescriptor descriptor, ClassLoader host) {
            super(manager, descriptor, host, ClassLoadingStrategy.PDA);
        }

        @Override
        public Class<?> loadClass(String className) throws ClassNotFoundException {
            if (shared(className)) {
                return getParent().loadClass(className);
            }
            return super.loadClass(className);
        }

        static boolean shared(String className) {
            for (String prefix : SHARED) {
                if (className.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }
    }
}
