package dev.billops.core.engagement;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.EngagementId;
import dev.billops.core.time.LocalDateRange;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A renewal would start inside (or before the end of) a period that the renewed engagement has
 * already invoiced, so the days from the renewal's start to that period's end would be billed
 * twice. Invoices are never changed by a renewal: start the renewal after that period, or credit
 * the invoice first.
 */
public final class RenewalOverlapsInvoicedPeriodException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final EngagementId engagementId;
    private final LocalDate renewalStart;
    private final LocalDateRange invoicedPeriod;
    private final String invoiceNumber;

    public RenewalOverlapsInvoicedPeriodException(EngagementId engagementId, LocalDate renewalStart,
            LocalDateRange invoicedPeriod, String invoiceNumber) {
        super("a renewal of engagement " + Objects.requireNonNull(engagementId, "engagementId") + " starting on "
                + Objects.requireNonNull(renewalStart, "renewalStart") + " overlaps period "
                + Objects.requireNonNull(invoicedPeriod, "invoicedPeriod") + " already billed by invoice "
                + Objects.requireNonNull(invoiceNumber, "invoiceNumber") + "; start the renewal on "
                + invoicedPeriod.endExclusive() + " or later, or credit that invoice first");
        this.engagementId = engagementId;
        this.renewalStart = renewalStart;
        this.invoicedPeriod = invoicedPeriod;
        this.invoiceNumber = invoiceNumber;
    }

    public EngagementId engagementId() {
        return engagementId;
    }

    public LocalDate renewalStart() {
        return renewalStart;
    }

    /** The invoiced period the renewal would overlap. */
    public LocalDateRange invoicedPeriod() {
        return invoicedPeriod;
    }

    /** The number of the invoice of that period. */
    public String invoiceNumber() {
        return invoiceNumber;
    }
}
