package dev.billops.core.invoice;

import dev.billops.core.error.BillingException;
import dev.billops.core.id.InvoiceId;
import java.util.Objects;

/**
 * An operation that needs an issued invoice (void, credit, pay) was attempted on a draft, a void
 * invoice or a document of the wrong type. Nothing was changed.
 */
public final class InvoiceNotIssuedException extends BillingException {

    private static final long serialVersionUID = 1L;

    private final InvoiceId invoiceId;
    private final InvoiceStatus status;

    /**
     * @param operation what was attempted, e.g. {@code "void invoice"}
     */
    public InvoiceNotIssuedException(InvoiceId invoiceId, InvoiceStatus status, String operation) {
        super("cannot " + Objects.requireNonNull(operation, "operation") + " "
                + Objects.requireNonNull(invoiceId, "invoiceId") + ": it is " + Objects.requireNonNull(status, "status"));
        this.invoiceId = invoiceId;
        this.status = status;
    }

    public InvoiceId invoiceId() {
        return invoiceId;
    }

    public InvoiceStatus status() {
        return status;
    }
}
