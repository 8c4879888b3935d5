package dev.billops.core.invoice;

/** Commercial invoice (UNTDID 1001 code 380) or credit note (381). Credit-note amounts are positive and reduce the credited invoice's balance. */
public enum DocumentType {
    INVOICE("380"),
    CREDIT_NOTE("381");

    private final String code;

    DocumentType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
