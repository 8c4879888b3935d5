package dev.billops.spi;

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
 * A schema of its own on the PostgreSQL server named by {@code BILLOPS_TEST_POSTGRES_URL} (so runs
 * of several engineers never share tables), with a store on it; dropped on close. Tests using it
 * are skipped when the variable is not set; CI sets it.
 */
public final class PostgresSchema implements AutoCloseable {

    public static final String ENV = "BILLOPS_TEST_POSTGRES_URL";

    private final String url;
    private final String schema;
    public final JdbcBillingStore store;
    public final PGSimpleDataSource dataSource;

    private PostgresSchema(String url, String schema) {
        this.url = url;
        this.schema = schema;
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(url);
        pg.setCurrentSchema(schema);
        this.dataSource = pg;
        this.store = JdbcStores.postgres(pg);
    }

    /** A fresh schema and store; skips the calling test when PostgreSQL is not configured. */
    public static PostgresSchema open() {
        String url = System.getenv(ENV);
        Assumptions.assumeTrue(url != null && !url.isBlank(), ENV + " is not set; PostgreSQL tests skipped");
        String schema = "billops_spi_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        execute(url, "CREATE SCHEMA " + schema);
        return new PostgresSchema(url, schema);
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + ENV + ": " + sql + " failed", e);
        }
    }

    @Override
    public void close() {
        store.close();
        execute(url, "DROP SCHEMA " + schema + " CASCADE");
    }
}
