package org.popcorn.api;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text a member reads later — a notification's title or body, an e-mail — kept as a key of the plugin's message
 * catalogue, its English wording and named parameters, so that the host renders it in each reader's language: the
 * inbox in the language the member reads it in, an e-mail in the member's own language.
 *
 * <pre>{@code
 * Message.of("seat-offered.title", "A seat for you: {title}").with("title", meetup.title())
 * Message.of("seat-offered.body", "Accept it before {until}.").time("until", expiresAt, zone)
 * }</pre>
 *
 * <p>The plugin's {@code texts/<lang>.properties} (UTF-8, beside the names of its badges) holds the other languages
 * under {@code message.<key>}: {@code message.seat-offered.title=给你留了座位：{title}}. A missing entry reads in
 * English. Parameters are put into {@code {name}} places: texts as given (names, titles a person typed), numbers in
 * the reader's format, instants as the local time in the given zone in the reader's language ({@link TimeTexts}), and
 * nested messages rendered in the same language (for a sentence that is one of several).
 *
 * @since 0.2.0
 */
public final class Message {

    private static final Pattern PLACE = Pattern.compile("\\{([A-Za-z0-9_.-]+)}");
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,119}");

    /** An instant to be read in a zone. */
    public record Time(Instant at, ZoneId zone) {
        public Time {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(zone, "zone");
        }
    }

    /** A city of the catalogue, read by its name in the reader's language (its English name in English). */
    public record City(long id, String englishName) {
        public City {
            Objects.requireNonNull(englishName, "englishName");
        }
    }

    private final String key;
    private final String english;
    private final Map<String, Object> params;

    private Message(String key, String english, Map<String, Object> params) {
        this.key = key;
        this.english = english;
        this.params = params;
    }

    /**
     * A message by its catalogue key (lower case, digits, {@code . - _}) and its English wording with {@code {name}}
     * places.
     */
    public static Message of(String key, String english) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("A message key is lower case letters, digits, '.', '-' or '_': " + key);
        }
        return new Message(key, Objects.requireNonNull(english, "english"), Map.of());
    }

    /** A text parameter (shown as given; null reads as empty). */
    public Message with(String name, String value) {
        return put(name, value == null ? "" : value);
    }

    /** A whole number, in the reader's format. */
    public Message with(String name, long value) {
        return put(name, value);
    }

    /** A number with at most one decimal (hours, kilometres), in the reader's format. */
    public Message with(String name, double value) {
        return put(name, value);
    }

    /** A sentence rendered in the same language and put in place. */
    public Message with(String name, Message nested) {
        return put(name, Objects.requireNonNull(nested, "nested"));
    }

    /** A city, read by its name in the reader's language ({@code 北京} for a 简体中文 reader); {@code englishName} in English. */
    public Message city(String name, long cityId, String englishName) {
        return put(name, new City(cityId, englishName == null ? "" : englishName));
    }

    /** An instant, read as the local date and time in {@code zone} (UTC when null), in the reader's language. */
    public Message time(String name, Instant at, ZoneId zone) {
        return at == null ? put(name, "") : put(name, new Time(at, zone == null ? ZoneId.of("UTC") : zone));
    }

    private Message put(String name, Object value) {
        Map<String, Object> next = new LinkedHashMap<>(params);
        next.put(Objects.requireNonNull(name, "name"), value);
        return new Message(key, english, Collections.unmodifiableMap(next));
    }

    /** The catalogue key, without the {@code message.} prefix. */
    public String key() {
        return key;
    }

    /** The English wording, with its places. */
    public String englishTemplate() {
        return english;
    }

    /** The parameters by name: {@code String}, {@code Long}, {@code Double}, {@link Time}, {@link City} or {@code Message}. */
    public Map<String, Object> params() {
        return params;
    }

    /** The message in English. */
    public String english() {
        return render(k -> null, "en");
    }

    /**
     * The message in {@code language} ({@code en}, {@code zh-CN}): {@code templates} gives the wording of a key in that
     * language, or null for the English one — the message then reads wholly in English, its times and cities too
     * (nested messages decide for themselves). Places without a parameter stay as written.
     */
    public String render(UnaryOperator<String> templates, String language) {
        return render(templates, id -> null, language);
    }

    /**
     * The same, with {@code cityNames} giving a city's name in that language (null for its English name).
     */
    public String render(UnaryOperator<String> templates, LongFunction<String> cityNames, String language) {
        String wording = templates.apply(key);
        boolean translated = wording != null && !wording.isBlank();
        String template = translated ? wording : english;
        Matcher m = PLACE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object v = params.get(m.group(1));
            String text = v == null && !params.containsKey(m.group(1)) ? m.group() : format(v, templates, cityNames, language, translated);
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A parameter in place; an untranslated (English) sentence writes its times and cities the English way. */
    private static String format(Object v, UnaryOperator<String> templates, LongFunction<String> cityNames, String language,
                                 boolean translated) {
        if (v instanceof Time t) {
            return TimeTexts.inZone(t.at(), t.zone(), translated ? language : "en");
        }
        if (v instanceof City c) {
            String local = translated ? cityNames.apply(c.id()) : null;
            return local == null || local.isBlank() ? c.englishName() : local;
        }
        if (v instanceof Message nested) {
            return nested.render(templates, cityNames, language);
        }
        if (v instanceof Double d) {
            return d == Math.rint(d) ? String.valueOf(d.longValue()) : String.format(Locale.ROOT, "%.1f", d);
        }
        return v == null ? "" : v.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Message other && key.equals(other.key) && english.equals(other.english) && params.equals(other.params);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, english, params);
    }

    @Override
    public String toString() {
        return english();
    }
}
