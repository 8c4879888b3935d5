package dev.billops.core.event;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.money.Money;
import dev.billops.core.id.EventId;
import java.time.Instant;

/** Event {@code reminder.due}. */
public record ReminderDue(EventId eventId, Instant occurredAt, InvoiceId invoiceId, String number, ClientId clientId, String step, Money amountDue) implements BillingEvent {

    @Override
    public String type() {
        return "reminder.due";
    }
}
