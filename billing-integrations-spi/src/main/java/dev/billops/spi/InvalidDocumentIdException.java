package dev.billops.spi;

import dev.billops.core.error.BillingException;

/** A document id is blank, absolute, or would leave the tenant's space ({@code ..}, a drive letter, a NUL). */
public class InvalidDocumentIdException extends BillingException {

    private static final long serialVersionUID = 1L;

    private final String documentId;

    public InvalidDocumentIdException(String documentId, String problem) {
        super("document id '" + documentId + "' " + problem);
        this.documentId = documentId;
    }

    public String documentId() {
        return documentId;
    }
}
