package org.popcorn.server.language;

import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.popcorn.api.Message;

/**
 * {@link Message}s as they are stored and read: rendered from their owner's catalogue ({@link Texts}, keys under
 * {@code message.}) in a language, and kept as JSON — {@code {"key":…, "en":…, "params":{name: value}}} where a
 * value is a text, a number, {@code {"at": instant, "zone": id}} or a nested message — so a stored notification can be
 * read again in another language.
 */
public final class Messages {

    private static final JsonProvider JSON = JsonProvider.provider(); // looked up once, not per call

    private Messages() {
    }

    /**
     * The message in {@code lang}, from {@code owner}'s catalogue ("core" or a plugin id): the wording under
     * {@code message.<key>}, else under {@code <key>} itself — so a nested message can be a level's or a badge's name
     * ({@code badge.first-vote.name}, found in the catalogue of the badge's owner). {@code cityNames} gives a city's
     * name in that language.
     */
    public static String render(String owner, Message m, String lang, java.util.function.LongFunction<String> cityNames) {
        return m.render(key -> {
            String wording = Texts.in(lang, owner, "message." + key, null);
            if (wording == null) {
                wording = Texts.in(lang, owner, key, null);
            }
            return wording != null || !key.startsWith("badge.") ? wording : Texts.anyOwner(lang, key);
        }, cityNames, lang);
    }

    public static JsonObject toJson(Message m) {
        JsonObjectBuilder params = JSON.createObjectBuilder();
        for (Map.Entry<String, Object> p : m.params().entrySet()) {
            Object v = p.getValue();
            if (v instanceof Message nested) {
                params.add(p.getKey(), JSON.createObjectBuilder().add("message", toJson(nested)));
            } else if (v instanceof Message.City c) {
                params.add(p.getKey(), JSON.createObjectBuilder().add("city", c.id()).add("name", c.englishName()));
            } else if (v instanceof Message.Time t) {
                params.add(p.getKey(), JSON.createObjectBuilder().add("at", t.at().toString()).add("zone", t.zone().getId()));
            } else if (v instanceof Long l) {
                params.add(p.getKey(), l);
            } else if (v instanceof Double d) {
                params.add(p.getKey(), d);
            } else {
                params.add(p.getKey(), String.valueOf(v));
            }
        }
        return JSON.createObjectBuilder().add("key", m.key()).add("en", m.englishTemplate()).add("params", params).build();
    }

    public static Message fromJson(JsonObject o) {
        Message m = Message.of(o.getString("key"), o.getString("en"));
        for (Map.Entry<String, JsonValue> p : o.getJsonObject("params").entrySet()) {
            JsonValue v = p.getValue();
            if (v instanceof JsonString s) {
                m = m.with(p.getKey(), s.getString());
            } else if (v instanceof JsonNumber n) {
                m = n.isIntegral() ? m.with(p.getKey(), n.longValue()) : m.with(p.getKey(), n.doubleValue());
            } else if (v instanceof JsonObject obj && obj.containsKey("message")) {
                m = m.with(p.getKey(), fromJson(obj.getJsonObject("message")));
            } else if (v instanceof JsonObject obj && obj.containsKey("city")) {
                m = m.city(p.getKey(), obj.getJsonNumber("city").longValue(), obj.getString("name"));
            } else if (v instanceof JsonObject obj) {
                m = m.time(p.getKey(), Instant.parse(obj.getString("at")), ZoneId.of(obj.getString("zone")));
            }
        }
        return m;
    }

    public static JsonObject parse(String json) {
        try (JsonReader r = JSON.createReader(new StringReader(json))) {
            return r.readObject();
        }
    }
}
