package dev.billops.core.payment;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.PaymentId;
import java.util.Objects;

/**
 * A payment was recorded with an idempotency key that an earlier, different payment already
 * used. Repeating the same payment with the same key is fine (it returns the first payment); this
 * is thrown only when the data differ, which usually means two payments share a key by mistake.
 */
public final class IdempotencyKeyReusedException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final PaymentId existingPaymentId;

    public IdempotencyKeyReusedException(String key, PaymentId existingPaymentId, String difference) {
        super("idempotency key '" + key + "' was already used by payment " + existingPaymentId
                + " with different data: " + difference);
        this.key = Objects.requireNonNull(key, "key");
        this.existingPaymentId = Objects.requireNonNull(existingPaymentId, "existingPaymentId");
    }

    /** The reused key. */
    public String key() {
        return key;
    }

    /** The payment recorded first with this key. */
    public PaymentId existingPaymentId() {
        return existingPaymentId;
    }
}
