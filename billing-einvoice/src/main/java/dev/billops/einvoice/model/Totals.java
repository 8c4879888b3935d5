package dev.billops.einvoice.model;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Document totals (BG-22). The optional totals are null when the document leaves them out.
 *
 * @param lineNetTotal sum of invoice line net amounts (BT-106)
 * @param allowanceTotal sum of document-level allowances (BT-107), or null
 * @param chargeTotal sum of document-level charges (BT-108), or null
 * @param taxExclusive invoice total without VAT (BT-109)
 * @param taxTotal invoice total VAT amount (BT-110), or null
 * @param taxInclusive invoice total with VAT (BT-112)
 * @param prepaid paid amount (BT-113), or null
 * @param rounding rounding amount (BT-114), or null
 * @param payable amount due for payment (BT-115)
 */
public record Totals(
        BigDecimal lineNetTotal,
        @Nullable BigDecimal allowanceTotal,
        @Nullable BigDecimal chargeTotal,
        BigDecimal taxExclusive,
        @Nullable BigDecimal taxTotal,
        BigDecimal taxInclusive,
        @Nullable BigDecimal prepaid,
        @Nullable BigDecimal rounding,
        BigDecimal payable) {

    public Totals {
        Objects.requireNonNull(lineNetTotal, "lineNetTotal");
        Objects.requireNonNull(taxExclusive, "taxExclusive");
        Objects.requireNonNull(taxInclusive, "taxInclusive");
        Objects.requireNonNull(payable, "payable");
    }

    /** These totals with {@code payable} replaced, e.g. to see a validator's BR-CO-16 fire. */
    public Totals withPayable(BigDecimal payable) {
        return new Totals(lineNetTotal, allowanceTotal, chargeTotal, taxExclusive, taxTotal, taxInclusive, prepaid,
                rounding, payable);
    }

    /** These totals with the paid amount (BT-113) and amount due (BT-115) replaced. */
    public Totals withPrepaid(@Nullable BigDecimal prepaid, BigDecimal payable) {
        return new Totals(lineNetTotal, allowanceTotal, chargeTotal, taxExclusive, taxTotal, taxInclusive, prepaid,
                rounding, payable);
    }
}
