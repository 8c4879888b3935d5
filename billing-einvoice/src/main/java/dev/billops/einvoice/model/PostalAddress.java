package dev.billops.einvoice.model;

import dev.billops.core.error.Text;
import dev.billops.core.error.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * A postal address (BG-5 seller, BG-8 buyer, BG-12 tax representative, BG-15 deliver-to).
 *
 * @param line1 address line 1 (BT-35), or null
 * @param line2 address line 2 (BT-36), or null
 * @param line3 address line 3 (BT-162), or null
 * @param city city (BT-37), or null
 * @param postalCode post code (BT-38), or null
 * @param subdivision country subdivision (BT-39), or null
 * @param countryCode ISO 3166-1 alpha-2 country code (BT-40)
 */
public record PostalAddress(@Nullable String line1, @Nullable String line2, @Nullable String line3,
        @Nullable String city, @Nullable String postalCode, @Nullable String subdivision, String countryCode) {

    public PostalAddress {
        line1 = Checks.optional("address line 1", line1);
        line2 = Checks.optional("address line 2", line2);
        line3 = Checks.optional("address line 3", line3);
        city = Checks.optional("city", city);
        postalCode = Checks.optional("post code", postalCode);
        subdivision = Checks.optional("country subdivision", subdivision);
        countryCode = Checks.text("country code", countryCode);
        if (!countryCode.matches("[A-Z0-9]{2}")) {
            throw new InvalidInputException("country code " + Text.quote(countryCode) + " is not an ISO 3166-1 alpha-2 code");
        }
    }

    /** A one-line address. */
    public static PostalAddress of(String street, String postalCode, String city, String countryCode) {
        return new PostalAddress(street, null, null, city, postalCode, null, countryCode);
    }
}
