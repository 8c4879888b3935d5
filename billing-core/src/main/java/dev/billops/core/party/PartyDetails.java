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
 * @param payee for a seller: the payee (BG-10) its e-invoices name unless a document names its
 *     own, e.g. a factoring company; not used for a buyer
 * @param taxRepresentative for a seller: its tax representative (BG-11); not used for a buyer
 * @param creditorId for a seller: its SEPA creditor identifier (BT-90), written on documents paid
 *     by direct debit; not used for a buyer
 * @param debitedAccount for a buyer: the IBAN its direct debits are drawn from (BT-91); not used
 *     for a seller
 * @param deliverTo for a buyer: where its documents say the goods or services went (BG-13/BG-15)
 *     unless a document says otherwise; not used for a seller
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
        @Nullable String exemptionReasonCode,
        @Nullable Payee payee,
        @Nullable TaxRepresentative taxRepresentative,
        @Nullable String creditorId,
        @Nullable String debitedAccount,
        @Nullable DeliverTo deliverTo) {

    private static final PartyDetails NONE = new PartyDetails(null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null);

    /** Longest additional legal information (BT-33). */
    public static final int MAX_LEGAL_INFO = 4000;

    /**
     * @throws InvalidBusinessTermException if a text is blank, a scheme is given without its
     *     value (or an electronic address without its scheme), a code is not in its code list, or the
     *     creditor identifier or IBAN fails its check digits
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
        creditorId = creditorId == null ? null : CodeLists.creditorId("BT-90 bank assigned creditor identifier",
                creditorId);
        debitedAccount = debitedAccount == null ? null : CodeLists.iban("BT-91 debited account identifier",
                debitedAccount);
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
                contactEmail, countrySubdivision, buyerReference, exemptionReasonCode, payee, taxRepresentative, creditorId, debitedAccount, deliverTo);
    }

    /** These details with party identifier {@code id} (BT-29/BT-46) in ICD {@code scheme} (or none). */
    public PartyDetails withIdentifier(@Nullable String id, @Nullable String scheme) {
        return new PartyDetails(tradingName, id, scheme, legalRegistrationId, legalRegistrationScheme,
                taxRegistrationId, legalInfo, electronicAddress, electronicAddressScheme, contactName, contactPhone,
                contactEmail, countrySubdivision, buyerReference, exemptionReasonCode, payee, taxRepresentative, creditorId, debitedAccount, deliverTo);
    }

    /** These details with legal registration {@code id} (BT-30/BT-47) in ICD {@code scheme} (or none). */
    public PartyDetails withLegalRegistration(@Nullable String id, @Nullable String scheme) {
        return new PartyDetails(tradingName, identifier, identifierScheme, id, scheme, taxRegistrationId, legalInfo,
                electronicAddress, electronicAddressScheme, contactName, contactPhone, contactEmail,
                countrySubdivision, buyerReference, exemptionReasonCode, payee, taxRepresentative, creditorId, debitedAccount, deliverTo);
    }

    /** These details with the seller's local tax number {@code id} (BT-32), or none if null. */
    public PartyDetails withTaxRegistrationId(@Nullable String id) {
        return new PartyDetails(tradingName, identifier, identifierScheme, legalRegistrationId,
                legalRegistrationScheme, id, legalInfo, electronicAddress, electronicAddressScheme, contactName,
                contactPhone, contactEmail, countrySubdivision, buyerReference, exemptionReasonCode, payee, taxRepresentative, creditorId, debitedAccount, deliverTo);
    }

    /** These details with the seller's additional legal information {@code info} (BT-33), or none. */
    public PartyDetails withLegalInfo(@Nullable String info) {
        return new PartyDetails(tradingName, identifier, identifierScheme, legalRegistrationId,
                legalRegistrationScheme, taxRegistrationId, info, electronicAddress, electronicAddressScheme,
                contactName, contactPhone, contactEmail, countrySubdivision, buyerReference, exemptionReasonCode, payee, taxRepresentative, creditorId, debitedAccount, deliverTo);
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
                contactEmail, countrySubdivision, buyerReference, exemptionReasonCode, payee, taxRepresentative, creditorId, debitedAccount, deliverTo);
    }

    /** These details with contact point {@code name}, {@code phone}, {@code email} (BG-6/BG-9); null parts are none. */
    public PartyDetails withContact(@Nullable String name, @Nullable String phone, @Nullable String email) {
        return new PartyDetails(tradingName, identifier, identifierScheme, legalRegistrationId,
                legalRegistrationScheme, taxRegistrationId, legalInfo, electronicAddress, electronicAddressScheme,
                name, phone, email, countrySubdivision, buyerReference, exemptionReasonCode, payee, taxRepresentative, creditorId, debitedAccount, deliverTo);
    }

    /** These details with country subdivision {@code subdivision} (BT-39/BT-54), or none. */
    public PartyDetails withCountrySubdivision(@Nullable String subdivision) {
        return new PartyDetails(tradingName, identifier, identifierScheme, legalRegistrationId,
                legalRegistrationScheme, taxRegistrationId, legalInfo, electronicAddress, electronicAddressScheme,
                contactName, contactPhone, contactEmail, subdivision, buyerReference, exemptionReasonCode, payee, taxRepresentative, creditorId, debitedAccount, deliverTo);
    }

    /** These (buyer's) details with default buyer reference {@code reference} (BT-10), or none. */
    public PartyDetails withBuyerReference(@Nullable String reference) {
        return new PartyDetails(tradingName, identifier, identifierScheme, legalRegistrationId,
                legalRegistrationScheme, taxRegistrationId, legalInfo, electronicAddress, electronicAddressScheme,
                contactName, contactPhone, contactEmail, countrySubdivision, reference, exemptionReasonCode, payee, taxRepresentative, creditorId, debitedAccount, deliverTo);
    }

    /**
     * These (buyer's) details with VATEX code {@code code} (BT-121) for its exempt lines, or none.
     *
     * @throws InvalidBusinessTermException if it is not in the VATEX code list
     */
    public PartyDetails withExemptionReasonCode(@Nullable String code) {
        return new PartyDetails(tradingName, identifier, identifierScheme, legalRegistrationId,
                legalRegistrationScheme, taxRegistrationId, legalInfo, electronicAddress, electronicAddressScheme,
                contactName, contactPhone, contactEmail, countrySubdivision, buyerReference, code, payee, taxRepresentative, creditorId, debitedAccount, deliverTo);
    }

    /** These (seller's) details with default payee {@code payee} (BG-10), or none. */
    public PartyDetails withPayee(@Nullable Payee payee) {
        return new PartyDetails(tradingName, identifier, identifierScheme, legalRegistrationId,
                legalRegistrationScheme, taxRegistrationId, legalInfo, electronicAddress, electronicAddressScheme,
                contactName, contactPhone, contactEmail, countrySubdivision, buyerReference, exemptionReasonCode,
                payee, taxRepresentative, creditorId, debitedAccount, deliverTo);
    }

    /** These (seller's) details with tax representative {@code representative} (BG-11), or none. */
    public PartyDetails withTaxRepresentative(@Nullable TaxRepresentative representative) {
        return new PartyDetails(tradingName, identifier, identifierScheme, legalRegistrationId,
                legalRegistrationScheme, taxRegistrationId, legalInfo, electronicAddress, electronicAddressScheme,
                contactName, contactPhone, contactEmail, countrySubdivision, buyerReference, exemptionReasonCode,
                payee, representative, creditorId, debitedAccount, deliverTo);
    }

    /**
     * These (seller's) details with SEPA creditor identifier {@code id} (BT-90), or none.
     *
     * @throws InvalidBusinessTermException if its form or check digits are wrong
     */
    public PartyDetails withCreditorId(@Nullable String id) {
        return new PartyDetails(tradingName, identifier, identifierScheme, legalRegistrationId,
                legalRegistrationScheme, taxRegistrationId, legalInfo, electronicAddress, electronicAddressScheme,
                contactName, contactPhone, contactEmail, countrySubdivision, buyerReference, exemptionReasonCode,
                payee, taxRepresentative, id, debitedAccount, deliverTo);
    }

    /**
     * These (buyer's) details with the IBAN {@code iban} its direct debits are drawn from (BT-91), or none.
     *
     * @throws InvalidBusinessTermException if it is no IBAN (form or check digits)
     */
    public PartyDetails withDebitedAccount(@Nullable String iban) {
        return new PartyDetails(tradingName, identifier, identifierScheme, legalRegistrationId,
                legalRegistrationScheme, taxRegistrationId, legalInfo, electronicAddress, electronicAddressScheme,
                contactName, contactPhone, contactEmail, countrySubdivision, buyerReference, exemptionReasonCode,
                payee, taxRepresentative, creditorId, iban, deliverTo);
    }

    /** These (buyer's) details with default deliver-to {@code deliverTo} (BG-13/BG-15), or none. */
    public PartyDetails withDeliverTo(@Nullable DeliverTo deliverTo) {
        return new PartyDetails(tradingName, identifier, identifierScheme, legalRegistrationId,
                legalRegistrationScheme, taxRegistrationId, legalInfo, electronicAddress, electronicAddressScheme,
                contactName, contactPhone, contactEmail, countrySubdivision, buyerReference, exemptionReasonCode,
                payee, taxRepresentative, creditorId, debitedAccount, deliverTo);
    }
}
