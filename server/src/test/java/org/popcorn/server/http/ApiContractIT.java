package org.popcorn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URL;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.popcorn.server.support.Api;
import org.popcorn.server.support.SharedServer;
import org.popcorn.server.support.Api.Reply;

/**
 * The API document as client tooling reads it, against the server as it behaves: the served {@code /openapi}, core
 * and plugins, passes a well-kept OpenAPI parser and the rules generated clients rely on (each operation states its
 * security, unique operation ids, declared tags with descriptions, no stray properties, no unused components); every
 * route the server has is in it and every operation in it exists; and what it says about security is what the
 * server does to an anonymous caller.
 */
@ExtendWith(SharedServer.class)
class ApiContractIT {

    private static final Set<String> VERBS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    /** Popcorn's own plugins and the example plugin, whose every route must be described truthfully. */
    private static final Set<String> OWN_PLUGINS = Set.of("meetups", "charity", "booths", "feedback");
    private static final Set<String> OPENAPI_ROOT = Set.of("openapi", "info", "servers", "paths", "components", "security",
            "tags", "externalDocs");

    URL base = SharedServer.url();

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(base);
    }

    private JsonObject document() {
        Reply r = api.send("GET", "openapi?format=JSON", null, null, "application/json");
        assertEquals(200, r.status(), r.toString());
        return r.json();
    }

    @Test
    void theDocumentPassesAStandardParserAndTheRulesClientsRelyOn() throws IOException {
        Reply raw = api.send("GET", "openapi?format=JSON", null, null, "application/json");
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(raw.body(), null, options);
        assertNotNull(parsed.getOpenAPI(), "not parsed: " + parsed.getMessages());
        assertEquals(List.of(), parsed.getMessages(), "the parser's validation messages");
        JsonObject doc = raw.json();

        Reply yaml = api.send("GET", "openapi", null, null, "text/plain"); // the default format, for people and YAML tooling
        Files.writeString(Paths.get("target/openapi.yaml"), yaml.body()); // for tools/openapi-lint (Redocly's rules)
        SwaggerParseResult fromYaml = new OpenAPIV3Parser().readContents(yaml.body(), null, options);
        assertNotNull(fromYaml.getOpenAPI(), "YAML not parsed: " + fromYaml.getMessages());
        assertEquals(List.of(), fromYaml.getMessages(), "the parser's validation messages on the YAML form");
        assertEquals(parsed.getOpenAPI(), fromYaml.getOpenAPI(), "the YAML and JSON forms say the same");

        assertEquals(Set.of(), diff(doc.keySet(), OPENAPI_ROOT), "properties outside the OpenAPI schema");
        JsonArray servers = doc.getJsonArray("servers");
        assertEquals(1, servers.size(), servers.toString());
        assertFalse(servers.getJsonObject(0).getString("url").endsWith("/"), "server url without a trailing slash: " + servers);

        Set<String> tags = new HashSet<>();
        for (JsonValue t : doc.getJsonArray("tags")) {
            String name = t.asJsonObject().getString("name");
            assertTrue(tags.add(name), "tag declared twice: " + name);
            assertFalse(t.asJsonObject().getString("description", "").isBlank(), "tag without a description: " + name);
        }
        Set<String> schemes = doc.getJsonObject("components").getJsonObject("securitySchemes").keySet();
        assertEquals(Set.of("bearer"), schemes);

        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        operations(doc).forEach((key, op) -> {
            String id = op.getString("operationId", "");
            if (id.isBlank() || !ids.add(id)) {
                problems.add(key + ": operationId missing or used twice (" + id + ")");
            }
            if (!op.containsKey("security")) {
                problems.add(key + ": no security stated (bearer, or [] for public)");
            } else {
                for (JsonValue req : op.getJsonArray("security")) {
                    if (!schemes.containsAll(req.asJsonObject().keySet())) {
                        problems.add(key + ": unknown security scheme " + req);
                    }
                }
            }
            for (JsonValue t : op.getJsonArray("tags")) {
                if (!tags.contains(((JsonString) t).getString())) {
                    problems.add(key + ": undeclared tag " + t);
                }
            }
            JsonObject responses = op.getJsonObject("responses");
            if (responses.keySet().stream().noneMatch(c -> c.startsWith("2") || c.equals("default"))) {
                problems.add(key + ": no success answer");
            }
            if (key.contains(" /api/plugins/") && !responses.keySet().stream().anyMatch(c -> c.startsWith("2"))) {
                problems.add(key + ": a plugin operation names its success status");
            }
            if (responses.keySet().stream().noneMatch(c -> c.startsWith("4"))) {
                problems.add(key + ": no error answer");
            }
            Set<String> pathParams = new HashSet<>();
            if (op.containsKey("parameters")) {
                for (JsonValue p : op.getJsonArray("parameters")) {
                    JsonObject po = p.asJsonObject();
                    if ("path".equals(po.getString("in"))) {
                        pathParams.add(po.getString("name"));
                    }
                    if (!po.containsKey("schema") || !po.getJsonObject("schema").containsKey("type")) {
                        problems.add(key + ": parameter " + po.getString("name") + " has no type");
                    }
                }
            }
            Matcher m = Pattern.compile("\\{([^}]+)}").matcher(key.substring(key.indexOf(' ') + 1));
            while (m.find()) {
                if (!pathParams.contains(m.group(1))) {
                    problems.add(key + ": path parameter " + m.group(1) + " not declared");
                }
            }
        });
        Set<String> refs = new HashSet<>();
        walk(doc, (owner, value) -> {
            if (value.containsKey("nullable") && !value.containsKey("type")) {
                problems.add("'nullable' without 'type' in " + owner);
            }
            if (value.containsKey("$ref")) {
                refs.add(value.getString("$ref"));
            }
        }, "document");
        for (String component : doc.getJsonObject("components").getJsonObject("schemas").keySet()) {
            if (!refs.contains("#/components/schemas/" + component)) {
                problems.add("component " + component + " is never used");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void pluginOperationsCarryTheirRealShapes() {
        JsonObject doc = document();
        JsonObject create = doc.getJsonObject("paths").getJsonObject("/api/plugins/meetups/meetups").getJsonObject("post");
        assertTrue(create.getJsonObject("responses").containsKey("201"), create.toString());
        assertFalse(create.getJsonObject("responses").containsKey("200"), create.toString());
        JsonObject bodySchema = resolve(doc, create.getJsonObject("requestBody").getJsonObject("content")
                .getJsonObject("application/json").getJsonObject("schema"));
        assertEquals("integer", bodySchema.getJsonObject("properties").getJsonObject("capacity").getString("type"), bodySchema.toString());
        assertEquals("date-time", bodySchema.getJsonObject("properties").getJsonObject("startsAt").getString("format"), bodySchema.toString());
        JsonObject created = resolve(doc, create.getJsonObject("responses").getJsonObject("201").getJsonObject("content")
                .getJsonObject("application/json").getJsonObject("schema"));
        assertTrue(created.getJsonObject("properties").containsKey("timeZone"), created.toString());
        assertEquals(List.of(JsonValue.ValueType.OBJECT), List.of(create.getJsonArray("security").get(0).getValueType()));
        assertTrue(create.getJsonArray("security").getJsonObject(0).containsKey("bearer"), create.toString());

        JsonObject list = doc.getJsonObject("paths").getJsonObject("/api/plugins/meetups/meetups").getJsonObject("get");
        assertEquals(0, list.getJsonArray("security").size(), "browsing meetups is public: " + list);
        JsonObject city = list.getJsonArray("parameters").stream().map(JsonValue::asJsonObject)
                .filter(p -> p.getString("name").equals("city")).findFirst().orElseThrow();
        assertEquals("integer", city.getJsonObject("schema").getString("type"), city.toString());
        JsonObject page = list.getJsonObject("responses").getJsonObject("200").getJsonObject("content")
                .getJsonObject("application/json").getJsonObject("schema");
        assertEquals("array", page.getJsonObject("properties").getJsonObject("items").getString("type"), page.toString());
    }

    @Test
    void everyRouteOfTheServerIsDocumentedAndEveryDocumentedOperationExists() throws Exception {
        JsonObject doc = document();
        Set<String> documentedCore = new TreeSet<>();
        Set<String> documentedPlugins = new TreeSet<>();
        for (String key : operations(doc).keySet()) {
            (key.matches("[A-Z]+ /api/plugins/[a-z][^/{]*/.*") ? documentedPlugins : documentedCore).add(key);
        }
        assertEquals(coreRoutes(), documentedCore, "core routes (left: the server's resources; right: the document)");

        Set<String> announced = new TreeSet<>();
        for (JsonValue p : api.get("api/plugins", null).jsonValue().asJsonArray()) {
            JsonObject plugin = p.asJsonObject();
            if ("STARTED".equalsIgnoreCase(plugin.getString("state", "")) && plugin.containsKey("manifest")
                    && plugin.getJsonObject("manifest").containsKey("routes")) {
                plugin.getJsonObject("manifest").getJsonArray("routes").forEach(r -> announced.add(((JsonString) r).getString()));
            }
        }
        assertFalse(announced.isEmpty());
        assertEquals(announced, documentedPlugins, "plugin routes (left: the plugins' manifests; right: the document)");
    }

    @Test
    void whatTheDocumentSaysAboutSecurityIsWhatAnAnonymousCallerMeets() {
        JsonObject doc = document();
        List<String> wrong = new ArrayList<>();
        operations(doc).forEach((key, op) -> {
            if (key.matches("[A-Z]+ /api/plugins/[^/{]+/.*") && !OWN_PLUGINS.contains(key.split("/")[3])) {
                return; // plugins the other tests build on the fly describe only what they test
            }
            String method = key.substring(0, key.indexOf(' '));
            String path = key.substring(key.indexOf(' ') + 1);
            String concrete = path.replaceAll("\\{[^}]*(handle|token|code|role)[^}]*}", "x1").replaceAll("\\{[^}]+}", "1");
            boolean member = op.getJsonArray("security").stream().anyMatch(r -> r.asJsonObject().containsKey("bearer"));
            String body = op.containsKey("requestBody") ? "{}" : null;
            Reply r = api.send(method, concrete.substring(1), body, null, "*/*");
            String code = r.contentType() != null && r.contentType().startsWith("application/problem+json") ? r.json().getString("code") : "";
            if (r.status() >= 500 || r.status() == 405 || "http.404".equals(code)) {
                wrong.add(key + " (as " + concrete + ") is not served: " + r);
            } else if (member && (r.status() != 401 || !"auth.required".equals(code))) {
                wrong.add(key + " is documented as needing a member, but an anonymous caller got " + r);
            } else if (!member && r.status() == 401) {
                wrong.add(key + " is documented as public, but an anonymous caller got " + r);
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void aPluginTurnedOffAndOnLeavesAndReentersTheDocumentWithoutARestart() {
        String admin = api.adminToken();
        assertTrue(document().getJsonObject("paths").containsKey("/api/plugins/feedback/items"));
        String etag = api.send("GET", "openapi", null, null, "text/plain").header("ETag");
        try {
            assertEquals(200, api.put("api/admin/plugins/feedback", "{\"enabled\":false}", admin).status());
            JsonObject without = document();
            assertFalse(without.getJsonObject("paths").containsKey("/api/plugins/feedback/items"), "a disabled plugin's routes are gone");
            assertTrue(without.getJsonObject("paths").containsKey("/api/plugins/meetups/meetups"), "the other plugins stay");
            assertFalse(without.getJsonObject("components").getJsonObject("schemas").keySet().stream().anyMatch(k -> k.startsWith("feedback.")));
            Reply yaml = api.send("GET", "openapi", null, null, "text/plain");
            assertFalse(etag.equals(yaml.header("ETag")), "a new document has a new ETag");
            assertFalse(yaml.body().contains("\"/api/plugins/feedback/items\":"), "the YAML form follows");
            assertTrue(yaml.body().contains("\"/api/plugins/meetups/meetups\":"), yaml.body().substring(0, 300));
        } finally {
            assertEquals(200, api.put("api/admin/plugins/feedback", "{\"enabled\":true}", admin).status());
        }
        assertTrue(document().getJsonObject("paths").containsKey("/api/plugins/feedback/items"), "enabled again: documented again");
        Reply again = api.send("GET", "openapi", null, null, "text/plain");
        assertEquals(304, api.send("GET", "openapi", null, null, "text/plain", again.header("ETag")).status());
    }

    /** "METHOD /path" of every JAX-RS resource method in the server's own classes (plugins are described by their hosts). */
    private static Set<String> coreRoutes() throws IOException, ClassNotFoundException {
        Set<String> out = new TreeSet<>();
        java.nio.file.Path root = Paths.get("target/classes");
        List<java.nio.file.Path> classes;
        try (Stream<java.nio.file.Path> files = Files.walk(root)) {
            classes = files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList();
        }
        for (java.nio.file.Path f : classes) {
            String name = root.relativize(f).toString().replace(File.separatorChar, '.').replaceAll("\\.class$", "");
            Class<?> c = Class.forName(name, false, ApiContractIT.class.getClassLoader());
            Path classPath = c.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method m : c.getMethods()) {
                String verb = verb(m);
                if (verb != null) {
                    Path p = m.getAnnotation(Path.class);
                    String path = "/api/" + strip(classPath.value()) + (p == null ? "" : "/" + strip(p.value()));
                    out.add(verb + " " + path.replaceAll("\\{([A-Za-z0-9_]+)\\s*:[^}]*}", "{$1}").replaceAll("/+$", ""));
                }
            }
        }
        return out;
    }

    private static String strip(String p) {
        return p.replaceAll("^/+|/+$", "");
    }

    private static String verb(Method m) {
        for (Annotation a : m.getAnnotations()) {
            Class<? extends Annotation> t = a.annotationType();
            if (t == GET.class || t == POST.class || t == PUT.class || t == DELETE.class || t == PATCH.class) {
                return t.getSimpleName();
            }
        }
        return null;
    }

    /** "METHOD /path" to operation, in document order. */
    private static Map<String, JsonObject> operations(JsonObject doc) {
        Map<String, JsonObject> out = new java.util.LinkedHashMap<>();
        doc.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().forEach((verb, op) -> {
            if (VERBS.contains(verb)) {
                out.put(verb.toUpperCase() + " " + path, op.asJsonObject());
            }
        }));
        return out;
    }

    private static JsonObject resolve(JsonObject doc, JsonObject schema) {
        if (schema.containsKey("$ref")) {
            String name = schema.getString("$ref").substring("#/components/schemas/".length());
            return doc.getJsonObject("components").getJsonObject("schemas").getJsonObject(name);
        }
        return schema;
    }

    private interface Visitor {
        void visit(String owner, JsonObject value);
    }

    private static void walk(JsonValue v, Visitor visitor, String where) {
        if (v instanceof JsonObject o) {
            if (!where.endsWith("/properties")) { // a schema's properties are named by the API, not by OpenAPI
                visitor.visit(where, o);
            }
            o.forEach((k, child) -> walk(child, visitor, where + "/" + k));
        } else if (v instanceof JsonArray a) {
            for (int i = 0; i < a.size(); i++) {
                walk(a.get(i), visitor, where + "/" + i);
            }
        }
    }

    private static Set<String> diff(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
