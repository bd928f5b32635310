package org.popcorn.server.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** {@code /health/ready} is UP only once the database schema has been migrated. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    @Inject
    Migrations migrations;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("database-schema")
                .status(migrations.isDone())
                .withData("failure", String.valueOf(migrations.failure()))
                .build();
    }
}
