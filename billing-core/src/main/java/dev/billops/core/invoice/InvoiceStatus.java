package dev.billops.core.invoice;

/**
 * Stored lifecycle state. Overdue is not a state: it is derived from the due date and balance
 * at a given date, so it can never go stale.
 */
public enum InvoiceStatus {
    DRAFT,
    ISSUED,
    PARTIALLY_PAID,
    PAID,
    VOID
}
