package org.popcorn.server.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date with Flyway before anything else touches it.
 * Migrations live in {@code db/migration} (SQL that runs on H2 and PostgreSQL) and {@code org.popcorn.server.platform.migration}
 * (Java migrations, e.g. the city seed). Several instances may start at once: Flyway takes a database lock, so one migrates
 * and the others wait. Other startup beans declare {@code @DependsOn("Migrations")}.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class Migrations {

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    @Resource(lookup = "java:app/jdbc/popcorn")
    DataSource dataSource;

    private volatile boolean done;
    private volatile String failure;

    @PostConstruct
    void migrate() {
        try {
            MigrateResult result = Flyway.configure(getClass().getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration", "classpath:org/popcorn/server/platform/migration")
                    .load()
                    .migrate();
            LOG.info(() -> "event=schema.migrated from=" + result.initialSchemaVersion + " to=" + result.targetSchemaVersion
                    + " applied=" + result.migrationsExecuted);
            done = true;
        } catch (RuntimeException e) {
            failure = e.getMessage();
            LOG.log(Level.SEVERE, "event=schema.migration-failed reason=" + e.getMessage(), e);
            throw e;
        }
    }

    /** True once every migration has been applied. */
    public boolean isDone() {
        return done;
    }

    /** Why migration failed, or null. */
    public String failure() {
        return failure;
    }
}
