package dev.billops.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.TenantId;
import dev.billops.core.money.Currencies;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.spi.ClientStore;
import dev.billops.core.spi.StoreSession;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryBillingStoreTest {

    private static final TenantId ACME = TenantId.of("acme");

    private final InMemoryBillingStore store = new InMemoryBillingStore();

    private static Client client(String id) {
        return Client.of(ClientId.of(id), "Client " + id, Address.of("Main St 1", "10115", "Berlin", "DE"),
                Currencies.of("EUR"));
    }

    @Test
    void inTransaction_workThrows_nothingStoredAndExceptionRethrownUnchanged() {
        StoreSnapshot before = store.snapshot(ACME);
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> store.inTransaction(ACME, s -> {
            s.get(ClientStore.class).insert(client("c1"));
            throw boom;
        }));
        assertSame(boom, thrown);
        assertEquals(before, store.snapshot(ACME));
    }

    @Test
    void inTransaction_nestedWorkThrows_onlyNestedWritesUndone() {
        store.inTransaction(ACME, s -> {
            s.get(ClientStore.class).insert(client("c1"));
            assertThrows(IllegalStateException.class, () -> store.inTransaction(ACME, inner -> {
                inner.get(ClientStore.class).insert(client("c2"));
                throw new IllegalStateException("inner");
            }));
            return null;
        });
        assertEquals(List.of(ClientId.of("c1")), store.snapshot(ACME).clients().stream().map(Client::id).toList());
    }

    @Test
    void session_usedAfterTransaction_throwsIllegalState() {
        StoreSession escaped = store.inTransaction(ACME, s -> s);
        assertThrows(IllegalStateException.class, () -> escaped.get(ClientStore.class));
        assertTrue(store.snapshot(ACME).isEmpty());
    }
}
