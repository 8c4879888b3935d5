package dev.billops.core.payment;

/** How a newly recorded payment is applied to the client's invoices. */
public enum AllocationMode {
    /** To the open invoices of the payment's currency, oldest due date first, then oldest issue date. */
    AUTO,
    /** Only to the invoices the request names; the rest stays as client credit. */
    EXPLICIT,
    /** Not at all: the whole payment becomes client credit. */
    NONE
}
