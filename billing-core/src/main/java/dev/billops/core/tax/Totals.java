package dev.billops.core.tax;

import dev.billops.core.money.Money;
import java.util.Objects;

/**
 * Document totals as defined by EN 16931 (the BT numbers in brackets).
 *
 * @param lineNetTotal sum of line net amounts (BT-106, BR-CO-10)
 * @param allowanceTotal sum of document-level allowances (BT-107, BR-CO-11)
 * @param chargeTotal sum of document-level charges (BT-108, BR-CO-12)
 * @param taxExclusive lineNetTotal − allowanceTotal + chargeTotal (BT-109, BR-CO-13)
 * @param taxTotal sum of the breakdown's tax amounts (BT-110, BR-CO-14)
 * @param taxInclusive taxExclusive + taxTotal (BT-112, BR-CO-15)
 * @param roundingAmount rounding added to the payable amount (BT-114): from a cash increment or set
 *     explicitly ({@link PayableRounding}); usually zero
 * @param payable taxInclusive + roundingAmount: what is due before any payment (BT-115 with BT-113 = 0)
 */
public record Totals(
        Money lineNetTotal,
        Money allowanceTotal,
        Money chargeTotal,
        Money taxExclusive,
        Money taxTotal,
        Money taxInclusive,
        Money roundingAmount,
        Money payable) {

    public Totals {
        Objects.requireNonNull(lineNetTotal, "lineNetTotal");
        Objects.requireNonNull(allowanceTotal, "allowanceTotal");
        Objects.requireNonNull(chargeTotal, "chargeTotal");
        Objects.requireNonNull(taxExclusive, "taxExclusive");
        Objects.requireNonNull(taxTotal, "taxTotal");
        Objects.requireNonNull(taxInclusive, "taxInclusive");
        Objects.requireNonNull(roundingAmount, "roundingAmount");
        Objects.requireNonNull(payable, "payable");
    }

    /**
     * These totals with rounding amount {@code rounding} (BT-114) in place of this one, and the
     * payable amount following it: taxInclusive + rounding (BR-CO-16 with BT-113 = 0).
     */
    public Totals withRoundingAmount(Money rounding) {
        Objects.requireNonNull(rounding, "rounding");
        return new Totals(lineNetTotal, allowanceTotal, chargeTotal, taxExclusive, taxTotal, taxInclusive, rounding,
                taxInclusive.plus(rounding));
    }
}
