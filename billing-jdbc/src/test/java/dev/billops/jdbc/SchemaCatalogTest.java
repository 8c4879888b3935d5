package dev.billops.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The migrated schema can be distributed by tenant_id without changes: every primary key starts
 * with tenant_id, every unique constraint and foreign key includes it, foreign keys reference the
 * parent's whole primary key, and no unique constraint or secondary index leads with tenant_id (such an index wins
 * primary-key lookups while a table is young; see V5__tenant_keys.sql).
 */
class SchemaCatalogTest {

    /** Tables that hold no tenant's data, with the reason; a distributing host keeps them local. */
    static final Map<String, String> GLOBAL = Map.of(
            "billops_schema_history", "the migrator's own record of the scripts this database has applied",
            "billops_plugin_delivery", "which plugin received which outbox event, keyed by receiver and event id "
                    + "(unique across tenants); the DeliveryLog port that writes it carries no tenant");

    private static final String FIXTURE = """
            CREATE TABLE good_parent (tenant_id VARCHAR(64) NOT NULL, id VARCHAR(64) NOT NULL, code VARCHAR(64),
                CONSTRAINT pk_good_parent PRIMARY KEY (tenant_id, id),
                CONSTRAINT uq_good_parent_code UNIQUE (code, tenant_id));
            CREATE INDEX ix_good_parent_code ON good_parent (code, tenant_id, id);
            CREATE TABLE good_child (tenant_id VARCHAR(64) NOT NULL, parent_id VARCHAR(64) NOT NULL, seq INTEGER NOT NULL,
                CONSTRAINT pk_good_child PRIMARY KEY (tenant_id, parent_id, seq),
                CONSTRAINT fk_good_child FOREIGN KEY (tenant_id, parent_id) REFERENCES good_parent (tenant_id, id));
            CREATE TABLE bad_no_key (tenant_id VARCHAR(64) NOT NULL, id VARCHAR(64) NOT NULL);
            CREATE TABLE bad_global (id VARCHAR(64) NOT NULL, CONSTRAINT pk_bad_global PRIMARY KEY (id));
            CREATE TABLE bad_unique (tenant_id VARCHAR(64) NOT NULL, id VARCHAR(64) NOT NULL, code VARCHAR(64),
                CONSTRAINT pk_bad_unique PRIMARY KEY (tenant_id, id),
                CONSTRAINT uq_bad_unique_code UNIQUE (code),
                CONSTRAINT uq_bad_unique_lead UNIQUE (tenant_id, code));
            CREATE UNIQUE INDEX ux_bad_unique_id ON bad_unique (id);
            CREATE INDEX ix_bad_unique_tenant ON bad_unique (tenant_id, code);
            CREATE TABLE bad_fk (tenant_id VARCHAR(64) NOT NULL, id VARCHAR(64) NOT NULL, parent_code VARCHAR(64),
                parent_id VARCHAR(64),
                CONSTRAINT pk_bad_fk PRIMARY KEY (tenant_id, id),
                CONSTRAINT fk_bad_fk_code FOREIGN KEY (parent_code) REFERENCES bad_unique (code),
                CONSTRAINT fk_bad_fk_unique FOREIGN KEY (parent_code, tenant_id) REFERENCES good_parent (code, tenant_id),
                CONSTRAINT fk_bad_fk_swapped FOREIGN KEY (parent_id, tenant_id) REFERENCES good_parent (tenant_id, id));
            """;

    private static final List<String> FIXTURE_VIOLATIONS = List.of(
            "bad_fk: foreign key fk_bad_fk_code [parent_code] lacks tenant_id",
            "bad_fk: foreign key fk_bad_fk_swapped [parent_id, tenant_id] does not match pk_good_parent "
                    + "[tenant_id, id] tenant_id to tenant_id",
            "bad_fk: foreign key fk_bad_fk_unique references uq_good_parent_code, not a primary key",
            "bad_global: primary key pk_bad_global [id] does not start with tenant_id",
            "bad_no_key: no primary key",
            "bad_unique: index ix_bad_unique_tenant [tenant_id, code] leads with tenant_id and competes with the "
                    + "primary key for lookups by it",
            "bad_unique: unique constraint uq_bad_unique_code [code] lacks tenant_id",
            "bad_unique: unique constraint uq_bad_unique_lead [tenant_id, code] leads with tenant_id and competes "
                    + "with the primary key for lookups by it",
            "bad_unique: unique index ux_bad_unique_id [id] lacks tenant_id");

    @Test
    void postgres_migratedSchema_everyKeyIncludesTenant() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.open("catalog")) {
            JdbcStores.postgres(db.dataSource()).migrator().migrate();
            try (Connection c = db.connect()) {
                assertDistributable(new TenantKeyCatalog(c, db.schema()));
            }
        }
    }

    @Test
    void postgres_fixtureWithBadTables_reportsEachOfThem() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.open("catalogbad"); Connection c = db.connect()) {
            create(c, FIXTURE);
            assertEquals(FIXTURE_VIOLATIONS, new TenantKeyCatalog(c, db.schema()).violations(java.util.Set.of()));
        }
    }

    @Test
    void h2_migratedSchema_everyKeyIncludesTenant() throws Exception {
        String name = "catalog-" + System.nanoTime();
        try (JdbcBillingStore store = JdbcStores.h2InMemory(name)) {
            store.migrator().migrate();
            try (Connection c = DriverManager.getConnection(h2Url(name), "sa", "")) {
                assertDistributable(new TenantKeyCatalog(c, "public"));
            }
        }
    }

    @Test
    void h2_fixtureWithBadTables_reportsEachOfThem() throws Exception {
        try (Connection c = DriverManager.getConnection(h2Url("catalogbad-" + System.nanoTime()), "sa", "")) {
            create(c, FIXTURE);
            assertEquals(FIXTURE_VIOLATIONS, new TenantKeyCatalog(c, "public").violations(java.util.Set.of()));
        }
    }

    private static void assertDistributable(TenantKeyCatalog catalog) throws SQLException {
        List<String> tables = catalog.tables();
        assertTrue(tables.contains("billops_invoice") && tables.contains("billops_invoice_line"), tables.toString());
        assertTrue(tables.containsAll(GLOBAL.keySet()), "every table listed as global exists: " + tables);
        assertEquals(List.of(), catalog.violations(GLOBAL.keySet()));
    }

    private static void create(Connection c, String script) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : script.split(";")) {
                if (!sql.isBlank()) {
                    s.execute(sql);
                }
            }
        }
    }

    private static String h2Url(String name) {
        return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + JdbcStores.H2_SETTINGS;
    }
}
