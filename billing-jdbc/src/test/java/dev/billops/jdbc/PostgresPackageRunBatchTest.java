package dev.billops.jdbc;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;

/** The package run's batched chunks on PostgreSQL; run when {@code BILLOPS_TEST_POSTGRES_URL} is set (always on CI). */
class PostgresPackageRunBatchTest extends PackageRunBatchTests {

    private static @Nullable PostgresTestDatabase database;
    private static @Nullable JdbcBillingStore store;

    @Override
    synchronized JdbcBillingStore store() {
        if (store == null) {
            database = PostgresTestDatabase.open("pkgbatch");
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
