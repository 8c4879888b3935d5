package dev.billops.core.payment;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.PaymentId;
import dev.billops.core.money.Money;
import java.util.Objects;

/** A refund asked for more than the payment still holds (its amount minus earlier refunds). */
public final class RefundExceedsPaymentException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final PaymentId paymentId;
    private final Money requested;
    private final Money refundable;

    public RefundExceedsPaymentException(PaymentId paymentId, Money requested, Money refundable, String detail) {
        super("cannot refund " + requested + " of payment " + paymentId + ": only " + refundable
                + " is refundable" + (detail.isEmpty() ? "" : " (" + detail + ")"));
        this.paymentId = Objects.requireNonNull(paymentId, "paymentId");
        this.requested = Objects.requireNonNull(requested, "requested");
        this.refundable = Objects.requireNonNull(refundable, "refundable");
    }

    public PaymentId paymentId() {
        return paymentId;
    }

    public Money requested() {
        return requested;
    }

    /** Amount minus what was refunded before; zero for a failed payment. */
    public Money refundable() {
        return refundable;
    }
}
