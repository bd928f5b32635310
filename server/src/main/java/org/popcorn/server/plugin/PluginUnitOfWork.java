package org.popcorn.server.plugin;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.popcorn.api.Database;
import org.popcorn.api.PluginProblem;
import org.popcorn.server.common.RetryOnConflict;

/**
 * A plugin's use case as one transaction on the core's data source. A plugin's HTTP call, the delivery of one event
 * to it and each {@link Database#inTransaction} begun outside those run in {@link #run}: one JTA transaction that the
 * plugin's own SQL and every SDK service it calls (sign-ups, points, badges, notifications, events) join, committed
 * once at the end and rolled back entirely when anything in it throws. A use case that lost a race to a concurrent
 * one (a lost optimistic check, a duplicate key, a deadlock) runs again, up to a few times, before the client gets
 * 409.
 *
 * <p>Inside a unit, {@link #inUnit} runs a plugin's {@code inTransaction} work under a savepoint on the unit's
 * connection: when the work throws, only its own statements are undone (a plugin may catch a duplicate-key
 * {@link PluginProblem} and carry on, on PostgreSQL too, whose transactions otherwise refuse every further statement
 * after an error); the rest of the unit still commits or rolls back as a whole.
 */
@ApplicationScoped
public class PluginUnitOfWork {

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    /** This bean through its proxy, so that {@link #run} from {@link #inTransaction} passes the interceptors. */
    @jakarta.inject.Inject
    PluginUnitOfWork self;

    /** Runs {@code work} as one unit of work (joining the current one, if any). */
    @RetryOnConflict
    @Transactional(rollbackOn = Exception.class)
    public <T> T run(Callable<T> work) throws Exception {
        return work.call();
    }

    /** True when a unit of work is running on this thread. */
    public boolean active() {
        return transactions.getTransactionStatus() == Status.STATUS_ACTIVE;
    }

    /** {@link Database#inTransaction}: inside the running unit (under a savepoint), or as a unit of its own. */
    <T> T inTransaction(DataSource dataSource, String owner, Database.Work<T> work) {
        int status = transactions.getTransactionStatus();
        if (status == Status.STATUS_MARKED_ROLLBACK) {
            throw new IllegalStateException("the unit of work of " + owner + " is already rolling back");
        }
        if (status == Status.STATUS_ACTIVE) {
            return inUnit(dataSource, owner, work);
        }
        try {
            return self.run(() -> inUnit(dataSource, owner, work));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("unit of work of " + owner + " failed: " + e.getMessage(), e);
        }
    }

    private static <T> T inUnit(DataSource dataSource, String owner, Database.Work<T> work) {
        // The connection is enlisted in the running JTA transaction; the pool hands every caller in it (JPA included)
        // the same physical connection. Commit and rollback belong to the unit, so they are never called here.
        try (Connection c = dataSource.getConnection()) {
            Savepoint savepoint = c.setSavepoint();
            try {
                T result = work.run(c);
                c.releaseSavepoint(savepoint);
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback(savepoint);
                throw e;
            }
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                PluginProblem conflict = new PluginProblem(409, "This conflicts with existing data.", null);
                conflict.initCause(e); // lets the unit recognise a duplicate key and run the use case again
                throw conflict;
            }
            throw new IllegalStateException("database error in " + owner + ": " + e.getMessage(), e);
        }
    }
}
