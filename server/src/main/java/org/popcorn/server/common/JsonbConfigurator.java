package org.popcorn.server.common;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON-B settings for the whole API: a request field that the endpoint does not know is an error (400), not silently
 * dropped, so a typo in a field name never "succeeds" without doing what the client meant.
 */
@Provider
public class JsonbConfigurator implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .setProperty("jsonb.fail-on-unknown-properties", true)
            .withNullValues(false));

    /** The API's one JSON-B instance, for code that binds outside a provider. */
    public static Jsonb jsonb() {
        return JSONB;
    }

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
