package dev.billops.core.payment;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.InvoiceId;
import java.util.Objects;

/**
 * Money was to be applied to a document that does not take payments: a draft, a void invoice,
 * a credit note, or an invoice of another client.
 */
public final class InvoiceNotPayableException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final InvoiceId invoiceId;

    public InvoiceNotPayableException(InvoiceId invoiceId, String reason) {
        super(reason);
        this.invoiceId = Objects.requireNonNull(invoiceId, "invoiceId");
    }

    public InvoiceId invoiceId() {
        return invoiceId;
    }
}
