package dev.billops.core.event;

import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.EventId;
import java.time.Instant;

/** Event {@code time_entries.billed}. */
public record TimeEntriesBilled(EventId eventId, Instant occurredAt, InvoiceId invoiceId, int entryCount) implements BillingEvent {

    @Override
    public String type() {
        return "time_entries.billed";
    }
}
