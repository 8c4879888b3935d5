package dev.billops.core.timeentry;

import dev.billops.core.error.BillingException;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.TimeEntryId;
import org.jspecify.annotations.Nullable;

/** An entry was to be billed, edited or deleted but is already billed (or locked). */
public final class TimeEntryAlreadyBilledException extends BillingException {

    private static final long serialVersionUID = 1L;

    private final TimeEntryId entryId;
    private final @Nullable InvoiceId invoiceId;

    public TimeEntryAlreadyBilledException(TimeEntryId entryId, @Nullable InvoiceId invoiceId) {
        super("time entry " + entryId + (invoiceId == null ? " is locked" : " is already billed on invoice " + invoiceId));
        this.entryId = entryId;
        this.invoiceId = invoiceId;
    }

    public TimeEntryId entryId() {
        return entryId;
    }

    public @Nullable InvoiceId invoiceId() {
        return invoiceId;
    }
}
