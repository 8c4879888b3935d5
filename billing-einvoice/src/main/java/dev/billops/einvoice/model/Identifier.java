package dev.billops.einvoice.model;

import org.jspecify.annotations.Nullable;

/**
 * An identifier with an optional identification scheme, e.g. a seller identifier (BT-29) with
 * scheme {@code "0088"} (GLN) or a legal registration (BT-30) with scheme {@code "0204"}.
 *
 * @param value the identifier, not blank
 * @param scheme the scheme id (ISO 6523 ICD or another list the term names), or null
 */
public record Identifier(String value, @Nullable String scheme) {

    public Identifier {
        value = Checks.text("identifier", value);
        scheme = Checks.optional("identifier scheme", scheme);
    }

    /** An identifier without a scheme. */
    public static Identifier of(String value) {
        return new Identifier(value, null);
    }
}
