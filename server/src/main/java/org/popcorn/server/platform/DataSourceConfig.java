package org.popcorn.server.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The application's one JDBC data source, {@code java:app/jdbc/popcorn}, used by JPA, Flyway and the plugin host.
 * Its URL, user and password come from MicroProfile Config ({@code POPCORN_DB_URL} and friends); by default it is
 * an H2 file database under {@code POPCORN_DATA_DIR} (see {@link DerivedConfigSource}).
 */
@Singleton
@DataSourceDefinition(
        name = "java:app/jdbc/popcorn",
        className = "${MPCONFIG=popcorn.db.datasource-class}",
        url = "${MPCONFIG=popcorn.db.url}",
        user = "${MPCONFIG=popcorn.db.user}",
        password = "${MPCONFIG=popcorn.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32)
public class DataSourceConfig {
}
