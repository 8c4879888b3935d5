package dev.billops.einvoice.model;

import org.jspecify.annotations.Nullable;

/**
 * A credit transfer account (BG-17).
 *
 * @param accountId payment account identifier (BT-84), an IBAN for SEPA
 * @param accountName payment account name (BT-85), or null
 * @param serviceProviderId payment service provider identifier (BT-86), a BIC, or null
 */
public record CreditTransfer(String accountId, @Nullable String accountName, @Nullable String serviceProviderId) {

    public CreditTransfer {
        accountId = Checks.text("payment account identifier", accountId);
        accountName = Checks.optional("payment account name", accountName);
        serviceProviderId = Checks.optional("payment service provider identifier", serviceProviderId);
    }
}
