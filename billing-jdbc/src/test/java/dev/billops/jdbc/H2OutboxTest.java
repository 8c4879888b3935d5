package dev.billops.jdbc;

import org.junit.jupiter.api.AfterAll;

class H2OutboxTest extends OutboxTests {

    private static final JdbcBillingStore STORE = JdbcStores.h2InMemory("outbox-" + System.nanoTime());

    @AfterAll
    static void close() {
        STORE.close();
    }

    @Override
    JdbcBillingStore store() {
        return STORE;
    }
}
