package dev.billops.core.error;

/**
 * Root of every exception BillOps throws on purpose.
 *
 * <p>Unchecked, because a host cannot recover from most billing errors locally, and every
 * subclass is named as a sentence ({@code CurrencyMismatchException}) so that a handler can
 * react to the kind of problem without parsing messages. Messages name the offending value.
 * An operation that throws a {@code BillingException} has stored nothing.
 */
public abstract class BillingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected BillingException(String message) {
        super(message);
    }

    protected BillingException(String message, Throwable cause) {
        super(message, cause);
    }
}
