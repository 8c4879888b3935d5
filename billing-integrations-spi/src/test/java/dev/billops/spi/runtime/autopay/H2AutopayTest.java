package dev.billops.spi.runtime.autopay;

import dev.billops.jdbc.JdbcBillingStore;
import dev.billops.jdbc.JdbcStores;
import dev.billops.spi.SpiFixture;
import org.junit.jupiter.api.AfterEach;

/** The autopay tests on the H2 store: marks, re-arms and their audit records in real transactions. */
class H2AutopayTest extends AutopayTest {

    private JdbcBillingStore store;

    @Override
    SpiFixture fixture() {
        store = JdbcStores.h2InMemory("spi-autopay-" + System.nanoTime());
        return new SpiFixture(store, store.outbox()::events);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }
}
