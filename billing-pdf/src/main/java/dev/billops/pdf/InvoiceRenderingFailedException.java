package dev.billops.pdf;

import dev.billops.core.error.BillingException;
import dev.billops.core.id.InvoiceId;

/**
 * A document could not be written: the output stream failed, or OpenPDF rejected the layout.
 * Carries the invoice id; the cause has the detail.
 */
public final class InvoiceRenderingFailedException extends BillingException {

    private static final long serialVersionUID = 1L;

    private final transient InvoiceId invoiceId;

    InvoiceRenderingFailedException(InvoiceId invoiceId, String what, Throwable cause) {
        super("cannot render invoice " + invoiceId.value() + ": " + what, cause);
        this.invoiceId = invoiceId;
    }

    /** The invoice that was being rendered. */
    public InvoiceId invoiceId() {
        return invoiceId;
    }
}
