package dev.billops.core.payment;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceSource;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.tax.TaxTreatment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;

/**
 * A fee charged on an overdue invoice: a fixed amount, a percentage of the balance (rounded half
 * up to the minor unit), or both added, optionally capped. The fee goes on a new DRAFT invoice
 * (source {@link InvoiceSource#LATE_FEE}, metadata {@value #METADATA_KEY}{@code =<invoice id>},
 * the overdue invoice's number in the line description); the issued invoice is never edited.
 *
 * <p>A policy with a fixed amount or a cap is in that currency and charges nothing on invoices
 * in other currencies; a percentage-only policy applies to every currency.
 *
 * <p><b>Tax.</b> The fee line's default treatment is category O (outside the scope of VAT), as
 * late-payment compensation is in most EU states. EN 16931 forbids seller and buyer VAT ids on a
 * document with category O (BR-O-02..04), so a VAT-registered seller cannot issue such a draft as
 * it is: set the treatment your tax adviser names with {@link #withTax}.
 *
 * @param fixed fixed part, positive, or null
 * @param percent percentage of the balance, in (0, 100], or null
 * @param cap the most a fee can be, positive, or null
 * @param graceDays a fee is charged only when more than this many days past due
 * @param tax the tax treatment of the fee line
 */
public record LateFeePolicy(@Nullable Money fixed, @Nullable BigDecimal percent, @Nullable Money cap, int graceDays,
        TaxTreatment tax) {

    /** Metadata key on the fee draft whose value is the overdue invoice's id. */
    public static final String METADATA_KEY = "lateFeeFor";

    /** Default tax of the fee line: late-payment compensation is outside the scope of VAT in most of the EU. */
    public static final TaxTreatment DEFAULT_TAX = TaxTreatment.outOfScope("Late payment fee, not subject to VAT");

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public LateFeePolicy {
        Objects.requireNonNull(tax, "tax");
        if (fixed == null && percent == null) {
            throw new InvalidInputException("a late fee needs a fixed amount, a percentage, or both");
        }
        if (fixed != null && !fixed.isPositive()) {
            throw new InvalidInputException("late fee fixed amount " + fixed + " must be positive");
        }
        if (percent != null && (percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0)) {
            throw new InvalidInputException("late fee percentage " + percent.toPlainString()
                    + " must be above 0 and at most 100");
        }
        if (cap != null && !cap.isPositive()) {
            throw new InvalidInputException("late fee cap " + cap + " must be positive");
        }
        if (fixed != null && cap != null) {
            fixed.requireSameCurrency(cap);
        }
        if (graceDays < 0 || graceDays > 3650) {
            throw new InvalidInputException("late fee grace period " + graceDays + " days must be 0-3650");
        }
    }

    /** A fixed fee, charged from the first day past due. */
    public static LateFeePolicy fixed(Money amount) {
        return new LateFeePolicy(Objects.requireNonNull(amount, "amount"), null, null, 0, DEFAULT_TAX);
    }

    /** {@code percent} % of the balance, charged from the first day past due. */
    public static LateFeePolicy percentage(BigDecimal percent) {
        return new LateFeePolicy(null, Objects.requireNonNull(percent, "percent"), null, 0, DEFAULT_TAX);
    }

    /** This policy plus a percentage of the balance. */
    public LateFeePolicy plusPercentage(BigDecimal percent) {
        return new LateFeePolicy(fixed, percent, cap, graceDays, tax);
    }

    public LateFeePolicy withCap(@Nullable Money cap) {
        return new LateFeePolicy(fixed, percent, cap, graceDays, tax);
    }

    public LateFeePolicy withGraceDays(int days) {
        return new LateFeePolicy(fixed, percent, cap, days, tax);
    }

    public LateFeePolicy withTax(TaxTreatment tax) {
        return new LateFeePolicy(fixed, percent, cap, graceDays, tax);
    }

    /** Whether this policy charges fees on invoices in {@code currency}. */
    public boolean appliesTo(CurrencyUnit currency) {
        String code = currency.getCurrencyCode();
        return (fixed == null || fixed.currencyCode().equals(code)) && (cap == null || cap.currencyCode().equals(code));
    }

    /** The fee on {@code balance}: fixed + percentage, capped; empty if the policy does not apply or the fee is zero. */
    public Optional<Money> feeFor(Money balance) {
        Objects.requireNonNull(balance, "balance");
        if (!appliesTo(balance.currency()) || !balance.isPositive()) {
            return Optional.empty();
        }
        Money fee = fixed != null ? fixed : Money.zero(balance.currency());
        if (percent != null) {
            fee = fee.plus(balance.percentage(percent, RoundingMode.HALF_UP));
        }
        if (cap != null) {
            fee = fee.min(cap);
        }
        return fee.isPositive() ? Optional.of(fee) : Optional.empty();
    }

    /**
     * The fee draft for {@code overdue} on {@code date}, if a fee is due: the invoice must be more
     * than {@link #graceDays()} past due with a positive balance. Pure: stores nothing.
     */
    public Optional<Invoice> draftFor(Invoice overdue, LocalDate date) {
        Objects.requireNonNull(overdue, "overdue");
        Objects.requireNonNull(date, "date");
        LocalDate dueDate = overdue.dueDate();
        if (dueDate == null || !overdue.isOverdueOn(date) || ChronoUnit.DAYS.between(dueDate, date) <= graceDays) {
            return Optional.empty();
        }
        Optional<Money> fee = feeFor(overdue.amountDue());
        if (fee.isEmpty()) {
            return Optional.empty();
        }
        String number = overdue.number() != null ? overdue.number() : overdue.id().value();
        long days = ChronoUnit.DAYS.between(dueDate, date);
        InvoiceLine line = InvoiceLine.of("Late fee for invoice " + number + " (due " + dueDate + ", " + days
                + " days overdue on " + date + ")", BigDecimal.ONE, UnitCode.PIECE, UnitPrice.of(fee.get()), tax);
        Invoice draft = Invoice.draft(InvoiceId.generate(), overdue.clientId(), overdue.currency(),
                        InvoiceSource.LATE_FEE)
                .withLines(List.of(line))
                .withNotes("Late fee for invoice " + number + ".")
                .withMetadata(Map.of(METADATA_KEY, overdue.id().value()));
        return Optional.of(draft);
    }
}
