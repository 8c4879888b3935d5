package dev.billops.jdbc;

import dev.billops.core.error.StoreFailureException;
import dev.billops.core.id.TenantId;
import dev.billops.core.spi.BillingStore;
import dev.billops.core.spi.StoreSession;
import dev.billops.jdbc.internal.JacksonJsonCodec;
import dev.billops.jdbc.internal.JdbcSession;
import dev.billops.jdbc.internal.SqlDialect;
import dev.billops.jdbc.internal.SqlErrors;
import dev.billops.jdbc.internal.StoreContext;
import dev.billops.jdbc.internal.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * The {@link BillingStore} on a relational database (PostgreSQL or H2), built by
 * {@link JdbcStores}.
 *
 * <p><b>Transactions.</b> {@link #inTransaction} runs the work in one Jdbi transaction at READ
 * COMMITTED, with every port of the session bound to that transaction's handle; an exception from
 * the work rolls everything back and is rethrown unchanged. A nested call on the same thread joins
 * the running transaction under a savepoint: its writes commit with the outer transaction, and if
 * the nested work throws, only its own writes are rolled back. Uniqueness and billing guarantees
 * are enforced by the database (constraints, row locks), so they hold across processes, not only
 * within this JVM.
 *
 * <p><b>Errors.</b> Every database error, from the ports, the transaction, the outbox or the
 * migrator, leaves as a {@link dev.billops.core.error.BillingException} whose cause is the
 * driver's error: {@link dev.billops.core.error.DuplicateKeyException} for a unique violation,
 * the retryable {@link dev.billops.core.error.ConcurrentUpdateException} for a deadlock or
 * serialization failure the database resolved by aborting the transaction, the retryable
 * {@link dev.billops.core.error.StoreUnavailableException} when the database cannot be reached,
 * the connection is lost or a timeout expires, {@link dev.billops.core.error.InvalidInputException}
 * for a value the database cannot hold, and {@link dev.billops.core.error.StoreFailureException}
 * for anything else. When the connection died, the reported error is the one that ended the work;
 * failures of the clean-up (rollback, restoring the isolation level, closing) are attached to it as
 * suppressed exceptions.
 *
 * <p><b>Schema.</b> Unless {@link #migrate(boolean) migrate(false)} was chosen, the first use
 * applies the pending migrations of {@link #migrator()}.
 *
 * <p>Thread-safe; share one instance per database.
 */
public final class JdbcBillingStore implements BillingStore, AutoCloseable {

    /** Rows fetched per round trip when streaming. */
    public static final int DEFAULT_FETCH_SIZE = 1000;
    /** Rows per JDBC batch when inserting many. */
    public static final int DEFAULT_BATCH_SIZE = 1000;

    private final Jdbi jdbi;
    private final Connections connections;
    private final Dialect dialect;
    private final String name;
    private final StoreContext context;
    private final boolean migrate;
    private final ThreadLocal<@Nullable JdbcSession> current = new ThreadLocal<>();
    private final Object migrationLock = new Object();
    private volatile boolean migrated;

    JdbcBillingStore(DataSource dataSource, Dialect dialect, String name, boolean migrate, int fetchSize,
            @Nullable AutoCloseable owned) {
        this(new Connections(Objects.requireNonNull(dataSource, "dataSource"), name, owned), dialect, name, migrate,
                new StoreContext(dialect == Dialect.H2 ? SqlDialect.H2 : SqlDialect.POSTGRESQL, new JacksonJsonCodec(),
                        fetchSize, DEFAULT_BATCH_SIZE));
    }

    private JdbcBillingStore(Connections connections, Dialect dialect, String name, boolean migrate,
            StoreContext context) {
        this.connections = connections;
        this.jdbi = connections.jdbi;
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.name = Objects.requireNonNull(name, "name");
        this.context = context;
        this.migrate = migrate;
    }

    /**
     * This store with the built-in migrator switched on (the default) or off, e.g. when the host
     * runs the scripts of {@link Dialect#migrationFolder()} with its own Flyway. Shares the
     * connections of this store: closing either closes both.
     */
    public JdbcBillingStore migrate(boolean enabled) {
        return new JdbcBillingStore(connections, dialect, name, enabled, context);
    }

    /** This store streaming {@code rows} per round trip (default {@value #DEFAULT_FETCH_SIZE}). */
    public JdbcBillingStore withFetchSize(int rows) {
        return new JdbcBillingStore(connections, dialect, name, migrate, new StoreContext(context.dialect(),
                context.json(), rows, context.batchSize()));
    }

    /** The database this store runs on. */
    public Dialect dialect() {
        return dialect;
    }

    /** The migrator of this store's database; {@link SchemaMigrator#migrate()} may be called at any time. */
    public SchemaMigrator migrator() {
        connections.requireOpen();
        return new SchemaMigrator(jdbi, dialect, name);
    }

    /** The outbox dispatcher's view of this database (all tenants), with the system clock. */
    public JdbcOutbox outbox() {
        return outbox(Clock.systemUTC());
    }

    /** The outbox dispatcher's view of this database (all tenants); {@code clock} times the claim leases. */
    public JdbcOutbox outbox(Clock clock) {
        ensureMigrated();
        return new JdbcOutbox(jdbi, context, clock);
    }

    /** The log of which plugin handled which outbox event, on this database, with the system clock. */
    public JdbcDeliveryLog deliveryLog() {
        return deliveryLog(Clock.systemUTC());
    }

    /**
     * The log of which plugin handled which outbox event, on this database; {@code clock} times the
     * deliveries. Its table comes with the schema migrations.
     *
     * @throws SchemaMigrationException if this store does not migrate and the table is missing
     */
    public JdbcDeliveryLog deliveryLog(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        ensureMigrated();
        if (!migrate) {
            try {
                Transactions.withHandle(jdbi, h -> h.createQuery("SELECT receiver, event_id, delivered_at FROM "
                        + JdbcDeliveryLog.TABLE + " WHERE 1 = 0").mapToMap().list());
            } catch (StoreFailureException e) {
                throw new SchemaMigrationException("cannot use table " + JdbcDeliveryLog.TABLE + " of " + name
                        + ": it comes with the BillOps schema migration V4__plugin_delivery.sql, which has not run on "
                        + "this database (the store was opened with migrate(false)): " + e.getMessage(), e);
            }
        }
        return new JdbcDeliveryLog(jdbi, clock);
    }

    @Override
    public <T> T inTransaction(TenantId tenant, Function<StoreSession, T> work) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(work, "work");
        JdbcSession outer = current.get();
        if (outer != null) {
            return nested(outer, tenant, work);
        }
        ensureMigrated();
        return Transactions.inTransaction(jdbi, handle -> {
            JdbcSession session = new JdbcSession(handle, tenant, context);
            current.set(session);
            try {
                return work.apply(session);
            } finally {
                session.close();
                current.remove();
            }
        });
    }

    private <T> T nested(JdbcSession outer, TenantId tenant, Function<StoreSession, T> work) {
        Handle handle = outer.transactionHandle();
        String savepoint = "billops_nested_" + System.identityHashCode(work) + "_" + System.nanoTime();
        savepoint(() -> handle.savepoint(savepoint));
        JdbcSession inner = new JdbcSession(handle, tenant, context);
        current.set(inner);
        try {
            T result = work.apply(inner);
            savepoint(() -> handle.releaseSavepoint(savepoint));
            return result;
        } catch (RuntimeException | Error e) {
            Throwable thrown = e instanceof RuntimeException r ? SqlErrors.translateIfDatabaseError(r) : e;
            try {
                handle.rollbackToSavepoint(savepoint); // Jdbi forgets the savepoint once rolled back to
            } catch (RuntimeException rollback) {
                thrown.addSuppressed(rollback);
            }
            if (thrown instanceof RuntimeException r) {
                throw r;
            }
            throw (Error) thrown;
        } finally {
            inner.close();
            current.set(outer);
        }
    }

    private static void savepoint(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            throw SqlErrors.translateIfDatabaseError(e);
        }
    }

    @Override
    public List<TenantId> tenantIds() {
        ensureMigrated();
        return Transactions.withHandle(jdbi, h -> h.createQuery("SELECT tenant_id FROM billops_tenant "
                + "ORDER BY tenant_id").mapTo(String.class).map(TenantId::of).list());
    }

    /**
     * Closes this store (and the copies made with {@link #migrate(boolean)} and
     * {@link #withFetchSize(int)}): it releases the connections it opened itself (an embedded
     * database's pool) and leaves a host's DataSource open. Any later use throws
     * {@link StoreFailureException}. Closing twice does nothing.
     */
    @Override
    public void close() {
        connections.close();
    }

    private void ensureMigrated() {
        if (!migrate || migrated) {
            return;
        }
        synchronized (migrationLock) {
            if (!migrated) {
                migrator().migrate();
                migrated = true;
            }
        }
    }

    @Override
    public String toString() {
        return "JdbcBillingStore[" + dialect + " " + name + "]";
    }

    /** The connections of one store and its copies, refused once the store is closed. */
    private static final class Connections implements ConnectionFactory {
        final Jdbi jdbi;
        private final DataSource dataSource;
        private final String name;
        private final @Nullable AutoCloseable owned;
        private final AtomicBoolean closed = new AtomicBoolean();

        Connections(DataSource dataSource, String name, @Nullable AutoCloseable owned) {
            this.dataSource = dataSource;
            this.name = name;
            this.owned = owned;
            this.jdbi = Jdbi.create(this);
        }

        @Override
        public Connection openConnection() throws SQLException {
            requireOpen();
            return dataSource.getConnection();
        }

        void requireOpen() {
            if (closed.get()) {
                throw new StoreFailureException("the BillOps store " + name + " is closed", null, null);
            }
        }

        void close() {
            if (!closed.compareAndSet(false, true) || owned == null) {
                return;
            }
            try {
                owned.close();
            } catch (Exception e) {
                throw new StoreFailureException("closing the BillOps store " + name + " failed: " + e.getMessage(),
                        SqlErrors.sqlState(e), e);
            }
        }
    }
}
