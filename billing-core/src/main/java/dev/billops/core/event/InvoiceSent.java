package dev.billops.core.event;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.EventId;
import dev.billops.core.id.InvoiceId;
import java.time.Instant;

/**
 * Event {@code invoice.sent}: an issued invoice was delivered to its client (the first sending moves its delivery status to SENT).
 *
 * @param eventId unique id
 * @param occurredAt when it was recorded
 * @param invoiceId the invoice
 * @param number its number
 * @param clientId its client
 * @param channel the notifier or channel that sent it, e.g. {@code smtp}
 * @param recipient to whom, e.g. an e-mail address
 */
public record InvoiceSent(EventId eventId, Instant occurredAt, InvoiceId invoiceId, String number, ClientId clientId, String channel, String recipient) implements BillingEvent {

    @Override
    public String type() {
        return "invoice.sent";
    }
}
