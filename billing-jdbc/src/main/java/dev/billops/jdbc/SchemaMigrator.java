package dev.billops.jdbc;

import dev.billops.core.error.BillingException;
import dev.billops.core.error.StoreUnavailableException;
import dev.billops.jdbc.internal.SqlErrors;
import dev.billops.jdbc.internal.SqlScript;
import dev.billops.jdbc.internal.Transactions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date with the versioned SQL scripts shipped in this jar, and records
 * what it applied in its own history table, {@value #HISTORY_TABLE} (version, script name,
 * SHA-256 checksum, when, how long).
 *
 * <p>The scripts live in {@link Dialect#migrationFolder()} with Flyway-style names
 * ({@code V1__init.sql}, {@code V2__…}), so a host that runs its own Flyway can point it at that
 * folder and open the stores with {@code migrate(false)} instead.
 *
 * <p>Running it again is a no-op. A script that was applied and has changed since (its checksum
 * differs), or a version in the history that this jar does not have, stops it with a
 * {@link SchemaMigrationException} before anything runs. On PostgreSQL all pending scripts run in
 * one transaction under a table lock, so concurrent processes migrate once and a failed script
 * leaves nothing behind; H2 commits DDL as it goes, and its migrations are serialized within the
 * JVM (an embedded database has one process).
 *
 * <p>A database that cannot be reached or does not answer in time gives the retryable
 * {@link StoreUnavailableException}; every other failure is a {@link SchemaMigrationException}
 * whose cause is the database's error. Thread-safe.
 */
public final class SchemaMigrator {

    /** The history table. */
    public static final String HISTORY_TABLE = "billops_schema_history";

    /** The scripts of every dialect, in version order; each dialect folder holds exactly these names. */
    static final List<String> SCRIPTS = List.of("V1__init.sql", "V2__tenant_policies.sql",
            "V3__draft_entry_versions.sql", "V4__plugin_delivery.sql", "V5__tenant_keys.sql",
            "V7__einvoice_terms.sql", "V9__unit_codes.sql", "V10__line_details.sql", "V11__document_terms.sql",
            "V12__price_scale_and_rounding.sql", "V13__prepayment_deductions.sql");

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);
    private static final Pattern NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");
    private static final Map<String, Object> H2_LOCKS = new ConcurrentHashMap<>();

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final String lockKey;
    private final Clock clock = Clock.systemUTC();

    SchemaMigrator(Jdbi jdbi, Dialect dialect, String lockKey) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.lockKey = Objects.requireNonNull(lockKey, "lockKey");
    }

    /** One script of this jar. */
    public record Script(int version, String name, String description, String sql, String checksum) {
    }

    /** The scripts of this dialect in the jar, in version order. */
    public List<Script> scripts() {
        List<Script> out = new ArrayList<>();
        for (String name : SCRIPTS) {
            Matcher m = NAME.matcher(name);
            if (!m.matches()) {
                throw new IllegalStateException("migration script name " + name + " is not V<n>__<words>.sql");
            }
            String sql = read(dialect.migrationFolder() + "/" + name);
            out.add(new Script(Integer.parseInt(m.group(1)), name, m.group(2).replace('_', ' '), sql, checksum(sql)));
        }
        return out;
    }

    /**
     * Applies every script not yet in the history, in version order.
     *
     * @return the names of the scripts applied now; empty if the schema was up to date
     * @throws SchemaMigrationException if an applied script changed, the database is newer than
     *     this jar, or a script fails
     * @throws StoreUnavailableException if the database cannot be reached or does not answer in time
     */
    public List<String> migrate() {
        List<Script> scripts = scripts();
        if (dialect == Dialect.H2) {
            synchronized (H2_LOCKS.computeIfAbsent(lockKey, k -> new Object())) {
                return run(scripts);
            }
        }
        return run(scripts);
    }

    private List<String> run(List<Script> scripts) {
        try {
            createHistoryTable();
            return Transactions.inTransaction(jdbi, h -> {
                if (dialect == Dialect.POSTGRESQL) {
                    h.execute("LOCK TABLE " + HISTORY_TABLE + " IN EXCLUSIVE MODE");
                }
                Map<Integer, String[]> applied = new LinkedHashMap<>();
                h.createQuery("SELECT version, script, checksum FROM " + HISTORY_TABLE + " ORDER BY version")
                        .map((rs, c) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                        .forEach(r -> applied.put(Integer.parseInt(r[0]), r));
                validate(scripts, applied);
                List<String> done = new ArrayList<>();
                for (Script s : scripts) {
                    if (!applied.containsKey(s.version())) {
                        apply(h, s);
                        done.add(s.name());
                    }
                }
                return done;
            });
        } catch (StoreUnavailableException | SchemaMigrationException e) {
            throw e;
        } catch (BillingException e) {
            throw new SchemaMigrationException("migrating the BillOps schema on " + dialect + " failed: "
                    + e.getMessage(), e);
        }
    }

    private void validate(List<Script> scripts, Map<Integer, String[]> applied) {
        Map<Integer, Script> byVersion = new LinkedHashMap<>();
        for (Script s : scripts) {
            byVersion.put(s.version(), s);
        }
        for (Map.Entry<Integer, String[]> e : applied.entrySet()) {
            Script s = byVersion.get(e.getKey());
            if (s == null) {
                throw new SchemaMigrationException("the database has schema version " + e.getKey() + " ("
                        + e.getValue()[1] + ") which this billing-jdbc does not know; it was migrated by a newer "
                        + "version of BillOps");
            }
            if (!s.checksum().equals(e.getValue()[2])) {
                throw new SchemaMigrationException("migration " + s.name() + " was changed after it was applied: "
                        + "checksum " + e.getValue()[2] + " in " + HISTORY_TABLE + ", " + s.checksum() + " in the jar; "
                        + "an applied script must never change, add a new version instead");
            }
        }
    }

    private void apply(Handle h, Script s) {
        long started = System.nanoTime();
        LOG.info("applying BillOps schema migration {} on {}", s.name(), dialect);
        for (String statement : SqlScript.statements(s.sql())) {
            try {
                h.execute(statement);
            } catch (JdbiException e) {
                if (SqlErrors.translate(e, SqlErrors.Phase.STATEMENT) instanceof StoreUnavailableException u) {
                    throw u;
                }
                throw new SchemaMigrationException("migration " + s.name() + " failed at statement: "
                        + firstLine(statement) + " … : " + e.getMessage(), e);
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        h.createUpdate("INSERT INTO " + HISTORY_TABLE + " (version, description, script, checksum, installed_at, "
                + "execution_ms) VALUES (:version, :description, :script, :checksum, :at, :ms)")
                .bind("version", s.version()).bind("description", s.description()).bind("script", s.name())
                .bind("checksum", s.checksum())
                .bind("at", LocalDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC))
                .bind("ms", millis)
                .execute();
    }

    private void createHistoryTable() {
        String ddl = "CREATE TABLE IF NOT EXISTS " + HISTORY_TABLE + " (version INTEGER NOT NULL, "
                + "description VARCHAR(200) NOT NULL, script VARCHAR(200) NOT NULL, checksum VARCHAR(64) NOT NULL, "
                + "installed_at TIMESTAMP(6) NOT NULL, execution_ms BIGINT NOT NULL, "
                + "CONSTRAINT pk_" + HISTORY_TABLE + " PRIMARY KEY (version))";
        try {
            Transactions.withHandle(jdbi, h -> h.execute(ddl));
        } catch (StoreUnavailableException e) {
            throw e;
        } catch (BillingException first) {
            // two processes creating it at once on PostgreSQL: one loses on the catalog's unique index
            try {
                Transactions.withHandle(jdbi, h -> h.execute(ddl));
            } catch (StoreUnavailableException e) {
                e.addSuppressed(first);
                throw e;
            } catch (BillingException second) {
                second.addSuppressed(first);
                throw new SchemaMigrationException("cannot create " + HISTORY_TABLE + ": " + second.getMessage(), second);
            }
        }
    }

    private static String read(String resource) {
        try (InputStream in = SchemaMigrator.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new SchemaMigrationException("migration script " + resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SchemaMigrationException("cannot read migration script " + resource, e);
        }
    }

    /** SHA-256 of the script with line endings normalized, so a checkout on Windows gives the same sum. */
    static String checksum(String sql) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest(sql.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String firstLine(String statement) {
        int nl = statement.indexOf('\n');
        return nl < 0 ? statement : statement.substring(0, nl);
    }
}
