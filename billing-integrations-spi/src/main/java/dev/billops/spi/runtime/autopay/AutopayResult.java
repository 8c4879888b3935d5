package dev.billops.spi.runtime.autopay;

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
 *     {@code payment.failed} raised), PENDING (nothing recorded: the gateway accepted the charge
 *     and said PENDING; {@link Autopay#reconcile} settles it later), ERROR (nothing recorded: no
 *     usable answer, since the gateway threw, timed out, answered UNKNOWN or garbage, so whether
 *     it charged is not known; {@link Autopay#reconcile} asks its status, and
 *     {@link Autopay#rearm} allows a new charge once the gateway confirms none happened) or
 *     SKIPPED (nothing to charge: no autopay, no balance, not issued)
 * @param paymentId the payment recorded (PAID, FAILED), or null
 * @param message why, for people
 */
public record AutopayResult(InvoiceId invoiceId, String idempotencyKey, Outcome outcome, @Nullable PaymentId paymentId,
        String message) {

    /** The outcomes of an autopay attempt. */
    public enum Outcome { PAID, FAILED, PENDING, ERROR, SKIPPED }

    public AutopayResult {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
    }
}
