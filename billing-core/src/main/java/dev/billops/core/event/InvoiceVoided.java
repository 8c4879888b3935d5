package dev.billops.core.event;

import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.EventId;
import java.time.Instant;

/** Event {@code invoice.voided}. */
public record InvoiceVoided(EventId eventId, Instant occurredAt, InvoiceId invoiceId, String number) implements BillingEvent {

    @Override
    public String type() {
        return "invoice.voided";
    }
}
