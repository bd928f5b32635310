package org.popcorn.server;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API lives under {@code /api}; the web UI is served at {@code /}. */
@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(title = "Popcorn API", version = "0.1.0",
        description = "Members, authentication, points, cities and city voting of a fan community, plus its plugins. "
                + "Errors are application/problem+json (RFC 9457). Authenticate with 'Authorization: Bearer <token>' "
                + "from POST /api/auth/login.",
        license = @License(name = "Apache-2.0")))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
public class PopcornApplication extends Application {
}
