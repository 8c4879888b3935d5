package dev.billops.core.event;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.PaymentId;
import dev.billops.core.money.Money;
import dev.billops.core.id.EventId;
import java.time.Instant;

/** Event {@code payment.received}. */
public record PaymentReceived(EventId eventId, Instant occurredAt, PaymentId paymentId, ClientId clientId, Money amount) implements BillingEvent {

    @Override
    public String type() {
        return "payment.received";
    }
}
