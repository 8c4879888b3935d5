package dev.billops.testkit.contract;

import dev.billops.core.event.BillingEvent;
import dev.billops.core.id.TenantId;
import dev.billops.core.memory.InMemoryBillingStore;
import dev.billops.core.spi.BillingStore;
import java.util.List;
import java.util.Optional;

/** Runs every store contract against {@link InMemoryBillingStore}. */
class InMemoryStoreContractTest extends StoreContractSuite {

    @Override
    protected BillingStore newStore() {
        return new InMemoryBillingStore();
    }

    @Override
    protected Optional<List<BillingEvent>> committedEvents(BillingStore store, TenantId tenant) {
        return Optional.of(((InMemoryBillingStore) store).events(tenant));
    }
}
