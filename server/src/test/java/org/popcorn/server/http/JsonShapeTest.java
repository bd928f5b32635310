package org.popcorn.server.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonShapeTest {

    public static class Form {
        public String name;
        public Boolean enabled;
        public int size;
        public Long cityId;
        public List<Long> choices;
        public Map<String, Boolean> prefs;
        public Instant startsAt;
        public double latitude;
        @JsonbProperty("renamed")
        public String javaName;
        public List<Item> items;
    }

    public static class Item {
        public int count;
    }

    public record Rec(String title, Integer guests) {
    }

    static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    static JsonShape.Mismatch refused(String text, Class<?> type) {
        return assertThrows(JsonShape.Mismatch.class, () -> JsonShape.check(json(text), type));
    }

    @Test
    void valuesOfTheDeclaredTypesPass() {
        assertDoesNotThrow(() -> JsonShape.check(json("{\"name\":\"a\",\"enabled\":true,\"size\":50,\"cityId\":7,"
                + "\"choices\":[1,2],\"prefs\":{\"x\":false},\"startsAt\":\"2026-12-01T10:00:00Z\",\"latitude\":30.5,"
                + "\"renamed\":\"b\",\"items\":[{\"count\":1}]}"), Form.class));
        assertDoesNotThrow(() -> JsonShape.check(json("{\"size\":50.0}"), Form.class), "a whole number written with .0");
        assertDoesNotThrow(() -> JsonShape.check(json("{\"name\":null,\"cityId\":null}"), Form.class));
        assertDoesNotThrow(() -> JsonShape.check(json("{\"title\":\"t\",\"guests\":2}"), Rec.class));
    }

    @Test
    void coercionsAreRefusedNamingTheField() {
        assertEquals("enabled", refused("{\"enabled\":\"yes\"}", Form.class).field);
        assertEquals("enabled", refused("{\"enabled\":1}", Form.class).field);
        assertEquals("size", refused("{\"size\":50.9}", Form.class).field);
        assertEquals("size", refused("{\"size\":\"50\"}", Form.class).field);
        assertEquals("name", refused("{\"name\":[\"a\",\"b\"]}", Form.class).field);
        assertEquals("name", refused("{\"name\":5}", Form.class).field);
        assertEquals("choices[1]", refused("{\"choices\":[1,\"7\"]}", Form.class).field);
        assertEquals("prefs", refused("{\"prefs\":[]}", Form.class).field);
        assertEquals("prefs.x", refused("{\"prefs\":{\"x\":\"on\"}}", Form.class).field);
        assertEquals("items[0].count", refused("{\"items\":[{\"count\":true}]}", Form.class).field);
        assertEquals("guests", refused("{\"guests\":1.5}", Rec.class).field);
        assertEquals("size", refused("{\"size\":null}", Form.class).field);
        assertEquals("body", refused("[1]", Form.class).field);
    }

    @Test
    void numbersOutsideTheirTypeAreRefused() {
        JsonShape.Mismatch m = refused("{\"cityId\":9223372036854775808}", Form.class);
        assertEquals("request.out-of-range", m.code);
        assertEquals("size", refused("{\"size\":2147483648}", Form.class).field);
    }

    @Test
    void unknownFieldsAreRefusedAndTheValueIsNeverQuoted() {
        JsonShape.Mismatch m = refused("{\"javaName\":\"x\"}", Form.class);
        assertEquals("request.unknown-field", m.code);
        assertEquals("javaName", m.field);
        JsonShape.Mismatch secret = refused("{\"enabled\":\"my-secret-value\"}", Form.class);
        assertFalse(secret.getMessage().contains("my-secret-value"), secret.getMessage());
    }

    @Test
    void pathGuardSpotsEscapingAddresses() {
        assertTrue(PathGuardFilter.escapes("/api/rounds/..%2f..%2f"));
        assertTrue(PathGuardFilter.escapes("/api/rounds/%2E%2E/x"));
        assertTrue(PathGuardFilter.escapes("/plugins/meetups/../../WEB-INF/web.xml"));
        assertFalse(PathGuardFilter.escapes("/api/rounds/12/ballot"));
        assertFalse(PathGuardFilter.escapes("/plugins/meetups/index.html"));
    }

    @Test
    void nestingIsMeasuredOutsideStringsOnly() {
        assertEquals(0, StrictJsonReader.depthOf("42".getBytes()));
        assertEquals(2, StrictJsonReader.depthOf("{\"a\":[1,2],\"b\":{}}".getBytes()));
        assertEquals(1, StrictJsonReader.depthOf("{\"a\":\"[[[[{{{\\\"[[\"}".getBytes()));
        assertEquals(10_000, StrictJsonReader.depthOf("[".repeat(10_000).getBytes()));
        assertTrue(StrictJsonReader.depthOf("[".repeat(StrictJsonReader.MAX_DEPTH + 1).getBytes()) > StrictJsonReader.MAX_DEPTH);
    }
}
