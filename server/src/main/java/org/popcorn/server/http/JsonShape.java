package org.popcorn.server.http;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks that a parsed JSON value has exactly the shape of the Java type it is about to be bound to: a boolean is
 * {@code true} or {@code false} (never {@code "yes"} or {@code 1}), an integer has no fraction and fits its type, a
 * string is a string (never an array), and an object has no field the type does not declare. JSON-B alone coerces
 * such values silently, sometimes to the opposite of what the client meant.
 *
 * <p>The check names the first field at fault with its path ({@code choices[2].cityId}) and never quotes the value.
 */
final class JsonShape {

    /** A field of the request that does not fit its declared type. */
    static final class Mismatch extends RuntimeException {
        final String field;
        final String code;

        Mismatch(String field, String code, String message) {
            super(message, null, false, false);
            this.field = field;
            this.code = code;
        }
    }

    private static final Map<Class<?>, Map<String, Type>> PROPERTIES = new ConcurrentHashMap<>();

    private JsonShape() {
    }

    /** Throws {@link Mismatch} when {@code value} cannot be bound to {@code type} without coercion. */
    static void check(JsonValue value, Type type) {
        check(value, type, "");
    }

    private static void check(JsonValue value, Type type, String path) {
        Class<?> raw = rawClass(type);
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            if (raw.isPrimitive()) {
                throw mismatch(path, "request.null", "must not be null");
            }
            return;
        }
        if (raw == Object.class || JsonValue.class.isAssignableFrom(raw)) {
            return;
        }
        if (raw == Optional.class) {
            check(value, typeArgument(type, 0), path);
            return;
        }
        if (raw == String.class || raw == char.class || raw == Character.class) {
            expect(value, JsonValue.ValueType.STRING, path, "a string");
            if ((raw == char.class || raw == Character.class) && ((jakarta.json.JsonString) value).getString().length() != 1) {
                throw mismatch(path, "request.wrong-type", "must be a single character");
            }
            return;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
                throw mismatch(path, "request.wrong-type", "must be true or false");
            }
            return;
        }
        if (isIntegral(raw)) {
            expect(value, JsonValue.ValueType.NUMBER, path, "a whole number");
            JsonNumber n = (JsonNumber) value;
            BigInteger whole;
            try {
                whole = n.bigDecimalValue().toBigIntegerExact();
            } catch (ArithmeticException fraction) {
                throw mismatch(path, "request.wrong-type", "must be a whole number");
            }
            if (raw != BigInteger.class && (whole.compareTo(BigInteger.valueOf(minOf(raw))) < 0
                    || whole.compareTo(BigInteger.valueOf(maxOf(raw))) > 0)) {
                throw mismatch(path, "request.out-of-range", "is out of range (" + minOf(raw) + " to " + maxOf(raw) + ")");
            }
            return;
        }
        if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class
                || raw == BigDecimal.class || raw == Number.class) {
            expect(value, JsonValue.ValueType.NUMBER, path, "a number");
            return;
        }
        if (raw.isEnum() || Temporal.class.isAssignableFrom(raw) || raw == UUID.class || raw == URI.class
                || raw == java.time.ZoneId.class || raw == java.time.Duration.class || raw == java.time.Period.class
                || raw == java.util.Locale.class || raw.getName().startsWith("java.time.")) {
            expect(value, JsonValue.ValueType.STRING, path, "a string");
            return;
        }
        if (raw.isArray() || Collection.class.isAssignableFrom(raw)) {
            expect(value, JsonValue.ValueType.ARRAY, path, "a list");
            Type element = raw.isArray() ? componentType(type) : typeArgument(type, 0);
            JsonArray array = value.asJsonArray();
            for (int i = 0; i < array.size(); i++) {
                check(array.get(i), element, path + "[" + i + "]");
            }
            return;
        }
        if (Map.class.isAssignableFrom(raw)) {
            expect(value, JsonValue.ValueType.OBJECT, path, "an object");
            Type valueType = typeArgument(type, 1);
            for (Map.Entry<String, JsonValue> e : value.asJsonObject().entrySet()) {
                check(e.getValue(), valueType, join(path, e.getKey()));
            }
            return;
        }
        if (raw.getName().startsWith("java.")) {
            return; // some other JDK type: JSON-B's own rules apply
        }
        expect(value, JsonValue.ValueType.OBJECT, path, "an object");
        Map<String, Type> props = properties(raw);
        JsonObject object = value.asJsonObject();
        for (Map.Entry<String, JsonValue> e : object.entrySet()) {
            Type propType = props.get(e.getKey());
            String fieldPath = join(path, e.getKey());
            if (propType == null) {
                throw mismatch(fieldPath, "request.unknown-field", "is not a field this request knows");
            }
            check(e.getValue(), propType, fieldPath);
        }
    }

    /** The JSON names a class binds, with their declared types: public fields, setters and record components. */
    static Map<String, Type> properties(Class<?> type) {
        return PROPERTIES.computeIfAbsent(type, t -> {
            Map<String, Type> props = new HashMap<>();
            if (t.isRecord()) {
                for (RecordComponent rc : t.getRecordComponents()) {
                    JsonbProperty p = rc.getAccessor().getAnnotation(JsonbProperty.class);
                    props.put(p != null && !p.value().isEmpty() ? p.value() : rc.getName(), rc.getGenericType());
                }
                return props;
            }
            for (Class<?> c = t; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    int mod = f.getModifiers();
                    if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || f.isSynthetic()
                            || f.isAnnotationPresent(JsonbTransient.class)) {
                        continue;
                    }
                    JsonbProperty p = f.getAnnotation(JsonbProperty.class);
                    props.putIfAbsent(p != null && !p.value().isEmpty() ? p.value() : f.getName(), f.getGenericType());
                }
            }
            for (Method m : t.getMethods()) {
                if (m.getName().length() > 3 && m.getName().startsWith("set") && m.getParameterCount() == 1
                        && !Modifier.isStatic(m.getModifiers()) && !m.isAnnotationPresent(JsonbTransient.class)) {
                    JsonbProperty p = m.getAnnotation(JsonbProperty.class);
                    String name = p != null && !p.value().isEmpty() ? p.value()
                            : Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
                    props.putIfAbsent(name, m.getGenericParameterTypes()[0]);
                }
            }
            return props;
        });
    }

    private static void expect(JsonValue value, JsonValue.ValueType wanted, String path, String what) {
        if (value.getValueType() != wanted) {
            throw mismatch(path, "request.wrong-type", "must be " + what + ", not " + describe(value));
        }
    }

    private static String describe(JsonValue v) {
        return switch (v.getValueType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "true or false";
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case NULL -> "null";
        };
    }

    private static Mismatch mismatch(String path, String code, String message) {
        String field = path.isEmpty() ? "body" : path;
        return new Mismatch(field, code, (path.isEmpty() ? "The request body " : "The field '" + field + "' ") + message + ".");
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static boolean isIntegral(Class<?> c) {
        return c == int.class || c == Integer.class || c == long.class || c == Long.class || c == short.class
                || c == Short.class || c == byte.class || c == Byte.class || c == BigInteger.class;
    }

    private static long minOf(Class<?> c) {
        if (c == int.class || c == Integer.class) {
            return Integer.MIN_VALUE;
        }
        if (c == short.class || c == Short.class) {
            return Short.MIN_VALUE;
        }
        if (c == byte.class || c == Byte.class) {
            return Byte.MIN_VALUE;
        }
        return Long.MIN_VALUE;
    }

    private static long maxOf(Class<?> c) {
        if (c == int.class || c == Integer.class) {
            return Integer.MAX_VALUE;
        }
        if (c == short.class || c == Short.class) {
            return Short.MAX_VALUE;
        }
        if (c == byte.class || c == Byte.class) {
            return Byte.MAX_VALUE;
        }
        return Long.MAX_VALUE;
    }

    static Class<?> rawClass(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p) {
            return rawClass(p.getRawType());
        }
        if (t instanceof GenericArrayType g) {
            return java.lang.reflect.Array.newInstance(rawClass(g.getGenericComponentType()), 0).getClass();
        }
        if (t instanceof WildcardType w) {
            return rawClass(w.getUpperBounds()[0]);
        }
        if (t instanceof TypeVariable<?> v) {
            return rawClass(v.getBounds()[0]);
        }
        return Object.class;
    }

    private static Type typeArgument(Type t, int i) {
        if (t instanceof ParameterizedType p && p.getActualTypeArguments().length > i) {
            return p.getActualTypeArguments()[i];
        }
        return Object.class;
    }

    private static Type componentType(Type t) {
        if (t instanceof GenericArrayType g) {
            return g.getGenericComponentType();
        }
        return ((Class<?>) t).getComponentType();
    }
}
