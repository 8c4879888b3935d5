package dev.billops.core.event;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.EventId;
import dev.billops.core.id.InvoiceId;
import java.time.Instant;

/**
 * Event {@code invoice.viewed}: the host reported that the client viewed an issued invoice.
 *
 * @param eventId unique id
 * @param occurredAt when it was recorded
 * @param invoiceId the invoice
 * @param number its number
 * @param clientId its client
 * @param viewedAt when, as reported by the host
 */
public record InvoiceViewed(EventId eventId, Instant occurredAt, InvoiceId invoiceId, String number, ClientId clientId, Instant viewedAt) implements BillingEvent {

    @Override
    public String type() {
        return "invoice.viewed";
    }
}
