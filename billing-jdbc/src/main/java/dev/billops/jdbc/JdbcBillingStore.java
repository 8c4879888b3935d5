package dev.billops.jdbc;

import dev.billops.core.id.TenantId;
import dev.billops.core.spi.BillingStore;
import dev.billops.core.spi.StoreSession;
import dev.billops.jdbc.internal.JacksonJsonCodec;
import dev.billops.jdbc.internal.JdbcSession;
import dev.billops.jdbc.internal.SqlDialect;
import dev.billops.jdbc.internal.SqlErrors;
import dev.billops.jdbc.internal.StoreContext;
import dev.billops.jdbc.internal.Transactions;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * The {@link BillingStore} on a relational database (PostgreSQL or H2), built by
 * {@link JdbcStores}.
 *
 * <p><b>Transactions.</b> {@link #inTransaction} runs the work in one Jdbi transaction at READ
 * COMMITTED, with every port of the session bound to that transaction's handle; an exception from
 * the work rolls everything back and is rethrown unchanged, except that a deadlock or serialization
 * failure the database resolved by aborting the transaction (SQLSTATE 40P01, 40001) becomes the
 * retryable {@link dev.billops.core.error.ConcurrentUpdateException}. When the connection died, the
 * reported error is the one that ended the work; failures of the clean-up (rollback, restoring the
 * isolation level, closing) are attached to it as suppressed exceptions. A nested call on the same thread
 * joins the running transaction under a savepoint: its writes commit with the outer transaction,
 * and if the nested work throws, only its own writes are rolled back. Uniqueness and billing
 * guarantees are enforced by the database (constraints, row locks), so they hold across
 * processes, not only within this JVM.
 *
 * <p><b>Schema.</b> Unless {@link #migrate(boolean) migrate(false)} was chosen, the first use
 * applies the pending migrations of {@link #migrator()}.
 *
 * <p>Thread-safe; share one instance per database. Driver errors other than the ones the ports
 * translate (duplicate keys, values too long) surface as Jdbi's unchecked {@code JdbiException}.
 */
public final class JdbcBillingStore implements BillingStore, AutoCloseable {

    /** Rows fetched per round trip when streaming. */
    public static final int DEFAULT_FETCH_SIZE = 1000;
    /** Rows per JDBC batch when inserting many. */
    public static final int DEFAULT_BATCH_SIZE = 1000;

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final String name;
    private final StoreContext context;
    private final boolean migrate;
    private final @Nullable AutoCloseable owned;
    private final ThreadLocal<@Nullable JdbcSession> current = new ThreadLocal<>();
    private final Object migrationLock = new Object();
    private volatile boolean migrated;

    JdbcBillingStore(DataSource dataSource, Dialect dialect, String name, boolean migrate, int fetchSize,
            @Nullable AutoCloseable owned) {
        this(Jdbi.create(Objects.requireNonNull(dataSource, "dataSource")), dialect, name, migrate,
                new StoreContext(dialect == Dialect.H2 ? SqlDialect.H2 : SqlDialect.POSTGRESQL, new JacksonJsonCodec(),
                        fetchSize, DEFAULT_BATCH_SIZE), owned);
    }

    private JdbcBillingStore(Jdbi jdbi, Dialect dialect, String name, boolean migrate, StoreContext context,
            @Nullable AutoCloseable owned) {
        this.jdbi = jdbi;
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.name = Objects.requireNonNull(name, "name");
        this.context = context;
        this.migrate = migrate;
        this.owned = owned;
    }

    /**
     * This store with the built-in migrator switched on (the default) or off, e.g. when the host
     * runs the scripts of {@link Dialect#migrationFolder()} with its own Flyway. Shares the
     * connections of this store; close only one of them.
     */
    public JdbcBillingStore migrate(boolean enabled) {
        return new JdbcBillingStore(jdbi, dialect, name, enabled, context, owned);
    }

    /** This store streaming {@code rows} per round trip (default {@value #DEFAULT_FETCH_SIZE}). */
    public JdbcBillingStore withFetchSize(int rows) {
        return new JdbcBillingStore(jdbi, dialect, name, migrate, new StoreContext(context.dialect(), context.json(),
                rows, context.batchSize()), owned);
    }

    /** The database this store runs on. */
    public Dialect dialect() {
        return dialect;
    }

    /** The migrator of this store's database; {@link SchemaMigrator#migrate()} may be called at any time. */
    public SchemaMigrator migrator() {
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
        handle.savepoint(savepoint);
        JdbcSession inner = new JdbcSession(handle, tenant, context);
        current.set(inner);
        try {
            T result = work.apply(inner);
            handle.releaseSavepoint(savepoint);
            return result;
        } catch (RuntimeException | Error e) {
            try {
                handle.rollbackToSavepoint(savepoint); // Jdbi forgets the savepoint once rolled back to
            } catch (RuntimeException rollback) {
                e.addSuppressed(rollback);
            }
            if (e instanceof RuntimeException r) {
                throw SqlErrors.translateConcurrency(r);
            }
            throw e;
        } finally {
            inner.close();
            current.set(outer);
        }
    }

    @Override
    public List<TenantId> tenantIds() {
        ensureMigrated();
        return jdbi.withHandle(h -> h.createQuery("SELECT tenant_id FROM billops_tenant ORDER BY tenant_id")
                .mapTo(String.class).map(TenantId::of).list());
    }

    /** Releases the connections this store opened itself (an embedded database's pool); a host's DataSource is left alone. */
    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the BillOps store " + name + " failed", e);
            }
        }
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
}
