package org.popcorn.server.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Names and descriptions of the community's data — levels, badges, privileges — in the reader's language. English
 * is what is stored; other languages come from message catalogues, one per language and owner: the core's
 * {@code texts/<lang>.properties} in the server, and each plugin's own {@code texts/<lang>.properties} in its jar
 * (read when it starts). Keys are stable ids ({@code level.3.name}, {@code badge.first-vote.name},
 * {@code privilege.priority-rsvp.description}); a missing entry leaves the English.
 */
public final class Texts {

    private static final Logger LOG = Logger.getLogger(Texts.class.getName());
    public static final String CORE = "core";

    /** owner ("core" or a plugin id) → language → catalogue */
    private static final Map<String, Map<String, Properties>> CATALOGUES = new ConcurrentHashMap<>();

    private Texts() {
    }

    /** The text under {@code key} of {@code owner}'s catalogue in the current language, else {@code english}. */
    public static String of(String owner, String key, String english) {
        return in(Language.current(), owner, key, english);
    }

    /** The text under {@code key} of {@code owner}'s catalogue in {@code lang}, else {@code english}. */
    public static String in(String lang, String owner, String key, String english) {
        if (lang == null || Language.ENGLISH.equals(lang)) {
            return english;
        }
        Map<String, Properties> byLang = CATALOGUES.computeIfAbsent(owner == null ? CORE : owner,
                o -> o.equals(CORE) ? load(Texts.class.getClassLoader()) : Map.of());
        Properties p = byLang.get(lang);
        String v = p == null ? null : p.getProperty(key);
        return v == null || v.isBlank() ? english : v;
    }

    /**
     * The text under {@code key} in whichever catalogue has it in {@code lang} (the core's first), else null: names of
     * badges are unique across owners, so a core text can name a plugin's badge.
     */
    public static String anyOwner(String lang, String key) {
        if (lang == null || Language.ENGLISH.equals(lang)) {
            return null;
        }
        String core = in(lang, CORE, key, null);
        if (core != null) {
            return core;
        }
        for (Map<String, Properties> byLang : CATALOGUES.values()) {
            Properties p = byLang.get(lang);
            String v = p == null ? null : p.getProperty(key);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    /** Reads a plugin's catalogues from its jar (only its own resources, not the server's). */
    public static void register(String pluginId, ClassLoader pluginClassLoader) {
        CATALOGUES.put(pluginId, load(pluginClassLoader));
    }

    private static Map<String, Properties> load(ClassLoader loader) {
        Map<String, Properties> out = new ConcurrentHashMap<>();
        for (String lang : Language.SUPPORTED) {
            if (lang.equals(Language.ENGLISH)) {
                continue;
            }
            String name = "texts/" + lang + ".properties";
            java.net.URL url = loader instanceof org.pf4j.PluginClassLoader pcl ? pcl.findResource(name) : loader.getResource(name);
            if (url == null) {
                continue;
            }
            try (InputStream in = url.openStream()) {
                Properties p = new Properties();
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                out.put(lang, p);
            } catch (IOException e) {
                LOG.warning(() -> "event=texts.unreadable resource=" + name + " reason=" + e.getMessage());
            }
        }
        return out;
    }
}
