package org.popcorn.server.city;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How names are compared in city search: case-insensitive and accent-insensitive ("São Paulo", "sao paulo" and
 * "SAO PAULO" share one key), with Chinese and other scripts kept as they are ("北京" is its own key).
 */
public final class SearchKey {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("[\\s\\-'’.]+");

    private SearchKey() {
    }

    /** The normalised form of a name or query: NFKD, marks removed, lower case, runs of spaces/dashes/quotes as one space. */
    public static String of(String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text.strip(), Normalizer.Form.NFKD);
        s = MARKS.matcher(s).replaceAll("");
        s = s.replace('ß', 's').replace('ø', 'o').replace('Ø', 'o').replace('ł', 'l').replace('Ł', 'l').replace('đ', 'd');
        s = s.toLowerCase(Locale.ROOT);
        s = SPACES.matcher(s).replaceAll(" ").strip();
        return s.length() > 200 ? s.substring(0, 200) : s;
    }
}
