package dev.billops.einvoice.facturx;

import dev.billops.core.error.BillingException;

/** A Factur-X PDF could not be created or read: the input PDF is unreadable, encrypted or has no invoice XML. */
public final class FacturXFailedException extends BillingException {

    private static final long serialVersionUID = 1L;

    public FacturXFailedException(String message) {
        super(message);
    }

    public FacturXFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
