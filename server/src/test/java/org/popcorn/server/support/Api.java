package org.popcorn.server.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A small HTTP client for the API in integration tests: JSON in, {@link Reply} out. It speaks HTTP/1.1 only, as
 * every browser does on plain http: Java's default (HTTP/2 with an h2c upgrade) once let a test pass where every
 * browser failed.
 */
public class Api {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String language;

    public Api(URL base) {
        this(base.toString());
    }

    public Api(String base) {
        this(base, null);
    }

    private Api(String base, String language) {
        this.base = base.endsWith("/") ? base : base + "/";
        this.language = language;
    }

    /** The address this client talks to, ending in {@code /}. */
    public String base() {
        return base;
    }

    /** The same client, asking for answers in a language ({@code Accept-Language}), as the web UI does. */
    public Api inLanguage(String language) {
        return new Api(base, language);
    }

    /** An answer: status, headers, body text and the body as JSON when it is JSON. */
    public record Reply(int status, HttpResponse<String> raw) {
        public String body() {
            return raw.body();
        }

        public JsonObject json() {
            return Json.createReader(new StringReader(raw.body())).readObject();
        }

        public JsonValue jsonValue() {
            JsonStructure s = Json.createReader(new StringReader(raw.body())).read();
            return s;
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    public Reply get(String path, String token) {
        return send("GET", path, null, token);
    }

    public Reply post(String path, String json, String token) {
        return send("POST", path, json, token);
    }

    public Reply put(String path, String json, String token) {
        return send("PUT", path, json, token);
    }

    public Reply patch(String path, String json, String token) {
        return send("PATCH", path, json, token);
    }

    public Reply delete(String path, String json, String token) {
        return send("DELETE", path, json, token);
    }

    public Reply send(String method, String path, String json, String token) {
        return send(method, path, json, token, "application/json");
    }

    /** Sends a request with the given Accept header (null: none). */
    public Reply send(String method, String path, String json, String token, String accept) {
        return send(method, path, json, token, accept, null);
    }

    /** Sends a conditional request: {@code If-None-Match} with the given ETag (null: none). */
    public Reply send(String method, String path, String json, String token, String accept, String ifNoneMatch) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + (path.startsWith("/") ? path.substring(1) : path)))
                .timeout(Duration.ofSeconds(60));
        if (ifNoneMatch != null) {
            b.header("If-None-Match", ifNoneMatch);
        }
        if (language != null) {
            b.header("Accept-Language", language);
        }
        if (accept != null) {
            b.header("Accept", accept);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            requireCode(method, path, r);
            return new Reply(r.statusCode(), r);
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        }
    }

    /**
     * Every problem answer carries a stable machine-readable {@code code} (the API's contract, docs/api.md): checked on
     * every answer every test receives, so that no error path can leave it out unnoticed.
     */
    private static void requireCode(String method, String path, HttpResponse<String> r) {
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json") || "HEAD".equals(method)) {
            return;
        }
        JsonObject p;
        try {
            p = Json.createReader(new StringReader(r.body())).readObject();
        } catch (RuntimeException e) {
            throw new AssertionError(method + " " + path + " answered problem+json that is not a JSON object: " + r.body(), e);
        }
        if (!p.containsKey("code") || p.isNull("code") || p.getString("code", "").isBlank()) {
            throw new AssertionError(method + " " + path + " answered a problem without a code: " + r.statusCode() + " " + r.body());
        }
    }

    /** Registers a member and answers the created profile. */
    public Reply register(String handle, String email, String password, long cityId) {
        return post("api/auth/register", String.format(
                "{\"handle\":\"%s\",\"displayName\":\"%s\",\"email\":\"%s\",\"password\":\"%s\",\"homeCityId\":%d}",
                handle, handle, email, password, cityId), null);
    }

    /** Logs in and answers the token (fails the test unless 200). */
    public String login(String login, String password) {
        Reply r = post("api/auth/login", String.format("{\"login\":\"%s\",\"password\":\"%s\"}", login, password), null);
        if (r.status() != 200) {
            throw new AssertionError("login of " + login + " failed: " + r);
        }
        return r.json().getString("token");
    }

    /** Registers and logs in; answers the token. */
    public String member(String handle, long cityId) {
        Reply r = register(handle, handle + "@example.org", "password-" + handle, cityId);
        if (r.status() != 201) {
            throw new AssertionError("register " + handle + " failed: " + r);
        }
        return login(handle, "password-" + handle);
    }

    /** The id of the first city a search finds. */
    public long cityId(String q) {
        Reply r = get("api/cities?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8) + "&size=1", null);
        return r.json().getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
    }

    public String adminToken() {
        return login("it-admin", "it-admin-only-in-memory");
    }
}
