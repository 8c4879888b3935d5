package dev.billops.core.invoice;

import dev.billops.core.error.BillingException;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.ProjectId;
import java.time.YearMonth;
import java.util.Objects;

/**
 * A draft was to be issued with a project's monthly fee for a month that another issued invoice
 * already bills (two drafts of the month made at the same time). Regenerate the draft: it then
 * bills the month's time without the fee. Nothing was stored.
 */
public final class MonthlyFeeAlreadyBilledException extends BillingException {

    private static final long serialVersionUID = 1L;

    private final InvoiceId invoiceId;
    private final ProjectId projectId;
    private final YearMonth month;
    private final InvoiceId billedOn;

    public MonthlyFeeAlreadyBilledException(InvoiceId invoiceId, ProjectId projectId, YearMonth month,
            InvoiceId billedOn) {
        super("invoice " + Objects.requireNonNull(invoiceId, "invoiceId") + " bills the monthly fee of project "
                + Objects.requireNonNull(projectId, "projectId") + " for " + Objects.requireNonNull(month, "month")
                + ", already billed on invoice " + Objects.requireNonNull(billedOn, "billedOn")
                + "; regenerate the draft");
        this.invoiceId = invoiceId;
        this.projectId = projectId;
        this.month = month;
        this.billedOn = billedOn;
    }

    public InvoiceId invoiceId() {
        return invoiceId;
    }

    public ProjectId projectId() {
        return projectId;
    }

    public YearMonth month() {
        return month;
    }

    /** The issued invoice that bills the fee. */
    public InvoiceId billedOn() {
        return billedOn;
    }
}
