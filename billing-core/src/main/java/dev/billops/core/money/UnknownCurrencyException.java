package dev.billops.core.money;

import dev.billops.core.error.InvalidInputException;

/** A currency code that is not a known ISO-4217 currency. */
public final class UnknownCurrencyException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public UnknownCurrencyException(String code) {
        super("unknown currency code " + dev.billops.core.error.Text.quote(code));
        this.code = code;
    }

    /** The code as given. */
    public String code() {
        return code;
    }
}
