package org.popcorn.server.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

/** Builds PF4J plugin jars from test classes, the way a plugin's own build would (manifest + extension index). */
public final class TestPlugins {

    /** Where the server under test loads plugins from (see arquillian.xml and the failsafe configuration). */
    public static final Path DIR = Path.of(System.getProperty("it.plugins.dir", "target/it-plugins"));

    private TestPlugins() {
    }

    /** Removes the test-built jars from the plugins directory (our own plugins and the example plugin, copied in by the build, stay). */
    public static void reset() {
        try {
            if (Files.exists(DIR)) {
                try (Stream<Path> s = Files.list(DIR)) {
                    s.filter(p -> !p.getFileName().toString().startsWith("feedback-plugin") && !p.getFileName().toString().equals("meetups.jar")
                            && !p.getFileName().toString().equals("charity.jar") && !p.getFileName().toString().equals("booths.jar")).map(Path::toFile).forEach(File::delete);
                }
            }
            Files.createDirectories(DIR);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes {@code <id>.jar}: the given classes (with their inner classes), the extension index naming
     * {@code extension}, the files under {@code src/test/resources/testplugins/<resourcesOf>} and a manifest.
     * A null id leaves Plugin-Id out (a broken descriptor).
     */
    public static Path jar(String fileName, String id, String requires, Class<?> extension, String resourcesOf, Class<?>... classes) {
        return jar(fileName, id, requires, null, extension, resourcesOf, classes);
    }

    /** As {@link #jar(String, String, String, Class, String, Class[])}, with PF4J {@code Plugin-Dependencies}. */
    public static Path jar(String fileName, String id, String requires, String dependencies, Class<?> extension, String resourcesOf,
                           Class<?>... classes) {
        JavaArchive jar = ShrinkWrap.create(JavaArchive.class, fileName);
        if (extension != null) {
            jar.addClass(extension);
            jar.add(new StringAsset(extension.getName() + "\n"), "META-INF/extensions.idx");
        }
        for (Class<?> c : classes) {
            jar.addClass(c);
        }
        if (resourcesOf != null) {
            Path root = Path.of("src/test/resources/testplugins", resourcesOf);
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(Files::isRegularFile).forEach(f -> jar.addAsResource(f.toFile(), root.relativize(f).toString().replace('\\', '/')));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        StringBuilder mf = new StringBuilder("Manifest-Version: 1.0\n");
        if (id != null) {
            mf.append("Plugin-Id: ").append(id).append('\n');
        }
        mf.append("Plugin-Version: 1.0.0\n");
        mf.append("Plugin-Requires: ").append(requires).append('\n');
        mf.append("Plugin-Class: org.popcorn.api.PopcornPlugin\n");
        mf.append("Plugin-Description: Test plugin ").append(id).append('\n');
        mf.append("Plugin-Provider: Popcorn tests\n");
        if (dependencies != null) {
            mf.append("Plugin-Dependencies: ").append(dependencies).append('\n');
        }
        jar.setManifest(new StringAsset(mf.toString()));
        Path out = DIR.resolve(fileName);
        // written aside and renamed over the old one, as an operator replaces a plugin: a loaded version never reads a
        // half-written file
        Path written = DIR.resolve(fileName + ".tmp");
        jar.as(ZipExporter.class).exportTo(written.toFile(), true);
        try {
            Files.move(written, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /**
     * Adds the classes of {@code packages} (and their sub-packages), as found on the test's class path, to a plugin jar:
     * a library the plugin ships inside its jar, as a shaded plugin build does.
     */
    public static Path withLibrary(Path pluginJar, String... packages) {
        JavaArchive jar = ShrinkWrap.createFromZipFile(JavaArchive.class, pluginJar.toFile());
        jar.addPackages(true, packages);
        Path written = pluginJar.resolveSibling(pluginJar.getFileName() + ".tmp");
        jar.as(ZipExporter.class).exportTo(written.toFile(), true); // the archive still reads from the original
        try {
            Files.move(written, pluginJar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return pluginJar;
    }
}
