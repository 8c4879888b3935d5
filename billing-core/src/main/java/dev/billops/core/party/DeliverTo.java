package dev.billops.core.party;

import dev.billops.core.error.CodeLists;
import dev.billops.core.error.InvalidBusinessTermException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where goods or services are delivered (BG-13 without its date, and BG-15): a client's default
 * ({@link PartyDetails#withDeliverTo}) or one document's ({@code DocumentTerms.withDeliverTo}).
 * At least one part is given. Build with {@link #at}, {@link #location} or {@link #party} and the
 * withers.
 *
 * @param partyName deliver-to party name (BT-70), or null
 * @param locationId deliver-to location identifier (BT-71), or null
 * @param locationScheme its ISO 6523 ICD scheme (e.g. {@code 0088} GLN), or null
 * @param address deliver-to address (BG-15), or null
 */
public record DeliverTo(
        @Nullable String partyName,
        @Nullable String locationId,
        @Nullable String locationScheme,
        @Nullable Address address) {

    /**
     * @throws InvalidBusinessTermException if a text is blank, the scheme is given without an
     *     identifier or is no ICD code, or nothing is given
     */
    public DeliverTo {
        partyName = CodeLists.optionalText("BT-70 deliver-to party name", partyName, CodeLists.MAX_TERM);
        locationId = CodeLists.optionalText("BT-71 deliver-to location identifier", locationId, CodeLists.MAX_TERM);
        locationScheme = Payee.scheme("BT-71-1 deliver-to location scheme", locationScheme, locationId);
        if (partyName == null && locationId == null && address == null) {
            throw new InvalidBusinessTermException("BG-13 deliver-to", "", "names no party, location or address");
        }
    }

    /** Delivery to {@code address} (BG-15). */
    public static DeliverTo at(Address address) {
        return new DeliverTo(null, null, null, Objects.requireNonNull(address, "address"));
    }

    /** Delivery to location {@code id} (BT-71) in ICD {@code scheme} or none. */
    public static DeliverTo location(String id, @Nullable String scheme) {
        return new DeliverTo(null, Objects.requireNonNull(id, "id"), scheme, null);
    }

    /** Delivery to the party named {@code name} (BT-70). */
    public static DeliverTo party(String name) {
        return new DeliverTo(Objects.requireNonNull(name, "name"), null, null, null);
    }

    public DeliverTo withPartyName(@Nullable String name) {
        return new DeliverTo(name, locationId, locationScheme, address);
    }

    public DeliverTo withLocation(@Nullable String id, @Nullable String scheme) {
        return new DeliverTo(partyName, id, scheme, address);
    }

    public DeliverTo withAddress(@Nullable Address address) {
        return new DeliverTo(partyName, locationId, locationScheme, address);
    }
}
