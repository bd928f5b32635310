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

    @jakarta.persistence.PersistenceContext(unitName = "popcorn")
    jakarta.persistence.EntityManager em;

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
            return inUnit(owner, work);
        }
        try {
            return self.run(() -> inUnit(owner, work));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("unit of work of " + owner + " failed: " + e.getMessage(), e);
        }
    }

    private <T> T inUnit(String owner, Database.Work<T> work) {
        // The plugin's SQL runs on JPA's own connection of this transaction (EclipseLink holds it until the unit ends),
        // so a unit holds exactly one pooled connection. Asking the data source for a connection of its own looked the
        // same, but with an XA pool (H2's data source is one) each call took a second physical connection: under a
        // burst every pooled connection was held by a unit waiting for its second one, until the pool's wait timed out.
        // Commit, rollback and close belong to the unit, so they are never called here.
        try {
            Connection c = em.unwrap(Connection.class);
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
                PluginProblem conflict = new PluginProblem(409, "This conflicts with existing data.", null).withCode("plugin.data-conflict");
                conflict.initCause(e); // lets the unit recognise a duplicate key and run the use case again
                throw conflict;
            }
            throw new IllegalStateException("database error in " + owner + ": " + e.getMessage(), e);
        }
    }
}
