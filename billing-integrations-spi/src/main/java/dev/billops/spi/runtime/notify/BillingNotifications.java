package dev.billops.spi.runtime.notify;

import dev.billops.core.Invoices;
import dev.billops.core.error.Text;
import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.event.BillingEvent;
import dev.billops.core.event.InvoiceIssued;
import dev.billops.core.event.InvoiceOverdue;
import dev.billops.core.event.PaymentFailed;
import dev.billops.core.event.PaymentReceived;
import dev.billops.core.event.ReminderDue;
import dev.billops.core.id.TenantId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import dev.billops.core.payment.Allocation;
import dev.billops.core.payment.Payment;
import dev.billops.core.spi.DeliveryLog;
import dev.billops.spi.Attachment;
import dev.billops.spi.BillingEventListener;
import dev.billops.spi.Notification;
import dev.billops.spi.Notifier;
import dev.billops.spi.PluginException;
import dev.billops.spi.runtime.PluginRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in listener that turns billing events into {@link Notification}s and sends them to
 * every notifier that wants their kind:
 *
 * <ul>
 *   <li>{@code invoice.issued} → INVOICE_ISSUED with the invoice PDF (from the host's renderer,
 *       e.g. {@code InvoicePdfRenderer} of billing-pdf) attached;</li>
 *   <li>{@code payment.received} → PAYMENT_RECEIPT; {@code payment.failed} → PAYMENT_FAILED;</li>
 *   <li>{@code reminder.due} → REMINDER; {@code invoice.overdue} → OVERDUE.</li>
 * </ul>
 *
 * <p>Recipients are the client's e-mail address (none if it has none); facts are the invoice
 * number, the amount and the due date (and what else the kind has). Register it after building
 * the registry: {@code registry.add(new BillingNotifications(billing, registry, renderer))}.
 *
 * <p><b>Failures.</b> Each notifier is called through the registry's guard, so a notifier that
 * hangs or throws fails alone (recorded in its health) and the others still get the
 * notification. Sends are deduplicated per (notifier, event) in a {@link DeliveryLog}; if any
 * notifier failed, {@link #onEvent} throws after trying them all, so the outbox offers the event
 * again later and only the notifiers that failed get it then.
 *
 * <p>Thread-safe if the renderer is.
 */
public final class BillingNotifications implements BillingEventListener {

    /** The plugin id of this listener. */
    public static final String ID = "billing-notifications";

    /** The recipient recorded for an invoice sent by a notifier whose notification named nobody (a chat channel). */
    public static final String NO_RECIPIENT = "(notifier's own recipients)";

    private static final Logger LOG = LoggerFactory.getLogger(BillingNotifications.class);
    private static final Map<String, Notification.Kind> KINDS = Map.of("invoice.issued",
            Notification.Kind.INVOICE_ISSUED, "payment.received", Notification.Kind.PAYMENT_RECEIPT, "payment.failed",
            Notification.Kind.PAYMENT_FAILED, "reminder.due", Notification.Kind.REMINDER, "invoice.overdue",
            Notification.Kind.OVERDUE);

    private final Function<TenantId, TenantBilling> tenants;
    private final Supplier<? extends Collection<? extends Notifier>> notifiers;
    private final Function<Invoice, byte[]> invoicePdf;
    private final DeliveryLog sent;

    /** Notifications to the registry's notifiers, deduplicated in memory. */
    public BillingNotifications(Billing billing, PluginRegistry registry, Function<Invoice, byte[]> invoicePdf) {
        this(billing, Objects.requireNonNull(registry, "registry")::notifiers, invoicePdf, DeliveryLog.inMemory());
    }

    /**
     * Notifications to the notifiers {@code notifiers} supplies at each event (they should be
     * guarded ones, from a registry).
     */
    public BillingNotifications(Billing billing, Supplier<? extends Collection<? extends Notifier>> notifiers,
            Function<Invoice, byte[]> invoicePdf, DeliveryLog sent) {
        Objects.requireNonNull(billing, "billing");
        this.tenants = t -> billing.tenant(t, Actor.system(ID));
        this.notifiers = Objects.requireNonNull(notifiers, "notifiers");
        this.invoicePdf = Objects.requireNonNull(invoicePdf, "invoicePdf");
        this.sent = Objects.requireNonNull(sent, "sent");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> eventTypes() {
        return KINDS.keySet();
    }

    /**
     * Sends the event's notification to every notifier that wants it and has not had it.
     *
     * @throws PluginException naming the notifiers that failed, after all were tried
     */
    @Override
    public void onEvent(TenantId tenant, BillingEvent event) {
        Objects.requireNonNull(tenant, "tenant");
        Notification.Kind kind = KINDS.get(event.type());
        if (kind == null) {
            return;
        }
        Map<String, String> failed = new LinkedHashMap<>();
        List<Notifier> targets = new ArrayList<>();
        for (Notifier n : notifiers.get()) {
            try {
                if (n.kinds().contains(kind) && !sent.contains(receiver(n), event.eventId())) {
                    targets.add(n);
                }
            } catch (RuntimeException e) {
                failed.put(n.id(), String.valueOf(e.getMessage()));
            }
        }
        if (!targets.isEmpty()) {
            Notification notification = notificationFor(tenant, event).orElseThrow();
            for (Notifier n : targets) {
                try {
                    n.send(notification);
                    sent.add(receiver(n), event.eventId());
                    if (event instanceof InvoiceIssued issued) {
                        markSent(tenant, issued, n, notification);
                    }
                } catch (RuntimeException e) {
                    failed.put(n.id(), String.valueOf(e.getMessage()));
                }
            }
        }
        if (!failed.isEmpty()) {
            LOG.warn("{} notification for event {} of tenant {} not sent by {}", kind, event.eventId(), tenant,
                    failed.keySet());
            throw new PluginException(ID, kind + " notification for event " + event.eventId() + " not sent by "
                    + failed.keySet() + ": " + failed);
        }
    }

    /**
     * The notification for {@code event}, or empty for event types that have none.
     *
     * @throws dev.billops.core.error.NotFoundException if the invoice, payment or client is gone
     */
    public Optional<Notification> notificationFor(TenantId tenant, BillingEvent event) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(event, "event");
        TenantBilling tb = tenants.apply(tenant);
        Notification n;
        if (event instanceof InvoiceIssued e) {
            n = invoiceIssued(tb, e);
        } else if (event instanceof PaymentReceived e) {
            n = receipt(tb, e);
        } else if (event instanceof PaymentFailed e) {
            n = paymentFailed(tb, e);
        } else if (event instanceof ReminderDue e) {
            n = reminder(tb, e);
        } else if (event instanceof InvoiceOverdue e) {
            n = overdue(tb, e);
        } else {
            return Optional.empty();
        }
        return Optional.of(n.withEventId(event.eventId()));
    }

    private Notification invoiceIssued(TenantBilling tb, InvoiceIssued e) {
        Invoice inv = tb.invoices().get(e.invoiceId());
        Client client = tb.clients().get(inv.clientId());
        String seller = seller(tb);
        String number = e.number();
        String body = "Dear " + client.name() + ",\n\nplease find attached invoice " + number + " of "
                + inv.issueDate() + " for " + inv.totals().payable() + ", due on " + e.dueDate() + "."
                + (client.autopayEnabled() ? "\nThe amount will be charged to your stored payment method." : "")
                + "\n\nKind regards,\n" + seller + "\n";
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Invoice", number);
        facts.put("Amount", inv.totals().payable().toString());
        facts.put("Due date", e.dueDate().toString());
        facts.put("Client", client.name());
        byte[] pdf = invoicePdf.apply(inv);
        if (pdf == null || pdf.length == 0) {
            throw new PluginException(ID, "the invoice renderer returned no PDF for invoice " + number);
        }
        return base(Notification.Kind.INVOICE_ISSUED, tb, client, "Invoice " + number + " from " + seller, body, facts)
                .withAttachment(Attachment.pdf(fileName(number), pdf));
    }

    private Notification receipt(TenantBilling tb, PaymentReceived e) {
        Payment p = tb.payments().find(e.paymentId())
                .orElseThrow(() -> new dev.billops.core.error.NotFoundException("payment", e.paymentId().value()));
        Client client = tb.clients().get(e.clientId());
        List<String> applied = new ArrayList<>();
        for (Allocation a : p.allocations()) {
            Invoice inv = tb.invoices().get(a.invoiceId());
            applied.add((inv.number() != null ? inv.number() : inv.id().value()) + " (" + a.amount() + ")");
        }
        String seller = seller(tb);
        String body = "Dear " + client.name() + ",\n\nwe received your payment of " + e.amount() + " on "
                + p.receivedOn() + ". Thank you.\n"
                + (applied.isEmpty() ? "It is kept as credit on your account.\n"
                        : "It was applied to invoice(s) " + String.join(", ", applied) + ".\n")
                + "\nKind regards,\n" + seller + "\n";
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Amount", e.amount().toString());
        facts.put("Received on", p.receivedOn().toString());
        if (!applied.isEmpty()) {
            facts.put("Invoice", String.join(", ", applied));
        }
        facts.put("Client", client.name());
        return base(Notification.Kind.PAYMENT_RECEIPT, tb, client, "Payment received: " + e.amount(), body, facts);
    }

    private Notification paymentFailed(TenantBilling tb, PaymentFailed e) {
        Invoice inv = tb.invoices().get(e.invoiceId());
        Client client = tb.clients().get(e.clientId());
        String number = inv.number() != null ? inv.number() : inv.id().value();
        String body = "Dear " + client.name() + ",\n\nthe payment of " + e.amount() + " for invoice " + number
                + " failed: " + e.reason() + ".\nPlease pay it by " + inv.dueDate() + " another way.\n\nKind regards,\n"
                + seller(tb) + "\n";
        Map<String, String> facts = invoiceFacts(number, e.amount().toString(), inv.dueDate());
        facts.put("Reason", e.reason());
        return base(Notification.Kind.PAYMENT_FAILED, tb, client, "Payment of invoice " + number + " failed", body,
                facts);
    }

    private Notification reminder(TenantBilling tb, ReminderDue e) {
        Invoice inv = tb.invoices().get(e.invoiceId());
        Client client = tb.clients().get(e.clientId());
        String body = "Dear " + client.name() + ",\n\nthis is a reminder that invoice " + e.number() + " over "
                + e.amountDue() + " is due on " + inv.dueDate() + ".\n\nKind regards,\n" + seller(tb) + "\n";
        Map<String, String> facts = invoiceFacts(e.number(), e.amountDue().toString(), inv.dueDate());
        facts.put("Reminder", e.step());
        return base(Notification.Kind.REMINDER, tb, client, "Reminder: invoice " + e.number(), body, facts);
    }

    private Notification overdue(TenantBilling tb, InvoiceOverdue e) {
        Invoice inv = tb.invoices().get(e.invoiceId());
        Client client = tb.clients().get(e.clientId());
        String body = "Dear " + client.name() + ",\n\ninvoice " + e.number() + " was due on " + inv.dueDate()
                + " and " + e.amountDue() + " of it is still open, " + e.daysOverdue()
                + " day(s) overdue. Please pay it promptly.\n\nKind regards,\n" + seller(tb) + "\n";
        Map<String, String> facts = invoiceFacts(e.number(), e.amountDue().toString(), inv.dueDate());
        facts.put("Days overdue", Integer.toString(e.daysOverdue()));
        return base(Notification.Kind.OVERDUE, tb, client, "Invoice " + e.number() + " is overdue", body, facts);
    }

    private static Map<String, String> invoiceFacts(String number, String amount, @Nullable LocalDate due) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Invoice", number);
        facts.put("Amount", amount);
        if (due != null) {
            facts.put("Due date", due.toString());
        }
        return facts;
    }

    private static Notification base(Notification.Kind kind, TenantBilling tb, Client client, String subject,
            String body, Map<String, String> facts) {
        List<String> to = client.email() == null || client.email().isBlank() ? List.of() : List.of(client.email());
        return Notification.of(kind, tb.tenantId(), subject, body).withRecipients(to).withFacts(facts);
    }

    private static String seller(TenantBilling tb) {
        return tb.profile().find().map(Tenant::name).orElse(tb.tenantId().value());
    }

    private static String fileName(String number) {
        return number.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
    }

    /** Records the invoice as sent by {@code n} to the notification's recipients. */
    private void markSent(TenantId tenant, InvoiceIssued issued, Notifier n, Notification notification) {
        List<String> to = notification.recipients();
        tenants.apply(tenant).invoices().markSent(issued.invoiceId(), n.id(),
                to.isEmpty() ? NO_RECIPIENT : Text.fit(String.join(", ", to), Invoices.MAX_RECIPIENT_LENGTH));
    }

    private static String receiver(Notifier n) {
        return ID + "/" + n.id();
    }

    @Override
    public String toString() {
        return "BillingNotifications[" + ID + "]";
    }
}
