package org.popcorn.server.openapi;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.popcorn.server.plugin.PluginRoutes;

/**
 * One plugin's operations in the API document, described from its resource as the core's are: JAX-RS annotations
 * for paths, methods and parameters, the Java types for parameters, bodies and answers ({@link JavaSchemas}), and the
 * MicroProfile OpenAPI annotations a plugin may add — {@code @Operation} (summary, description, id),
 * {@code @APIResponse} (status, description, content), {@code @Parameter} (description) and
 * {@code @SecurityRequirement(name = "bearer")} for an operation that needs a member (which the core also enforces:
 * such a request without a token is answered 401 before anything else).
 */
final class PluginOperations {

    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");

    private final OpenAPI openAPI;
    private final String id;
    private final String tag;
    private final JavaSchemas schemas;
    private final Set<String> operationIds = new LinkedHashSet<>();

    PluginOperations(OpenAPI openAPI, String id, String version, String description) {
        this.openAPI = openAPI;
        this.id = id;
        this.tag = "Plugin: " + id;
        this.schemas = new JavaSchemas(openAPI.getComponents(), id);
        if (openAPI.getTags() == null || openAPI.getTags().stream().noneMatch(t -> tag.equals(t.getName()))) {
            openAPI.addTag(OASFactory.createTag().name(tag).description((description == null || description.isBlank()
                    ? "The " + id + " plugin" : description.strip()) + " (plugin '" + id + "' " + version + ")."));
        }
    }

    void add(Object restResource) {
        for (PluginRoutes.Route r : PluginRoutes.describe(id, restResource)) {
            PathItem item = openAPI.getPaths().getPathItem(r.path());
            if (item == null) {
                item = OASFactory.createPathItem();
                openAPI.getPaths().addPathItem(r.path(), item);
            }
            item.setOperation(PathItem.HttpMethod.valueOf(r.method()), operation(r));
        }
    }

    private org.eclipse.microprofile.openapi.models.Operation operation(PluginRoutes.Route r) {
        Method m = r.javaMethod();
        Operation doc = m.getAnnotation(Operation.class);
        String opId = doc != null && !doc.operationId().isBlank() ? doc.operationId() : id + "_" + r.operation();
        for (int n = 2; !operationIds.add(opId); n++) { // the same Java name in two sub-resources
            opId = id + "_" + r.operation() + n;
        }
        org.eclipse.microprofile.openapi.models.Operation op = OASFactory.createOperation().operationId(opId).addTag(tag)
                .summary(doc != null && !doc.summary().isBlank() ? doc.summary() : r.summary())
                .description(doc != null && !doc.description().isBlank() ? doc.description() : null);
        op.setSecurity(new java.util.ArrayList<>());
        if (needsMember(m)) {
            op.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("bearer"));
        }
        Map<String, Parameter> params = new LinkedHashMap<>();
        Matcher pm = PATH_PARAM.matcher(r.path());
        while (pm.find()) { // path parameters of enclosing locators are not on this method: strings
            params.put("path:" + pm.group(1), OASFactory.createParameter().name(pm.group(1)).in(Parameter.In.PATH).required(true)
                    .schema(OASFactory.createSchema().type(Schema.SchemaType.STRING)));
        }
        java.lang.reflect.Type body = null;
        Annotation[][] annotations = m.getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            Class<?> type = m.getParameterTypes()[i];
            String name = null;
            Parameter.In in = null;
            String defaultValue = null;
            String description = null;
            boolean skip = false;
            for (Annotation a : annotations[i]) {
                if (a instanceof PathParam p) {
                    name = p.value();
                    in = Parameter.In.PATH;
                } else if (a instanceof QueryParam q) {
                    name = q.value();
                    in = Parameter.In.QUERY;
                } else if (a instanceof HeaderParam h) {
                    name = h.value();
                    in = Parameter.In.HEADER;
                } else if (a instanceof CookieParam c) {
                    name = c.value();
                    in = Parameter.In.COOKIE;
                } else if (a instanceof DefaultValue d) {
                    defaultValue = d.value();
                } else if (a instanceof org.eclipse.microprofile.openapi.annotations.parameters.Parameter p) {
                    description = p.description().isBlank() ? null : p.description();
                } else if (a instanceof Context || a instanceof BeanParam || a instanceof FormParam || a instanceof MatrixParam) {
                    skip = true;
                }
            }
            if (skip) {
                continue;
            }
            if (in == null) {
                body = m.getGenericParameterTypes()[i];
                continue;
            }
            Schema s = JavaSchemas.simple(type);
            if (defaultValue != null) {
                s.setDefaultValue(defaultValue);
            }
            params.put(in + ":" + name, OASFactory.createParameter().name(name).in(in).required(in == Parameter.In.PATH || type.isPrimitive()
                    ? Boolean.TRUE : null).description(description).schema(s));
        }
        params.values().forEach(op::addParameter);
        if (body != null) {
            Consumes consumes = m.getAnnotation(Consumes.class) != null ? m.getAnnotation(Consumes.class)
                    : m.getDeclaringClass().getAnnotation(Consumes.class);
            String media = consumes == null || consumes.value().length == 0 ? "application/json" : consumes.value()[0];
            Schema s = schemas.of(body);
            op.requestBody(OASFactory.createRequestBody().required(true).content(OASFactory.createContent().addMediaType(media,
                    OASFactory.createMediaType().schema(s == null ? OASFactory.createSchema().type(Schema.SchemaType.OBJECT) : s))));
        }
        op.responses(responses(r, m));
        return op;
    }

    private APIResponses responses(PluginRoutes.Route r, Method m) {
        APIResponses out = OASFactory.createAPIResponses();
        Schema returned = schemas.of(m.getGenericReturnType());
        APIResponse[] declared = m.getAnnotationsByType(APIResponse.class);
        for (APIResponse a : declared) {
            org.eclipse.microprofile.openapi.models.responses.APIResponse resp = OASFactory.createAPIResponse()
                    .description(a.description().isBlank() ? "OK" : a.description());
            if (a.content().length > 0) {
                org.eclipse.microprofile.openapi.models.media.Content content = OASFactory.createContent();
                for (Content c : a.content()) {
                    Schema s = c.schema().implementation() == Void.class ? null : schemas.of(c.schema().implementation());
                    content.addMediaType(c.mediaType().isBlank() ? r.produces() : c.mediaType(), media(c.mediaType().isBlank()
                            ? r.produces() : c.mediaType(), s));
                }
                resp.content(content);
            } else if (a.responseCode().startsWith("2") && !a.responseCode().equals("204")) {
                resp.content(OASFactory.createContent().addMediaType(r.produces(), media(r.produces(), returned)));
            }
            out.addAPIResponse(a.responseCode().isBlank() ? "200" : a.responseCode(), resp);
        }
        if (declared.length == 0) {
            if (m.getReturnType() == void.class) {
                out.addAPIResponse("204", OASFactory.createAPIResponse().description("Done; nothing to answer"));
            } else {
                out.addAPIResponse("200", OASFactory.createAPIResponse().description("OK")
                        .content(OASFactory.createContent().addMediaType(r.produces(), media(r.produces(), returned))));
            }
        }
        return out;
    }

    private static MediaType media(String type, Schema schema) {
        if (schema != null) {
            return OASFactory.createMediaType().schema(schema);
        }
        if (type.startsWith("application/json")) {
            return OASFactory.createMediaType();
        }
        return OASFactory.createMediaType().schema(OASFactory.createSchema().type(Schema.SchemaType.STRING)
                .format(type.startsWith("image/") || type.startsWith("application/pdf") ? "binary" : null));
    }

    /** {@code @SecurityRequirement(name = "bearer")} on the method, or on its class when the method has none. */
    static boolean needsMember(Method m) {
        SecurityRequirement[] own = m.getAnnotationsByType(SecurityRequirement.class);
        SecurityRequirement[] on = own.length > 0 ? own : m.getDeclaringClass().getAnnotationsByType(SecurityRequirement.class);
        for (SecurityRequirement s : on) {
            if ("bearer".equals(s.name())) {
                return true;
            }
        }
        return false;
    }
}
