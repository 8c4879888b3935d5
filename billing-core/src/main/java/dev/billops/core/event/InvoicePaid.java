package dev.billops.core.event;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.EventId;
import java.time.Instant;

/** Event {@code invoice.paid}. */
public record InvoicePaid(EventId eventId, Instant occurredAt, InvoiceId invoiceId, String number, ClientId clientId) implements BillingEvent {

    @Override
    public String type() {
        return "invoice.paid";
    }
}
