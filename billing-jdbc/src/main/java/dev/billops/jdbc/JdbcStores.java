package dev.billops.jdbc;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Builds the JDBC {@link dev.billops.core.spi.BillingStore}:
 *
 * <pre>{@code
 * Billing billing = Billing.builder().stores(JdbcStores.h2(Path.of("billops-data"))).build();   // embedded
 * Billing billing = Billing.builder().stores(JdbcStores.postgres(dataSource)).build();          // production
 * }</pre>
 *
 * <p>Every store migrates its schema on first use unless built with {@code .migrate(false)}.
 * Stores opened from a path or URL own their connections: close them when done.
 */
public final class JdbcStores {

    /** What the stores need from H2: PostgreSQL mode, lower-case names, waits long enough for a busy counter row. */
    static final String H2_SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000";
    /**
     * Timeouts added to a PostgreSQL URL that does not set them: seconds to open the TCP
     * connection, to log in, and to wait for any one answer of the server (a statement waiting
     * longer, a lock wait included, fails rather than hangs).
     */
    static final String POSTGRES_TIMEOUTS = "connectTimeout=10&loginTimeout=10&socketTimeout=120";
    /**
     * Milliseconds an H2 client/server connection waits for any answer, unless the URL says
     * otherwise. H2 has no separate login timeout, so this one is short enough for a server that
     * never answers the handshake.
     */
    static final String H2_NETWORK_TIMEOUT = "NETWORK_TIMEOUT=10000";
    private static final int H2_MAX_CONNECTIONS = 16;
    private static final Pattern H2_NAME = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    private JdbcStores() {
    }

    /**
     * An embedded H2 database in {@code directory} (created if missing), file {@code billops.mv.db}.
     * One process at a time may open it.
     */
    public static JdbcBillingStore h2(Path directory) {
        Objects.requireNonNull(directory, "directory");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the BillOps data directory " + directory, e);
        }
        String file = directory.toAbsolutePath().normalize().resolve("billops").toString().replace('\\', '/');
        return h2Url("jdbc:h2:file:" + file + H2_SETTINGS, file);
    }

    /**
     * An in-memory H2 database named {@code name} that lives until the JVM ends (or the store is
     * closed); stores opened with the same name share it. For tests and demos.
     */
    public static JdbcBillingStore h2InMemory(String name) {
        Objects.requireNonNull(name, "name");
        if (!H2_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("in-memory database name '" + name
                    + "' must be 1-100 letters, digits, '_' or '-'");
        }
        return h2Url("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + H2_SETTINGS, "mem:" + name);
    }

    /**
     * PostgreSQL through the host's {@link DataSource}, which should pool connections (e.g.
     * HikariCP) and, for fast batch inserts, set {@code reWriteBatchedInserts=true}. The store
     * never closes it.
     */
    public static JdbcBillingStore postgres(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        return new JdbcBillingStore(dataSource, Dialect.POSTGRESQL, "postgres:" + dataSource.getClass().getSimpleName()
                + "@" + Integer.toHexString(System.identityHashCode(dataSource)), true,
                JdbcBillingStore.DEFAULT_FETCH_SIZE, null);
    }

    /**
     * The store on a host's {@link DataSource} (a framework's pooled one), the database told by
     * the driver: PostgreSQL as {@link #postgres(DataSource)}, or H2, which must have been opened
     * with the settings the stores need, {@code ;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH}
     * in its URL (and preferably {@code ;LOCK_TIMEOUT=10000}). Opens one connection to tell; the
     * store never closes the DataSource.
     *
     * @throws IllegalArgumentException for another database, or an H2 database without those
     *     settings (the message names the ones missing)
     * @throws IllegalStateException if no connection can be opened to tell
     */
    public static JdbcBillingStore of(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        String product;
        List<String> missing = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
            if ("H2".equals(product)) {
                Map<String, String> settings = new HashMap<>();
                try (Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM "
                                + "INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME IN ('MODE', 'DATABASE_TO_LOWER', "
                                + "'DEFAULT_NULL_ORDERING')")) {
                    while (rs.next()) {
                        settings.put(rs.getString(1), rs.getString(2));
                    }
                }
                for (String setting : H2_SETTINGS.substring(1).split(";")) {
                    String[] kv = setting.split("=", 2);
                    if (settings.containsKey(kv[0]) && !kv[1].equalsIgnoreCase(settings.get(kv[0]))) {
                        missing.add(setting);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open a connection of " + dataSource.getClass().getName()
                    + " to tell its database: " + e.getMessage(), e);
        }
        if ("PostgreSQL".equals(product)) {
            return postgres(dataSource);
        }
        String name = dataSource.getClass().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(dataSource));
        if ("H2".equals(product)) {
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("the H2 database of " + name + " lacks the settings BillOps needs: "
                        + String.join(";", missing) + " (add them to its JDBC URL)");
            }
            return new JdbcBillingStore(dataSource, Dialect.H2, "h2:" + name, true, JdbcBillingStore.DEFAULT_FETCH_SIZE,
                    null);
        }
        throw new IllegalArgumentException("unsupported database '" + product + "' of " + name
                + ": BillOps stores run on PostgreSQL and H2");
    }

    /**
     * A store for a JDBC URL: {@code jdbc:h2:...} (PostgreSQL mode and the other settings the
     * stores need are added when missing; pooled) or {@code jdbc:postgresql:...}
     * ({@code reWriteBatchedInserts=true} is added when missing; one connection per transaction,
     * so prefer {@link #postgres(DataSource)} with a pool in production).
     *
     * <p>So that a server which accepts connections but never answers fails in seconds instead
     * of hanging, timeouts are added where the URL sets none: for PostgreSQL
     * {@code connectTimeout=10}, {@code loginTimeout=10} and {@code socketTimeout=120} (seconds),
     * for an H2 server ({@code jdbc:h2:tcp:} or {@code jdbc:h2:ssl:}) {@code NETWORK_TIMEOUT=10000}
     * (milliseconds). A value in the URL wins; {@code 0} switches a timeout off.
     *
     * @throws IllegalArgumentException for any other database
     */
    public static JdbcBillingStore of(String jdbcUrl) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) {
            StringBuilder url = new StringBuilder(jdbcUrl);
            String settings = H2_SETTINGS;
            if (lower.startsWith("jdbc:h2:tcp:") || lower.startsWith("jdbc:h2:ssl:")) {
                settings += ";" + H2_NETWORK_TIMEOUT;
            }
            for (String setting : settings.substring(1).split(";")) {
                String key = setting.substring(0, setting.indexOf('=') + 1).toLowerCase(Locale.ROOT);
                if (!lower.contains(";" + key)) {
                    url.append(';').append(setting);
                }
            }
            return h2Url(url.toString(), jdbcUrl);
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            String url = jdbcUrl;
            if (!lower.contains("rewritebatchedinserts")) {
                url += (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
            }
            for (String setting : POSTGRES_TIMEOUTS.split("&")) {
                String key = setting.substring(0, setting.indexOf('=') + 1).toLowerCase(Locale.ROOT);
                if (!lower.contains("?" + key) && !lower.contains("&" + key)) {
                    url += (url.contains("?") ? "&" : "?") + setting;
                }
            }
            return new JdbcBillingStore(new DriverManagerDataSource(url), Dialect.POSTGRESQL, redact(jdbcUrl), true,
                    JdbcBillingStore.DEFAULT_FETCH_SIZE, null);
        }
        throw new IllegalArgumentException("unsupported JDBC URL '" + redact(jdbcUrl)
                + "': BillOps stores run on PostgreSQL (jdbc:postgresql:) and H2 (jdbc:h2:)");
    }

    private static JdbcBillingStore h2Url(String url, String name) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(H2_MAX_CONNECTIONS);
        return new JdbcBillingStore(pool, Dialect.H2, name, true, JdbcBillingStore.DEFAULT_FETCH_SIZE, pool::dispose);
    }

    /** The URL without its query string, which may hold a password. */
    private static String redact(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?…";
    }

    /** A DataSource that opens a new connection per call, for URLs given without a pool. */
    private static final class DriverManagerDataSource implements DataSource {
        private final String url;

        DriverManagerDataSource(String url) {
            this.url = url;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return DriverManager.getConnection(url, username, password);
        }

        @Override
        public PrintWriter getLogWriter() {
            return new PrintWriter(Writer.NULL);
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException("no java.util.logging here");
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }

    private static final class Writer {
        static final java.io.Writer NULL = java.io.Writer.nullWriter();
    }
}
