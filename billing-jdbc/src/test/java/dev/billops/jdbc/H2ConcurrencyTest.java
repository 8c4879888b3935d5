package dev.billops.jdbc;

import org.junit.jupiter.api.AfterAll;

class H2ConcurrencyTest extends ConcurrencyTests {

    private static final JdbcBillingStore STORE = JdbcStores.h2InMemory("concurrency-" + System.nanoTime());

    @AfterAll
    static void close() {
        STORE.close();
    }

    @Override
    JdbcBillingStore store() {
        return STORE;
    }
}
