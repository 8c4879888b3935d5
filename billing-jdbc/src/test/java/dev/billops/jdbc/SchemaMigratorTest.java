package dev.billops.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.error.StoreFailureException;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.core.id.TenantId;
import dev.billops.core.party.Tenant;
import dev.billops.core.party.TenantPolicies;
import dev.billops.core.spi.TenantStore;
import dev.billops.jdbc.internal.SqlScript;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SchemaMigratorTest {

    private static String h2Url(String name) {
        return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + JdbcStores.H2_SETTINGS;
    }

    private static long count(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void migrate_twice_secondIsNoOp() throws Exception {
        String name = "mig-" + System.nanoTime();
        try (JdbcBillingStore store = JdbcStores.h2InMemory(name)) {
            assertEquals(SchemaMigrator.SCRIPTS, store.migrator().migrate());
            assertEquals(List.of(), store.migrator().migrate());
            assertEquals(SchemaMigrator.SCRIPTS.size(),
                    count(h2Url(name), "SELECT COUNT(*) FROM billops_schema_history"));
            store.inTransaction(TenantId.of("acme"), s -> s.get(TenantStore.class).find());
        }
    }

    @Test
    void v2_tenantRowWrittenWithTheV1ColumnsOnly_readsWithTheDefaultPolicies() throws Exception {
        String name = "mig-" + System.nanoTime();
        try (JdbcBillingStore store = JdbcStores.h2InMemory(name)) {
            store.migrator().migrate();
            // what a tenant stored before V2 looks like: V2 gave it the column defaults
            execute(h2Url(name), "INSERT INTO billops_tenant (tenant_id, name, postal_code, city, country_code, "
                    + "default_vat_rate, default_vat_rate_scale) VALUES ('old', 'Old GmbH', '10115', 'Berlin', 'DE', "
                    + "19, 0)");
            Tenant old = store.inTransaction(TenantId.of("old"), s -> s.get(TenantStore.class).find()).orElseThrow();
            assertEquals(TenantPolicies.defaults(), old.policies());
        }
    }

    @Test
    void v9_linesStoredWithTheOldUnitNames_readWithTheirRecommendation20Codes() throws Exception {
        String name = "mig-" + System.nanoTime();
        try (JdbcBillingStore store = JdbcStores.h2InMemory(name); Billing billing = Billing.builder().stores(store).build()) {
            TenantBilling acme = billing.tenant("acme", Actor.user("alice"));
            Address berlin = Address.of("Hauptstr. 1", "10115", "Berlin", "DE");
            acme.profile().save(Tenant.of(acme.tenantId(), "Acme GmbH", berlin));
            Client client = acme.clients().create("Globex GmbH", berlin, "EUR");
            InvoiceId id = acme.invoices().createDraft(client.id()).id();
            for (UnitCode unit : List.of(UnitCode.HOUR, UnitCode.DAY, UnitCode.MONTH, UnitCode.PIECE, UnitCode.KILOGRAM)) {
                acme.invoices().addLine(id, InvoiceLine.of("Work", BigDecimal.ONE, unit, UnitPrice.of("EUR", "10"),
                        TaxTreatment.zeroRated()));
            }
            // what V1..V8 wrote: the names of the four units then known
            execute(h2Url(name), "UPDATE billops_invoice_line SET unit = CASE unit WHEN 'HUR' THEN 'HOUR' "
                    + "WHEN 'MON' THEN 'MONTH' WHEN 'C62' THEN 'PIECE' ELSE unit END");
            assertEquals(1, count(h2Url(name), "SELECT COUNT(*) FROM billops_invoice_line WHERE unit = 'HOUR'"));
            String v9 = store.migrator().scripts().stream().filter(sc -> sc.version() == 9).findFirst().orElseThrow().sql();
            execute(h2Url(name), v9);
            assertEquals(List.of(UnitCode.HOUR, UnitCode.DAY, UnitCode.MONTH, UnitCode.PIECE, UnitCode.KILOGRAM),
                    acme.invoices().get(id).lines().stream().map(InvoiceLine::unit).toList());
        }
    }

    @Test
    void firstUse_migratesItself() throws Exception {
        String name = "mig-" + System.nanoTime();
        try (JdbcBillingStore store = JdbcStores.h2InMemory(name)) {
            assertEquals(List.of(), store.tenantIds());
            assertEquals(SchemaMigrator.SCRIPTS.size(),
                    count(h2Url(name), "SELECT COUNT(*) FROM billops_schema_history"));
        }
    }

    @Test
    void migrateFalse_createsNothing() throws Exception {
        String name = "mig-" + System.nanoTime();
        try (JdbcBillingStore store = JdbcStores.h2InMemory(name).migrate(false)) {
            StoreFailureException e = assertThrows(StoreFailureException.class, store::tenantIds,
                    "no schema: the host's Flyway did not run");
            assertEquals("42S04", e.sqlState().orElseThrow(), "H2's state of a missing table: " + e);
            assertEquals(0, count(h2Url(name), "SELECT COUNT(*) FROM information_schema.tables "
                    + "WHERE table_name LIKE 'billops%'"));
        }
    }

    @Test
    void migrate_appliedScriptChanged_refusedNamingScriptAndChecksums() throws Exception {
        String name = "mig-" + System.nanoTime();
        try (JdbcBillingStore store = JdbcStores.h2InMemory(name)) {
            store.migrator().migrate();
            execute(h2Url(name), "UPDATE billops_schema_history SET checksum = 'abc123' WHERE version = 1");
            SchemaMigrationException e = assertThrows(SchemaMigrationException.class, () -> store.migrator().migrate());
            assertTrue(e.getMessage().contains("V1__init.sql was changed after it was applied"), e.getMessage());
            assertTrue(e.getMessage().contains("abc123"), e.getMessage());
            JdbcBillingStore fresh = JdbcStores.of(h2Url(name));
            assertThrows(SchemaMigrationException.class, fresh::tenantIds, "a store refuses to start on it");
        }
    }

    @Test
    void migrate_databaseNewerThanJar_refused() throws Exception {
        String name = "mig-" + System.nanoTime();
        try (JdbcBillingStore store = JdbcStores.h2InMemory(name)) {
            store.migrator().migrate();
            execute(h2Url(name), "INSERT INTO billops_schema_history VALUES (99, 'future', 'V99__future.sql', 'x', "
                    + "TIMESTAMP '2030-01-01 00:00:00', 1)");
            SchemaMigrationException e = assertThrows(SchemaMigrationException.class, () -> store.migrator().migrate());
            assertTrue(e.getMessage().contains("schema version 99"), e.getMessage());
        }
    }

    @Test
    void migrate_postgres_twiceIsNoOpAndChangedScriptRefused() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.open("migrator")) {
            JdbcBillingStore store = JdbcStores.postgres(db.dataSource());
            assertEquals(SchemaMigrator.SCRIPTS, store.migrator().migrate());
            assertEquals(List.of(), store.migrator().migrate());
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("UPDATE billops_schema_history SET checksum = 'abc123'");
            }
            assertThrows(SchemaMigrationException.class, () -> store.migrator().migrate());
        }
    }

    @Test
    void migrate_postgres_twoStoresAtOnce_applyOnce() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.open("migrator2")) {
            List<List<String>> applied = ConcurrencyTests.race(4,
                    i -> JdbcStores.postgres(db.dataSource()).migrator().migrate());
            assertEquals(1, applied.stream().filter(a -> !a.isEmpty()).count(), "exactly one applied V1");
        }
    }

    @Test
    void scripts_eachDialectFolderHoldsExactlyTheListedScripts() throws IOException {
        for (Dialect d : Dialect.values()) {
            Path folder = Path.of("src/main/resources").resolve(d.migrationFolder());
            try (Stream<Path> files = Files.list(folder)) {
                // in version order: V10 after V9
                assertEquals(SchemaMigrator.SCRIPTS, files.map(p -> p.getFileName().toString())
                        .sorted(java.util.Comparator.comparingInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))))
                        .toList(), d.name());
            }
        }
    }

    @Test
    void scripts_everyTableIsPrefixed() {
        int tables = 0;
        for (Dialect d : Dialect.values()) {
            for (SchemaMigrator.Script s : new SchemaMigrator(org.jdbi.v3.core.Jdbi.create("jdbc:h2:mem:"), d, "x")
                    .scripts()) {
                for (String statement : SqlScript.statements(s.sql())) {
                    String sql = statement.replaceAll("(?m)^\\s*--.*$", "").trim();
                    if (sql.startsWith("CREATE TABLE")) {
                        tables++;
                        assertTrue(sql.matches("(?s)CREATE TABLE (IF NOT EXISTS )?billops_.*"), sql);
                    } else if (sql.startsWith("CREATE INDEX")) {
                        assertTrue(sql.matches("(?s)CREATE INDEX (IF NOT EXISTS )?ix_billops_\\w+ ON billops_.*"), sql);
                    }
                }
            }
        }
        assertEquals(2 * 22, tables, "22 tables per dialect");
    }

    @Test
    void statements_splitOnlyOutsideQuotesAndComments() {
        List<String> parts = SqlScript.statements("-- a; comment\nCREATE TABLE t (x VARCHAR(9) DEFAULT 'a;b');\n"
                + "/* c; d */ INSERT INTO \"we;ird\" VALUES ('it''s; ok');\n"
                + "DO $$ BEGIN PERFORM 1; END $$;\n-- trailing;\n");
        assertEquals(3, parts.size(), parts.toString());
        assertTrue(parts.get(0).endsWith("DEFAULT 'a;b')"));
        assertTrue(parts.get(1).endsWith("VALUES ('it''s; ok')"));
        assertEquals("DO $$ BEGIN PERFORM 1; END $$", parts.get(2));
        assertFalse(parts.stream().anyMatch(String::isBlank));
    }
}
