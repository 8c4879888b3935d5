package dev.billops.einvoice.model;

import org.jspecify.annotations.Nullable;

/**
 * Direct debit (BG-19).
 *
 * @param mandateReference mandate reference identifier (BT-89), or null
 * @param creditorId bank-assigned creditor identifier (BT-90), or null
 * @param debitedAccountId debited account identifier (BT-91), or null
 */
public record DirectDebit(@Nullable String mandateReference, @Nullable String creditorId,
        @Nullable String debitedAccountId) {

    public DirectDebit {
        mandateReference = Checks.optional("mandate reference", mandateReference);
        creditorId = Checks.optional("creditor identifier", creditorId);
        debitedAccountId = Checks.optional("debited account identifier", debitedAccountId);
    }
}
