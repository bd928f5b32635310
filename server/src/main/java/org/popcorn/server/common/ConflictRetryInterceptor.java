package org.popcorn.server.common;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/**
 * Runs a {@link RetryOnConflict} use case again, in a fresh transaction, when it failed because a concurrent
 * transaction changed or inserted the same row first. It sits outside the {@code @Transactional} interceptor (a
 * lower priority runs first), so each attempt commits or rolls back on its own. After the last attempt the
 * conflict goes to the client as 409 (see {@link Conflicts}).
 */
@RetryOnConflict
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class ConflictRetryInterceptor {

    private static final Logger LOG = Logger.getLogger(ConflictRetryInterceptor.class.getName());
    static final int ATTEMPTS = 4;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    @AroundInvoke
    public Object retry(InvocationContext ctx) throws Exception {
        if (transactions != null && transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
            return ctx.proceed(); // part of a larger unit of work: only its owner may run it again
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return ctx.proceed();
            } catch (Exception e) {
                if (!Conflicts.isConflict(e)) {
                    throw e;
                }
                if (attempt >= ATTEMPTS) { // still losing to other writers: a 409 to retry, never a 500
                    LOG.info(() -> "event=conflict.gave-up method=" + ctx.getMethod().getName() + " attempts=" + ATTEMPTS);
                    throw ProblemException.conflict("Someone else changed this at the same time. Reload and try again.", null)
                            .withCode("request.conflict");
                }
                int n = attempt;
                LOG.fine(() -> "event=conflict.retry method=" + ctx.getMethod().getName() + " attempt=" + n);
                Thread.sleep(ThreadLocalRandom.current().nextInt(2, 10 * n));
            }
        }
    }

    /** Recognises the failures that a concurrent writer causes. */
    public static final class Conflicts {
        private Conflicts() {
        }

        /** True when the cause chain holds a lost optimistic check, a duplicate key or a serialization failure. */
        public static boolean isConflict(Throwable e) {
            Throwable t = e;
            for (int depth = 0; t != null && depth < 25; depth++, t = t.getCause()) {
                if (t instanceof OptimisticLockException
                        || t.getClass().getName().equals("org.eclipse.persistence.exceptions.OptimisticLockException")) {
                    return true;
                }
                if (t instanceof SQLException sql && sql.getSQLState() != null
                        && (sql.getSQLState().equals("23505") || sql.getSQLState().equals("40001")
                        || sql.getSQLState().equals("40P01"))) {
                    return true;
                }
            }
            return false;
        }
    }
}
