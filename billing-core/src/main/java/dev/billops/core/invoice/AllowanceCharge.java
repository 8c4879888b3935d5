package dev.billops.core.invoice;

import dev.billops.core.error.InvalidBusinessTermException;
import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.Text;
import dev.billops.core.money.CurrencyMismatchException;
import dev.billops.core.money.DecimalBounds;
import dev.billops.core.money.Money;
import dev.billops.core.tax.TaxTreatment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A discount (allowance) or surcharge (charge) on a line or on the whole document
 * (EN 16931 BG-20/BG-21 on documents, BG-27/BG-28 on lines).
 *
 * <p>Build one with {@link #allowance}, {@link #charge}, {@link #allowancePercent} or
 * {@link #chargePercent}; the forms with a {@link TaxTreatment} are for the document level, the
 * forms without for a line. A percentage form computes the amount as
 * {@code base × percent / 100}, rounded with {@link #PERCENT_ROUNDING} to the currency, and keeps
 * percent and base (BT-94/BT-93 and BT-138/BT-137); the canonical constructor refuses a
 * percent, base and amount that do not agree.
 *
 * <p>The amount may be negative, as EN 16931 allows (BT-92, BT-99, BT-136 and BT-141 are plain
 * amounts, no rule bounds their sign): a negative allowance, e.g. the reversal of an allowance
 * granted too early, raises the net and stays an allowance, counted in the allowance total BT-107
 * (BR-CO-11) and in its VAT group's taxable amount with its sign (BR-CO-13, BR-x-08). A percentage
 * stays non-negative; a negative amount then comes from a negative base.
 *
 * @param charge true for a charge, false for an allowance
 * @param amount the amount, of either sign
 * @param percent the percentage it was computed from, or null
 * @param baseAmount the base the percentage applies to, or null
 * @param reason why, printed on the invoice
 * @param tax the tax treatment of a document-level allowance/charge; null on line level
 * @param reasonCode the reason as a code (BT-98/105/140/145): UNTDID 5189 for an allowance (e.g.
 *     {@code "95"} discount), UNTDID 7161 for a charge (e.g. {@code "FC"} freight); or null
 */
public record AllowanceCharge(
        boolean charge,
        Money amount,
        @Nullable BigDecimal percent,
        @Nullable Money baseAmount,
        String reason,
        @Nullable TaxTreatment tax,
        @Nullable String reasonCode) {

    /** Rounding of {@code base × percent / 100} to the currency. */
    public static final RoundingMode PERCENT_ROUNDING = RoundingMode.HALF_UP;

    /** Allowance reason codes (UNTDID 5189 as EN 16931 restricts it, BR-CL-19). */
    private static final Set<String> ALLOWANCE_REASONS = Set.of("41", "42", "60", "62", "63", "64", "65", "66",
            "67", "68", "70", "71", "88", "95", "100", "102", "103", "104", "105");

    /** Charge reason codes (UNTDID 7161, BR-CL-20). */
    private static final Set<String> CHARGE_REASONS = Set.of(
            "AA", "AAA", "AAC", "AAD", "AAE", "AAF", "AAH", "AAI", "AAS", "AAT", "AAV", "AAY", "AAZ", "ABA", "ABB",
            "ABC", "ABD", "ABF", "ABK", "ABL", "ABN", "ABR", "ABS", "ABT", "ABU", "ACF", "ACG", "ACH", "ACI", "ACJ",
            "ACK", "ACL", "ACM", "ACS", "ADC", "ADE", "ADJ", "ADK", "ADL", "ADM", "ADN", "ADO", "ADP", "ADQ", "ADR",
            "ADT", "ADW", "ADY", "ADZ", "AEA", "AEB", "AEC", "AED", "AEF", "AEH", "AEI", "AEJ", "AEK", "AEL", "AEM",
            "AEN", "AEO", "AEP", "AES", "AET", "AEU", "AEV", "AEW", "AEX", "AEY", "AEZ", "AJ", "AU", "CA", "CAB",
            "CAD", "CAE", "CAF", "CAI", "CAJ", "CAK", "CAL", "CAM", "CAN", "CAO", "CAP", "CAQ", "CAR", "CAS", "CAT",
            "CAU", "CAV", "CAW", "CAX", "CAY", "CAZ", "CD", "CG", "CS", "CT", "DAB", "DAD", "DAC", "DAF", "DAG",
            "DAH", "DAI", "DAJ", "DAK", "DAL", "DAM", "DAN", "DAO", "DAP", "DAQ", "DL", "EG", "EP", "ER", "FAA",
            "FAB", "FAC", "FC", "FH", "FI", "GAA", "HAA", "HD", "HH", "IAA", "IAB", "ID", "IF", "IR", "IS", "KO",
            "L1", "LA", "LAA", "LAB", "LF", "MAE", "MI", "ML", "NAA", "OA", "PA", "PAA", "PC", "PL", "PRV", "RAB",
            "RAC", "RAD", "RAF", "RE", "RF", "RH", "RV", "SA", "SAA", "SAD", "SAE", "SAI", "SG", "SH", "SM", "SU",
            "TAB", "TAC", "TT", "TV", "V1", "V2", "WH", "XAA", "YY", "ZZZ");

    public AllowanceCharge {
        Objects.requireNonNull(amount, "amount");
        if (reasonCode != null && !(charge ? CHARGE_REASONS : ALLOWANCE_REASONS).contains(reasonCode)) {
            throw new InvalidBusinessTermException(charge ? "charge reason code" : "allowance reason code", reasonCode,
                    charge ? "is not a UNTDID 7161 code (e.g. FC freight, ABL packaging)"
                            : "is not a UNTDID 5189 code (e.g. 95 discount, 100 special rebate)");
        }
        Objects.requireNonNull(reason, "reason");
        Text.require("allowance/charge reason", reason, 4000);
        if (percent != null) {
            percent = DecimalBounds.requireQuantity("allowance/charge percentage", percent);
        }
        if ((percent == null) != (baseAmount == null)) {
            throw new InvalidInputException("a percentage allowance/charge needs both percent and base amount");
        }
        if (percent != null && percent.signum() < 0) {
            throw new InvalidInputException("allowance/charge percentage " + percent.toPlainString() + " is negative");
        }
        if (percent != null && baseAmount != null) {
            if (!baseAmount.currencyCode().equals(amount.currencyCode())) {
                throw new CurrencyMismatchException(amount.currencyCode(), baseAmount.currencyCode(),
                        "base of allowance/charge " + Text.quote(reason));
            }
            Money computed = baseAmount.percentage(percent, PERCENT_ROUNDING);
            if (!computed.equals(amount)) {
                throw new InvalidInputException((charge ? "charge " : "allowance ") + amount + " is not "
                        + percent.toPlainString() + " % of " + baseAmount + " (" + computed + ")");
            }
        }
    }

    /** The record without a reason code: the canonical constructor with a null {@code reasonCode}. */
    public AllowanceCharge(boolean charge, Money amount, @Nullable BigDecimal percent, @Nullable Money baseAmount,
            String reason, @Nullable TaxTreatment tax) {
        this(charge, amount, percent, baseAmount, reason, tax, null);
    }

    /** A line-level allowance of {@code amount}. */
    public static AllowanceCharge allowance(Money amount, String reason) {
        return new AllowanceCharge(false, amount, null, null, reason, null);
    }

    /** A document-level allowance of {@code amount}, taxed as {@code tax}. */
    public static AllowanceCharge allowance(Money amount, String reason, TaxTreatment tax) {
        Objects.requireNonNull(tax, "tax");
        return new AllowanceCharge(false, amount, null, null, reason, tax);
    }

    /** A line-level charge of {@code amount}. */
    public static AllowanceCharge charge(Money amount, String reason) {
        return new AllowanceCharge(true, amount, null, null, reason, null);
    }

    /** A document-level charge of {@code amount}, taxed as {@code tax}. */
    public static AllowanceCharge charge(Money amount, String reason, TaxTreatment tax) {
        Objects.requireNonNull(tax, "tax");
        return new AllowanceCharge(true, amount, null, null, reason, tax);
    }

    /**
     * A line-level allowance of {@code percent} % of {@code base} ({@code 5} means 5 %).
     *
     * @throws InvalidInputException if the percentage is negative or out of bounds
     */
    public static AllowanceCharge allowancePercent(BigDecimal percent, Money base, String reason) {
        return ofPercent(false, percent, base, reason, null);
    }

    /** A document-level allowance of {@code percent} % of {@code base}, taxed as {@code tax}. */
    public static AllowanceCharge allowancePercent(BigDecimal percent, Money base, String reason, TaxTreatment tax) {
        Objects.requireNonNull(tax, "tax");
        return ofPercent(false, percent, base, reason, tax);
    }

    /** A line-level charge of {@code percent} % of {@code base}. */
    public static AllowanceCharge chargePercent(BigDecimal percent, Money base, String reason) {
        return ofPercent(true, percent, base, reason, null);
    }

    /** A document-level charge of {@code percent} % of {@code base}, taxed as {@code tax}. */
    public static AllowanceCharge chargePercent(BigDecimal percent, Money base, String reason, TaxTreatment tax) {
        Objects.requireNonNull(tax, "tax");
        return ofPercent(true, percent, base, reason, tax);
    }

    private static AllowanceCharge ofPercent(boolean charge, BigDecimal percent, Money base, String reason,
            @Nullable TaxTreatment tax) {
        Objects.requireNonNull(percent, "percent");
        Objects.requireNonNull(base, "base");
        BigDecimal checked = DecimalBounds.requireQuantity("allowance/charge percentage", percent);
        if (checked.signum() < 0) {
            throw new InvalidInputException("allowance/charge percentage " + checked.toPlainString() + " is negative");
        }
        return new AllowanceCharge(charge, base.percentage(checked, PERCENT_ROUNDING), checked, base, reason, tax);
    }

    /** The same kind, reason and tax for a fixed {@code amount} (no percentage). */
    public AllowanceCharge withAmount(Money amount) {
        return new AllowanceCharge(charge, amount, null, null, reason, tax, reasonCode);
    }

    /**
     * This allowance or charge with reason code {@code code} (or none if null).
     *
     * @throws InvalidBusinessTermException if it is not in the code list of its kind
     */
    public AllowanceCharge withReasonCode(@Nullable String code) {
        return new AllowanceCharge(charge, amount, percent, baseAmount, reason, tax, code);
    }

    /**
     * The same kind, percentage, reason and tax applied to {@code base}.
     *
     * @throws IllegalStateException if this is not a percentage allowance or charge
     */
    public AllowanceCharge withBase(Money base) {
        if (percent == null) {
            throw new IllegalStateException("allowance/charge " + Text.quote(reason) + " is not a percentage");
        }
        return ofPercent(charge, percent, base, reason, tax).withReasonCode(reasonCode);
    }

    /** Signed effect on the net: the amount for a charge, its negation for an allowance. */
    public Money signedAmount() {
        return charge ? amount : amount.negate();
    }
}
