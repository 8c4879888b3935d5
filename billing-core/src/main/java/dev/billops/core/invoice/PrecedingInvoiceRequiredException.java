package dev.billops.core.invoice;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.InvoiceId;
import org.jspecify.annotations.Nullable;

/**
 * A corrected invoice (type 384) must name the invoice it corrects (BT-25), and this one did not.
 * Nothing was changed.
 */
public final class PrecedingInvoiceRequiredException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final @Nullable InvoiceId invoiceId;

    /** @param invoiceId the document, or null for a draft not made yet (draft options) */
    public PrecedingInvoiceRequiredException(@Nullable InvoiceId invoiceId) {
        super((invoiceId == null ? "a draft" : "invoice " + invoiceId) + " is a corrected invoice (384) but names "
                + "no preceding invoice (BT-25); use Invoices.corrects(draft, invoice) or terms with a preceding invoice");
        this.invoiceId = invoiceId;
    }

    /** The document, or null for a draft not made yet. */
    public @Nullable InvoiceId invoiceId() {
        return invoiceId;
    }
}
