package dev.billops.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.billops.core.event.BillingEvent;
import dev.billops.core.id.TenantId;
import dev.billops.core.spi.BillingStore;
import dev.billops.core.spi.StoreSession;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;

/**
 * Base of the store contract tests: the contract of every port of {@code billing-core}, written
 * once and run against every {@link BillingStore} implementation (in-memory, H2, PostgreSQL).
 *
 * <p><b>How to use.</b> Extend {@link StoreContractSuite} once per implementation and return a
 * store from {@link #newStore()}; every contract below then runs as a nested test class:
 *
 * <pre>{@code
 * class H2StoreContractTest extends StoreContractSuite {
 *     protected BillingStore newStore() { return JdbcStores.h2InMemory(); }
 *     protected void closeStore(BillingStore store) { ((AutoCloseable) store).close(); }
 *     protected Optional<List<BillingEvent>> committedEvents(BillingStore store, TenantId tenant) { ... }
 * }
 * }</pre>
 *
 * Or extend a single contract class (e.g. {@link TimeEntryStoreContract}) to run only that one.
 *
 * <p><b>Independence.</b> {@link #newStore()} is called before every test and may return a new
 * store or a shared one: each test works in two fresh random tenants ({@link #tenant},
 * {@link #otherTenant}), so tests never see each other's rows. The contracts use only the ports
 * and {@link BillingStore}, never implementation internals; what a port cannot show (the outbox)
 * is read through the optional hook {@link #committedEvents}, and tests that need it are skipped
 * (assumption) where it is not provided.
 *
 * <p><b>What "round trip" means.</b> A value read back {@code equals} the value written: every
 * field of the record, including nulls, the exact {@code BigDecimal} scale of quantities and
 * rates, the zone of a time span, locales, and texts in any script (emoji, right-to-left, quotes,
 * SQL fragments). Instants in the fixtures are whole seconds; stores must keep at least
 * microseconds.
 */
public abstract class StoreContract {

    /** The store under test, from {@link #newStore()} before each test. */
    protected BillingStore store;
    /** A fresh tenant for this test. */
    protected TenantId tenant;
    /** A second fresh tenant, for isolation checks. */
    protected TenantId otherTenant;

    /** The store to test; called before every test. */
    protected abstract BillingStore newStore();

    /** Releases a store returned by {@link #newStore()}; called after every test. Does nothing by default. */
    protected void closeStore(BillingStore store) {
    }

    /**
     * The committed outbox of {@code tenant} in append order, if this implementation can show
     * it; empty (the default) skips the tests that need it.
     */
    protected Optional<List<BillingEvent>> committedEvents(BillingStore store, TenantId tenant) {
        return Optional.empty();
    }

    @BeforeEach
    final void openStore() {
        store = newStore();
        tenant = TenantId.generate();
        otherTenant = TenantId.generate();
    }

    @AfterEach
    final void releaseStore() {
        closeStore(store);
    }

    /** Runs {@code work} in one transaction of {@link #tenant}. */
    protected final <T> T tx(Function<StoreSession, T> work) {
        return store.inTransaction(tenant, work);
    }

    /** Runs {@code work} in one transaction of {@code in}. */
    protected final <T> T tx(TenantId in, Function<StoreSession, T> work) {
        return store.inTransaction(in, work);
    }

    /** Runs {@code work} in one transaction of {@code in} and unboxes its result. */
    protected final long txLong(TenantId in, Function<StoreSession, Long> work) {
        return store.inTransaction(in, work);
    }

    /** Runs {@code work} in one transaction of {@link #tenant} and unboxes its result. */
    protected final long txLong(Function<StoreSession, Long> work) {
        return txLong(tenant, work);
    }

    /** Runs {@code work} in one transaction of {@link #tenant} and unboxes its result. */
    protected final boolean txBoolean(Function<StoreSession, Boolean> work) {
        return store.inTransaction(tenant, work);
    }

    /** Runs {@code work} in one transaction of {@link #tenant}. */
    protected final void run(Consumer<StoreSession> work) {
        run(tenant, work);
    }

    /** Runs {@code work} in one transaction of {@code in}. */
    protected final void run(TenantId in, Consumer<StoreSession> work) {
        store.inTransaction(in, session -> {
            work.accept(session);
            return null;
        });
    }

    /** Everything the ports show of {@link #tenant}. */
    protected final VisibleState visible() {
        return VisibleState.read(store, tenant);
    }

    /** Everything the ports show of {@code of}. */
    protected final VisibleState visible(TenantId of) {
        return VisibleState.read(store, of);
    }

    /**
     * Asserts that {@code failing} throws {@code expected} and that afterwards the store shows
     * exactly what it showed before: the failed operation stored nothing.
     */
    protected final <X extends Throwable> X assertFailsStoringNothing(Class<X> expected, Executable failing) {
        VisibleState before = visible();
        X thrown = assertThrows(expected, failing);
        assertEquals(before, visible(), "the failed operation changed the store");
        return thrown;
    }
}
