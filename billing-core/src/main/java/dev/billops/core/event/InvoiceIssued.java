package dev.billops.core.event;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.money.Money;
import java.time.LocalDate;
import dev.billops.core.id.EventId;
import java.time.Instant;

/** Event {@code invoice.issued}. */
public record InvoiceIssued(EventId eventId, Instant occurredAt, InvoiceId invoiceId, String number, ClientId clientId, Money total, LocalDate dueDate) implements BillingEvent {

    @Override
    public String type() {
        return "invoice.issued";
    }
}
