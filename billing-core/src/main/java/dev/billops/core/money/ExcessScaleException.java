package dev.billops.core.money;

import java.math.BigDecimal;

/**
 * An amount needs more decimals than its type allows (EUR 12.345 as {@link Money}, nine decimals
 * as a {@link UnitPrice}), so it cannot be taken exactly: round it explicitly, e.g. with
 * {@code Money.of(currency, amount, RoundingMode)}.
 */
public final class ExcessScaleException extends ScaleMismatchException {

    private static final long serialVersionUID = 1L;

    private final int allowedDecimals;

    public ExcessScaleException(String message, BigDecimal amount, String currencyCode, int allowedDecimals) {
        super(message, amount, currencyCode);
        this.allowedDecimals = allowedDecimals;
    }

    /** The most decimals the type takes in this currency. */
    public int allowedDecimals() {
        return allowedDecimals;
    }
}
