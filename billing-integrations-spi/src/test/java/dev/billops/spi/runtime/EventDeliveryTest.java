package dev.billops.spi.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.event.BillingEvent;
import dev.billops.core.event.InvoiceVoided;
import dev.billops.core.event.TimeEntriesBilled;
import dev.billops.core.id.EventId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.TenantId;
import dev.billops.core.memory.InMemoryBillingStore;
import dev.billops.core.spi.DeliveryLog;
import dev.billops.spi.PluginHealth;
import dev.billops.spi.SpiFixture;
import dev.billops.spi.TestPlugins.Behaviour;
import dev.billops.spi.TestPlugins.RecordingListener;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventDeliveryTest {

    private static final TenantId T = TenantId.of("firm");
    private static final BillingEvent VOIDED = new InvoiceVoided(EventId.of("ev-1"), Instant.parse("2026-12-01T10:00:00Z"),
            InvoiceId.of("inv-1"), "INV-1");
    private static final BillingEvent BILLED = new TimeEntriesBilled(EventId.of("ev-2"),
            Instant.parse("2026-12-01T10:00:00Z"), InvoiceId.of("inv-1"), 3);

    @Test
    void deliver_reachesOnlyListenersInterestedInTheType() {
        RecordingListener all = new RecordingListener("all", Set.of(), Behaviour.ok());
        RecordingListener voids = new RecordingListener("voids", Set.of("invoice.voided"), Behaviour.ok());
        try (PluginRegistry r = PluginRegistry.builder().register(all).register(voids).build()) {
            EventDelivery d = new EventDelivery(r);
            assertEquals(List.of("all", "voids"), d.deliver(T, VOIDED).delivered());
            assertEquals(List.of("all"), d.deliver(T, BILLED).delivered());
            assertEquals(2, all.handled.size());
            assertEquals(List.of(VOIDED), voids.handled);
        }
    }

    @Test
    void deliver_sameEventAgain_listenersThatHandledItAreNotCalledAgain() {
        RecordingListener a = new RecordingListener("a", Set.of(), Behaviour.ok());
        try (PluginRegistry r = PluginRegistry.builder().register(a).build()) {
            EventDelivery d = new EventDelivery(r);
            d.deliver(T, VOIDED);
            DeliveryReport again = d.deliver(T, VOIDED);
            assertEquals(List.of(), again.delivered());
            assertEquals(List.of("a"), again.alreadyDelivered());
            assertEquals(1, a.calls.get());
        }
    }

    @Test
    void deliver_oneListenerFails_othersStillCalled_throws_redeliveryReachesOnlyTheFailedOne() {
        RecordingListener first = new RecordingListener("first", Set.of(), Behaviour.ok());
        RecordingListener failing = new RecordingListener("failing", Set.of(),
                Behaviour.failFirst(1, () -> new IllegalStateException("database of the CRM is down")));
        RecordingListener last = new RecordingListener("last", Set.of(), Behaviour.ok());
        try (PluginRegistry r = PluginRegistry.builder().register(first).register(failing).register(last)
                .retry(RetryPolicy.none()).build()) {
            EventDelivery d = new EventDelivery(r);
            EventDeliveryException e = assertThrows(EventDeliveryException.class, () -> d.deliver(T, VOIDED));
            assertEquals(Set.of("failing"), e.report().failed().keySet());
            assertEquals(List.of("first", "last"), e.report().delivered());
            assertTrue(e.getMessage().contains("failing") && e.getMessage().contains("ev-1"), e.getMessage());
            DeliveryReport retry = d.deliver(T, VOIDED);
            assertEquals(List.of("failing"), retry.delivered());
            assertEquals(List.of("first", "last"), retry.alreadyDelivered());
            assertEquals(1, first.calls.get());
            assertEquals(1, last.calls.get());
            assertEquals(1, failing.handled.size());
            assertEquals(PluginHealth.Status.UP, r.health().get("failing").status());
        }
    }

    @Test
    void deliver_listenerHangs_timesOutAndOthersStillGetTheEvent() {
        RecordingListener hung = new RecordingListener("hung", Set.of(), Behaviour.hangFirst(1));
        RecordingListener ok = new RecordingListener("ok", Set.of(), Behaviour.ok());
        try (PluginRegistry r = PluginRegistry.builder().register(hung).register(ok)
                .timeout("hung", Duration.ofMillis(100)).build()) {
            EventDelivery d = new EventDelivery(r);
            EventDeliveryException e = assertThrows(EventDeliveryException.class, () -> d.deliver(T, VOIDED));
            assertTrue(e.report().failed().get("hung").contains("timed out"), e.getMessage());
            assertEquals(List.of(VOIDED), ok.handled);
            assertEquals(PluginHealth.Status.DEGRADED, r.health().get("hung").status());
        }
    }

    @Test
    void deliver_eventsOfTheInMemoryOutbox_eachHandledOnce() {
        SpiFixture f = new SpiFixture(new InMemoryBillingStore(), t -> null);
        InMemoryBillingStore memory = (InMemoryBillingStore) f.store;
        RecordingListener issued = new RecordingListener("issued", Set.of("invoice.issued"), Behaviour.ok());
        try (PluginRegistry r = PluginRegistry.builder().register(issued).build()) {
            EventDelivery d = new EventDelivery(r);
            f.issueInvoice(SpiFixture.ACME, 2);
            f.issueInvoice(SpiFixture.ACME, 3);
            for (int round = 0; round < 2; round++) {
                for (BillingEvent e : memory.events(SpiFixture.FIRM)) {
                    d.deliver(SpiFixture.FIRM, e);
                }
            }
            assertEquals(2, issued.calls.get());
        }
    }

    @Test
    void deliveryLog_inMemory_forgetsOldestBeyondCapacity() {
        DeliveryLog log = DeliveryLog.inMemory(2);
        log.add("a", EventId.of("1"));
        log.add("a", EventId.of("2"));
        log.add("b", EventId.of("1"));
        assertTrue(!log.contains("a", EventId.of("1")));
        assertTrue(log.contains("a", EventId.of("2")));
        assertTrue(log.contains("b", EventId.of("1")));
        assertThrows(IllegalArgumentException.class, () -> DeliveryLog.inMemory(0));
    }
}
