package dev.billops.spi.runtime.calendar;

import dev.billops.jdbc.JdbcBillingStore;
import dev.billops.jdbc.JdbcStores;
import dev.billops.spi.SpiFixture;
import org.junit.jupiter.api.AfterEach;

/** The same import tests on the H2 store (savepoints of the real JDBC transaction). */
class H2CalendarImportTest extends CalendarImportTests {

    private JdbcBillingStore store;

    @Override
    SpiFixture fixture() {
        store = JdbcStores.h2InMemory("spi-calendar-" + System.nanoTime());
        return new SpiFixture(store, store.outbox()::events);
    }

    @AfterEach
    void close() {
        store.close();
    }
}
