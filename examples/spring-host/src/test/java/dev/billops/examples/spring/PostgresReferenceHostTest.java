package dev.billops.examples.spring;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The reference host on PostgreSQL ({@code BILLOPS_TEST_POSTGRES_URL}), in a schema of its own that
 * is dropped afterwards. CI sets the variable.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnabledIfEnvironmentVariable(named = "BILLOPS_TEST_POSTGRES_URL", matches = ".+")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PostgresReferenceHostTest extends ReferenceHostTests {

    private static final String URL = System.getenv("BILLOPS_TEST_POSTGRES_URL");
    private static final String SCHEMA = "billops_t_host_" + Long.toHexString(ThreadLocalRandom.current().nextLong()
            & 0xffffffffL);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + SCHEMA);
        }
        registry.add("spring.datasource.url", () -> URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA
                + "&reWriteBatchedInserts=true");
        registry.add("billops.host.jwt-secret", () -> Http.SECRET);
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            // the host's pool may still hold connections to the schema: drop what is in it
            s.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
        }
    }
}
