package dev.billops.bank;

import dev.billops.core.memory.InMemoryBillingStore;
import dev.billops.core.spi.BillingStore;
import dev.billops.jdbc.JdbcBillingStore;
import dev.billops.jdbc.JdbcStores;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The stores the import tests run on: in memory, embedded H2, and a schema of its own on the
 * PostgreSQL server named by {@code BILLOPS_TEST_POSTGRES_URL} (skipped when it is not set; CI sets
 * it). Each store is dropped on close.
 */
final class TestStores implements AutoCloseable {

    static final String POSTGRES_ENV = "BILLOPS_TEST_POSTGRES_URL";

    enum Kind { MEMORY, H2, POSTGRES }

    final BillingStore store;
    private final Runnable cleanup;

    private TestStores(BillingStore store, Runnable cleanup) {
        this.store = store;
        this.cleanup = cleanup;
    }

    static TestStores open(Kind kind) {
        String label = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        switch (kind) {
            case MEMORY -> {
                return new TestStores(new InMemoryBillingStore(), () -> { });
            }
            case H2 -> {
                JdbcBillingStore h2 = JdbcStores.h2InMemory("bank_" + label);
                return new TestStores(h2, h2::close);
            }
            default -> {
                String url = System.getenv(POSTGRES_ENV);
                Assumptions.assumeTrue(url != null && !url.isBlank(), POSTGRES_ENV
                        + " is not set; PostgreSQL tests skipped");
                String schema = "billops_bank_" + label;
                execute(url, "CREATE SCHEMA " + schema);
                PGSimpleDataSource pg = new PGSimpleDataSource();
                pg.setURL(url);
                pg.setCurrentSchema(schema);
                JdbcBillingStore store = JdbcStores.postgres(pg);
                return new TestStores(store, () -> {
                    store.close();
                    execute(url, "DROP SCHEMA " + schema + " CASCADE");
                });
            }
        }
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + POSTGRES_ENV + ": " + sql + " failed", e);
        }
    }

    @Override
    public void close() {
        cleanup.run();
    }
}
