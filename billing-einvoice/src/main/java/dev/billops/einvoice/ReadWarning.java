package dev.billops.einvoice;

import java.util.Objects;

/**
 * Content of a read document that the model does not carry, so that nothing is dropped silently.
 *
 * @param location where, as an XPath-like path, e.g. {@code /Invoice/cac:Delivery[1]/cac:Shipment[1]}
 * @param message what was not read
 */
public record ReadWarning(String location, String message) {

    public ReadWarning {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
