package org.popcorn.server.language;

import java.util.List;
import java.util.Locale;

/**
 * The language the current request is answered in: the first of the request's {@code Accept-Language} ranges that
 * Popcorn speaks ({@code zh}, {@code zh-CN}, {@code zh-Hans}… are 简体中文), else English. The web UI sends the
 * language the member chose. Outside a request (schedulers, listeners) it is English.
 */
public final class Language {

    public static final String ENGLISH = "en";
    public static final String CHINESE = "zh-CN";
    public static final List<String> SUPPORTED = List.of(ENGLISH, CHINESE);

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private Language() {
    }

    /** The current request's language. */
    public static String current() {
        String l = CURRENT.get();
        return l == null ? ENGLISH : l;
    }

    public static boolean chinese() {
        return CHINESE.equals(current());
    }

    /** The supported language an {@code Accept-Language} header asks for first. */
    public static String of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ENGLISH;
        }
        try {
            for (Locale.LanguageRange r : Locale.LanguageRange.parse(acceptLanguage)) {
                String range = r.getRange().toLowerCase(Locale.ROOT);
                if (range.equals("zh") || range.startsWith("zh-")) {
                    return range.contains("tw") || range.contains("hk") || range.contains("hant") ? ENGLISH : CHINESE;
                }
                if (range.equals("en") || range.startsWith("en-") || range.equals("*")) {
                    return ENGLISH;
                }
            }
        } catch (IllegalArgumentException malformed) {
            return ENGLISH;
        }
        return ENGLISH;
    }

    static void set(String language) {
        CURRENT.set(language);
    }

    static void clear() {
        CURRENT.remove();
    }
}
