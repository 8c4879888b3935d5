package dev.billops.jdbc;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;

/** The races on PostgreSQL; run when {@code BILLOPS_TEST_POSTGRES_URL} is set (always on CI). */
class PostgresConcurrencyTest extends ConcurrencyTests {

    private static @Nullable PostgresTestDatabase database;
    private static @Nullable JdbcBillingStore store;

    @Override
    synchronized JdbcBillingStore store() {
        if (store == null) {
            database = PostgresTestDatabase.open("concurrency");
            store = JdbcStores.postgres(database.dataSource());
        }
        return store;
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
