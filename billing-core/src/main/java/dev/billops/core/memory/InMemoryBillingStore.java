package dev.billops.core.memory;

import dev.billops.core.audit.AuditRecord;
import dev.billops.core.event.BillingEvent;
import dev.billops.core.id.TenantId;
import dev.billops.core.spi.BillingStore;
import dev.billops.core.spi.StoreSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * A {@link BillingStore} that keeps everything in memory, for tests and examples. It implements
 * every port of {@code billing-core} with the same contract as the JDBC stores (the testkit's
 * store contract tests run against both).
 *
 * <p><b>Transactions.</b> One lock serializes all transactions of all tenants, so every
 * transaction sees a consistent state and concurrent writers can neither both bill an entry nor
 * both take a number. Every write records its inverse; if {@code work} throws, the inverses are
 * replayed and the exception is rethrown unchanged, so a failed transaction leaves no trace.
 * A nested {@code inTransaction} on the same thread joins the outer transaction as a savepoint:
 * its writes commit with the outer one, and if the nested work throws, only its own writes are
 * undone before the exception reaches the outer work.
 *
 * <p><b>Tenants.</b> Each tenant's rows live in a state of their own; a session reaches only the
 * state of its tenant. {@link #tenantIds()} lists the tenants whose own record
 * ({@code TenantStore.save}) has been stored.
 *
 * <p><b>Test helpers.</b> {@link #events}, {@link #auditRecords} and {@link #snapshot} read the
 * committed state of one tenant (or, on the thread running a transaction, its current state).
 *
 * <p>Thread-safe. Sessions are bound to their thread and transaction; using one outside of them
 * throws {@link IllegalStateException}. Stored values are the immutable domain records
 * themselves.
 */
public final class InMemoryBillingStore implements BillingStore {

    private final ReentrantLock lock = new ReentrantLock();
    private final UndoLog undo = new UndoLog();
    private final Map<TenantId, TenantState> tenants = new TreeMap<>();

    /** An empty store. */
    public InMemoryBillingStore() {
    }

    @Override
    public <T> T inTransaction(TenantId tenant, Function<StoreSession, T> work) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(work, "work");
        lock.lock();
        try {
            boolean outermost = lock.getHoldCount() == 1;
            int savepoint = undo.mark();
            Session session = new Session(tenant, stateOf(tenant));
            try {
                T result = work.apply(session);
                if (outermost) {
                    undo.clear();
                }
                return result;
            } catch (Throwable t) {
                undo.rollbackTo(savepoint);
                throw t;
            } finally {
                session.close();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<TenantId> tenantIds() {
        lock.lock();
        try {
            List<TenantId> ids = new ArrayList<>();
            tenants.forEach((id, state) -> {
                if (state.tenant() != null) {
                    ids.add(id);
                }
            });
            return ids;
        } finally {
            lock.unlock();
        }
    }

    /** The outbox of {@code tenant}, in the order the events were appended. */
    public List<BillingEvent> events(TenantId tenant) {
        return snapshot(tenant).events();
    }

    /** The audit log of {@code tenant}, oldest first. */
    public List<AuditRecord> auditRecords(TenantId tenant) {
        return snapshot(tenant).auditRecords();
    }

    /** Everything stored for {@code tenant}, as an immutable value (empty for an unknown tenant). */
    public StoreSnapshot snapshot(TenantId tenant) {
        Objects.requireNonNull(tenant, "tenant");
        lock.lock();
        try {
            TenantState state = tenants.get(tenant);
            return (state == null ? new TenantState(new UndoLog()) : state).snapshot();
        } finally {
            lock.unlock();
        }
    }

    private TenantState stateOf(TenantId tenant) {
        return tenants.computeIfAbsent(tenant, t -> new TenantState(undo));
    }
}
