package dev.billops.core.invoice;

import dev.billops.core.error.BillingException;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.money.Money;
import java.util.Objects;

/**
 * An invoice cannot be voided because money was already applied to it (payments or credit
 * notes); refund or credit instead. Nothing was changed.
 */
public final class InvoiceHasPaymentsException extends BillingException {

    private static final long serialVersionUID = 1L;

    private final InvoiceId invoiceId;

    public InvoiceHasPaymentsException(InvoiceId invoiceId, String number, Money paid, Money credited) {
        super("invoice " + number + " (" + Objects.requireNonNull(invoiceId, "invoiceId") + ") cannot be voided: "
                + paid + " paid and " + credited + " credited");
        this.invoiceId = invoiceId;
    }

    public InvoiceId invoiceId() {
        return invoiceId;
    }
}
