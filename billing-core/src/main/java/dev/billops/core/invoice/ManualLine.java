package dev.billops.core.invoice;

import dev.billops.core.Invoices;
import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.ProjectId;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.core.time.LocalDateRange;
import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A line a host adds to a draft by hand ({@link Invoices#addLine(dev.billops.core.id.InvoiceId,
 * ManualLine)}). Its tax treatment is derived from the client's tax profile when the line is added
 * (the project's VAT rate, else the tenant's default, for STANDARD
 * clients; AE for REVERSE_CHARGE clients, and so on) unless the host sets one with
 * {@link #withTax}; either way a treatment that contradicts the client's profile is refused
 * ({@link TaxTreatmentContradictsClientException}).
 *
 * @param description item name as printed; not blank
 * @param quantity invoiced quantity
 * @param unit unit of measure
 * @param price net price per unit
 * @param projectId the project the line belongs to (its VAT rate applies), or null
 * @param period the line's service period, or null
 * @param taxOverride the host's explicit tax treatment, or null to derive it from the client
 */
public record ManualLine(String description, BigDecimal quantity, UnitCode unit, UnitPrice price,
        @Nullable ProjectId projectId, @Nullable LocalDateRange period, @Nullable TaxTreatment taxOverride) {

    public ManualLine {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(price, "price");
        if (description.isBlank()) {
            throw new InvalidInputException("manual line: description is blank");
        }
    }

    /** A line on no project, its tax derived from the client's profile. */
    public static ManualLine of(String description, BigDecimal quantity, UnitCode unit, UnitPrice price) {
        return new ManualLine(description, quantity, unit, price, null, null, null);
    }

    /** This line on {@code project}: a STANDARD client's line then takes the project's VAT rate. */
    public ManualLine forProject(@Nullable ProjectId project) {
        return new ManualLine(description, quantity, unit, price, project, period, taxOverride);
    }

    public ManualLine withPeriod(@Nullable LocalDateRange period) {
        return new ManualLine(description, quantity, unit, price, projectId, period, taxOverride);
    }

    /** This line with the host's explicit tax treatment instead of the client's (still checked against it). */
    public ManualLine withTax(@Nullable TaxTreatment tax) {
        return new ManualLine(description, quantity, unit, price, projectId, period, tax);
    }

    /** The invoice line, not yet on a document, with the tax treatment {@code tax}. */
    public InvoiceLine toLine(TaxTreatment tax) {
        return new InvoiceLine(0, description, quantity, unit, price, BigDecimal.ONE, java.util.List.of(), tax,
                period, java.util.List.of(), projectId, null, null, null);
    }
}
