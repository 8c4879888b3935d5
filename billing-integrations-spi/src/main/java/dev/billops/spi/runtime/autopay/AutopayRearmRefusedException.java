package dev.billops.spi.runtime.autopay;

import dev.billops.core.error.BillingException;
import dev.billops.core.id.InvoiceId;
import java.util.Objects;

/**
 * Autopay was not re-armed for an invoice because it cannot be shown that no money moved: the
 * invoice was never charged by autopay, a charge with its key succeeded or is pending, or the
 * gateway could not be asked. Nothing was changed.
 */
public class AutopayRearmRefusedException extends BillingException {

    private static final long serialVersionUID = 1L;

    private final InvoiceId invoiceId;

    public AutopayRearmRefusedException(InvoiceId invoiceId, String message) {
        super(message);
        this.invoiceId = Objects.requireNonNull(invoiceId, "invoiceId");
    }

    public InvoiceId invoiceId() {
        return invoiceId;
    }
}
