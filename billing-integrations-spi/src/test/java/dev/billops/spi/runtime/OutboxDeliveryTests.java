package dev.billops.spi.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.billops.core.id.EventId;
import dev.billops.core.invoice.Invoice;
import dev.billops.jdbc.JdbcBillingStore;
import dev.billops.jdbc.OutboxDispatcher;
import dev.billops.spi.PluginException;
import dev.billops.spi.SpiFixture;
import dev.billops.spi.TestPlugins.Behaviour;
import dev.billops.spi.TestPlugins.RecordingListener;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** At least once, end to end: a real outbox, the real dispatcher, EventDelivery as its handler. */
abstract class OutboxDeliveryTests {

    /** A fresh store; closed after the test. */
    abstract JdbcBillingStore open();

    @Test
    void dispatch_listenerFailsOnceThenSucceeds_getsEventOnceMore_otherListenerNotAgain() {
        try (JdbcBillingStore store = open()) {
            SpiFixture f = new SpiFixture(store, store.outbox()::events);
            RecordingListener flaky = new RecordingListener("crm-sync", Set.of("invoice.issued"),
                    Behaviour.failFirst(1, () -> new PluginException("crm-sync", "CRM returned HTTP 400")));
            RecordingListener steady = new RecordingListener("ledger-export", Set.of(), Behaviour.ok());
            try (PluginRegistry registry = PluginRegistry.builder().register(flaky).register(steady).build()) {
                EventDelivery delivery = new EventDelivery(registry);
                OutboxDispatcher dispatcher = new OutboxDispatcher(store.outbox(),
                        m -> delivery.deliver(m.tenant(), m.event()), Duration.ZERO);
                while (dispatcher.dispatchOnce(100) > 0) {
                    // drain what the fixture's setup wrote
                }
                int issuedBefore = (int) steady.count("invoice.issued");

                Invoice invoice = f.issueInvoice(SpiFixture.ACME, 4);
                EventId issued = f.events("invoice.issued").stream()
                        .filter(e -> ((dev.billops.core.event.InvoiceIssued) e).invoiceId().equals(invoice.id()))
                        .findFirst().orElseThrow().eventId();

                dispatcher.dispatchOnce(100);
                assertEquals(1, flaky.calls.get(), "first delivery reached the flaky listener, which failed");
                assertEquals(0, flaky.handled.size());
                assertEquals(issuedBefore + 1, steady.count("invoice.issued"));
                assertEquals(1, store.outbox().pendingCount(), "the failed event was released, not acknowledged");

                int delivered = dispatcher.dispatchOnce(100);
                assertEquals(1, delivered);
                assertEquals(1, flaky.handled.size());
                assertEquals(issued, flaky.handled.get(0).eventId());
                assertEquals(issuedBefore + 1, steady.count("invoice.issued"), "not called again on redelivery");
                assertEquals(0, store.outbox().pendingCount());

                assertEquals(0, dispatcher.dispatchOnce(100));
                assertEquals(1, flaky.handled.size());
            }
        }
    }
}
