package org.popcorn.api;

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
 * Every type of the SDK says since which SDK version it exists (a member without its own {@code @since} is as old as
 * its type), and no {@code @since} names a version this SDK has not reached.
 */
class SinceTagsTest {

    private static final Pattern TYPE_DOC = Pattern.compile(
            "/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*public\\s+(?:final\\s+|abstract\\s+)?(?:class|interface|record|enum)\\s",
            Pattern.DOTALL);
    private static final Pattern SINCE = Pattern.compile("@since (\\d+\\.\\d+\\.\\d+)");

    @Test
    void everyTypeHasASinceAndNoneIsFromTheFuture() throws IOException {
        Set<String> untagged = new TreeSet<>();
        Set<String> future = new TreeSet<>();
        List<Path> sources;
        try (Stream<Path> s = Files.list(Path.of("src/main/java/org/popcorn/api"))) {
            sources = s.filter(p -> p.toString().endsWith(".java") && !p.endsWith("package-info.java")).toList();
        }
        assertTrue(sources.size() > 20, "found " + sources.size() + " SDK types; wrong directory?");
        for (Path f : sources) {
            String src = Files.readString(f);
            Matcher type = TYPE_DOC.matcher(src);
            if (!type.find() || !type.group(1).matches("(?s).*\\n\\s*\\*\\s*@since \\d+\\.\\d+\\.\\d+\\s*$")) {
                untagged.add(f.getFileName().toString());
            }
            Matcher since = SINCE.matcher(src);
            while (since.find()) {
                if (compare(since.group(1), PopcornSdk.VERSION) > 0) {
                    future.add(f.getFileName() + ": " + since.group(1));
                }
            }
        }
        assertEquals(Set.of(), untagged, "types whose Javadoc does not end with @since");
        assertEquals(Set.of(), future, "@since newer than the SDK's version " + PopcornSdk.VERSION);
    }

    private static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < 3; i++) {
            int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i].replaceAll("\\D.*", "")));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
