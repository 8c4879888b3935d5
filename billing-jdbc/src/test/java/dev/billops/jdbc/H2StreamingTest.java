package dev.billops.jdbc;

import org.junit.jupiter.api.AfterAll;

class H2StreamingTest extends StreamingTests {

    private static final JdbcBillingStore STORE = JdbcStores.h2InMemory("streaming-" + System.nanoTime());

    @AfterAll
    static void close() {
        STORE.close();
    }

    @Override
    JdbcBillingStore store() {
        return STORE;
    }
}
