package dev.billops.jdbc;

import org.junit.jupiter.api.AfterAll;

class H2PackageRunBatchTest extends PackageRunBatchTests {

    private static final JdbcBillingStore STORE = JdbcStores.h2InMemory("package-batch-" + System.nanoTime());

    @AfterAll
    static void close() {
        STORE.close();
    }

    @Override
    JdbcBillingStore store() {
        return STORE;
    }
}
