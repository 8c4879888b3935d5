package dev.billops.core.event;

import dev.billops.core.error.Text;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.money.Money;
import dev.billops.core.id.EventId;
import java.time.Instant;

/** Event {@code payment.failed}. */
public record PaymentFailed(EventId eventId, Instant occurredAt, ClientId clientId, InvoiceId invoiceId, Money amount, String reason) implements BillingEvent {

    /** Longest reason: it is stored with the event and printed to the host. */
    public static final int MAX_REASON_LENGTH = 4000;

    public PaymentFailed {
        Text.require("payment failure reason", reason, MAX_REASON_LENGTH);
    }

    @Override
    public String type() {
        return "payment.failed";
    }
}
