package dev.billops.core.money;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A {@link Money} or {@link UnitPrice} constructor was given an amount at a scale it does not take:
 * the constructors keep the amount exactly as given, so they refuse instead of rescaling. The
 * factories ({@code Money.of}, {@code UnitPrice.of}) pad an exact amount to the right scale.
 */
public class ScaleMismatchException extends AmountOutOfRangeException {

    private static final long serialVersionUID = 1L;

    private final BigDecimal amount;
    private final String currencyCode;

    public ScaleMismatchException(String message, BigDecimal amount, String currencyCode) {
        super(message);
        this.amount = Objects.requireNonNull(amount, "amount");
        this.currencyCode = Objects.requireNonNull(currencyCode, "currencyCode");
    }

    /** The amount as given. */
    public BigDecimal amount() {
        return amount;
    }

    /** The ISO-4217 code of its currency. */
    public String currencyCode() {
        return currencyCode;
    }
}
