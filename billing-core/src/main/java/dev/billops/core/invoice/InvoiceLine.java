package dev.billops.core.invoice;

import dev.billops.core.error.InvalidBusinessTermException;
import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.Text;
import dev.billops.core.id.ActivityId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.RateRuleId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.money.DecimalBounds;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.core.time.LocalDateRange;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One line of an invoice. The price is copied onto the line when it is generated, so later
 * changes to rate rules never alter an issued invoice.
 *
 * <p>A host builds a line without a position ({@link #of}); the document numbers its lines 1..n
 * in their order when they are set ({@link Invoice#withLines}, {@code addLine}).
 *
 * <p>Net amount (EN 16931 BT-131) = quantity × (price / base quantity), rounded half-up to the
 * currency, minus line allowances plus line charges.
 *
 * @param position 1-based line number within its invoice; 0 for a line not yet on a document
 * @param description item name as printed
 * @param quantity invoiced quantity (may be negative for a correction, e.g. a retainer deduction)
 * @param unit unit of measure
 * @param price net price per base quantity; never negative (BR-27)
 * @param baseQuantity the quantity the price refers to (BT-149), usually 1
 * @param allowancesCharges line-level allowances and charges
 * @param tax the line's tax treatment
 * @param period the service period of this line, or null
 * @param entryIds the time entries this line bills (empty for manual and package lines)
 * @param projectId project of the billed work, or null
 * @param activityId activity of the billed work, or null
 * @param timekeeperId timekeeper of the billed work, or null
 * @param rateRuleId the rule the price came from, or null (explicit or manual price)
 * @param details what an e-invoice says of the line beyond this ({@link LineDetails#NONE} for nothing)
 */
public record InvoiceLine(
        int position,
        String description,
        BigDecimal quantity,
        UnitCode unit,
        UnitPrice price,
        BigDecimal baseQuantity,
        List<AllowanceCharge> allowancesCharges,
        TaxTreatment tax,
        @Nullable LocalDateRange period,
        List<TimeEntryId> entryIds,
        @Nullable ProjectId projectId,
        @Nullable ActivityId activityId,
        @Nullable TimekeeperId timekeeperId,
        @Nullable RateRuleId rateRuleId,
        LineDetails details) {

    /** Longest line description, in UTF-16 units (the column's length). */
    public static final int MAX_DESCRIPTION = 4000;

    /** Rounding of a line's quantity × price (EN 16931 compares half-up rounded amounts). */
    public static final RoundingMode LINE_ROUNDING = RoundingMode.HALF_UP;

    public InvoiceLine {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(baseQuantity, "baseQuantity");
        Objects.requireNonNull(tax, "tax");
        Objects.requireNonNull(details, "details");
        allowancesCharges = List.copyOf(Objects.requireNonNull(allowancesCharges, "allowancesCharges"));
        entryIds = List.copyOf(Objects.requireNonNull(entryIds, "entryIds"));
        Text.require("line description", description, MAX_DESCRIPTION);
        quantity = DecimalBounds.requireQuantity("line quantity", quantity);
        baseQuantity = DecimalBounds.requireQuantity("line base quantity", baseQuantity);
        if (position < 0) {
            throw new InvalidInputException("line position " + position + " is negative");
        }
        if (description.isBlank()) {
            throw new InvalidInputException("line " + position + ": description is blank");
        }
        if (baseQuantity.signum() <= 0) {
            throw new InvalidInputException("line " + position + ": base quantity " + baseQuantity.toPlainString()
                    + " must be positive");
        }
        for (AllowanceCharge ac : allowancesCharges) {
            if (!ac.amount().currencyCode().equals(price.currencyCode())) {
                throw new dev.billops.core.money.CurrencyMismatchException(price.currencyCode(),
                        ac.amount().currencyCode(), "line " + position + " allowance/charge");
            }
        }
        UnitPrice before = details.priceBeforeDiscount();
        if (before != null) {
            if (!before.currencyCode().equals(price.currencyCode())) {
                throw new dev.billops.core.money.CurrencyMismatchException(price.currencyCode(), before.currencyCode(),
                        "line " + position + " price before discount");
            }
            if (before.amount().compareTo(price.amount()) < 0) {
                throw new InvalidBusinessTermException("BT-148 item gross price", before.amount().toPlainString(),
                        "is below the line's net price " + price.amount().toPlainString()
                                + " (the discount BT-147 would be negative)");
            }
        }
    }

    /** A line without {@link LineDetails}: the canonical constructor with {@link LineDetails#NONE}. */
    public InvoiceLine(int position, String description, BigDecimal quantity, UnitCode unit, UnitPrice price,
            BigDecimal baseQuantity, List<AllowanceCharge> allowancesCharges, TaxTreatment tax,
            @Nullable LocalDateRange period, List<TimeEntryId> entryIds, @Nullable ProjectId projectId,
            @Nullable ActivityId activityId, @Nullable TimekeeperId timekeeperId, @Nullable RateRuleId rateRuleId) {
        this(position, description, quantity, unit, price, baseQuantity, allowancesCharges, tax, period, entryIds,
                projectId, activityId, timekeeperId, rateRuleId, LineDetails.NONE);
    }

    /**
     * A simple line, not yet on a document: quantity × price, base quantity 1, no allowances, no
     * time entries.
     *
     * @throws InvalidInputException if the description is blank or the quantity out of bounds
     */
    public static InvoiceLine of(String description, BigDecimal quantity, UnitCode unit, UnitPrice price,
            TaxTreatment tax) {
        return new InvoiceLine(0, description, quantity, unit, price, BigDecimal.ONE, List.of(), tax, null,
                List.of(), null, null, null, null);
    }

    /** Quantity × price / base quantity, rounded half-up, before line allowances and charges. */
    public Money grossLineAmount() {
        BigDecimal raw = quantity.multiply(price.amount());
        if (baseQuantity.compareTo(BigDecimal.ONE) != 0) {
            // one rounding of the exact quotient (no intermediate scale that could round twice)
            return Money.of(price.currency(),
                    raw.divide(baseQuantity, price.currency().getDefaultFractionDigits(), LINE_ROUNDING));
        }
        return Money.of(price.currency(), raw, LINE_ROUNDING);
    }

    /** The line net amount (BT-131). */
    public Money netAmount() {
        Money net = grossLineAmount();
        for (AllowanceCharge ac : allowancesCharges) {
            net = net.plus(ac.signedAmount());
        }
        return net;
    }

    /** This line at {@code position} of its document; the document numbers its lines. */
    InvoiceLine withPosition(int position) {
        return new InvoiceLine(position, description, quantity, unit, price, baseQuantity, allowancesCharges, tax,
                period, entryIds, projectId, activityId, timekeeperId, rateRuleId, details);
    }

    /** This line with tax treatment {@code tax}. */
    public InvoiceLine withTax(TaxTreatment tax) {
        return new InvoiceLine(position, description, quantity, unit, price, baseQuantity, allowancesCharges, tax,
                period, entryIds, projectId, activityId, timekeeperId, rateRuleId, details);
    }

    /** This line with service period {@code period}, or none if null. */
    public InvoiceLine withPeriod(@Nullable LocalDateRange period) {
        return new InvoiceLine(position, description, quantity, unit, price, baseQuantity, allowancesCharges, tax,
                period, entryIds, projectId, activityId, timekeeperId, rateRuleId, details);
    }

    /** This line with e-invoice details {@code details} ({@link LineDetails#NONE} for none). */
    public InvoiceLine withDetails(LineDetails details) {
        return new InvoiceLine(position, description, quantity, unit, price, baseQuantity, allowancesCharges, tax,
                period, entryIds, projectId, activityId, timekeeperId, rateRuleId, details);
    }

    /** This line with the line-level allowances and charges {@code allowancesCharges}. */
    public InvoiceLine withAllowancesCharges(List<AllowanceCharge> allowancesCharges) {
        return new InvoiceLine(position, description, quantity, unit, price, baseQuantity, allowancesCharges, tax,
                period, entryIds, projectId, activityId, timekeeperId, rateRuleId, details);
    }
}
