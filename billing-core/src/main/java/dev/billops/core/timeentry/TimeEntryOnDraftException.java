package dev.billops.core.timeentry;

import dev.billops.core.error.BillingException;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.TimeEntryId;
import java.util.Objects;

/**
 * An entry was to be edited or deleted while a DRAFT invoice bills it: the draft would be issued
 * with the entry as it was. Delete or regenerate the draft first (which frees its entries), then
 * edit. Nothing was stored.
 */
public final class TimeEntryOnDraftException extends BillingException {

    private static final long serialVersionUID = 1L;

    private final TimeEntryId entryId;
    private final InvoiceId invoiceId;

    public TimeEntryOnDraftException(TimeEntryId entryId, InvoiceId invoiceId) {
        super("time entry " + Objects.requireNonNull(entryId, "entryId") + " is on draft invoice "
                + Objects.requireNonNull(invoiceId, "invoiceId")
                + "; delete or regenerate that draft before editing or deleting the entry");
        this.entryId = entryId;
        this.invoiceId = invoiceId;
    }

    public TimeEntryId entryId() {
        return entryId;
    }

    /** The draft that bills the entry. */
    public InvoiceId invoiceId() {
        return invoiceId;
    }
}
