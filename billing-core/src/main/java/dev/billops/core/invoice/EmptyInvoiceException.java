package dev.billops.core.invoice;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.InvoiceId;
import java.util.Objects;

/** An invoice without lines cannot be issued (EN 16931 BR-16). Nothing was stored. */
public final class EmptyInvoiceException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final InvoiceId invoiceId;

    public EmptyInvoiceException(InvoiceId invoiceId) {
        super("invoice " + Objects.requireNonNull(invoiceId, "invoiceId") + " has no lines (BR-16)");
        this.invoiceId = invoiceId;
    }

    public InvoiceId invoiceId() {
        return invoiceId;
    }
}
