package dev.billops.bank;

/** What a column of a CSV statement holds; see {@link CsvFormat#withColumn}. */
public enum CsvField {
    /** The booking date (required). */
    BOOKING_DATE,
    /** The value date; the booking date when not mapped or empty. */
    VALUE_DATE,
    /** The amount (required): signed (negative is a debit) unless a direction column is mapped. */
    AMOUNT,
    /** Whether the row is a credit or a debit; see {@link CsvFormat#withDirection}. */
    DIRECTION,
    /** The currency code, when the file has a column for it (else {@link CsvFormat#withCurrency}). */
    CURRENCY,
    /** Remittance text; several columns may be mapped, their texts are joined by spaces. */
    REMITTANCE,
    /** A structured (creditor) reference. */
    REFERENCE,
    /** The payer's (counterparty's) name. */
    PAYER_NAME,
    /** The payer's (counterparty's) IBAN. */
    PAYER_IBAN,
    /** The bank's id of the transaction; derived from the row's content when not mapped. */
    TRANSACTION_ID,
    /** The end-to-end id. */
    END_TO_END_ID
}
