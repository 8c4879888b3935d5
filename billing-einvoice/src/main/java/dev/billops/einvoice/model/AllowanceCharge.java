package dev.billops.einvoice.model;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A document-level allowance (BG-20) or charge (BG-21), or a line-level one (BG-27/BG-28).
 *
 * @param charge true for a charge, false for an allowance
 * @param amount the amount (BT-92/99/136/141)
 * @param baseAmount the base amount (BT-93/100/137/142), or null
 * @param percent the percentage (BT-94/101/138/143), or null
 * @param reason the reason text (BT-97/104/139/144), or null
 * @param reasonCode the reason code (BT-98/105/140/145): UNTDID 5189 for allowances, 7161 for
 *     charges; or null
 * @param vatCategory the VAT category code of a document-level one (BT-95/102); null on lines
 * @param vatRate its VAT rate (BT-96/103), or null (category O, or on lines)
 */
public record AllowanceCharge(
        boolean charge,
        BigDecimal amount,
        @Nullable BigDecimal baseAmount,
        @Nullable BigDecimal percent,
        @Nullable String reason,
        @Nullable String reasonCode,
        @Nullable String vatCategory,
        @Nullable BigDecimal vatRate) {

    public AllowanceCharge {
        Objects.requireNonNull(amount, "amount");
        reason = Checks.optional("allowance/charge reason", reason);
        reasonCode = Checks.optional("allowance/charge reason code", reasonCode);
        vatCategory = Checks.optional("allowance/charge VAT category", vatCategory);
    }
}
