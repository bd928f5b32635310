package org.popcorn.server.openapi;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import java.lang.reflect.AnnotatedElement;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * The JSON schema of a Java type as JSON-B writes and reads it: records by their components, classes by their public
 * fields and getters, enums by their constants, collections as arrays, {@code Map<String, V>} as objects, time types
 * as ISO-8601 strings; a field's MicroProfile {@code @Schema} adds its description, format, allowed values and
 * example (or hides it). Each named class becomes one component ({@code <prefix>.<Outer>.<Inner>}) that the schemas
 * refer to, so that a plugin's shapes appear once in the document however often they are used; generic classes
 * (a page of views) are written inline with their type arguments resolved.
 */
public final class JavaSchemas {

    private final Components components;
    private final String prefix;

    /** Adds the components it makes to {@code components}, named with {@code prefix} (a plugin's id). */
    public JavaSchemas(Components components, String prefix) {
        this.components = components;
        this.prefix = prefix;
    }

    /** The schema of {@code type}; null for a type with no JSON shape (JAX-RS {@code Response}, {@code void}). */
    public Schema of(Type type) {
        return of(type, Map.of(), 0);
    }

    /** The schema of a simple value (a path or query parameter). */
    public static Schema simple(Class<?> type) {
        Schema s = scalar(type);
        return s != null ? s : OASFactory.createSchema().type(SchemaType.STRING);
    }

    private Schema of(Type type, Map<TypeVariable<?>, Type> bound, int depth) {
        if (depth > 12) {
            return OASFactory.createSchema().type(SchemaType.OBJECT);
        }
        if (type instanceof TypeVariable<?> v) {
            Type b = bound.get(v);
            return b == null ? OASFactory.createSchema().type(SchemaType.OBJECT) : of(b, bound, depth + 1);
        }
        if (type instanceof WildcardType w) {
            return of(w.getUpperBounds().length == 0 ? Object.class : w.getUpperBounds()[0], bound, depth + 1);
        }
        if (type instanceof GenericArrayType g) {
            return OASFactory.createSchema().type(SchemaType.ARRAY).items(of(g.getGenericComponentType(), bound, depth + 1));
        }
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (Optional.class == raw) {
                return of(args[0], bound, depth + 1);
            }
            if (Collection.class.isAssignableFrom(raw)) {
                Schema s = OASFactory.createSchema().type(SchemaType.ARRAY).items(of(args[0], bound, depth + 1));
                return java.util.Set.class.isAssignableFrom(raw) ? s.uniqueItems(true) : s;
            }
            if (Map.class.isAssignableFrom(raw)) {
                return OASFactory.createSchema().type(SchemaType.OBJECT).additionalPropertiesSchema(of(args[1], bound, depth + 1));
            }
            Map<TypeVariable<?>, Type> inner = new HashMap<>(bound);
            TypeVariable<?>[] vars = raw.getTypeParameters();
            for (int i = 0; i < vars.length && i < args.length; i++) {
                inner.put(vars[i], args[i] instanceof TypeVariable<?> v && bound.containsKey(v) ? bound.get(v) : args[i]);
            }
            return object(raw, inner, depth);
        }
        Class<?> c = (Class<?>) type;
        if (c == void.class || c == Void.class || c.getName().equals("jakarta.ws.rs.core.Response")) {
            return null;
        }
        Schema s = scalar(c);
        if (s != null) {
            return s;
        }
        if (c.isArray()) {
            return c == byte[].class ? OASFactory.createSchema().type(SchemaType.STRING).format("byte")
                    : OASFactory.createSchema().type(SchemaType.ARRAY).items(of(c.getComponentType(), bound, depth + 1));
        }
        if (Collection.class.isAssignableFrom(c)) {
            return OASFactory.createSchema().type(SchemaType.ARRAY).items(OASFactory.createSchema());
        }
        if (Map.class.isAssignableFrom(c) || JsonValue.class.isAssignableFrom(c) || c == Object.class) {
            return OASFactory.createSchema().type(SchemaType.OBJECT);
        }
        if (c.isEnum()) {
            String name = name(c);
            if (!has(name)) {
                Schema e = OASFactory.createSchema().type(SchemaType.STRING);
                for (Object constant : c.getEnumConstants()) {
                    e.addEnumeration(((Enum<?>) constant).name());
                }
                components.addSchema(name, e);
            }
            return ref(name);
        }
        return object(c, Map.of(), depth);
    }

    /** A class as an object: one component for a plain class, inline for a generic one. */
    private Schema object(Class<?> c, Map<TypeVariable<?>, Type> bound, int depth) {
        boolean generic = c.getTypeParameters().length > 0;
        String name = name(c);
        if (!generic && has(name)) {
            return ref(name);
        }
        Schema s = OASFactory.createSchema().type(SchemaType.OBJECT);
        org.eclipse.microprofile.openapi.annotations.media.Schema doc =
                c.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        if (doc != null && !doc.description().isBlank()) {
            s.setDescription(doc.description());
        }
        if (!generic) {
            components.addSchema(name, s); // before the properties: a type may refer to itself
        }
        if (c.isRecord()) {
            for (RecordComponent rc : c.getRecordComponents()) {
                property(s, rc.getName(), rc.getGenericType(), rc.getType().isPrimitive(), rc, bound, depth);
            }
        } else {
            for (Field f : c.getFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !f.isAnnotationPresent(JsonbTransient.class)) {
                    JsonbProperty jp = f.getAnnotation(JsonbProperty.class);
                    property(s, jp == null || jp.value().isEmpty() ? f.getName() : jp.value(), f.getGenericType(),
                            f.getType().isPrimitive(), f, bound, depth);
                }
            }
            for (Method m : c.getMethods()) {
                String p = getterProperty(m);
                if (p != null && (s.getProperties() == null || !s.getProperties().containsKey(p))
                        && !m.isAnnotationPresent(JsonbTransient.class)) {
                    property(s, p, m.getGenericReturnType(), m.getReturnType().isPrimitive(), m, bound, depth);
                }
            }
        }
        return generic ? s : ref(name);
    }

    private void property(Schema owner, String name, Type type, boolean primitive, AnnotatedElement source,
                          Map<TypeVariable<?>, Type> bound, int depth) {
        Schema p = of(type, bound, depth + 1);
        if (p == null) {
            return;
        }
        org.eclipse.microprofile.openapi.annotations.media.Schema doc =
                source.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        if (doc != null && doc.hidden()) {
            return;
        }
        if (doc != null) { // the plugin's own words: description, format, allowed values, example
            if (p.getRef() != null && !doc.description().isBlank()) {
                p = OASFactory.createSchema().addAllOf(p); // a $ref takes no siblings in OpenAPI 3.0
            }
            if (!doc.description().isBlank()) {
                p.setDescription(doc.description());
            }
            if (!doc.format().isBlank()) {
                p.setFormat(doc.format());
            }
            for (String e : doc.enumeration()) {
                p.addEnumeration(e);
            }
            if (!doc.example().isBlank()) {
                p.setExample(doc.example());
            }
            if (doc.required()) {
                owner.addRequired(name);
            }
        }
        owner.addProperty(name, p);
        if (primitive) {
            owner.addRequired(name); // a primitive is always written
        }
    }

    private static String getterProperty(Method m) {
        if (Modifier.isStatic(m.getModifiers()) || m.getParameterCount() > 0 || m.getDeclaringClass() == Object.class
                || m.getDeclaringClass().isRecord()) {
            return null;
        }
        String n = m.getName();
        if (n.startsWith("get") && n.length() > 3 && m.getReturnType() != void.class) {
            return Character.toLowerCase(n.charAt(3)) + n.substring(4);
        }
        if (n.startsWith("is") && n.length() > 2 && m.getReturnType() == boolean.class) {
            return Character.toLowerCase(n.charAt(2)) + n.substring(3);
        }
        return null;
    }

    private static Schema scalar(Class<?> c) {
        if (c == String.class || c == char.class || c == Character.class || c == ZoneId.class || c == Duration.class) {
            return OASFactory.createSchema().type(SchemaType.STRING);
        }
        if (c == boolean.class || c == Boolean.class) {
            return OASFactory.createSchema().type(SchemaType.BOOLEAN);
        }
        if (c == int.class || c == Integer.class || c == short.class || c == Short.class || c == byte.class || c == Byte.class
                || c == OptionalInt.class) {
            return OASFactory.createSchema().type(SchemaType.INTEGER).format("int32");
        }
        if (c == long.class || c == Long.class || c == BigInteger.class || c == OptionalLong.class) {
            return OASFactory.createSchema().type(SchemaType.INTEGER).format("int64");
        }
        if (c == double.class || c == Double.class || c == float.class || c == Float.class || c == BigDecimal.class) {
            return OASFactory.createSchema().type(SchemaType.NUMBER);
        }
        if (c == Instant.class || c == OffsetDateTime.class || c == ZonedDateTime.class) {
            return OASFactory.createSchema().type(SchemaType.STRING).format("date-time");
        }
        if (c == LocalDate.class) {
            return OASFactory.createSchema().type(SchemaType.STRING).format("date");
        }
        if (c == LocalDateTime.class) {
            return OASFactory.createSchema().type(SchemaType.STRING).description("Local date and time, ISO-8601 without offset");
        }
        if (c == LocalTime.class) {
            return OASFactory.createSchema().type(SchemaType.STRING).description("Local time, ISO-8601 (HH:mm)");
        }
        if (c == UUID.class) {
            return OASFactory.createSchema().type(SchemaType.STRING).format("uuid");
        }
        if (c == URI.class || c == java.net.URL.class) {
            return OASFactory.createSchema().type(SchemaType.STRING).format("uri");
        }
        return null;
    }

    private String name(Class<?> c) {
        StringBuilder b = new StringBuilder(c.getSimpleName());
        for (Class<?> o = c.getEnclosingClass(); o != null; o = o.getEnclosingClass()) {
            b.insert(0, o.getSimpleName() + ".");
        }
        return prefix + "." + b;
    }

    private boolean has(String name) {
        return components.getSchemas() != null && components.getSchemas().containsKey(name);
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref("#/components/schemas/" + name);
    }
}
