package dev.billops.examples.pgonly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.TenantId;
import dev.billops.core.money.Currencies;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.jdbc.JdbcBillingStore;
import dev.billops.jdbc.JdbcStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A host that declares only {@code billing-jdbc} and the PostgreSQL driver gets no H2 jar, and
 * billing still works for it.
 */
class PostgresOnlyHostTest {

    private static final String POSTGRES_URL_ENV = "BILLOPS_TEST_POSTGRES_URL";

    @Test
    void runtimeDependencies_postgresOnlyHost_containNoH2() throws Exception {
        Path listing = Path.of(System.getProperty("billops.runtimeDependencies", "target/runtime-dependencies.txt"));
        List<String> lines = Files.readAllLines(listing);
        assertTrue(lines.stream().anyMatch(l -> l.contains("dev.billops:billing-jdbc:jar")), () -> "no billing-jdbc in " + lines);
        assertTrue(lines.stream().anyMatch(l -> l.contains("org.postgresql:postgresql:jar")), () -> "no driver in " + lines);
        assertFalse(lines.stream().anyMatch(l -> l.contains("com.h2database")), () -> "H2 reached the host: " + lines);
    }

    @Test
    void classPath_postgresOnlyHost_hasNoH2Driver() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.h2.Driver"));
    }

    @Test
    void billing_onPostgresWithoutH2OnTheClassPath_storesAndReadsAClient() throws Exception {
        String url = System.getenv(POSTGRES_URL_ENV);
        Assumptions.assumeTrue(url != null && !url.isBlank(), POSTGRES_URL_ENV + " is not set; PostgreSQL tests skipped");
        String schema = "billops_t_pgonly_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(url);
            dataSource.setCurrentSchema(schema);
            JdbcBillingStore store = JdbcStores.postgres(dataSource);
            try {
                Billing billing = Billing.builder().stores(store).build();
                TenantBilling acme = billing.tenant(TenantId.of("acme"), Actor.user("alice@acme.test"));
                Client client = acme.clients().create(Client.of(ClientId.generate(), "Globex GmbH",
                        Address.of("Hauptstr. 1", "10115", "Berlin", "DE"), Currencies.of("EUR")));
                assertEquals("Globex GmbH", acme.clients().get(client.id()).name());
            } finally {
                store.close();
            }
        } finally {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
