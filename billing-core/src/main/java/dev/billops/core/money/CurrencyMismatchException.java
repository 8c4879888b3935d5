package dev.billops.core.money;

import dev.billops.core.error.BillingException;

/** Two amounts in different currencies met in one operation; BillOps never converts silently. */
public final class CurrencyMismatchException extends BillingException {

    private static final long serialVersionUID = 1L;

    private final String expected;
    private final String actual;

    public CurrencyMismatchException(String expected, String actual) {
        super("currency mismatch: expected " + expected + " but got " + actual);
        this.expected = expected;
        this.actual = actual;
    }

    public CurrencyMismatchException(String expected, String actual, String context) {
        super(context + ": currency mismatch, expected " + expected + " but got " + actual);
        this.expected = expected;
        this.actual = actual;
    }

    /** The currency code the operation works in. */
    public String expected() {
        return expected;
    }

    /** The currency code that did not match. */
    public String actual() {
        return actual;
    }
}
