package dev.billops.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** {@link JdbcStores#of(javax.sql.DataSource)}: the database told by the driver. */
class JdbcStoresDataSourceTest {

    @Test
    void of_h2DataSourceWithTheSettings_isAnH2StoreThatMigrates() {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:ds-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1" + JdbcStores.H2_SETTINGS, "sa", "");
        try {
            JdbcBillingStore store = JdbcStores.of(pool);
            assertEquals(Dialect.H2, store.dialect());
            assertEquals(0, store.outbox().pendingCount());
            assertTrue(store.tenantIds().isEmpty());
            store.close();
            assertEquals(0, JdbcStores.of(pool).outbox().pendingCount(),
                    "closing the store leaves the host's DataSource open");
        } finally {
            pool.dispose();
        }
    }

    @Test
    void of_h2DataSourceWithoutTheSettings_refusedNamingThem() {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:plain-" + UUID.randomUUID(), "sa", "");
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JdbcStores.of(pool));
            assertTrue(e.getMessage().contains("MODE=PostgreSQL"), e.getMessage());
            assertTrue(e.getMessage().contains("DATABASE_TO_LOWER=TRUE"), e.getMessage());
            assertTrue(e.getMessage().contains("DEFAULT_NULL_ORDERING=HIGH"), e.getMessage());
        } finally {
            pool.dispose();
        }
    }

    @Test
    void of_dataSourceThatCannotConnect_failsSayingSo() {
        JdbcDataSource missing = new JdbcDataSource();
        missing.setURL("jdbc:h2:mem:gone-" + UUID.randomUUID() + ";IFEXISTS=TRUE");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> JdbcStores.of(missing));
        assertTrue(e.getMessage().contains("cannot open a connection"), e.getMessage());
    }

    @Test
    void of_postgresDataSource_isAPostgresStore() {
        try (PostgresTestDatabase db = PostgresTestDatabase.open("ofds")) {
            JdbcBillingStore store = JdbcStores.of(db.dataSource());
            assertEquals(Dialect.POSTGRESQL, store.dialect());
            assertFalse(store.migrator().toString().isEmpty());
            assertEquals(0, store.outbox().pendingCount());
        }
    }
}
