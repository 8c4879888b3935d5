package dev.billops.core.invoice;

import dev.billops.core.error.BillingException;
import dev.billops.core.id.InvoiceId;
import java.util.Objects;

/**
 * An operation that only a draft allows (editing, deleting) was attempted on an invoice that is
 * no longer a draft. Nothing was changed.
 */
public final class InvoiceAlreadyIssuedException extends BillingException {

    private static final long serialVersionUID = 1L;

    private final InvoiceId invoiceId;
    private final InvoiceStatus status;

    public InvoiceAlreadyIssuedException(InvoiceId invoiceId, InvoiceStatus status) {
        super("invoice " + Objects.requireNonNull(invoiceId, "invoiceId") + " is " + status + ", not a draft");
        this.invoiceId = invoiceId;
        this.status = Objects.requireNonNull(status, "status");
    }

    /** The invoice that is not a draft. */
    public InvoiceId invoiceId() {
        return invoiceId;
    }

    /** Its current status. */
    public InvoiceStatus status() {
        return status;
    }
}
