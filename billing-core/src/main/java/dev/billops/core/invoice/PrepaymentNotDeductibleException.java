package dev.billops.core.invoice;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.InvoiceId;
import java.util.Objects;

/**
 * A draft cannot deduct a prepayment invoice: it is not an issued, fully paid prepayment invoice
 * (type 386) of the draft's client and currency, it is deducted by another invoice already, or it
 * is named twice. Nothing was stored.
 */
public final class PrepaymentNotDeductibleException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final InvoiceId invoiceId;
    private final InvoiceId prepaymentId;

    public PrepaymentNotDeductibleException(InvoiceId invoiceId, InvoiceId prepaymentId, String label, String why) {
        super("invoice " + Objects.requireNonNull(invoiceId, "invoiceId") + " cannot deduct prepayment invoice "
                + Objects.requireNonNull(label, "label") + ": " + Objects.requireNonNull(why, "why"));
        this.invoiceId = invoiceId;
        this.prepaymentId = Objects.requireNonNull(prepaymentId, "prepaymentId");
    }

    /** The draft that was to deduct it. */
    public InvoiceId invoiceId() {
        return invoiceId;
    }

    /** The prepayment invoice refused. */
    public InvoiceId prepaymentId() {
        return prepaymentId;
    }
}
