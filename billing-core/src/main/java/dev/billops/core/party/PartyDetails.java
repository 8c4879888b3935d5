package dev.billops.core.party;

import dev.billops.core.error.InvalidBusinessTermException;
import dev.billops.core.error.CodeLists;
import org.jspecify.annotations.Nullable;

/**
 * What an EN 16931 e-invoice says about a seller ({@link Tenant}) or a buyer ({@link Client})
 * beyond name, address, VAT id and e-mail. Every part is optional (null); a given text is never
 * blank, and codes are checked against their code lists when the value is built, so a refused
 * value is never stored. Build one from {@link #none()} with the withers; {@link Tenant} and
 * {@link Client} have withers that delegate here.
 *
 * <pre>{@code
 * PartyDetails.none()
 *         .withElectronicAddress("04011000-12345-03", "0204")
 *         .withLegalRegistration("HRB 12345", null)
 *         .withContact("Accounts payable", "+49 30 1234567", "ap@example.de");
 * }</pre>
 *
 * @param tradingName trading name (BT-28 seller, BT-45 buyer)
 * @param identifier party identifier (BT-29 seller, BT-46 buyer)
 * @param identifierScheme its ISO 6523 ICD scheme, e.g. {@code 0088} (GLN); null without
 * @param legalRegistrationId legal registration identifier (BT-30 seller, BT-47 buyer), e.g. a
 *     commercial register number
 * @param legalRegistrationScheme its ISO 6523 ICD scheme; null without
 * @param taxRegistrationId the seller's local tax number (BT-32); not used for a buyer
 * @param legalInfo the seller's additional legal information (BT-33), e.g. share capital; not
 *     used for a buyer
 * @param electronicAddress where the party receives e-invoices (BT-34 seller, BT-49 buyer)
 * @param electronicAddressScheme its EAS scheme code, e.g. {@code EM}, {@code 0204}, {@code 9930};
 *     given exactly when the address is
 * @param contactName contact point name (BT-41 seller, BT-56 buyer)
 * @param contactPhone contact telephone (BT-42 seller, BT-57 buyer)
 * @param contactEmail contact e-mail (BT-43 seller, BT-58 buyer)
 * @param countrySubdivision region or state of the postal address (BT-39 seller, BT-54 buyer)
 * @param buyerReference for a buyer: the buyer reference (BT-10) its invoices carry unless a
 *     document sets its own, e.g. a German Leitweg-ID; not used for a seller
 * @param exemptionReasonCode for a buyer: the VATEX code (BT-121) its exempt, export and
 *     out-of-scope lines carry beside the client's exemption reason; not used for a seller
 */
public record PartyDetails(
        @Nullable String tradingName,
        @Nullable String identifier,
        @Nullable String identifierScheme,
        @Nullable String legalRegistrationId,
        @Nullable String legalRegistrationScheme,
        @Nullable String taxRegistrationId,
        @Nullable String legalInfo,
        @Nullable String electronicAddress,
        @Nullable String electronicAddressScheme,
        @Nullable String contactName,
        @Nullable String contactPhone,
        @Nullable String contactEmail,
        @Nullable String countrySubdivision,
        @Nullable String buyerReference,
        @Nullable String exemptionReasonCode) {

    private static final PartyDetails NONE = new PartyDetails(null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null);

    /** Longest additional legal information (BT-33). */
    public static final int MAX_LEGAL_INFO = 4000;

    /**
     * @throws InvalidBusinessTermException if a text is blank, a scheme is given without its
     *     value (or an electronic address without its scheme), or a code is not in its code list
     */
    public PartyDetails {
        int max = CodeLists.MAX_TERM;
        tradingName = CodeLists.optionalText("BT-28/BT-45 trading name", tradingName, max);
        identifier = CodeLists.optionalText("BT-29/BT-46 party identifier", identifier, max);
        legalRegistrationId = CodeLists.optionalText("BT-30/BT-47 legal registration identifier",
                legalRegistrationId, max);
        taxRegistrationId = CodeLists.optionalText("BT-32 tax registration identifier", taxRegistrationId, max);
        legalInfo = CodeLists.optionalText("BT-33 additional legal information", legalInfo, MAX_LEGAL_INFO);
        electronicAddress = CodeLists.optionalText("BT-34/BT-49 electronic address", electronicAddress, max);
        contactName = CodeLists.optionalText("BT-41/BT-56 contact name", contactName, max);
        contactPhone = CodeLists.optionalText("BT-42/BT-57 contact telephone", contactPhone, max);
        contactEmail = CodeLists.optionalText("BT-43/BT-58 contact e-mail", contactEmail, 320);
        countrySubdivision = CodeLists.optionalText("BT-39/BT-54 country subdivision", countrySubdivision, max);
        buyerReference = CodeLists.optionalText("BT-10 buyer reference", buyerReference, max);
        identifierScheme = scheme("BT-29/BT-46 identifier scheme", identifierScheme, identifier);
        legalRegistrationScheme = scheme("BT-30/BT-47 legal registration scheme", legalRegistrationScheme,
                legalRegistrationId);
        if (electronicAddressScheme != null || electronicAddress != null) {
            if (electronicAddressScheme == null || electronicAddress == null) {
                throw new InvalidBusinessTermException("BT-34/BT-49 electronic address",
                        electronicAddress == null ? electronicAddressScheme : electronicAddress,
                        "needs both an address and its EAS scheme");
            }
            electronicAddressScheme = CodeLists.eas("BT-34-1/BT-49-1 electronic address scheme",
                    electronicAddressScheme);
        }
        exemptionReasonCode = CodeLists.vatex("BT-121 VAT exemption reason code", exemptionReasonCode);
    }

    private static @Nullable String scheme(String term, @Nullable String scheme, @Nullable String value) {
        if (scheme == null) {
            return null;
        }
        if (value == null) {
            throw new InvalidBusinessTermException(term, scheme, "is given without the identifier it qualifies");
        }
        return CodeLists.icd(term, scheme);
    }

    /** No details: every part null. */
    public static PartyDetails none() {
        return NONE;
    }

    /** Whether every part is null. */
    public boolean isEmpty() {
        return equals(NONE);
    }

    /** These details with trading name {@code name} (BT-28/BT-45), or none if null. */
    public PartyDetails withTradingName(@Nullable String name) {
        return new PartyDetails(name, identifier, identifierScheme, legalRegistrationId, legalRegistrationScheme,
                taxRegistrationId, legalInfo, electronicAddress, electronicAddressScheme, contactName, contactPhone,
                contactEmail, countrySubdivision, buyerReference, exemptionReasonCode);
    }

    /** These details with party identifier {@code id} (BT-29/BT-46) in ICD {@code scheme} (or none). */
    public PartyDetails withIdentifier(@Nullable String id, @Nullable String scheme) {
        return new PartyDetails(tradingName, id, scheme, legalRegistrationId, legalRegistrationScheme,
                taxRegistrationId, legalInfo, electronicAddress, electronicAddressScheme, contactName, contactPhone,
                contactEmail, countrySubdivision, buyerReference, exemptionReasonCode);
    }

    /** These details with legal registration {@code id} (BT-30/BT-47) in ICD {@code scheme} (or none). */
    public PartyDetails withLegalRegistration(@Nullable String id, @Nullable String scheme) {
        return new PartyDetails(tradingName, identifier, identifierScheme, id, scheme, taxRegistrationId, legalInfo,
                electronicAddress, electronicAddressScheme, contactName, contactPhone, contactEmail,
                countrySubdivision, buyerReference, exemptionReasonCode);
    }

    /** These details with the seller's local tax number {@code id} (BT-32), or none if null. */
    public PartyDetails withTaxRegistrationId(@Nullable String id) {
        return new PartyDetails(tradingName, identifier, identifierScheme, legalRegistrationId,
                legalRegistrationScheme, id, legalInfo, electronicAddress, electronicAddressScheme, contactName,
                contactPhone, contactEmail, countrySubdivision, buyerReference, exemptionReasonCode);
    }

    /** These details with the seller's additional legal information {@code info} (BT-33), or none. */
    public PartyDetails withLegalInfo(@Nullable String info) {
        return new PartyDetails(tradingName, identifier, identifierScheme, legalRegistrationId,
                legalRegistrationScheme, taxRegistrationId, info, electronicAddress, electronicAddressScheme,
                contactName, contactPhone, contactEmail, countrySubdivision, buyerReference, exemptionReasonCode);
    }

    /**
     * These details with electronic address {@code address} in EAS {@code scheme} (BT-34/BT-49);
     * both null for none.
     *
     * @throws InvalidBusinessTermException if only one is given or the scheme is not an EAS code
     */
    public PartyDetails withElectronicAddress(@Nullable String address, @Nullable String scheme) {
        return new PartyDetails(tradingName, identifier, identifierScheme, legalRegistrationId,
                legalRegistrationScheme, taxRegistrationId, legalInfo, address, scheme, contactName, contactPhone,
                contactEmail, countrySubdivision, buyerReference, exemptionReasonCode);
    }

    /** These details with contact point {@code name}, {@code phone}, {@code email} (BG-6/BG-9); null parts are none. */
    public PartyDetails withContact(@Nullable String name, @Nullable String phone, @Nullable String email) {
        return new PartyDetails(tradingName, identifier, identifierScheme, legalRegistrationId,
                legalRegistrationScheme, taxRegistrationId, legalInfo, electronicAddress, electronicAddressScheme,
                name, phone, email, countrySubdivision, buyerReference, exemptionReasonCode);
    }

    /** These details with country subdivision {@code subdivision} (BT-39/BT-54), or none. */
    public PartyDetails withCountrySubdivision(@Nullable String subdivision) {
        return new PartyDetails(tradingName, identifier, identifierScheme, legalRegistrationId,
                legalRegistrationScheme, taxRegistrationId, legalInfo, electronicAddress, electronicAddressScheme,
                contactName, contactPhone, contactEmail, subdivision, buyerReference, exemptionReasonCode);
    }

    /** These (buyer's) details with default buyer reference {@code reference} (BT-10), or none. */
    public PartyDetails withBuyerReference(@Nullable String reference) {
        return new PartyDetails(tradingName, identifier, identifierScheme, legalRegistrationId,
                legalRegistrationScheme, taxRegistrationId, legalInfo, electronicAddress, electronicAddressScheme,
                contactName, contactPhone, contactEmail, countrySubdivision, reference, exemptionReasonCode);
    }

    /**
     * These (buyer's) details with VATEX code {@code code} (BT-121) for its exempt lines, or none.
     *
     * @throws InvalidBusinessTermException if it is not in the VATEX code list
     */
    public PartyDetails withExemptionReasonCode(@Nullable String code) {
        return new PartyDetails(tradingName, identifier, identifierScheme, legalRegistrationId,
                legalRegistrationScheme, taxRegistrationId, legalInfo, electronicAddress, electronicAddressScheme,
                contactName, contactPhone, contactEmail, countrySubdivision, buyerReference, code);
    }
}
