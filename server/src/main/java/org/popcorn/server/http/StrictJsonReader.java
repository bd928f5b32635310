package org.popcorn.server.http;

import jakarta.annotation.Priority;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import org.popcorn.server.common.JsonbConfigurator;
import org.popcorn.server.common.ProblemException;

/**
 * Reads every JSON request body of the API, the core's and the plugins' alike: the text must be JSON, and its
 * values must have exactly the types the target declares ({@link JsonShape}), or the request is refused with 400
 * naming the field. Only then does JSON-B bind it, so no value is ever coerced into something the client did not
 * send.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json", "text/json"})
@Priority(1000)
public class StrictJsonReader implements MessageBodyReader<Object> {

    /** Made once: {@code Json.createReader} looks the provider up through the class path on every call. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(java.util.Map.of());

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return !(type == String.class || type == byte[].class || type == char[].class
                || InputStream.class.isAssignableFrom(type) || Reader.class.isAssignableFrom(type)
                || JsonValue.class.isAssignableFrom(type) || type.getName().startsWith("jakarta.ws.rs.")
                || type == java.io.File.class || type.getName().startsWith("jakarta.activation."));
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        byte[] bytes = body.readAllBytes(); // bounded: RequestBodyFilter has already capped the body's size
        if (bytes.length == 0) {
            return null; // no body at all: the resource's @NotNull says what is missing
        }
        if (depthOf(bytes) > MAX_DEPTH) {
            throw ProblemException.badRequest("The request body nests arrays and objects more than " + MAX_DEPTH
                    + " levels deep.", "body").withCode("request.too-deep");
        }
        JsonValue value;
        try (JsonReader reader = READERS.createReader(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
            value = reader.readValue();
        } catch (JsonParsingException e) {
            var at = e.getLocation();
            throw ProblemException.badRequest("The request body is not valid JSON"
                    + (at == null ? "." : " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")."), "body")
                    .withCode("request.malformed-json");
        } catch (JsonException e) {
            throw ProblemException.badRequest("The request body is not valid JSON.", "body").withCode("request.malformed-json");
        }
        try {
            JsonShape.check(value, genericType);
        } catch (JsonShape.Mismatch m) {
            throw ProblemException.badRequest(m.getMessage(), m.field).withCode(m.code);
        }
        try {
            return JsonbConfigurator.jsonb().fromJson(value.toString(), genericType);
        } catch (JsonbException e) {
            throw ProblemException.badRequest("The request body does not have the expected shape: "
                    + shorten(e.getMessage()), "body").withCode("request.wrong-shape");
        }
    }

    /** No request of the API nests deeper than a few levels; far deeper input is an attack on the parser's stack. */
    static final int MAX_DEPTH = 32;

    /**
     * The deepest nesting of arrays and objects in {@code json}, brackets inside strings not counted. Scanned before
     * parsing so that a hostile body cannot exhaust the parser's or the shape check's recursion.
     */
    static int depthOf(byte[] json) {
        int depth = 0;
        int max = 0;
        boolean inString = false;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '[' || b == '{') {
                max = Math.max(max, ++depth);
            } else if (b == ']' || b == '}') {
                depth--;
            }
        }
        return max;
    }

    /** A binder message can quote the input: keep it short and free of class names. */
    private static String shorten(String message) {
        String m = message == null ? "" : message.replaceAll("(?s)\\s+", " ").replaceAll("\\b(?:[a-z]+\\.)+([A-Z]\\w*)", "$1");
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }
}
