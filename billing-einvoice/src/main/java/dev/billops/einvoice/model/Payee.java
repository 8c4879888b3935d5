package dev.billops.einvoice.model;

import org.jspecify.annotations.Nullable;

/**
 * The payee (BG-10), where it is not the seller, e.g. a factoring company.
 *
 * @param name payee name (BT-59)
 * @param identifier payee identifier (BT-60), or null
 * @param legalRegistration payee legal registration identifier (BT-61), or null
 */
public record Payee(String name, @Nullable Identifier identifier, @Nullable Identifier legalRegistration) {

    public Payee {
        name = Checks.text("payee name", name);
    }
}
