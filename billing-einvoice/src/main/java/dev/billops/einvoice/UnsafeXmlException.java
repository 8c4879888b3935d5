package dev.billops.einvoice;

/**
 * A document was refused before it was read because it could harm the reader: it declares a DTD
 * or entities (external entity or entity-expansion attacks), or nests elements deeper than the
 * reader's limit.
 */
public final class UnsafeXmlException extends EInvoiceNotReadableException {

    private static final long serialVersionUID = 1L;

    public UnsafeXmlException(String message, Throwable cause) {
        super(message, cause);
    }
}
