package dev.billops.core.tax;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One group of the VAT breakdown (EN 16931 BG-23): a category and a rate, the rate compared by
 * value (19 and 19.00 are one group). Written {@code "S/19"}, or {@code "O/"} for category O,
 * which has no rate. The one key by which lines, allowances, charges and breakdown entries are
 * grouped and matched.
 *
 * @param category VAT category
 * @param ratePercent rate in per cent without trailing zeros and with a scale of at least 0 (as
 *     {@link TaxTreatment} keeps it); null only for category O, 0 for a missing rate otherwise
 */
public record VatGroup(TaxCategory category, @Nullable BigDecimal ratePercent) {

    public VatGroup {
        Objects.requireNonNull(category, "category");
        if (ratePercent == null && category != TaxCategory.O) {
            ratePercent = BigDecimal.ZERO;
        }
        if (ratePercent != null) {
            ratePercent = TaxTreatment.normalRate(ratePercent);
        }
    }

    /** The group of lines taxed with {@code treatment}. */
    public static VatGroup of(TaxTreatment treatment) {
        return new VatGroup(treatment.category(), treatment.ratePercent());
    }

    /** The group of a breakdown entry. */
    public static VatGroup of(TaxSubtotal subtotal) {
        return new VatGroup(subtotal.category(), subtotal.ratePercent());
    }

    /**
     * Whether lines taxed with {@code treatment} belong to this group. Allocation-free: the
     * treatment's rate is already normalized.
     */
    public boolean contains(TaxTreatment treatment) {
        return category == treatment.category() && Objects.equals(ratePercent, treatment.ratePercent());
    }

    /** {@code "S/19"}; {@code "O/"} for category O. */
    @Override
    public String toString() {
        return category + "/" + (ratePercent == null ? "" : ratePercent.toPlainString());
    }
}
