package dev.billops.spi.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.billops.core.event.BillingEvent;
import dev.billops.core.event.InvoiceVoided;
import dev.billops.core.id.EventId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.TenantId;
import dev.billops.jdbc.JdbcBillingStore;
import dev.billops.spi.TestPlugins.Behaviour;
import dev.billops.spi.TestPlugins.RecordingListener;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Event delivery with billing-jdbc's delivery log, on the database the subclass gives. */
abstract class DurableDeliveryTests {

    /** A migrated store; the subclass closes it. */
    abstract JdbcBillingStore store();

    @Test
    void deliver_afterRestart_newLogOnSameTable_listenerNotCalledAgain() {
        BillingEvent voided = new InvoiceVoided(EventId.generate(), Instant.parse("2026-12-01T10:00:00Z"),
                InvoiceId.of("inv-9"), "INV-9");
        RecordingListener listener = new RecordingListener("crm", Set.of(), Behaviour.ok());
        try (PluginRegistry first = PluginRegistry.builder().register(listener).build()) {
            new EventDelivery(first, store().deliveryLog()).deliver(TenantId.of("t"), voided);
        }
        try (PluginRegistry restarted = PluginRegistry.builder().register(listener).build()) {
            DeliveryReport r = new EventDelivery(restarted, store().deliveryLog()).deliver(TenantId.of("t"), voided);
            assertEquals(List.of("crm"), r.alreadyDelivered());
        }
        assertEquals(1, listener.calls.get());
    }
}
