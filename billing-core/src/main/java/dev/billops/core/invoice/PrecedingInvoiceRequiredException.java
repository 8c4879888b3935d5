package dev.billops.core.invoice;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.InvoiceId;
import java.util.Objects;

/**
 * A corrected invoice (type 384) must name the invoice it corrects (BT-25), and this one did not.
 * Nothing was changed.
 */
public final class PrecedingInvoiceRequiredException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final InvoiceId invoiceId;

    public PrecedingInvoiceRequiredException(InvoiceId invoiceId) {
        super("invoice " + Objects.requireNonNull(invoiceId, "invoiceId") + " is a corrected invoice (384) but names "
                + "no preceding invoice (BT-25); use Invoices.corrects(draft, invoice)");
        this.invoiceId = invoiceId;
    }

    public InvoiceId invoiceId() {
        return invoiceId;
    }
}
