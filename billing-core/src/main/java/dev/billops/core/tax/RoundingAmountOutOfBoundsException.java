package dev.billops.core.tax;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.money.Money;
import java.util.Objects;

/**
 * An explicit rounding amount (BT-114) of one unit of its currency or more either way; see
 * {@link PayableRounding.Amount}. Nothing was stored.
 */
public final class RoundingAmountOutOfBoundsException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final transient Money amount;

    public RoundingAmountOutOfBoundsException(Money amount) {
        super("rounding amount " + Objects.requireNonNull(amount, "amount") + " is not less than one "
                + amount.currencyCode() + " either way; a larger difference is an allowance, a charge or a payment");
        this.amount = amount;
    }

    /** The refused rounding amount. */
    public Money amount() {
        return amount;
    }
}
