package org.popcorn.server.openapi;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The last touches to the serialised document, where Payara's model cannot express them, and its YAML form:
 * <ul>
 * <li>Payara's non-standard top-level {@code endpoints} map goes (strict parsers and linters refuse it; setting it to
 * null in the model breaks Payara's copy of the document);</li>
 * <li>an operation with no security requirement says so with {@code security: []} (Payara drops empty lists), so
 * that generated clients know it is public rather than unspecified.</li>
 * </ul>
 * YAML is written from the same JSON (JSON strings are valid YAML double-quoted scalars), so both formats always say
 * the same.
 */
final class DocumentJson {

    private static final Set<String> VERBS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private DocumentJson() {
    }

    static JsonObject finish(byte[] payaraJson) {
        JsonObject doc;
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(payaraJson))) {
            doc = reader.readObject();
        }
        JsonObjectBuilder out = Json.createObjectBuilder(doc).remove("endpoints");
        if (doc.containsKey("paths")) {
            JsonObjectBuilder paths = Json.createObjectBuilder();
            doc.getJsonObject("paths").forEach((path, item) -> {
                JsonObjectBuilder ib = Json.createObjectBuilder();
                item.asJsonObject().forEach((key, op) -> ib.add(key, VERBS.contains(key) && !op.asJsonObject().containsKey("security")
                        ? Json.createObjectBuilder(op.asJsonObject()).add("security", JsonValue.EMPTY_JSON_ARRAY).build() : op));
                paths.add(path, ib);
            });
            out.add("paths", paths);
        }
        return out.build();
    }

    static byte[] json(JsonObject doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 18);
        try (JsonWriter w = Json.createWriter(out)) {
            w.writeObject(doc);
        }
        return out.toByteArray();
    }

    static byte[] yaml(JsonObject doc) {
        StringBuilder b = new StringBuilder(1 << 19);
        mapping(doc, 0, b);
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void mapping(JsonObject o, int indent, StringBuilder b) {
        o.forEach((k, v) -> {
            b.append(" ".repeat(indent)).append(key(k)).append(':');
            value(v, indent, b);
        });
    }

    private static void value(JsonValue v, int indent, StringBuilder b) {
        if (v instanceof JsonObject o && !o.isEmpty()) {
            b.append('\n');
            mapping(o, indent + 2, b);
        } else if (v instanceof JsonArray a && !a.isEmpty()) {
            b.append('\n');
            for (JsonValue item : a) {
                b.append(" ".repeat(indent)).append('-');
                if (item instanceof JsonObject io && !io.isEmpty()) {
                    // the first key on the dash's line, the rest indented under it
                    boolean first = true;
                    for (var e : io.entrySet()) {
                        b.append(first ? " " : " ".repeat(indent + 2)).append(key(e.getKey())).append(':');
                        value(e.getValue(), indent + 2, b);
                        first = false;
                    }
                } else {
                    value(item, indent + 2, b);
                }
            }
        } else {
            b.append(' ').append(scalar(v)).append('\n');
        }
    }

    private static String key(String k) {
        return k.matches("[A-Za-z_][A-Za-z0-9_.-]*") && !k.matches("(?i)true|false|null|yes|no|on|off|y|n") ? k : Json.createValue(k).toString();
    }

    private static String scalar(JsonValue v) {
        if (v instanceof JsonString s) {
            return s.toString(); // JSON's escaped double-quoted string is a YAML double-quoted scalar
        }
        return v.toString(); // numbers, true, false, null, {} and []
    }
}
