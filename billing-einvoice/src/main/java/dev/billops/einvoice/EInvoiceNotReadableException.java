package dev.billops.einvoice;

import dev.billops.core.error.BillingException;
import org.jspecify.annotations.Nullable;

/**
 * A document could not be read as an e-invoice: it is not well-formed XML, not a UBL invoice or
 * credit note nor a CII invoice, or a required value is missing or malformed. The message names
 * the location and the value.
 */
public class EInvoiceNotReadableException extends BillingException {

    private static final long serialVersionUID = 1L;

    public EInvoiceNotReadableException(String message) {
        super(message);
    }

    public EInvoiceNotReadableException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
