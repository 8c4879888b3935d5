package dev.billops.spi.runtime.notify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.event.BillingEvent;
import dev.billops.core.event.InvoiceOverdue;
import dev.billops.core.event.InvoiceSent;
import dev.billops.core.invoice.DeliveryStatus;
import dev.billops.core.invoice.InvoiceDelivery;
import dev.billops.core.event.ReminderDue;
import dev.billops.core.id.EventId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.memory.InMemoryBillingStore;
import dev.billops.core.money.Money;
import dev.billops.core.payment.PaymentRequest;
import dev.billops.spi.Notification;
import dev.billops.spi.PluginException;
import dev.billops.spi.PluginHealth;
import dev.billops.spi.SpiFixture;
import dev.billops.spi.TestPlugins.Behaviour;
import dev.billops.spi.TestPlugins.RecordingNotifier;
import dev.billops.spi.runtime.EventDelivery;
import dev.billops.spi.runtime.EventDeliveryException;
import dev.billops.spi.runtime.PluginRegistry;
import dev.billops.spi.runtime.RetryPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class BillingNotificationsTest {

    private final InMemoryBillingStore memory = new InMemoryBillingStore();
    private final SpiFixture f = new SpiFixture(memory, memory::events);
    private final AtomicInteger renders = new AtomicInteger();
    private final Function<Invoice, byte[]> renderer = inv -> {
        renders.incrementAndGet();
        return ("%PDF-1.7 " + inv.number()).getBytes(StandardCharsets.US_ASCII);
    };

    /** Delivers every outbox event of the fixture's tenant; returns the failures. */
    private int deliverAll(EventDelivery d) {
        int failures = 0;
        for (BillingEvent e : f.events()) {
            try {
                d.deliver(SpiFixture.FIRM, e);
            } catch (EventDeliveryException x) {
                failures++;
            }
        }
        return failures;
    }

    @Test
    void invoiceIssued_notificationToClientWithFactsAndPdf() {
        Invoice inv = f.issueInvoice(SpiFixture.ACME, 2);
        BillingNotifications n = new BillingNotifications(f.billing, List::of, renderer,
                dev.billops.core.spi.DeliveryLog.inMemory());
        BillingEvent issued = f.events("invoice.issued").get(0);
        Notification note = n.notificationFor(SpiFixture.FIRM, issued).orElseThrow();
        assertEquals(Notification.Kind.INVOICE_ISSUED, note.kind());
        assertEquals(List.of("billing@acme.test"), note.recipients());
        assertEquals("Invoice " + inv.number() + " from Firm GmbH", note.subject());
        assertEquals(inv.number(), note.facts().get("Invoice"));
        assertEquals("EUR 238.00", note.facts().get("Amount"));
        assertEquals(inv.dueDate().toString(), note.facts().get("Due date"));
        assertTrue(note.body().contains("EUR 238.00") && note.body().contains("ACME AG"), note.body());
        assertEquals(1, note.attachments().size());
        assertEquals(inv.number() + ".pdf", note.attachments().get(0).fileName());
        assertArrayEquals(("%PDF-1.7 " + inv.number()).getBytes(StandardCharsets.US_ASCII),
                note.attachments().get(0).content());
        assertEquals(issued.eventId(), note.eventId());
    }

    @Test
    void otherEvents_receiptFailedReminderOverdue_haveTheirKindsAndFacts() {
        Invoice inv = f.issueInvoice(SpiFixture.ACME, 1);
        f.firm.payments().record(PaymentRequest.of(SpiFixture.ACME, Money.of(SpiFixture.EUR, "50.00"))
                .toInvoice(inv.id()));
        f.firm.payments().recordFailed(PaymentRequest.of(SpiFixture.ACME, Money.of(SpiFixture.EUR, "69.00")),
                inv.id(), "card declined");
        BillingNotifications n = new BillingNotifications(f.billing, List::of, renderer,
                dev.billops.core.spi.DeliveryLog.inMemory());
        Notification receipt = n.notificationFor(SpiFixture.FIRM, f.events("payment.received").get(0)).orElseThrow();
        assertEquals(Notification.Kind.PAYMENT_RECEIPT, receipt.kind());
        assertEquals("EUR 50.00", receipt.facts().get("Amount"));
        assertTrue(receipt.facts().get("Invoice").startsWith(inv.number()), receipt.facts().toString());
        Notification failed = n.notificationFor(SpiFixture.FIRM, f.events("payment.failed").get(0)).orElseThrow();
        assertEquals(Notification.Kind.PAYMENT_FAILED, failed.kind());
        assertEquals("card declined", failed.facts().get("Reason"));
        assertEquals(inv.number(), failed.facts().get("Invoice"));
        Instant now = Instant.parse("2026-12-20T08:00:00Z");
        Notification reminder = n.notificationFor(SpiFixture.FIRM, new ReminderDue(EventId.generate(), now, inv.id(),
                inv.number(), SpiFixture.ACME, "due-3", Money.of(SpiFixture.EUR, "69.00"))).orElseThrow();
        assertEquals(Notification.Kind.REMINDER, reminder.kind());
        assertEquals(inv.dueDate().toString(), reminder.facts().get("Due date"));
        assertEquals("EUR 69.00", reminder.facts().get("Amount"));
        Notification overdue = n.notificationFor(SpiFixture.FIRM, new InvoiceOverdue(EventId.generate(), now,
                inv.id(), inv.number(), SpiFixture.ACME, Money.of(SpiFixture.EUR, "69.00"), 5)).orElseThrow();
        assertEquals(Notification.Kind.OVERDUE, overdue.kind());
        assertEquals("5", overdue.facts().get("Days overdue"));
        assertTrue(n.notificationFor(SpiFixture.FIRM, f.events("invoice.created").get(0)).isEmpty());
        assertEquals(0, renders.get(), "only invoice.issued renders a PDF");
    }

    @Test
    void notifierHangs_timeoutRecorded_othersDelivered_redeliveryOnlyToTheHungOne() {
        RecordingNotifier hanging = new RecordingNotifier("smtp", Behaviour.hangFirst(1));
        RecordingNotifier chat = new RecordingNotifier("slack", Behaviour.ok());
        try (PluginRegistry registry = PluginRegistry.builder().register(hanging).register(chat)
                .timeout("smtp", Duration.ofMillis(150)).build()) {
            registry.add(new BillingNotifications(f.billing, registry, renderer));
            EventDelivery delivery = new EventDelivery(registry);
            Invoice inv = f.issueInvoice(SpiFixture.ACME, 3);
            assertEquals(inv.number(), f.firm.invoices().get(inv.id()).number(), "the billing call returned normally");

            assertEquals(1, deliverAll(delivery), "the invoice.issued delivery failed for one notifier");
            assertEquals(1, chat.sent.size());
            assertEquals(Notification.Kind.INVOICE_ISSUED, chat.sent.get(0).kind());
            assertEquals(0, hanging.sent.size());
            PluginHealth h = registry.health().get("smtp");
            assertEquals(PluginHealth.Status.DEGRADED, h.status());
            assertTrue(h.lastFailure().contains("timed out"), h.lastFailure());
            assertEquals(PluginHealth.Status.DEGRADED, registry.health().get(BillingNotifications.ID).status());

            assertEquals(0, deliverAll(delivery), "redelivery succeeds");
            assertEquals(1, hanging.sent.size());
            assertEquals(1, chat.sent.size(), "the notifier that had it does not get it again");
            assertEquals(0, deliverAll(delivery));
            assertEquals(1, hanging.sent.size());
        }
    }

    @Test
    void notifierThrows_othersDelivered_failureInHealth_billingUnaffected() {
        RecordingNotifier broken = new RecordingNotifier("sms", Behaviour.failFirst(100,
                () -> new IllegalStateException("SMS provider rejected the sender id")));
        RecordingNotifier mail = new RecordingNotifier("smtp", Behaviour.ok());
        RecordingNotifier receiptsOnly = new RecordingNotifier("receipts", Behaviour.ok(),
                Set.of(Notification.Kind.PAYMENT_RECEIPT));
        try (PluginRegistry registry = PluginRegistry.builder().register(broken).register(mail)
                .register(receiptsOnly).retry(RetryPolicy.none()).build()) {
            registry.add(new BillingNotifications(f.billing, registry, renderer));
            EventDelivery delivery = new EventDelivery(registry);
            Invoice inv = f.issueInvoice(SpiFixture.ACME, 1);
            f.firm.payments().record(PaymentRequest.of(SpiFixture.ACME, inv.amountDue()).toInvoice(inv.id()));

            assertEquals(2, deliverAll(delivery), "issued and receipt each failed for the broken notifier");
            assertEquals(List.of(Notification.Kind.INVOICE_ISSUED, Notification.Kind.PAYMENT_RECEIPT),
                    mail.sent.stream().map(Notification::kind).toList());
            assertEquals(List.of(Notification.Kind.PAYMENT_RECEIPT),
                    receiptsOnly.sent.stream().map(Notification::kind).toList());
            PluginHealth h = registry.health().get("sms");
            assertEquals(2, h.consecutiveFailures());
            assertTrue(h.lastFailure().contains("rejected the sender id"), h.lastFailure());
            assertEquals(dev.billops.core.invoice.InvoiceStatus.PAID, f.firm.invoices().get(inv.id()).status());
        }
    }

    @Test
    void rendererFails_listenerFails_noNotifierCalled() {
        RecordingNotifier mail = new RecordingNotifier("smtp", Behaviour.ok());
        try (PluginRegistry registry = PluginRegistry.builder().register(mail).build()) {
            BillingNotifications n = new BillingNotifications(f.billing, registry, inv -> new byte[0]);
            f.issueInvoice(SpiFixture.ACME, 1);
            PluginException e = assertThrows(PluginException.class,
                    () -> n.onEvent(SpiFixture.FIRM, f.events("invoice.issued").get(0)));
            assertNotNull(e.getMessage());
            assertEquals(0, mail.calls.get());
        }
    }

    @Test
    void invoiceIssued_deliveredByNotifiers_invoiceMarkedSentOncePerNotifierThatSentIt() {
        RecordingNotifier mail = new RecordingNotifier("smtp", Behaviour.ok());
        RecordingNotifier broken = new RecordingNotifier("sms", Behaviour.failFirst(1,
                () -> new IllegalStateException("SMS gateway down")));
        RecordingNotifier receiptsOnly = new RecordingNotifier("receipts", Behaviour.ok(),
                Set.of(Notification.Kind.PAYMENT_RECEIPT));
        try (PluginRegistry registry = PluginRegistry.builder().register(mail).register(broken)
                .register(receiptsOnly).retry(RetryPolicy.none()).build()) {
            registry.add(new BillingNotifications(f.billing, registry, renderer));
            EventDelivery delivery = new EventDelivery(registry);
            Invoice inv = f.issueInvoice(SpiFixture.ACME, 1);
            assertEquals(DeliveryStatus.NOT_SENT, f.firm.invoices().delivery(inv.id()).status());

            assertEquals(1, deliverAll(delivery), "the SMS notifier failed once");
            InvoiceDelivery afterFirst = f.firm.invoices().delivery(inv.id());
            assertEquals(DeliveryStatus.SENT, afterFirst.status());
            assertEquals(1, afterFirst.timesSent());
            assertEquals(0, deliverAll(delivery), "redelivery reaches the SMS notifier");
            assertEquals(0, deliverAll(delivery));

            assertEquals(2, f.firm.invoices().delivery(inv.id()).timesSent());
            assertEquals(dev.billops.core.invoice.InvoiceStatus.ISSUED, f.firm.invoices().get(inv.id()).status());
            List<InvoiceSent> sent = f.events("invoice.sent").stream().map(InvoiceSent.class::cast).toList();
            assertEquals(List.of("smtp", "sms"), sent.stream().map(InvoiceSent::channel).toList());
            for (InvoiceSent e : sent) {
                assertEquals(inv.id(), e.invoiceId());
                assertEquals(inv.number(), e.number());
                assertEquals("billing@acme.test", e.recipient());
            }
        }
    }
}
