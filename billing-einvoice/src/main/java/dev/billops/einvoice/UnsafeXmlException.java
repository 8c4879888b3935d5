package dev.billops.einvoice;

import org.jspecify.annotations.Nullable;

/**
 * A document was refused before it was read because it could harm the reader: it declares a DTD
 * or entities (external entity or entity-expansion attacks), has more elements than the reader's
 * size limit allows, or nests elements deeper than its limit.
 */
public final class UnsafeXmlException extends EInvoiceNotReadableException {

    private static final long serialVersionUID = 1L;

    public UnsafeXmlException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
