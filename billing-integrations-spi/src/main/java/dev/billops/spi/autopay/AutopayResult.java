package dev.billops.spi.autopay;

import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.PaymentId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What autopay did for one invoice.
 *
 * @param invoiceId the invoice
 * @param idempotencyKey the charge's key, {@code autopay:<tenant>:<invoice id>}
 * @param outcome PAID (a payment was recorded), FAILED (a failed attempt was recorded and
 *     {@code payment.failed} raised), PENDING (nothing recorded: the gateway's answer was
 *     PENDING, UNKNOWN, a timeout or an error; {@link Autopay#reconcile} settles it later) or
 *     SKIPPED (nothing to charge: no autopay, no balance, not issued)
 * @param paymentId the payment recorded (PAID, FAILED), or null
 * @param message why, for people
 */
public record AutopayResult(InvoiceId invoiceId, String idempotencyKey, Outcome outcome, @Nullable PaymentId paymentId,
        String message) {

    /** The outcomes of an autopay attempt. */
    public enum Outcome { PAID, FAILED, PENDING, SKIPPED }

    public AutopayResult {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
    }
}
