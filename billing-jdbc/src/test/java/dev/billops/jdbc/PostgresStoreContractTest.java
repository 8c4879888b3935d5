package dev.billops.jdbc;

import dev.billops.core.event.BillingEvent;
import dev.billops.core.id.TenantId;
import dev.billops.core.spi.BillingStore;
import dev.billops.testkit.contract.StoreContractSuite;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;

/**
 * The testkit's store contracts on PostgreSQL, in a schema of their own; run when
 * {@code BILLOPS_TEST_POSTGRES_URL} is set (always on CI), skipped otherwise.
 */
class PostgresStoreContractTest extends StoreContractSuite {

    private static @Nullable PostgresTestDatabase database;
    private static @Nullable JdbcBillingStore store;

    private static synchronized JdbcBillingStore store() {
        if (store == null) {
            database = PostgresTestDatabase.open("contract");
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

    @Override
    protected BillingStore newStore() {
        return store();
    }

    @Override
    protected Optional<List<BillingEvent>> committedEvents(BillingStore s, TenantId tenant) {
        return Optional.of(store().outbox().events(tenant));
    }
}
