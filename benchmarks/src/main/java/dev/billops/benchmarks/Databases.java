package dev.billops.benchmarks;

import dev.billops.jdbc.JdbcBillingStore;
import dev.billops.jdbc.JdbcStores;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The databases of the end-to-end cases. PostgreSQL is the server named by
 * {@code BILLOPS_TEST_POSTGRES_URL}; every run works in schemas of its own
 * ({@code billops_bench_<label>_<random>}), dropped afterwards, so other test runs on the same
 * database are never disturbed. H2 is in memory or in a temporary file.
 */
final class Databases {

    static final String ENV = "BILLOPS_TEST_POSTGRES_URL";

    private Databases() {
    }

    static @Nullable String postgresUrl() {
        String url = System.getenv(ENV);
        return url == null || url.isBlank() ? null : url;
    }

    /** A PostgreSQL schema of its own, pooled, with {@code reWriteBatchedInserts=true}. */
    static final class PgSchema implements AutoCloseable {
        final String baseUrl;
        final String schema;
        final JdbcConnectionPool pool;

        PgSchema(String baseUrl, String label) {
            this(baseUrl, label, null);
        }

        /** With {@code options} (e.g. {@code -c synchronous_commit=off}) on every pooled connection. */
        PgSchema(String baseUrl, String label, @Nullable String options) {
            this.baseUrl = baseUrl;
            this.schema = "billops_bench_" + label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "") + "_"
                    + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL);
            execute(baseUrl, "CREATE SCHEMA " + schema);
            PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
            pg.setURL(baseUrl);
            pg.setCurrentSchema(schema);
            pg.setReWriteBatchedInserts(true);
            if (options != null) {
                pg.setOptions(options);
            }
            this.pool = JdbcConnectionPool.create(pg);
            pool.setMaxConnections(8);
        }

        DataSource dataSource() {
            return pool;
        }

        JdbcBillingStore store() {
            return JdbcStores.postgres(pool);
        }

        Connection connect() throws SQLException {
            return pool.getConnection();
        }

        @Override
        public void close() {
            pool.dispose();
            execute(baseUrl, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on " + ENV + ": " + e.getMessage(), e);
        }
    }
}
