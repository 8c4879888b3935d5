package dev.billops.core.event;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.money.Money;
import dev.billops.core.id.EventId;
import java.time.Instant;

/** Event {@code invoice.overdue}. */
public record InvoiceOverdue(EventId eventId, Instant occurredAt, InvoiceId invoiceId, String number, ClientId clientId, Money amountDue, int daysOverdue) implements BillingEvent {

    @Override
    public String type() {
        return "invoice.overdue";
    }
}
