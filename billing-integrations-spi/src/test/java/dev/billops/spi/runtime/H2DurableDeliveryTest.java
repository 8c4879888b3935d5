package dev.billops.spi.runtime;

import dev.billops.jdbc.JdbcBillingStore;
import dev.billops.jdbc.JdbcStores;
import org.junit.jupiter.api.AfterEach;

class H2DurableDeliveryTest extends DurableDeliveryTests {

    private final JdbcBillingStore store = JdbcStores.h2InMemory("delivery-" + System.nanoTime());

    @Override
    JdbcBillingStore store() {
        return store;
    }

    @AfterEach
    void close() {
        store.close();
    }
}
