package org.popcorn.server.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Chooses the database the server under test uses, before Arquillian reads {@code arquillian.xml}: with
 * {@code -Dit.db=postgresql} (the build's second integration-test run) every test class gets an empty PostgreSQL
 * database in the run's throw-away {@link Postgres} cluster, and the server is pointed at it through
 * {@code it.db.options}; otherwise the options the build set (an in-memory H2 database per server) stay.
 *
 * <p>Registered for every test class through JUnit's extension auto-detection ({@code junit-platform.properties}),
 * so it runs before the class's own {@code ArquillianExtension}.
 */
public class DatabaseChoice implements BeforeAllCallback {

    /** The database each test class gets, recreated empty before the class. */
    public static final String DATABASE = "popcorn_it";

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!onPostgres()) {
            return;
        }
        Postgres pg = Postgres.cluster();
        pg.recreate(DATABASE);
        System.setProperty("it.db.options", "-Dpopcorn.db.url=" + pg.url(DATABASE) + " -Dpopcorn.db.user=" + Postgres.USER
                + " -Dpopcorn.db.password=" + pg.password());
    }

    /** Whether this run's servers use PostgreSQL. */
    public static boolean onPostgres() {
        return "postgresql".equals(System.getProperty("it.db"));
    }
}
