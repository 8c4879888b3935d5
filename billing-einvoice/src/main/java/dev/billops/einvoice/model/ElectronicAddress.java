package dev.billops.einvoice.model;

/**
 * Where a party receives electronic invoices (BT-34 seller, BT-49 buyer), with its scheme from the
 * EAS code list, e.g. {@code "EM"} (e-mail), {@code "0204"} (German Leitweg-ID), {@code "9930"}
 * (German VAT id).
 *
 * @param value the address
 * @param scheme the EAS scheme id
 */
public record ElectronicAddress(String value, String scheme) {

    public ElectronicAddress {
        value = Checks.text("electronic address", value);
        scheme = Checks.text("electronic address scheme", scheme);
    }

    /** An e-mail address as electronic address (EAS scheme {@code EM}). */
    public static ElectronicAddress email(String email) {
        return new ElectronicAddress(email, "EM");
    }
}
