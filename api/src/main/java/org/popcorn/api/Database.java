package org.popcorn.api;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The plugin's access to the database it shares with the core. A plugin owns tables whose names start with its id
 * (dashes as underscores, e.g. {@code meetups_rsvp}), created and upgraded by its Flyway migrations in the jar at
 * {@code db/plugin-<pluginId>/V1__*.sql}. SQL must run on H2 2.x and PostgreSQL 13+. Never touch core tables.
 *
 * @since 0.1.0
 */
public interface Database {

    /** Work to run in one transaction. */
    @FunctionalInterface
    interface Work<T> {
        /** Does the work with the transaction's connection; throwing rolls it back. */
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in a transaction: committed when it returns, rolled back when it throws. SQLExceptions are
     * rethrown as {@link PluginProblem}s only when they break a constraint (409); others as runtime errors (500).
     *
     * <p>On the Popcorn server, each call of a plugin's resource method and each event delivery is
     * already one unit of work that this work and every SDK call (sign-ups, rewards, notifications, events) join,
     * committed once at its end; here {@code work} then runs under a savepoint, so that when it throws only its own
     * statements are undone. Outside a unit (in {@code start} or {@code onSchedule}) this call begins one, and the SDK
     * calls made inside {@code work} join it. A unit that lost a race with a concurrent one may be run again, so keep
     * {@code work} free of effects outside the database.
     */
    <T> T inTransaction(Work<T> work);

    /**
     * How the host (and the test kit) run {@link #inTransaction}: one connection from {@code dataSource}, committed when
     * {@code work} returns, rolled back when it throws; a broken constraint (SQLState class 23) becomes a 409
     * {@link PluginProblem}, any other SQLException an IllegalStateException naming {@code owner}.
     */
    static <T> T run(DataSource dataSource, String owner, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                throw new PluginProblem(409, "This conflicts with existing data.", null).withCode("plugin.data-conflict");
            }
            throw new IllegalStateException("database error in " + owner + ": " + e.getMessage(), e);
        }
    }
}
