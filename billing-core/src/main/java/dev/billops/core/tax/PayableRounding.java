package dev.billops.core.tax;

import dev.billops.core.money.DecimalBounds;
import dev.billops.core.money.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * How the amount due of a document is rounded: the source of its rounding amount (EN 16931
 * BT-114), which BR-CO-16 adds to the payable amount (BT-115 = BT-112 − BT-113 + BT-114).
 * Either a {@linkplain CashIncrement cash increment} (CHF 0.05, SEK 1), from which the rounding
 * amount is computed, or an {@linkplain Amount explicit amount} the host sets, e.g. to round the
 * amount due to whole euros, as the official EN 16931 samples do. Immutable.
 */
public sealed interface PayableRounding {

    /** A cash increment: the payable amount is the tax-inclusive total rounded half up to it. */
    static PayableRounding cashIncrement(BigDecimal increment) {
        return new CashIncrement(increment);
    }

    /**
     * An explicit rounding amount.
     *
     * @throws RoundingAmountOutOfBoundsException if it is one unit of its currency or more either way
     */
    static PayableRounding amount(Money amount) {
        return new Amount(amount);
    }

    /**
     * A cash rounding increment of the payable amount, e.g. 0.05; positive. (Whether it is a whole
     * number of minor units of the document's currency is checked when the totals are computed.)
     *
     * @param increment the increment
     */
    record CashIncrement(BigDecimal increment) implements PayableRounding {

        public CashIncrement {
            Objects.requireNonNull(increment, "increment");
            increment = DecimalBounds.requireQuantity("cash rounding increment", increment);
            if (increment.signum() <= 0) {
                throw new dev.billops.core.money.AmountOutOfRangeException("cash rounding increment "
                        + increment.toPlainString() + " must be positive");
            }
        }
    }

    /**
     * A rounding amount the host sets (BT-114), not derived from a cash increment: added to the
     * tax-inclusive total to give the payable amount. It is less than one unit of its currency
     * either way (|amount| &lt; 1 EUR, 1 JPY, 1 BHD): BT-114 rounds the amount due, it carries no VAT
     * and is no price reduction; anything larger is an allowance or a charge with its VAT category
     * (BG-20, BG-21), or a payment (BT-113).
     *
     * @param amount the rounding amount, of either sign
     */
    record Amount(Money amount) implements PayableRounding {

        public Amount {
            Objects.requireNonNull(amount, "amount");
            if (amount.amount().abs().compareTo(BigDecimal.ONE) >= 0) {
                throw new RoundingAmountOutOfBoundsException(amount);
            }
        }
    }
}
