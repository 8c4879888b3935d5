package dev.billops.einvoice.model;

import org.jspecify.annotations.Nullable;

/**
 * Payment card information (BG-18).
 *
 * @param accountNumber the card's primary account number (BT-87); by PCI rules at most its last
 *     digits, e.g. {@code "************1234"}
 * @param holderName the card holder (BT-88), or null
 * @param network the card network for UBL's mandatory {@code cbc:NetworkID}, e.g. {@code "VISA"},
 *     or null ({@code "NA"} is written)
 */
public record PaymentCard(String accountNumber, @Nullable String holderName, @Nullable String network) {

    public PaymentCard {
        accountNumber = Checks.text("payment card primary account number", accountNumber);
        holderName = Checks.optional("payment card holder name", holderName);
        network = Checks.optional("payment card network", network);
    }
}
