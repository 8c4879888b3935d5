package dev.billops.core.event;

import dev.billops.core.id.InvoiceId;
import dev.billops.core.money.Money;
import dev.billops.core.id.EventId;
import java.time.Instant;

/** Event {@code invoice.credited}. */
public record InvoiceCredited(EventId eventId, Instant occurredAt, InvoiceId invoiceId, InvoiceId creditNoteId, String creditNoteNumber, Money amount) implements BillingEvent {

    @Override
    public String type() {
        return "invoice.credited";
    }
}
