package org.popcorn.server.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every problem code the core, the SDK and Popcorn's plugins can answer is documented for client developers: the
 * core's (and the SDK's) in docs/api.md, a plugin's in its own doc or, for the support library's input checks, in
 * the plugin guide. A code added in the source without a line in the docs fails the build.
 */
class ProblemCodesDocumentedTest {

    private static final Pattern CODE = Pattern.compile(
            "withCode\\(\"([a-z0-9.-]+)\"\\)|Problems\\.response\\(\\d+, \"([a-z0-9.-]+\\.[a-z0-9.-]+)\"|ProblemWriter\\.write\\(res, \\d+, \"([a-z0-9.-]+)\"");

    @Test
    void everyCodeInTheSourceIsInTheDocs() throws IOException {
        Path root = Path.of("..");
        String docs = read(root.resolve("docs/api.md")) + read(root.resolve("docs/plugin-guide.md"))
                + read(root.resolve("docs/meetups.md")) + read(root.resolve("docs/charity.md")) + read(root.resolve("docs/booths.md"));
        Set<String> codes = new TreeSet<>();
        for (String module : List.of("server", "api", "plugins/support", "plugins/meetups", "plugins/charity", "plugins/booths")) {
            codes.addAll(codesIn(root.resolve(module).resolve("src/main/java")));
        }
        assertTrue(codes.size() > 200, "found " + codes.size() + " codes; the pattern no longer matches the source?");
        Set<String> missing = new TreeSet<>();
        for (String c : codes) {
            if (!docs.contains("`" + c + "`")) {
                missing.add(c);
            }
        }
        assertEquals(Set.of(), missing, "problem codes with no line in docs/");
    }

    /**
     * Every code can be shown in every language of the UI: the core's (and the support library's) in the app's
     * catalogues as {@code problem.<code>}, a plugin's own in the plugin's as {@code problems.<what>}.
     */
    @Test
    void everyCodeHasAMessageInEveryLanguage() throws IOException {
        Path root = Path.of("..");
        Set<String> missing = new TreeSet<>();
        for (String lang : List.of("en", "zh-CN")) {
            jakarta.json.JsonObject core = json(root.resolve("web-static/src/main/resources/META-INF/resources/messages/" + lang + ".json"));
            for (String module : List.of("server", "api", "plugins/support", "plugins/meetups", "plugins/charity", "plugins/booths")) {
                String plugin = module.startsWith("plugins/") && !module.endsWith("support") ? module.substring("plugins/".length()) : null;
                jakarta.json.JsonObject own = plugin == null ? null
                        : json(root.resolve(module).resolve("src/main/resources/web/messages/" + lang + ".json"));
                for (String c : codesIn(root.resolve(module).resolve("src/main/java"))) {
                    boolean found = plugin != null && c.startsWith(plugin + ".")
                            ? own.containsKey("problems." + c.substring(plugin.length() + 1))
                            : core.containsKey("problem." + c);
                    if (!found) {
                        missing.add(lang + ": " + c);
                    }
                }
            }
        }
        assertEquals(Set.of(), missing, "problem codes the UI cannot translate");
    }

    private static jakarta.json.JsonObject json(Path p) throws IOException {
        try (var in = Files.newBufferedReader(p)) {
            return jakarta.json.Json.createReader(in).readObject();
        }
    }

    private static Set<String> codesIn(Path dir) throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = CODE.matcher(Files.readString(f));
                while (m.find()) {
                    out.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
                }
            }
        }
        return out;
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p);
    }
}
