package org.popcorn.server.openapi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * The house rules of the API document, applied after the scan and the plugins, so that standard client tooling (code
 * generators, linters with their recommended rules) takes it as it is:
 * <ul>
 * <li>every operation states its security: the bearer scheme where a member is needed, {@code security: []} where
 * anyone may call it;</li>
 * <li>every operation documents its problem+json answers (401 only where a member is needed);</li>
 * <li>each tag is declared once, with a description;</li>
 * <li>one server, the public address without a trailing slash;</li>
 * <li>schemas: {@code nullable} only beside a {@code type}, no repeated {@code allOf} entries, no component that
 * nothing refers to (Payara's non-standard {@code endpoints} list is taken out by {@link ApiDocumentServlet}).</li>
 * </ul>
 */
final class DocumentRules {

    private static final Logger LOG = Logger.getLogger(DocumentRules.class.getName());
    private static final String REF = "#/components/schemas/";

    private DocumentRules() {
    }

    static void apply(OpenAPI openAPI, String publicUrl) {
        String url = publicUrl.replaceAll("/+$", "");
        openAPI.setServers(new ArrayList<>(List.of(OASFactory.createServer().url(url).description("This Popcorn server"))));
        tags(openAPI);
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation op : item.getOperations().values()) {
                if (op.getSecurity() == null) {
                    op.setSecurity(new ArrayList<>()); // public: no requirement
                }
                problemAnswers(op);
            }
        }
        eachSchema(openAPI, DocumentRules::tidy);
        dropUnusedComponents(openAPI);
    }

    /** One entry per tag name, keeping a description; tags used by operations but not declared are declared. */
    private static void tags(OpenAPI openAPI) {
        Map<String, Tag> byName = new LinkedHashMap<>();
        for (Tag t : openAPI.getTags() == null ? List.<Tag>of() : openAPI.getTags()) {
            Tag seen = byName.get(t.getName());
            if (seen == null || seen.getDescription() == null && t.getDescription() != null) {
                byName.put(t.getName(), t);
            }
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation op : item.getOperations().values()) {
                for (String name : op.getTags() == null ? List.<String>of() : op.getTags()) {
                    byName.computeIfAbsent(name, n -> OASFactory.createTag().name(n));
                }
            }
        }
        byName.values().stream().filter(t -> t.getDescription() == null).forEach(t -> t.setDescription(t.getName()));
        openAPI.setTags(new ArrayList<>(byName.values()));
    }

    private static void problemAnswers(Operation op) {
        boolean member = op.getSecurity().stream().anyMatch(r -> r.hasScheme("bearer"));
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", "Malformed request, unknown field or a parameter of the wrong type");
        if (member) {
            errors.put("401", "Not logged in, or the token has expired");
        }
        errors.put("403", "Not allowed");
        errors.put("404", "Not found");
        errors.put("409", "Conflicts with the current state");
        errors.put("422", "A field's value is not acceptable");
        APIResponses responses = op.getResponses() == null ? OASFactory.createAPIResponses() : op.getResponses();
        errors.forEach((code, text) -> {
            if (responses.getAPIResponse(code) == null) {
                responses.addAPIResponse(code, OASFactory.createAPIResponse().description(text).content(OASFactory.createContent()
                        .addMediaType("application/problem+json", OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(REF + "Problem")))));
            }
        });
        op.setResponses(responses);
    }

    private static void tidy(Schema s) {
        if (Boolean.FALSE.equals(s.getNullable()) || s.getNullable() != null && s.getType() == null) {
            s.setNullable(null); // false is the default; true needs a type beside it
        }
        if (s.getAllOf() != null && s.getAllOf().size() > 1) {
            List<Schema> distinct = new ArrayList<>();
            Set<String> refs = new HashSet<>();
            for (Schema a : s.getAllOf()) {
                if (a.getRef() == null || refs.add(a.getRef())) {
                    distinct.add(a);
                }
            }
            s.setAllOf(distinct);
        }
    }

    /** Removes component schemas that no operation reaches, directly or through other components. */
    private static void dropUnusedComponents(OpenAPI openAPI) {
        Map<String, Schema> all = openAPI.getComponents() == null ? null : openAPI.getComponents().getSchemas();
        if (all == null) {
            return;
        }
        Set<String> used = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        Consumer<Schema> collect = s -> {
            if (s.getRef() != null && s.getRef().startsWith(REF) && used.add(s.getRef().substring(REF.length()))) {
                todo.add(s.getRef().substring(REF.length()));
            }
        };
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation op : item.getOperations().values()) {
                operationSchemas(op, s -> walk(s, collect, identitySet()));
            }
        }
        while (!todo.isEmpty()) {
            Schema s = all.get(todo.poll());
            if (s != null) {
                walk(s, collect, identitySet());
            }
        }
        for (String name : new ArrayList<>(all.keySet())) {
            if (!used.contains(name)) {
                openAPI.getComponents().removeSchema(name);
            }
        }
    }

    private static void eachSchema(OpenAPI openAPI, Consumer<Schema> action) {
        Set<Schema> seen = identitySet();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation op : item.getOperations().values()) {
                operationSchemas(op, s -> walk(s, action, seen));
            }
        }
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(s -> walk(s, action, seen));
        }
    }

    private static void operationSchemas(Operation op, Consumer<Schema> action) {
        if (op.getParameters() != null) {
            for (Parameter p : op.getParameters()) {
                if (p.getSchema() != null) {
                    action.accept(p.getSchema());
                }
                content(p.getContent(), action);
            }
        }
        if (op.getRequestBody() != null) {
            content(op.getRequestBody().getContent(), action);
        }
        if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
            for (APIResponse r : op.getResponses().getAPIResponses().values()) {
                content(r.getContent(), action);
            }
        }
    }

    private static void content(Content content, Consumer<Schema> action) {
        if (content != null && content.getMediaTypes() != null) {
            for (MediaType mt : content.getMediaTypes().values()) {
                if (mt.getSchema() != null) {
                    action.accept(mt.getSchema());
                }
            }
        }
    }

    private static Set<Schema> identitySet() {
        return java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    }

    /** Visits a schema and every schema inside it (each once). */
    private static void walk(Schema s, Consumer<Schema> action, Set<Schema> seen) {
        if (s == null || !seen.add(s)) {
            return;
        }
        action.accept(s);
        if (s.getProperties() != null) {
            s.getProperties().values().forEach(p -> walk(p, action, seen));
        }
        walk(s.getItems(), action, seen);
        walk(s.getAdditionalPropertiesSchema(), action, seen);
        walk(s.getNot(), action, seen);
        for (List<Schema> list : java.util.Arrays.asList(s.getAllOf(), s.getAnyOf(), s.getOneOf())) {
            if (list != null) {
                list.forEach(x -> walk(x, action, seen));
            }
        }
    }
}
