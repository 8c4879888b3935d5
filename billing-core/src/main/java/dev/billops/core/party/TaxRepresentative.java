package dev.billops.core.party;

import dev.billops.core.error.CodeLists;
import dev.billops.core.error.InvalidBusinessTermException;
import java.util.Objects;

/**
 * The seller's tax representative (BG-11): the party that accounts for VAT on the seller's behalf
 * in the buyer's country. A seller-side setting: {@link PartyDetails#withTaxRepresentative} on
 * the tenant's details.
 *
 * @param name its name (BT-62)
 * @param vatId its VAT identifier (BT-63), with country prefix
 * @param address its postal address (BG-12)
 */
public record TaxRepresentative(String name, String vatId, Address address) {

    /** @throws InvalidBusinessTermException if the name or VAT id is blank */
    public TaxRepresentative {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(vatId, "vatId");
        Objects.requireNonNull(address, "address");
        name = Objects.requireNonNull(CodeLists.optionalText("BT-62 tax representative name", name,
                CodeLists.MAX_TERM));
        vatId = Objects.requireNonNull(CodeLists.optionalText("BT-63 tax representative VAT identifier", vatId, 64));
        if (!vatId.matches("[A-Z]{2}.+")) {
            throw new InvalidBusinessTermException("BT-63 tax representative VAT identifier", vatId,
                    "does not start with a country prefix (e.g. DE123456789)");
        }
    }

    /** @throws InvalidBusinessTermException if the name or VAT id is blank */
    public static TaxRepresentative of(String name, String vatId, Address address) {
        return new TaxRepresentative(name, vatId, address);
    }
}
