package org.popcorn.server;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The REST API lives under {@code /api}; the web UI is served at {@code /}. */
@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(title = "Popcorn API", version = "0.1.0",
        description = "Members, authentication, points, cities and city voting of a fan community, plus its plugins. "
                + "Errors are application/problem+json (RFC 9457). Authenticate with 'Authorization: Bearer <token>' "
                + "from POST /api/auth/login.",
        license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        tags = {
            @Tag(name = "Authentication", description = "Register, log in and out; bearer tokens"),
            @Tag(name = "My profile", description = "The logged-in member: profile, e-mail choices, consents, data export and deletion"),
            @Tag(name = "Members", description = "Members' public profiles"),
            @Tag(name = "Cities", description = "The city catalogue with local names and time zones"),
            @Tag(name = "City voting", description = "Rounds in which fans vote where the next official meetup happens, ballots, receipts and results"),
            @Tag(name = "Points", description = "Points, levels, badges, privileges and the leaderboard"),
            @Tag(name = "Notifications", description = "The member's inbox and notification settings"),
            @Tag(name = "Plugins", description = "Installed plugins, their pages in the navigation, and their administration"),
            @Tag(name = "Admin", description = "Administration: members, roles, cities, the event log"),
            @Tag(name = "Health", description = "Liveness of the API itself")
        })
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A token from POST /api/auth/login, sent as 'Authorization: Bearer <token>'")
public class PopcornApplication extends Application {
}
