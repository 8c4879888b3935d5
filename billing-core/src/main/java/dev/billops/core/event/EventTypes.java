package dev.billops.core.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The event types BillOps publishes, by their {@link BillingEvent#type()} name: the registry
 * that turns {@code {"type":"invoice.issued", ...}} back into an {@link InvoiceIssued}.
 *
 * <p>The names are part of the stored format (outbox rows, plugin payloads) and never change
 * meaning. Immutable and thread-safe.
 */
public final class EventTypes {

    private static final Map<String, Class<? extends BillingEvent>> CORE;

    static {
        Map<String, Class<? extends BillingEvent>> m = new LinkedHashMap<>();
        m.put("client.created", ClientCreated.class);
        m.put("client.updated", ClientUpdated.class);
        m.put("client.deactivated", ClientDeactivated.class);
        m.put("project.created", ProjectCreated.class);
        m.put("project.updated", ProjectUpdated.class);
        m.put("project.closed", ProjectClosed.class);
        m.put("time_entry.logged", TimeEntryLogged.class);
        m.put("time_entry.updated", TimeEntryUpdated.class);
        m.put("time_entry.deleted", TimeEntryDeleted.class);
        m.put("invoice.created", InvoiceCreated.class);
        m.put("invoice.issued", InvoiceIssued.class);
        m.put("invoice.sent", InvoiceSent.class);
        m.put("invoice.viewed", InvoiceViewed.class);
        m.put("invoice.downloaded", InvoiceDownloaded.class);
        m.put("invoice.paid", InvoicePaid.class);
        m.put("invoice.overdue", InvoiceOverdue.class);
        m.put("invoice.credited", InvoiceCredited.class);
        m.put("invoice.voided", InvoiceVoided.class);
        m.put("payment.received", PaymentReceived.class);
        m.put("payment.failed", PaymentFailed.class);
        m.put("payment.refunded", PaymentRefunded.class);
        m.put("reminder.due", ReminderDue.class);
        m.put("time_entries.billed", TimeEntriesBilled.class);
        m.put("plugin.connected", PluginConnected.class);
        m.put("plugin.failed", PluginFailed.class);
        CORE = Collections.unmodifiableMap(m);
    }

    private EventTypes() {
    }

    /** Every event type of billing-core: type name → record class, in a stable order. */
    public static Map<String, Class<? extends BillingEvent>> core() {
        return CORE;
    }

    /** The record class of a core event type name, if there is one. */
    public static Optional<Class<? extends BillingEvent>> classOf(String type) {
        Objects.requireNonNull(type, "type");
        return Optional.ofNullable(CORE.get(type));
    }
}
