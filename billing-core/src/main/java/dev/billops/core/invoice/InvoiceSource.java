package dev.billops.core.invoice;

/** What produced an invoice. */
public enum InvoiceSource {
    TIME_ENTRIES,
    PACKAGE,
    MANUAL,
    LATE_FEE,
    CREDIT
}
