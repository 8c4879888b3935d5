package dev.billops.core.invoice;

/**
 * The kind of a document, with its UNTDID 1001 code (BT-3). Every type but {@link #CREDIT_NOTE}
 * is an invoice: it is numbered, owed, paid, credited, voided and counted in receivables like a
 * commercial invoice; only the code it carries and the title it is printed with differ. Credit-note
 * amounts are positive and reduce the credited invoice's balance.
 *
 * <ul>
 *   <li>{@link #INVOICE} (380) is the default of every draft.
 *   <li>{@link #CORRECTED} (384) replaces an issued invoice of the same client that it names as its
 *       preceding invoice (BT-25/BT-26), set with {@code Invoices.corrects(draftId, invoiceId)}, which
 *       checks it (for an invoice issued outside BillOps the host puts the reference in the
 *       document terms itself). It is a new receivable; the invoice it corrects is not changed:
 *       credit or void that one so the client does not owe both.
 *   <li>{@link #PREPAYMENT} (386) asks for an advance payment before delivery. The final invoice
 *       deducts what was paid on it as the host decides (a client credit or a negative-quantity
 *       line); BillOps does not link the two.
 *   <li>{@link #PARTIAL} (326) bills a part of a delivery or project (e.g. a milestone).
 *   <li>{@link #SELF_BILLED} (389) is an invoice the buyer draws up in the seller's name under a
 *       self-billing agreement. BillOps keeps the seller's view: such drafts are numbered in a
 *       series of their own, {@link Invoice#SELF_BILLED_SERIES}, so they never take a number of the
 *       seller's own invoice sequence; the number the buyer assigned goes in a reference (e.g.
 *       BT-14 sales order or a note). Peppol BIS Billing refuses this code.
 * </ul>
 */
public enum DocumentType {
    INVOICE("380"),
    CREDIT_NOTE("381"),
    CORRECTED("384"),
    SELF_BILLED("389"),
    PARTIAL("326"),
    PREPAYMENT("386");

    private final String code;

    DocumentType(String code) {
        this.code = code;
    }

    /** The UNTDID 1001 document type code (BT-3). */
    public String code() {
        return code;
    }

    /** Whether this is the credit note; every other type is an invoice. */
    public boolean isCreditNote() {
        return this == CREDIT_NOTE;
    }

    /**
     * Whether a query for {@code this} type selects documents of type {@code type}: {@link #INVOICE}
     * selects every invoice type, any other type only itself.
     */
    public boolean selects(DocumentType type) {
        return this == type || (this == INVOICE && !type.isCreditNote());
    }
}
