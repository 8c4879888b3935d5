package dev.billops.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * Runs one READ COMMITTED transaction on a handle of its own, so that the error a host sees is the
 * one that ended the work: when the work (or its commit) fails, the rollback, the restore of the
 * connection's isolation level and the close of the handle are still attempted, but each of their
 * failures is added to the original as suppressed instead of replacing it. This matters when the
 * connection died (the server was restarted, the backend was terminated): then every clean-up step
 * fails too ("connection has been closed", "Unable to set isolation level") and only the first
 * error carries the server's reason.
 *
 * <p>A deadlock or serialization failure (SQLSTATE 40P01, 40001) leaves as the typed, retryable
 * {@link dev.billops.core.error.ConcurrentUpdateException} ({@link SqlErrors#translateConcurrency}).
 */
public final class Transactions {

    private Transactions() {
    }

    /** Runs {@code work} in a new READ COMMITTED transaction of {@code jdbi} and commits it. */
    public static <T> T inTransaction(Jdbi jdbi, Function<Handle, T> work) {
        Handle handle = jdbi.open();
        Throwable failure = null;
        try {
            return inTransaction(handle, work);
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            closeQuietlyOnFailure(handle, failure);
        }
    }

    private static <T> T inTransaction(Handle handle, Function<Handle, T> work) {
        Connection connection = handle.getConnection();
        int previous = isolation(connection);
        boolean changed = previous != Connection.TRANSACTION_READ_COMMITTED;
        if (changed) {
            setIsolation(connection, Connection.TRANSACTION_READ_COMMITTED);
        }
        Throwable failure = null;
        try {
            handle.begin();
            T result = work.apply(handle);
            handle.commit();
            return result;
        } catch (RuntimeException | Error e) {
            failure = e;
            try {
                if (handle.isInTransaction()) {
                    handle.rollback();
                }
            } catch (RuntimeException rollback) {
                e.addSuppressed(rollback);
            }
            RuntimeException translated = e instanceof RuntimeException r ? SqlErrors.translateConcurrency(r) : null;
            if (translated != null && translated != e) {
                failure = translated;
                throw translated;
            }
            throw e;
        } finally {
            if (changed) {
                try {
                    setIsolation(connection, previous);
                } catch (RuntimeException restore) {
                    if (failure == null) {
                        throw restore;
                    }
                    failure.addSuppressed(restore);
                }
            }
        }
    }

    private static void closeQuietlyOnFailure(Handle handle, @Nullable Throwable failure) {
        try {
            handle.close();
        } catch (RuntimeException close) {
            if (failure == null) {
                throw close;
            }
            failure.addSuppressed(close);
        }
    }

    private static int isolation(Connection connection) {
        try {
            return connection.getTransactionIsolation();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the isolation level of a new connection: " + e.getMessage(), e);
        }
    }

    private static void setIsolation(Connection connection, int level) {
        try {
            connection.setTransactionIsolation(level);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set the isolation level of the connection to " + level + ": "
                    + e.getMessage(), e);
        }
    }
}
