package dev.billops.jdbc;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;

/** Batching and cursors on PostgreSQL; run when {@code BILLOPS_TEST_POSTGRES_URL} is set. */
class PostgresStreamingTest extends StreamingTests {

    private static @Nullable PostgresTestDatabase database;
    private static @Nullable JdbcBillingStore store;

    @Override
    synchronized JdbcBillingStore store() {
        if (store == null) {
            database = PostgresTestDatabase.open("streaming");
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
