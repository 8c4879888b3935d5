package dev.billops.core.bank;

/** The rules of {@link StatementMatcher}, in the order it tries them. */
public enum MatchRule {
    /** An ISO 11649 creditor reference that is the reference of an open invoice. */
    CREDITOR_REFERENCE,
    /** The number of an open invoice in the remittance text. */
    INVOICE_NUMBER,
    /** The payer's account is known for a client with open invoices. */
    PAYER_IBAN,
    /** One open invoice owes exactly the amount and falls due around the booking date. */
    AMOUNT_AND_DATE,
    /** No rule applied. */
    NONE
}
