package dev.billops.core.event;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.money.Money;
import dev.billops.core.id.EventId;
import java.time.Instant;

/** Event {@code payment.failed}. */
public record PaymentFailed(EventId eventId, Instant occurredAt, ClientId clientId, InvoiceId invoiceId, Money amount, String reason) implements BillingEvent {

    @Override
    public String type() {
        return "payment.failed";
    }
}
