package dev.billops.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGConnectionPoolDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A schema of its own on the PostgreSQL server named by {@code BILLOPS_TEST_POSTGRES_URL}, so
 * test classes (and other engineers' test runs) never share tables. Created on open, dropped
 * with everything in it on close. Tests that need it call {@link #open} and are skipped when the
 * variable is not set; CI sets it.
 */
final class PostgresTestDatabase implements AutoCloseable {

    static final String ENV = "BILLOPS_TEST_POSTGRES_URL";

    private final String baseUrl;
    private final String schema;
    private final JdbcConnectionPool pool;

    private PostgresTestDatabase(String baseUrl, String schema) {
        this.baseUrl = baseUrl;
        this.schema = schema;
        this.pool = newPool();
    }

    /** A new pool of connections to this schema, which the caller disposes. */
    JdbcConnectionPool newPool() {
        PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
        pg.setURL(baseUrl);
        pg.setCurrentSchema(schema);
        pg.setReWriteBatchedInserts(true);
        JdbcConnectionPool created = JdbcConnectionPool.create(pg);
        created.setMaxConnections(12);
        return created;
    }

    static boolean configured() {
        String url = System.getenv(ENV);
        return url != null && !url.isBlank();
    }

    /** A fresh schema; skips the calling test when PostgreSQL is not configured. */
    static PostgresTestDatabase open(String label) {
        Assumptions.assumeTrue(configured(), ENV + " is not set; PostgreSQL tests skipped");
        String baseUrl = System.getenv(ENV);
        String schema = "billops_t_" + label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "") + "_"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test schema " + schema + " on " + ENV, e);
        }
        return new PostgresTestDatabase(baseUrl, schema);
    }

    /** A pooled DataSource whose connections use this schema. */
    DataSource dataSource() {
        return pool;
    }

    /** A DataSource that opens a new connection for every transaction (no pool to hand out a dead one). */
    PGSimpleDataSource unpooledDataSource() {
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(baseUrl);
        pg.setCurrentSchema(schema);
        return pg;
    }

    /** A new unpooled connection to this schema. */
    Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(baseUrl);
        try (Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + schema);
        }
        return c;
    }

    String schema() {
        return schema;
    }

    @Override
    public void close() {
        pool.dispose();
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test schema " + schema, e);
        }
    }
}
