package dev.billops.core.bank;

/** The direction of a booking on the tenant's account. */
public enum CreditDebit {
    /** Money received: what may pay an invoice. */
    CREDIT,
    /** Money paid out. */
    DEBIT
}
