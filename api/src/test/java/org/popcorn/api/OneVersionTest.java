package org.popcorn.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The SDK has one version number: the api and test-kit artifacts, {@link PopcornSdk#VERSION} (sdk.properties), the
 * parent's {@code popcorn.sdk.version} that our plugins build against, the example plugin and the guide agree.
 */
class OneVersionTest {

    @Test
    void theArtifactsTheRuntimeTheExampleAndTheGuideShareOneVersion() throws IOException {
        String version = PopcornSdk.VERSION;
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+"), version);
        assertEquals(version, property("../pom.xml", "popcorn.sdk.version"), "the parent's popcorn.sdk.version");
        assertEquals(version, ownVersion("pom.xml"), "the api artifact");
        assertEquals(version, ownVersion("../testkit/pom.xml"), "the test kit artifact");
        assertEquals(version, property("../examples/feedback-plugin/pom.xml", "popcorn.sdk.version"), "the example plugin");
        String minor = version.substring(0, version.lastIndexOf('.'));
        String next = minor.substring(0, minor.indexOf('.') + 1) + (Integer.parseInt(minor.substring(minor.indexOf('.') + 1)) + 1) + ".0";
        assertEquals("&gt;=" + version + " &amp; &lt;" + next, property("../pom.xml", "popcorn.sdk.requires"), "our plugins' range");
        assertTrue(Files.readString(Path.of("../docs/plugin-guide.md")).contains("`PopcornSdk.VERSION`: now **`" + version + "`**"),
                "the guide names the version");
    }

    private static String property(String pom, String name) throws IOException {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]*)</" + Pattern.quote(name) + ">").matcher(Files.readString(Path.of(pom)));
        assertTrue(m.find(), name + " in " + pom);
        return m.group(1);
    }

    /** The project's own version: the first version after its artifactId (the parent's comes before). */
    private static String ownVersion(String pom) throws IOException {
        String xml = Files.readString(Path.of(pom));
        String afterParent = xml.substring(xml.indexOf("</parent>"));
        Matcher m = Pattern.compile("<version>([^<]*)</version>").matcher(afterParent);
        assertTrue(m.find(), "a version in " + pom);
        return m.group(1);
    }
}
