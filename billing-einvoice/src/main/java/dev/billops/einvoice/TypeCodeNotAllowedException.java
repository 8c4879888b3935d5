package dev.billops.einvoice;

import dev.billops.core.error.BillingException;
import java.util.Objects;

/**
 * A profile does not allow the document type code (BT-3) of an e-invoice, e.g. 389 self-billed in
 * Peppol BIS Billing; nothing was written.
 */
public final class TypeCodeNotAllowedException extends BillingException {

    private static final long serialVersionUID = 1L;

    private final EInvoiceProfile profile;
    private final String invoiceNumber;
    private final String typeCode;

    public TypeCodeNotAllowedException(EInvoiceProfile profile, String invoiceNumber, String typeCode) {
        super("invoice " + invoiceNumber + " cannot be written as " + Objects.requireNonNull(profile, "profile").title()
                + ": it does not allow document type code " + Objects.requireNonNull(typeCode, "typeCode")
                + " (BT-3)");
        this.profile = profile;
        this.invoiceNumber = invoiceNumber;
        this.typeCode = typeCode;
    }

    public EInvoiceProfile profile() {
        return profile;
    }

    public String invoiceNumber() {
        return invoiceNumber;
    }

    /** The refused UNTDID 1001 code. */
    public String typeCode() {
        return typeCode;
    }
}
