package dev.billops.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/**
 * A host that runs the shipped scripts with its own Flyway (the README's recipe) gets exactly the
 * schema the built-in migrator makes: same tables, columns and types, defaults, keys, indexes and
 * constraints, on H2 and on PostgreSQL. Whatever scripts the jar holds are compared, so a new
 * version is covered by adding it.
 */
class FlywaySchemaTest {

    /** The history table the README recommends for the BillOps scripts under a host's Flyway. */
    static final String FLYWAY_HISTORY = "billops_flyway_history";

    /** Names the databases generate (H2's index names, PostgreSQL's NOT NULL checks), which differ run to run. */
    private static final Pattern GENERATED = Pattern.compile("(?i)(primary_key_|constraint_|fk_index_|sys_)\\w*|\\d+_\\d+_\\d+_not_null");

    @Test
    void flyway_onH2_givesTheSchemaOfTheBuiltInMigrator() throws Exception {
        String builtIn = "flyway-builtin-" + System.nanoTime();
        String byFlyway = "flyway-flyway-" + System.nanoTime();
        try (JdbcBillingStore store = JdbcStores.h2InMemory(builtIn);
                JdbcBillingStore flywayStore = JdbcStores.h2InMemory(byFlyway).migrate(false)) {
            store.migrator().migrate();
            String url = "jdbc:h2:mem:" + byFlyway + ";DB_CLOSE_DELAY=-1" + JdbcStores.H2_SETTINGS;
            MigrateResult result = Flyway.configure()
                    .dataSource(url, "sa", "")
                    .locations("classpath:" + Dialect.H2.migrationFolder())
                    .table(FLYWAY_HISTORY)
                    .load()
                    .migrate();
            assertEquals(SchemaMigrator.SCRIPTS.size(), result.migrationsExecuted);

            List<String> expected = describe(() -> DriverManager.getConnection("jdbc:h2:mem:" + builtIn, "sa", ""),
                    "public");
            List<String> actual = describe(() -> DriverManager.getConnection(url, "sa", ""), "public");
            assertTrue(expected.contains("table billops_plugin_delivery"), String.join("\n", expected));
            assertEquals(String.join("\n", expected), String.join("\n", actual));
            assertEquals(List.of(), flywayStore.tenantIds(), "the stores work on the schema Flyway made");
        }
    }

    @Test
    void flyway_baselineOnADatabaseOfTheBuiltInMigrator_appliesNothingAndKeepsTheSchema() throws Exception {
        String name = "flyway-baseline-" + System.nanoTime();
        try (JdbcBillingStore store = JdbcStores.h2InMemory(name)) {
            store.migrator().migrate();
            String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + JdbcStores.H2_SETTINGS;
            List<String> before = describe(() -> DriverManager.getConnection(url, "sa", ""), "public");
            int highest = store.migrator().scripts().get(store.migrator().scripts().size() - 1).version();
            MigrateResult result = Flyway.configure()
                    .dataSource(url, "sa", "")
                    .locations("classpath:" + Dialect.H2.migrationFolder())
                    .table(FLYWAY_HISTORY)
                    .baselineOnMigrate(true)
                    .baselineVersion(String.valueOf(highest))
                    .load()
                    .migrate();
            assertEquals(0, result.migrationsExecuted);
            assertEquals(before, describe(() -> DriverManager.getConnection(url, "sa", ""), "public"));
        }
    }

    @Test
    void flyway_onPostgres_givesTheSchemaOfTheBuiltInMigrator() throws Exception {
        try (PostgresTestDatabase builtIn = PostgresTestDatabase.open("flywaybuiltin");
                PostgresTestDatabase byFlyway = PostgresTestDatabase.open("flywayflyway")) {
            JdbcStores.postgres(builtIn.dataSource()).migrator().migrate();
            MigrateResult result = Flyway.configure()
                    .dataSource(byFlyway.unpooledDataSource())
                    .schemas(byFlyway.schema())
                    .locations("classpath:" + Dialect.POSTGRESQL.migrationFolder())
                    .table(FLYWAY_HISTORY)
                    .load()
                    .migrate();
            assertEquals(SchemaMigrator.SCRIPTS.size(), result.migrationsExecuted);

            List<String> expected = describe(builtIn::connect, builtIn.schema());
            List<String> actual = describe(byFlyway::connect, byFlyway.schema());
            assertTrue(expected.contains("table billops_plugin_delivery"), String.join("\n", expected));
            assertEquals(String.join("\n", expected), String.join("\n", actual));
            JdbcBillingStore flywayStore = JdbcStores.postgres(byFlyway.dataSource()).migrate(false);
            assertEquals(List.of(), flywayStore.tenantIds(), "the stores work on the schema Flyway made");
        }
    }

    interface Connector {
        Connection connect() throws SQLException;
    }

    /** The schema's BillOps tables, one sorted line per table, column, key, index and constraint. */
    static List<String> describe(Connector connector, String schema) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = connector.connect()) {
            DatabaseMetaData md = c.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = md.getTables(null, schema, "billops\\_%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String t = rs.getString("TABLE_NAME");
                    if (!t.equals(SchemaMigrator.HISTORY_TABLE) && !t.equals(FLYWAY_HISTORY)) {
                        tables.add(t);
                    }
                }
            }
            for (String t : tables) {
                out.add("table " + t);
                try (ResultSet rs = md.getColumns(null, schema, t, null)) {
                    while (rs.next()) {
                        out.add("column " + t + "." + rs.getString("COLUMN_NAME") + " " + rs.getString("TYPE_NAME")
                                + "(" + rs.getInt("COLUMN_SIZE") + "," + rs.getInt("DECIMAL_DIGITS") + ") nullable="
                                + rs.getString("IS_NULLABLE") + " default=" + rs.getString("COLUMN_DEF")
                                + " position=" + rs.getInt("ORDINAL_POSITION"));
                    }
                }
                try (ResultSet rs = md.getPrimaryKeys(null, schema, t)) {
                    while (rs.next()) {
                        out.add("pk " + t + " " + name(rs.getString("PK_NAME")) + " " + rs.getString("COLUMN_NAME")
                                + "#" + rs.getInt("KEY_SEQ"));
                    }
                }
                try (ResultSet rs = md.getImportedKeys(null, schema, t)) {
                    while (rs.next()) {
                        out.add("fk " + t + " " + name(rs.getString("FK_NAME")) + " " + rs.getString("FKCOLUMN_NAME")
                                + " -> " + rs.getString("PKTABLE_NAME") + "." + rs.getString("PKCOLUMN_NAME")
                                + " delete=" + rs.getInt("DELETE_RULE"));
                    }
                }
                try (ResultSet rs = md.getIndexInfo(null, schema, t, false, false)) {
                    while (rs.next()) {
                        if (rs.getString("INDEX_NAME") != null) {
                            out.add("index " + t + " " + name(rs.getString("INDEX_NAME")) + " unique="
                                    + !rs.getBoolean("NON_UNIQUE") + " " + rs.getString("COLUMN_NAME") + "#"
                                    + rs.getInt("ORDINAL_POSITION") + " " + rs.getString("ASC_OR_DESC")
                                    + " filter=" + rs.getString("FILTER_CONDITION"));
                        }
                    }
                }
            }
            Map<String, String> checks = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT tc.table_name, tc.constraint_name, "
                    + "tc.constraint_type FROM information_schema.table_constraints tc WHERE tc.table_schema = ? "
                    + "AND tc.table_name LIKE 'billops\\_%'")) {
                ps.setString(1, schema);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String t = rs.getString(1);
                        if (!t.equals(SchemaMigrator.HISTORY_TABLE) && !t.equals(FLYWAY_HISTORY)
                                && !GENERATED.matcher(rs.getString(2)).matches()) {
                            out.add("constraint " + t + " " + rs.getString(2) + " " + rs.getString(3));
                            checks.put(rs.getString(2), t);
                        }
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT constraint_name, check_clause FROM "
                    + "information_schema.check_constraints WHERE constraint_schema = ?")) {
                ps.setString(1, schema);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (checks.containsKey(rs.getString(1))) {
                            out.add("check " + rs.getString(1) + " " + rs.getString(2));
                        }
                    }
                }
            }
        }
        out.sort(null);
        return out;
    }

    private static String name(String name) {
        return name == null || GENERATED.matcher(name.toLowerCase(Locale.ROOT)).matches() ? "<generated>" : name;
    }

}
