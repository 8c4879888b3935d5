package dev.billops.bank;

import dev.billops.core.error.BillingException;
import dev.billops.core.money.Money;
import java.util.regex.Pattern;

/** Amounts of statement files as exact {@link Money}, refused with the place they were found. */
final class Amounts {

    /** An unsigned decimal with a point, as the readers normalize it: at most 15 integer digits. */
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,15}(\\.[0-9]{1,10})?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private Amounts() {
    }

    /**
     * {@code decimal} (digits, optionally a point and decimals) in {@code currency}.
     *
     * @throws InvalidBankStatementException naming {@code where} and the value when it is no
     *     amount, has more decimals than the currency, or the currency is unknown
     */
    static Money of(String format, String where, String currency, String decimal) {
        if (!CURRENCY.matcher(currency).matches()) {
            throw new InvalidBankStatementException(format, where, currency, "is no ISO 4217 currency code");
        }
        if (!DECIMAL.matcher(decimal).matches()) {
            throw new InvalidBankStatementException(format, where, decimal, "is no amount (digits, a decimal"
                    + " separator and decimals)");
        }
        try {
            return Money.of(currency, decimal);
        } catch (BillingException e) {
            throw new InvalidBankStatementException(format, where, currency + " " + decimal, "is refused: "
                    + e.getMessage(), e);
        }
    }
}
