package dev.billops.core.party;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.Text;
import java.util.List;
import java.util.Objects;

/**
 * A postal address as printed on an invoice.
 *
 * @param lines street lines, one to three, none blank
 * @param postalCode postal code, may be empty
 * @param city city
 * @param countryCode ISO 3166-1 alpha-2 code, e.g. {@code "DE"}
 */
public record Address(List<String> lines, String postalCode, String city, String countryCode) {

    public Address {
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        Objects.requireNonNull(postalCode, "postalCode");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(countryCode, "countryCode");
        for (String line : lines) {
            Text.require("address line", line, 1000);
        }
        Text.require("postal code", postalCode, 64);
        Text.require("city", city, 1000);
        if (lines.size() > 3) {
            throw new InvalidInputException("an address has at most 3 lines, got " + lines.size() + " (first "
                    + Text.quote(lines.get(0)) + ")");
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                throw new InvalidInputException("address line " + (i + 1) + " is blank");
            }
        }
        if (!countryCode.matches("[A-Z]{2}")) {
            throw new InvalidInputException("country code " + Text.quote(countryCode) + " is not an ISO 3166-1 alpha-2 code");
        }
    }

    public static Address of(String street, String postalCode, String city, String countryCode) {
        return new Address(List.of(street), postalCode, city, countryCode);
    }
}
