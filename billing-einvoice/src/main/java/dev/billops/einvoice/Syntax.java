package dev.billops.einvoice;

/** The XML syntaxes of EN 16931 that BillOps writes and reads. */
public enum Syntax {
    /** OASIS UBL 2.1 {@code Invoice} and {@code CreditNote}. */
    UBL,
    /** UN/CEFACT Cross Industry Invoice D16B ({@code rsm:CrossIndustryInvoice}). */
    CII
}
