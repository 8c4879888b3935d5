package dev.billops.testkit.contract;

import dev.billops.core.event.BillingEvent;
import dev.billops.core.id.TenantId;
import dev.billops.core.spi.BillingStore;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;

/**
 * Every store contract in one class: extend it once per {@link BillingStore} implementation,
 * implement {@link #newStore()}, and JUnit runs each contract as a nested test class
 * ({@code H2StoreContractTest > TimeEntries > markBilled_oneNotOpen_billsNone}).
 *
 * <pre>{@code
 * class PostgresStoreContractTest extends StoreContractSuite {
 *     static final JdbcStores STORES = JdbcStores.postgres(dataSource()); // shared: tests use fresh tenants
 *     protected BillingStore newStore() { return STORES; }
 *     protected Optional<List<BillingEvent>> committedEvents(BillingStore store, TenantId tenant) {
 *         return Optional.of(STORES.outbox().events(tenant));
 *     }
 * }
 * }</pre>
 *
 * <p>The hooks {@link #closeStore}, {@link #committedEvents} and {@link #threads()} are forwarded to
 * every nested contract. See {@link StoreContract} for what the contracts assume.
 */
public abstract class StoreContractSuite {

    /** The store to test; called before every test of every nested contract. */
    protected abstract BillingStore newStore();

    /** Releases a store after each test; does nothing by default. */
    protected void closeStore(BillingStore store) {
    }

    /** The committed outbox of {@code tenant}, if the implementation can show it; empty by default. */
    protected Optional<List<BillingEvent>> committedEvents(BillingStore store, TenantId tenant) {
        return Optional.empty();
    }

    /** Threads per concurrency test. */
    protected int threads() {
        return 8;
    }

    @Nested
    class Parties extends PartyStoreContract {
        @Override
        protected BillingStore newStore() {
            return StoreContractSuite.this.newStore();
        }

        @Override
        protected void closeStore(BillingStore store) {
            StoreContractSuite.this.closeStore(store);
        }
    }

    @Nested
    class ProjectsAndRates extends ProjectAndRateStoreContract {
        @Override
        protected BillingStore newStore() {
            return StoreContractSuite.this.newStore();
        }

        @Override
        protected void closeStore(BillingStore store) {
            StoreContractSuite.this.closeStore(store);
        }
    }

    @Nested
    class TimeEntries extends TimeEntryStoreContract {
        @Override
        protected BillingStore newStore() {
            return StoreContractSuite.this.newStore();
        }

        @Override
        protected void closeStore(BillingStore store) {
            StoreContractSuite.this.closeStore(store);
        }
    }

    @Nested
    class Invoices extends InvoiceStoreContract {
        @Override
        protected BillingStore newStore() {
            return StoreContractSuite.this.newStore();
        }

        @Override
        protected void closeStore(BillingStore store) {
            StoreContractSuite.this.closeStore(store);
        }
    }

    @Nested
    class NumberSequences extends NumberSequenceContract {
        @Override
        protected BillingStore newStore() {
            return StoreContractSuite.this.newStore();
        }

        @Override
        protected void closeStore(BillingStore store) {
            StoreContractSuite.this.closeStore(store);
        }
    }

    @Nested
    class Payments extends PaymentStoreContract {
        @Override
        protected BillingStore newStore() {
            return StoreContractSuite.this.newStore();
        }

        @Override
        protected void closeStore(BillingStore store) {
            StoreContractSuite.this.closeStore(store);
        }
    }

    @Nested
    class Engagements extends EngagementStoreContract {
        @Override
        protected BillingStore newStore() {
            return StoreContractSuite.this.newStore();
        }

        @Override
        protected void closeStore(BillingStore store) {
            StoreContractSuite.this.closeStore(store);
        }
    }

    @Nested
    class AuditAndOutbox extends AuditAndOutboxContract {
        @Override
        protected BillingStore newStore() {
            return StoreContractSuite.this.newStore();
        }

        @Override
        protected void closeStore(BillingStore store) {
            StoreContractSuite.this.closeStore(store);
        }

        @Override
        protected Optional<List<BillingEvent>> committedEvents(BillingStore store, TenantId tenant) {
            return StoreContractSuite.this.committedEvents(store, tenant);
        }
    }

    @Nested
    class Transactions extends TransactionContract {
        @Override
        protected BillingStore newStore() {
            return StoreContractSuite.this.newStore();
        }

        @Override
        protected void closeStore(BillingStore store) {
            StoreContractSuite.this.closeStore(store);
        }
    }

    @Nested
    class TenantIsolation extends TenantIsolationContract {
        @Override
        protected BillingStore newStore() {
            return StoreContractSuite.this.newStore();
        }

        @Override
        protected void closeStore(BillingStore store) {
            StoreContractSuite.this.closeStore(store);
        }
    }

    @Nested
    class Texts extends TextContract {
        @Override
        protected BillingStore newStore() {
            return StoreContractSuite.this.newStore();
        }

        @Override
        protected void closeStore(BillingStore store) {
            StoreContractSuite.this.closeStore(store);
        }
    }

    @Nested
    class TenantPolicies extends TenantPoliciesContract {
        @Override
        protected BillingStore newStore() {
            return StoreContractSuite.this.newStore();
        }

        @Override
        protected void closeStore(BillingStore store) {
            StoreContractSuite.this.closeStore(store);
        }
    }

    @Nested
    class IssueDates extends IssueDateContract {
        @Override
        protected BillingStore newStore() {
            return StoreContractSuite.this.newStore();
        }

        @Override
        protected void closeStore(BillingStore store) {
            StoreContractSuite.this.closeStore(store);
        }
    }

    @Nested
    class Prepaid extends PrepaidContract {
        @Override
        protected BillingStore newStore() {
            return StoreContractSuite.this.newStore();
        }

        @Override
        protected void closeStore(BillingStore store) {
            StoreContractSuite.this.closeStore(store);
        }
    }

    @Nested
    class PrepaymentDeductions extends PrepaymentDeductionContract {
        @Override
        protected BillingStore newStore() {
            return StoreContractSuite.this.newStore();
        }

        @Override
        protected void closeStore(BillingStore store) {
            StoreContractSuite.this.closeStore(store);
        }
    }

    @Nested
    class EventsAndDelivery extends EventsAndDeliveryContract {
        @Override
        protected BillingStore newStore() {
            return StoreContractSuite.this.newStore();
        }

        @Override
        protected void closeStore(BillingStore store) {
            StoreContractSuite.this.closeStore(store);
        }

        @Override
        protected Optional<List<BillingEvent>> committedEvents(BillingStore store, TenantId tenant) {
            return StoreContractSuite.this.committedEvents(store, tenant);
        }
    }

    @Nested
    class Concurrency extends ConcurrencyContract {
        @Override
        protected BillingStore newStore() {
            return StoreContractSuite.this.newStore();
        }

        @Override
        protected void closeStore(BillingStore store) {
            StoreContractSuite.this.closeStore(store);
        }

        @Override
        protected int threads() {
            return StoreContractSuite.this.threads();
        }
    }
}
