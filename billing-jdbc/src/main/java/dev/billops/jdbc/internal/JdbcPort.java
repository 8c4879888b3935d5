package dev.billops.jdbc.internal;

import dev.billops.core.error.BillingException;
import dev.billops.core.error.DuplicateKeyException;
import java.sql.SQLException;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * What each port implementation shares: its session. Driver errors are not caught here; the
 * session hands every port out behind {@code TranslatingPort}, which translates them.
 */
abstract class JdbcPort {

    final JdbcSession session;

    JdbcPort(JdbcSession session) {
        this.session = session;
    }

    final Handle h() {
        return session.handle();
    }

    final String t() {
        return session.tenantId();
    }

    final StoreContext ctx() {
        return session.context();
    }

    /** A batch of writes on the transaction's connection. */
    @FunctionalInterface
    interface BatchWrite {
        void run() throws SQLException;
    }

    /**
     * Runs {@code writes} under the savepoint {@code name}: if the database refuses them, the
     * transaction is rolled back to the savepoint (so it stays usable, on PostgreSQL too, and
     * nothing of the batch is kept) and the error is thrown translated; a refused key is first
     * handed to {@code nameClash}, which names the clash the way a single insert would.
     */
    final void underSavepoint(String name, BatchWrite writes,
            Function<DuplicateKeyException, DuplicateKeyException> nameClash) {
        h().savepoint(name);
        try {
            writes.run();
        } catch (SQLException | JdbiException e) {
            BillingException translated = SqlErrors.translate(e, SqlErrors.Phase.STATEMENT);
            try {
                h().rollbackToSavepoint(name); // Jdbi forgets the savepoint once rolled back to
            } catch (RuntimeException rollback) {
                translated.addSuppressed(rollback);
                throw translated;
            }
            throw translated instanceof DuplicateKeyException d ? nameClash.apply(d) : translated;
        }
        h().releaseSavepoint(name);
    }
}
