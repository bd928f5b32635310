package org.popcorn.server.plugin;

import jakarta.enterprise.inject.spi.CDI;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Adds plugins' routes to {@code /openapi} (MicroProfile OpenAPI does not scan plugin jars), replacing the generic
 * {@code /api/plugins/{id}} locator entry, and gives every operation the problem+json error answers. Registered with
 * {@code mp.openapi.filter}; Payara builds the document on its first request, after plugins have started.
 */
public class PluginOpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().removePathItem("/api/plugins/{id}");
        try {
            PluginHost host = CDI.current().select(PluginHost.class).get();
            for (HostedPlugin p : host.all()) {
                if (p.extension() == null) {
                    continue;
                }
                for (PluginRoutes.Route r : PluginRoutes.describe(p.id(), p.extension().restResource())) {
                    PathItem item = openAPI.getPaths().getPathItem(r.path());
                    if (item == null) {
                        item = OASFactory.createPathItem();
                        openAPI.getPaths().addPathItem(r.path(), item);
                    }
                    Operation op = OASFactory.createOperation().operationId(p.id() + "_" + r.operation()).summary(r.summary())
                            .addTag("Plugin: " + p.id()).description("Contributed by plugin '" + p.id() + "' " + p.version + ".");
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(r.path());
                    while (m.find()) {
                        op.addParameter(OASFactory.createParameter().name(m.group(1)).in(Parameter.In.PATH).required(true)
                                .schema(OASFactory.createSchema().type(Schema.SchemaType.STRING)));
                    }
                    for (String q : r.query()) {
                        op.addParameter(OASFactory.createParameter().name(q).in(Parameter.In.QUERY).required(false)
                                .schema(OASFactory.createSchema().type(Schema.SchemaType.STRING)));
                    }
                    if (r.hasBody()) {
                        op.requestBody(OASFactory.createRequestBody().content(OASFactory.createContent().addMediaType("application/json",
                                OASFactory.createMediaType().schema(OASFactory.createSchema().type(Schema.SchemaType.OBJECT)))));
                    }
                    op.responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse()
                            .description("OK").content(r.produces().startsWith("application/json")
                                    ? json(OASFactory.createSchema().type(Schema.SchemaType.OBJECT))
                                    : OASFactory.createContent().addMediaType(r.produces(), OASFactory.createMediaType()
                                            .schema(OASFactory.createSchema().type(Schema.SchemaType.STRING)
                                                    .format(r.produces().startsWith("image/") ? "binary" : null))))));
                    item.setOperation(PathItem.HttpMethod.valueOf(r.method()), op);
                }
            }
        } catch (RuntimeException e) {
            java.util.logging.Logger.getLogger(PluginOpenApiFilter.class.getName())
                    .warning("event=openapi.plugins-not-added reason=" + e.getMessage());
        }
        addProblemAnswers(openAPI);
    }

    private static Content json(Schema schema) {
        return OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType().schema(schema));
    }

    /** Every operation documents its problem+json error answers. */
    private static void addProblemAnswers(OpenAPI openAPI) {
        Schema problem = OASFactory.createSchema().ref("#/components/schemas/Problem");
        Map<String, String> errors = Map.of("400", "Malformed request or unknown field", "401", "Not logged in",
                "403", "Not allowed", "404", "Not found", "409", "Conflicts with the current state",
                "422", "A field's value is not acceptable");
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation op : item.getOperations().values()) {
                APIResponses responses = op.getResponses() == null ? OASFactory.createAPIResponses() : op.getResponses();
                errors.forEach((code, text) -> {
                    if (responses.getAPIResponse(code) == null) {
                        MediaType mt = OASFactory.createMediaType().schema(problem);
                        APIResponse r = OASFactory.createAPIResponse().description(text)
                                .content(OASFactory.createContent().addMediaType("application/problem+json", mt));
                        responses.addAPIResponse(code, r);
                    }
                });
                op.setResponses(responses);
            }
        }
    }
}
