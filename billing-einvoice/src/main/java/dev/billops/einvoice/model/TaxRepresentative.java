package dev.billops.einvoice.model;

import java.util.Objects;

/**
 * The seller's tax representative (BG-11).
 *
 * @param name its name (BT-62)
 * @param vatId its VAT identifier (BT-63)
 * @param address its postal address (BG-12)
 */
public record TaxRepresentative(String name, String vatId, PostalAddress address) {

    public TaxRepresentative {
        name = Checks.text("tax representative name", name);
        vatId = Checks.text("tax representative VAT id", vatId);
        Objects.requireNonNull(address, "address");
    }
}
