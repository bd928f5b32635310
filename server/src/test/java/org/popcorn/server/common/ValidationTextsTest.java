package org.popcorn.server.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every Bean Validation message the core names by key reads in English and in 简体中文. */
class ValidationTextsTest {

    private static final Pattern KEY = Pattern.compile("message = \"\\{(popcorn\\.[a-z0-9.-]+)}\"");
    private static final Pattern LITERAL = Pattern.compile("message = \"(?!\\{popcorn\\.)");

    @Test
    void everyKeyInTheSourceHasAMessageInEachLanguage() throws IOException {
        Set<String> keys = new TreeSet<>();
        Set<String> literal = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = Files.readString(f);
                Matcher m = KEY.matcher(src);
                while (m.find()) {
                    keys.add(m.group(1));
                }
                if (LITERAL.matcher(src).find()) {
                    literal.add(f.getFileName().toString());
                }
            }
        }
        assertTrue(keys.size() > 40, "found " + keys.size() + " keys; the pattern no longer matches the source?");
        assertEquals(Set.of(), literal, "constraint messages written in place cannot be translated: use a key");
        Set<String> missing = new TreeSet<>();
        for (String k : keys) {
            String en = ValidationTexts.lookup(k, "en");
            String zh = ValidationTexts.lookup(k, "zh-CN");
            if (en == null) {
                missing.add("en: " + k);
            }
            if (zh == null || zh.equals(en)) {
                missing.add("zh-CN: " + k);
            }
        }
        assertEquals(Set.of(), missing);
        assertEquals("显示名称最多 80 个字符。", ValidationTexts.lookup("popcorn.member.display-name.size", "zh-CN"));
        assertEquals("A display name has at most 80 characters.", ValidationTexts.lookup("popcorn.member.display-name.size", "en"));
    }
}
