package dev.billops.jdbc;

import dev.billops.core.event.BillingEvent;
import dev.billops.core.id.TenantId;
import dev.billops.core.spi.BillingStore;
import dev.billops.testkit.contract.StoreContractSuite;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;

/** The testkit's store contracts on an embedded H2 (PostgreSQL mode). Tests use fresh tenants, so one store serves all. */
class H2StoreContractTest extends StoreContractSuite {

    private static final JdbcBillingStore STORE = JdbcStores.h2InMemory("contract-" + System.nanoTime());

    @AfterAll
    static void closeDatabase() {
        STORE.close();
    }

    @Override
    protected BillingStore newStore() {
        return STORE;
    }

    @Override
    protected Optional<List<BillingEvent>> committedEvents(BillingStore store, TenantId tenant) {
        return Optional.of(STORE.outbox().events(tenant));
    }
}
