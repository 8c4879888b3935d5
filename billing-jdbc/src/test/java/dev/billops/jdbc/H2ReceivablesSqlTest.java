package dev.billops.jdbc;

import dev.billops.core.spi.BillingStore;
import org.junit.jupiter.api.AfterAll;

class H2ReceivablesSqlTest extends ReceivablesSqlTests {

    private static final JdbcBillingStore STORE = JdbcStores.h2InMemory("receivables-" + System.nanoTime());

    @AfterAll
    static void close() {
        STORE.close();
    }

    @Override
    BillingStore store() {
        return STORE;
    }

    @Override
    int tries() {
        return 60;
    }
}
