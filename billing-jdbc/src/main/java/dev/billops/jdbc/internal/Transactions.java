package dev.billops.jdbc.internal;

import dev.billops.core.error.BillingException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * Every connection billing-jdbc opens, and what runs on it outside a session's ports. Each step
 * (opening the connection, setting its isolation level, begin, the work's statements, commit)
 * that fails with a database error leaves as the {@link BillingException} of {@link SqlErrors};
 * an exception of the work that is no database error (a host's own, a {@code BillingException})
 * is rethrown unchanged.
 *
 * <p>The error a caller sees is the one that ended the work: when the work (or its commit) fails,
 * the rollback, the restore of the connection's isolation level and the close of the handle are
 * still attempted, but each of their failures is added to the original as suppressed instead of
 * replacing it. This matters when the connection died (the server was restarted, the backend was
 * terminated): then every clean-up step fails too ("connection has been closed", "Unable to set
 * isolation level") and only the first error carries the server's reason.
 */
public final class Transactions {

    private Transactions() {
    }

    /** Runs {@code work} in a new READ COMMITTED transaction of {@code jdbi} and commits it. */
    public static <T> T inTransaction(Jdbi jdbi, Function<Handle, T> work) {
        Handle handle = open(jdbi);
        Throwable failure = null;
        try {
            return inTransaction(handle, work);
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            closeOnFailure(handle, failure);
        }
    }

    /** Runs {@code work} on a new connection in auto-commit mode: each statement commits alone. */
    public static <T> T withHandle(Jdbi jdbi, Function<Handle, T> work) {
        Handle handle = open(jdbi);
        Throwable failure = null;
        try {
            return work.apply(handle);
        } catch (RuntimeException e) {
            RuntimeException translated = SqlErrors.translateIfDatabaseError(e);
            failure = translated;
            throw translated;
        } catch (Error e) {
            failure = e;
            throw e;
        } finally {
            closeOnFailure(handle, failure);
        }
    }

    /** A new handle of {@code jdbi}; whatever fails on the way is a {@code StoreUnavailableException} or worse. */
    private static Handle open(Jdbi jdbi) {
        try {
            return jdbi.open();
        } catch (RuntimeException e) {
            throw SqlErrors.translate(e, SqlErrors.Phase.CONNECT);
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
            step(handle::begin, SqlErrors.Phase.STATEMENT);
            T result;
            try {
                result = work.apply(handle);
            } catch (RuntimeException e) {
                throw SqlErrors.translateIfDatabaseError(e);
            }
            step(handle::commit, SqlErrors.Phase.COMMIT);
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

    private static void step(Runnable step, SqlErrors.Phase phase) {
        try {
            step.run();
        } catch (RuntimeException e) {
            throw SqlErrors.isDatabaseError(e) ? SqlErrors.translate(e, phase) : e;
        }
    }

    private static void closeOnFailure(Handle handle, @Nullable Throwable failure) {
        try {
            handle.close();
        } catch (RuntimeException close) {
            if (failure == null) {
                throw SqlErrors.translateIfDatabaseError(close);
            }
            failure.addSuppressed(close);
        }
    }

    private static int isolation(Connection connection) {
        try {
            return connection.getTransactionIsolation();
        } catch (SQLException e) {
            throw SqlErrors.translate(e, SqlErrors.Phase.STATEMENT);
        }
    }

    private static void setIsolation(Connection connection, int level) {
        try {
            connection.setTransactionIsolation(level);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, SqlErrors.Phase.STATEMENT);
        }
    }
}
