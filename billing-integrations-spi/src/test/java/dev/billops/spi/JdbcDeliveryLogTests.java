package dev.billops.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.event.BillingEvent;
import dev.billops.core.event.InvoiceVoided;
import dev.billops.core.id.EventId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.TenantId;
import dev.billops.spi.TestPlugins.Behaviour;
import dev.billops.spi.TestPlugins.RecordingListener;
import dev.billops.testkit.clock.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The table-backed delivery log on the database the subclass gives. */
abstract class JdbcDeliveryLogTests {

    abstract DataSource dataSource();

    @Test
    void add_thenContains_repeatedAddIsNoOp() {
        JdbcDeliveryLog log = JdbcDeliveryLog.create(dataSource());
        EventId e = EventId.generate();
        assertFalse(log.contains("slack", e));
        log.add("slack", e);
        log.add("slack", e);
        assertTrue(log.contains("slack", e));
        assertFalse(log.contains("smtp", e));
    }

    @Test
    void deliver_afterRestart_newLogOnSameTable_listenerNotCalledAgain() {
        BillingEvent voided = new InvoiceVoided(EventId.generate(), Instant.parse("2026-12-01T10:00:00Z"),
                InvoiceId.of("inv-9"), "INV-9");
        RecordingListener listener = new RecordingListener("crm", Set.of(), Behaviour.ok());
        try (PluginRegistry first = PluginRegistry.builder().register(listener).build()) {
            new EventDelivery(first, JdbcDeliveryLog.create(dataSource())).deliver(TenantId.of("t"), voided);
        }
        try (PluginRegistry restarted = PluginRegistry.builder().register(listener).build()) {
            DeliveryReport r = new EventDelivery(restarted, JdbcDeliveryLog.create(dataSource()))
                    .deliver(TenantId.of("t"), voided);
            assertEquals(List.of("crm"), r.alreadyDelivered());
        }
        assertEquals(1, listener.calls.get());
    }

    @Test
    void purgeBefore_forgetsOnlyOlderDeliveries() {
        MutableClock clock = MutableClock.of(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
        JdbcDeliveryLog log = JdbcDeliveryLog.create(dataSource(), clock);
        EventId old = EventId.generate();
        EventId recent = EventId.generate();
        log.add("purge-test", old);
        clock.advance(Duration.ofDays(30));
        log.add("purge-test", recent);
        assertTrue(log.purgeBefore(Instant.parse("2026-06-15T00:00:00Z")) >= 1);
        assertFalse(log.contains("purge-test", old));
        assertTrue(log.contains("purge-test", recent));
    }
}
