package dev.billops.core.party;

import dev.billops.core.error.CodeLists;
import dev.billops.core.error.InvalidBusinessTermException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The payee of an e-invoice (BG-10) where it is not the seller, e.g. a factoring company the
 * seller assigned its receivables to. Set as the tenant's default with
 * {@link PartyDetails#withPayee} or on one document with
 * {@code DocumentTerms.withPayee}. Build with {@link #of} and the withers.
 *
 * @param name payee name (BT-59)
 * @param identifier payee identifier (BT-60), or null
 * @param identifierScheme its ISO 6523 ICD scheme, or null
 * @param legalRegistrationId payee legal registration identifier (BT-61), or null
 * @param legalRegistrationScheme its ISO 6523 ICD scheme, or null
 */
public record Payee(
        String name,
        @Nullable String identifier,
        @Nullable String identifierScheme,
        @Nullable String legalRegistrationId,
        @Nullable String legalRegistrationScheme) {

    /**
     * @throws InvalidBusinessTermException if a text is blank, a scheme is given without its
     *     identifier or is not an ICD code
     */
    public Payee {
        Objects.requireNonNull(name, "name");
        name = Objects.requireNonNull(CodeLists.optionalText("BT-59 payee name", name, CodeLists.MAX_TERM));
        identifier = CodeLists.optionalText("BT-60 payee identifier", identifier, CodeLists.MAX_TERM);
        legalRegistrationId = CodeLists.optionalText("BT-61 payee legal registration identifier",
                legalRegistrationId, CodeLists.MAX_TERM);
        identifierScheme = scheme("BT-60-1 payee identifier scheme", identifierScheme, identifier);
        legalRegistrationScheme = scheme("BT-61-1 payee legal registration scheme", legalRegistrationScheme,
                legalRegistrationId);
    }

    static @Nullable String scheme(String term, @Nullable String scheme, @Nullable String value) {
        if (scheme == null) {
            return null;
        }
        if (value == null) {
            throw new InvalidBusinessTermException(term, scheme, "is given without the identifier it qualifies");
        }
        return CodeLists.icd(term, scheme);
    }

    /**
     * A payee with only its name (BT-59).
     *
     * @throws InvalidBusinessTermException if it is blank
     */
    public static Payee of(String name) {
        return new Payee(name, null, null, null, null);
    }

    /** This payee with identifier {@code id} (BT-60) in ICD {@code scheme} (or none). */
    public Payee withIdentifier(@Nullable String id, @Nullable String scheme) {
        return new Payee(name, id, scheme, legalRegistrationId, legalRegistrationScheme);
    }

    /** This payee with legal registration {@code id} (BT-61) in ICD {@code scheme} (or none). */
    public Payee withLegalRegistration(@Nullable String id, @Nullable String scheme) {
        return new Payee(name, identifier, identifierScheme, id, scheme);
    }
}
