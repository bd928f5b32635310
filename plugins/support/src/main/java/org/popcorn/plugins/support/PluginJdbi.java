package org.popcorn.plugins.support;

import java.sql.Connection;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;
import org.popcorn.api.Database;

/**
 * For plugins that map rows with Jdbi: a library a plugin bundles into its jar (it is not part of the SDK, which
 * stays free of third-party types). {@link #with} runs in {@link Database#inTransaction}, and the Jdbi handle borrows
 * that transaction's connection (the host commits or rolls it back, never Jdbi), so what the plugin writes commits
 * together with its sign-ups, points and notifications.
 */
public final class PluginJdbi {

    /** Work on a handle. */
    @FunctionalInterface
    public interface Work<T> {
        /** Does the work; throwing undoes it. */
        T run(Handle h);
    }

    private final Database database;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();
    private final Jdbi jdbi;

    /** Jdbi over the plugin's {@link Database}. */
    public PluginJdbi(Database database) {
        this.database = database;
        this.jdbi = Jdbi.create(new ConnectionFactory() {
            @Override
            public Connection openConnection() {
                Connection c = current.get();
                if (c == null) {
                    throw new IllegalStateException("no unit of work on this thread");
                }
                return c;
            }

            @Override
            public void closeConnection(Connection c) {
                // the host's unit of work owns the connection
            }
        });
        jdbi.getConfig(Handles.class).setForceEndTransactions(false);
    }

    /** An instant bound as {@code timestamp with time zone} at UTC (H2 and PostgreSQL alike, whatever the JVM's zone). */
    public static org.jdbi.v3.core.argument.Argument ts(java.time.Instant i) {
        return org.jdbi.v3.core.argument.ObjectArgument.of(i == null ? null : i.atOffset(java.time.ZoneOffset.UTC),
                java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
    }

    /** Reads a {@code timestamp with time zone} column as an instant. */
    public static java.time.Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        java.time.OffsetDateTime t = rs.getObject(column, java.time.OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    public <T> T with(Work<T> work) {
        return database.inTransaction(c -> {
            Connection outer = current.get();
            current.set(c);
            try (Handle h = jdbi.open()) {
                return work.run(h);
            } catch (org.jdbi.v3.core.statement.StatementException e) {
                if (e.getCause() instanceof java.sql.SQLException sql) {
                    throw sql; // the host turns a broken constraint into a 409 and undoes only this work (a savepoint)
                }
                throw e;
            } finally {
                if (outer == null) {
                    current.remove();
                } else {
                    current.set(outer);
                }
            }
        });
    }
}
