package dev.billops.einvoice;

/** A document is larger than the reader accepts; reading stopped at the limit. */
public final class DocumentTooLargeException extends EInvoiceNotReadableException {

    private static final long serialVersionUID = 1L;

    private final long limitBytes;

    public DocumentTooLargeException(long limitBytes) {
        super("the document is larger than the limit of " + limitBytes + " bytes");
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
