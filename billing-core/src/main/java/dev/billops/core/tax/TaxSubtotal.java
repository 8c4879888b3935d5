package dev.billops.core.tax;

import dev.billops.core.money.Money;
import java.math.BigDecimal;
import dev.billops.core.error.CodeLists;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One group of the VAT breakdown (EN 16931 BG-23): taxable base (BT-116) and tax (BT-117) of one
 * category and rate.
 *
 * @param category VAT category (BT-118)
 * @param ratePercent rate in per cent (BT-119), null for category O
 * @param taxableAmount sum of line nets plus charges minus allowances of this group
 * @param taxAmount tax of this group, rounded once (or summed from rounded lines under the
 *     per-line policy)
 * @param exemptionReason reason text (BT-120) for categories that need one, or null
 * @param exemptionReasonCode VATEX reason code (BT-121), or null
 */
public record TaxSubtotal(
        TaxCategory category,
        @Nullable BigDecimal ratePercent,
        Money taxableAmount,
        Money taxAmount,
        @Nullable String exemptionReason,
        @Nullable String exemptionReasonCode) {

    /** A subtotal without a VATEX reason code. */
    public TaxSubtotal(TaxCategory category, @Nullable BigDecimal ratePercent, Money taxableAmount, Money taxAmount,
            @Nullable String exemptionReason) {
        this(category, ratePercent, taxableAmount, taxAmount, exemptionReason, null);
    }

    public TaxSubtotal {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(taxableAmount, "taxableAmount");
        Objects.requireNonNull(taxAmount, "taxAmount");
        taxableAmount.requireSameCurrency(taxAmount);
        exemptionReasonCode = CodeLists.vatex("BT-121 VAT exemption reason code", exemptionReasonCode);
    }
}
