package dev.billops.einvoice.model;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One group of the VAT breakdown (BG-23).
 *
 * @param taxableAmount VAT category taxable amount (BT-116)
 * @param taxAmount VAT category tax amount (BT-117)
 * @param category VAT category code (BT-118), e.g. {@code "S"}, {@code "AE"}
 * @param rate VAT category rate in per cent (BT-119); null for category O
 * @param exemptionReason exemption reason text (BT-120), or null
 * @param exemptionReasonCode exemption reason code from the VATEX list (BT-121), e.g.
 *     {@code "VATEX-EU-AE"}, or null
 */
public record VatBreakdown(
        BigDecimal taxableAmount,
        BigDecimal taxAmount,
        String category,
        @Nullable BigDecimal rate,
        @Nullable String exemptionReason,
        @Nullable String exemptionReasonCode) {

    public VatBreakdown {
        Objects.requireNonNull(taxableAmount, "taxableAmount");
        Objects.requireNonNull(taxAmount, "taxAmount");
        category = Checks.text("VAT category", category);
        exemptionReason = Checks.optional("VAT exemption reason", exemptionReason);
        exemptionReasonCode = Checks.optional("VAT exemption reason code", exemptionReasonCode);
    }
}
