package dev.billops.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.StoreUnavailableException;
import dev.billops.core.id.EventId;
import dev.billops.testkit.clock.MutableClock;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The table-backed delivery log on H2 and PostgreSQL; its table comes from migration V4. */
class JdbcDeliveryLogTest {

    private static void assertAddContainsIdempotent(JdbcBillingStore store) {
        JdbcDeliveryLog log = store.deliveryLog();
        EventId e = EventId.generate();
        assertFalse(log.contains("slack", e));
        log.add("slack", e);
        log.add("slack", e);
        assertTrue(log.contains("slack", e));
        assertFalse(log.contains("smtp", e));
        assertTrue(store.migrate(false).deliveryLog().contains("slack", e), "a second log on the table sees it");
    }

    private static void assertPurgeForgetsOnlyOlder(JdbcBillingStore store) {
        MutableClock clock = MutableClock.of(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
        JdbcDeliveryLog log = store.deliveryLog(clock);
        EventId old = EventId.generate();
        EventId recent = EventId.generate();
        log.add("purge-test", old);
        clock.advance(Duration.ofDays(30));
        log.add("purge-test", recent);
        assertEquals(1, log.purgeBefore(Instant.parse("2026-06-15T00:00:00Z")));
        assertFalse(log.contains("purge-test", old));
        assertTrue(log.contains("purge-test", recent));
    }

    @Test
    void add_thenContains_h2_repeatedAddIsNoOp() {
        try (JdbcBillingStore store = JdbcStores.h2InMemory("delivery-" + System.nanoTime())) {
            assertAddContainsIdempotent(store);
        }
    }

    @Test
    void add_thenContains_postgres_repeatedAddIsNoOp() {
        try (PostgresTestDatabase db = PostgresTestDatabase.open("delivery1")) {
            assertAddContainsIdempotent(JdbcStores.postgres(db.dataSource()));
        }
    }

    @Test
    void purgeBefore_h2_forgetsOnlyOlderDeliveries() {
        try (JdbcBillingStore store = JdbcStores.h2InMemory("delivery-" + System.nanoTime())) {
            assertPurgeForgetsOnlyOlder(store);
        }
    }

    @Test
    void purgeBefore_postgres_forgetsOnlyOlderDeliveries() {
        try (PostgresTestDatabase db = PostgresTestDatabase.open("delivery2")) {
            assertPurgeForgetsOnlyOlder(JdbcStores.postgres(db.dataSource()));
        }
    }

    @Test
    void add_receiverLongerThanTheColumn_invalidInputNamingItAndNothingStored() {
        try (JdbcBillingStore store = JdbcStores.h2InMemory("delivery-" + System.nanoTime())) {
            JdbcDeliveryLog log = store.deliveryLog();
            String receiver = "r".repeat(JdbcDeliveryLog.MAX_RECEIVER_LENGTH + 1);
            EventId event = EventId.generate();
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> log.add(receiver, event));
            assertTrue(e.getMessage().contains("201 characters"), e.getMessage());
            assertFalse(log.contains(receiver, event));
        }
    }

    @Test
    void deliveryLog_storeWithoutMigrations_failsNamingTheMigrationAndCreatesNothing() throws Exception {
        String name = "bare-" + System.nanoTime();
        try (JdbcBillingStore bare = JdbcStores.h2InMemory(name).migrate(false)) {
            SchemaMigrationException e = assertThrows(SchemaMigrationException.class, bare::deliveryLog);
            assertTrue(e.getMessage().contains("V4__plugin_delivery.sql"), e.getMessage());
            try (Connection c = DriverManager.getConnection("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1"
                    + JdbcStores.H2_SETTINGS, "sa", "");
                    ResultSet tables = c.getMetaData().getTables(null, null, JdbcDeliveryLog.TABLE, null)) {
                assertFalse(tables.next(), "the log created its table itself");
            }
        }
    }

    @Test
    void deliveryLog_databaseUnreachable_storeUnavailable() {
        try (JdbcBillingStore nowhere = JdbcStores.of("jdbc:h2:tcp://127.0.0.1:1/mem:nothing").migrate(false)) {
            assertThrows(StoreUnavailableException.class, nowhere::deliveryLog);
        }
    }
}
