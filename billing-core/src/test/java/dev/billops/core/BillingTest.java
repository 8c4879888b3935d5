package dev.billops.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.billops.core.id.TenantId;
import dev.billops.core.memory.InMemoryBillingStore;
import dev.billops.core.party.Actor;
import dev.billops.core.spi.BillingStore;
import dev.billops.core.spi.StoreSession;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class BillingTest {

    /** A store that counts how often it was closed. */
    private static final class ClosingStore implements BillingStore {
        final InMemoryBillingStore delegate = new InMemoryBillingStore();
        final AtomicInteger closed = new AtomicInteger();

        @Override
        public <T> T inTransaction(TenantId tenant, Function<StoreSession, T> work) {
            return delegate.inTransaction(tenant, work);
        }

        @Override
        public List<TenantId> tenantIds() {
            return delegate.tenantIds();
        }

        @Override
        public void close() {
            closed.incrementAndGet();
        }
    }

    @Test
    void close_tryWithResources_closesTheStoreOnce() {
        ClosingStore store = new ClosingStore();
        try (Billing billing = Billing.builder().stores(store).build()) {
            billing.tenant(TenantId.of("acme"), Actor.user("alice")).clients().list();
            assertEquals(0, store.closed.get());
        }
        assertEquals(1, store.closed.get());
    }

    @Test
    void tenant_facade_namesItsTenantAndActor() {
        try (Billing billing = Billing.builder().stores(new InMemoryBillingStore()).build()) {
            TenantBilling acme = billing.tenant(TenantId.of("acme"), Actor.user("alice"));
            assertEquals(TenantId.of("acme"), acme.tenantId());
            assertEquals(Actor.user("alice"), acme.actor());
        }
    }
}
