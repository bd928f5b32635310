package org.popcorn.api;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Instants as people read them in a sentence (a notification, an e-mail, a problem's {@code detail}): the local date
 * and time in the city's zone, with the zone named, never raw UTC. "Sat 6 Mar 2027, 19:00 (Asia/Shanghai)".
 * JSON fields stay ISO-8601 instants beside the zone; this is only for text.
 *
 * @since 0.2.0
 */
public final class TimeTexts {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter CHINESE = DateTimeFormatter.ofPattern("yyyy年M月d日 EEE HH:mm", Locale.SIMPLIFIED_CHINESE);

    private TimeTexts() {
    }

    /** The instant in {@code zone}, e.g. {@code Sat 6 Mar 2027, 19:00 (Asia/Shanghai)}; "" for null. */
    public static String inZone(Instant at, ZoneId zone) {
        if (at == null) {
            return "";
        }
        ZoneId z = zone == null ? ZoneId.of("UTC") : zone;
        return FORMAT.format(at.atZone(z)) + " (" + z.getId() + ")";
    }

    /**
     * The instant in {@code zone} as a reader of {@code language} writes it: {@code zh-CN} reads
     * {@code 2027年3月6日 周六 19:00（Asia/Shanghai）}, any other language the English form above.
     *
     * @since 0.2.0
     */
    public static String inZone(Instant at, ZoneId zone, String language) {
        if (at == null || !"zh-CN".equals(language)) {
            return inZone(at, zone);
        }
        ZoneId z = zone == null ? ZoneId.of("UTC") : zone;
        return CHINESE.format(at.atZone(z)) + "（" + z.getId() + "）";
    }

    /** The same for an ISO-8601 instant text (as events carry them); the text itself when it is not one. */
    public static String inZone(String isoInstant, ZoneId zone) {
        if (isoInstant == null) {
            return "";
        }
        try {
            return inZone(Instant.parse(isoInstant), zone);
        } catch (java.time.format.DateTimeParseException e) {
            return isoInstant;
        }
    }
}
