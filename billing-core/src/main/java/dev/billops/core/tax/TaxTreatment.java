package dev.billops.core.tax;

import dev.billops.core.error.Text;
import dev.billops.core.money.DecimalBounds;
import java.math.BigDecimal;
import dev.billops.core.error.CodeLists;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The tax applied to a line or a document-level allowance/charge: a category, a rate in per
 * cent (null only for category O, "not subject to VAT"), and the exemption reason where the
 * category needs one. The rate is kept normalized (19.00 becomes 19), so treatments of one
 * {@link VatGroup} have equal rates.
 *
 * @param category the VAT category
 * @param ratePercent rate in per cent, e.g. {@code 19}; 0 for Z/E/AE/K/G; null for O
 * @param exemptionReason printed reason (E, AE, K, G, O), or null
 * @param exemptionReasonCode VATEX code of the reason (BT-121), e.g. {@code VATEX-EU-AE}, or null;
 *     the factories of AE, K, G and O set theirs, an exempt treatment takes one with
 *     {@link #withExemptionReasonCode}
 */
public record TaxTreatment(TaxCategory category, @Nullable BigDecimal ratePercent, @Nullable String exemptionReason,
        @Nullable String exemptionReasonCode) {

    /** A treatment without a VATEX reason code. */
    public TaxTreatment(TaxCategory category, @Nullable BigDecimal ratePercent, @Nullable String exemptionReason) {
        this(category, ratePercent, exemptionReason, null);
    }

    /** Most decimals of a rate (a {@code NUMERIC(38,18)} column). */
    public static final int MAX_RATE_SCALE = 18;
    /** Longest exemption reason (its column). */
    public static final int MAX_REASON_LENGTH = 4000;

    public TaxTreatment {
        Objects.requireNonNull(category, "category");
        exemptionReason = Text.optional("tax exemption reason", exemptionReason, MAX_REASON_LENGTH);
        exemptionReasonCode = CodeLists.vatex("BT-121 VAT exemption reason code", exemptionReasonCode);
        if (ratePercent != null && DecimalBounds.integerDigits(ratePercent) <= 3) {
            // a rate of 100 % or more is refused by the category rules below; the bound on decimals
            // comes first, before the rate is compared, stripped or printed
            ratePercent = DecimalBounds.require("tax rate", ratePercent, 3, MAX_RATE_SCALE);
        }
        switch (category) {
            case O -> {
                if (ratePercent != null) {
                    throw new TaxCategoryRuleViolationException(category.rule(5), category,
                            "tax category O (not subject to VAT) has no rate, got " + DecimalBounds.quote(ratePercent) + " %");
                }
            }
            case S, L, M, B -> {
                boolean positive = category == TaxCategory.S || category == TaxCategory.B;
                boolean bad = ratePercent == null || ratePercent.signum() < 0
                        || ratePercent.compareTo(BigDecimal.valueOf(100)) >= 0
                        || (positive && ratePercent.signum() == 0);
                if (bad) {
                    // B has no rule 05 of its own: the VAT split off is charged at an Italian rate above 0,
                    // so the refusal names the rate's business term (BT-152) instead
                    throw new TaxCategoryRuleViolationException(category == TaxCategory.B ? "BT-152"
                            : category.rule(5), category, "tax category " + category
                            + " needs a rate " + (positive ? "above 0" : "of at least 0")
                            + " and below 100 %, got " + (ratePercent == null ? "none" : DecimalBounds.quote(ratePercent) + " %"));
                }
            }
            default -> {
                if (ratePercent == null || ratePercent.signum() != 0) {
                    throw new TaxCategoryRuleViolationException(category.rule(5), category, "tax category " + category
                            + " has rate 0 %, got " + (ratePercent == null ? "none" : DecimalBounds.quote(ratePercent) + " %"));
                }
            }
        }
        if (exemptionReason != null && exemptionReason.isBlank()) {
            exemptionReason = null;
        }
        if (ratePercent != null) {
            ratePercent = normalRate(ratePercent);
        }
    }

    /** {@code rate} without trailing zeros and with a scale of at least 0: equal rates are equal. */
    static BigDecimal normalRate(BigDecimal rate) {
        BigDecimal stripped = rate.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Standard rate, e.g. {@code standard(new BigDecimal("19"))}. A zero rate gives category Z. */
    public static TaxTreatment standard(BigDecimal ratePercent) {
        Objects.requireNonNull(ratePercent, "ratePercent");
        return ratePercent.signum() == 0 ? zeroRated() : new TaxTreatment(TaxCategory.S, ratePercent, null);
    }

    /**
     * Split payment (category B) at the Italian VAT rate {@code ratePercent}, e.g. 22: the VAT is
     * invoiced and the buyer (a public body) pays it to the tax authority. Only for a domestic
     * Italian document without standard-rated (S) amounts (BR-B-01, BR-B-02, checked at issue).
     */
    public static TaxTreatment splitPayment(BigDecimal ratePercent) {
        Objects.requireNonNull(ratePercent, "ratePercent");
        return new TaxTreatment(TaxCategory.B, ratePercent, null);
    }

    public static TaxTreatment zeroRated() {
        return new TaxTreatment(TaxCategory.Z, BigDecimal.ZERO, null);
    }

    public static TaxTreatment exempt(String reason) {
        return new TaxTreatment(TaxCategory.E, BigDecimal.ZERO, Objects.requireNonNull(reason, "reason"));
    }

    public static TaxTreatment reverseCharge() {
        return new TaxTreatment(TaxCategory.AE, BigDecimal.ZERO, "Reverse charge", "VATEX-EU-AE");
    }

    public static TaxTreatment intraCommunity() {
        return new TaxTreatment(TaxCategory.K, BigDecimal.ZERO, "Intra-community supply", "VATEX-EU-IC");
    }

    public static TaxTreatment export() {
        return new TaxTreatment(TaxCategory.G, BigDecimal.ZERO, "Export outside the EU", "VATEX-EU-G");
    }

    public static TaxTreatment outOfScope(String reason) {
        return new TaxTreatment(TaxCategory.O, null, Objects.requireNonNull(reason, "reason"), "VATEX-EU-O");
    }

    /**
     * This treatment with VATEX code {@code code} (BT-121), e.g. {@code VATEX-EU-132-1I}, or none.
     *
     * @throws dev.billops.core.error.InvalidBusinessTermException if it is not in the VATEX code list
     */
    public TaxTreatment withExemptionReasonCode(@Nullable String code) {
        return new TaxTreatment(category, ratePercent, exemptionReason, code);
    }

    /** The rate, with 0 standing in for category O. */
    public BigDecimal rateOrZero() {
        return ratePercent == null ? BigDecimal.ZERO : ratePercent;
    }
}
