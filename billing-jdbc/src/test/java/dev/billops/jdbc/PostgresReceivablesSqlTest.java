package dev.billops.jdbc;

import dev.billops.core.spi.BillingStore;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;

/** The SQL receivables on PostgreSQL; run when {@code BILLOPS_TEST_POSTGRES_URL} is set. */
class PostgresReceivablesSqlTest extends ReceivablesSqlTests {

    private static @Nullable PostgresTestDatabase database;
    private static @Nullable JdbcBillingStore store;

    @Override
    synchronized BillingStore store() {
        if (store == null) {
            database = PostgresTestDatabase.open("receivables");
            store = JdbcStores.postgres(database.dataSource());
        }
        return store;
    }

    @Override
    int tries() {
        return 40;
    }

    @AfterAll
    static synchronized void dropSchema() {
        if (database != null) {
            database.close();
            database = null;
            store = null;
        }
    }
}
