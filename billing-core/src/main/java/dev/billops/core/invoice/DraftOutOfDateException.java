package dev.billops.core.invoice;

import dev.billops.core.error.BillingException;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.TimeEntryId;
import java.util.Objects;

/**
 * A draft was to be issued but one of the time entries it bills no longer matches it: the entry
 * was deleted, changed (its version moved: new times, a new rate) or made non-billable or moved
 * to another project since it was drafted. Issuing it
 * would bill the entry as drafted and mark the changed entry billed. Regenerate the draft
 * ({@code Invoices.regenerate}). Nothing was stored.
 */
public final class DraftOutOfDateException extends BillingException {

    private static final long serialVersionUID = 1L;

    private final InvoiceId invoiceId;
    private final TimeEntryId entryId;

    public DraftOutOfDateException(InvoiceId invoiceId, TimeEntryId entryId, String change) {
        super("draft invoice " + Objects.requireNonNull(invoiceId, "invoiceId") + " bills time entry "
                + Objects.requireNonNull(entryId, "entryId") + ", which " + Objects.requireNonNull(change, "change")
                + " since it was drafted; regenerate the draft");
        this.invoiceId = invoiceId;
        this.entryId = entryId;
    }

    public InvoiceId invoiceId() {
        return invoiceId;
    }

    /** The entry that changed. */
    public TimeEntryId entryId() {
        return entryId;
    }
}
