package dev.billops.einvoice.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The seller (BG-4) or the buyer (BG-7).
 *
 * @param name legal name (BT-27/BT-44)
 * @param tradingName trading name (BT-28/BT-45), or null
 * @param identifiers party identifiers (BT-29/BT-46); for the seller also the bank-assigned
 *     creditor identifier (BT-90) under scheme {@code "SEPA"} in UBL
 * @param legalRegistration legal registration identifier (BT-30/BT-47), or null
 * @param vatId VAT identifier (BT-31/BT-48) with its country prefix, or null
 * @param taxRegistrationId the seller's local tax registration number (BT-32), or null
 * @param legalInfo the seller's additional legal information (BT-33), or null
 * @param electronicAddress electronic address (BT-34/BT-49), or null
 * @param address postal address (BG-5/BG-8)
 * @param contact contact (BG-6/BG-9), or null
 */
public record Party(
        String name,
        @Nullable String tradingName,
        List<Identifier> identifiers,
        @Nullable Identifier legalRegistration,
        @Nullable String vatId,
        @Nullable String taxRegistrationId,
        @Nullable String legalInfo,
        @Nullable ElectronicAddress electronicAddress,
        PostalAddress address,
        @Nullable Contact contact) {

    public Party {
        name = Checks.text("party name", name);
        tradingName = Checks.optional("trading name", tradingName);
        identifiers = Checks.list("identifiers", identifiers);
        vatId = Checks.optional("VAT id", vatId);
        taxRegistrationId = Checks.optional("tax registration id", taxRegistrationId);
        legalInfo = Checks.optional("additional legal information", legalInfo);
        java.util.Objects.requireNonNull(address, "address");
    }

    /** A party with a name and an address and nothing else. */
    public static Party of(String name, PostalAddress address) {
        return new Party(name, null, List.of(), null, null, null, null, null, address, null);
    }

    public Party withTradingName(@Nullable String tradingName) {
        return new Party(name, tradingName, identifiers, legalRegistration, vatId, taxRegistrationId, legalInfo,
                electronicAddress, address, contact);
    }

    public Party withIdentifiers(List<Identifier> identifiers) {
        return new Party(name, tradingName, identifiers, legalRegistration, vatId, taxRegistrationId, legalInfo,
                electronicAddress, address, contact);
    }

    public Party withLegalRegistration(@Nullable Identifier legalRegistration) {
        return new Party(name, tradingName, identifiers, legalRegistration, vatId, taxRegistrationId, legalInfo,
                electronicAddress, address, contact);
    }

    public Party withVatId(@Nullable String vatId) {
        return new Party(name, tradingName, identifiers, legalRegistration, vatId, taxRegistrationId, legalInfo,
                electronicAddress, address, contact);
    }

    public Party withTaxRegistrationId(@Nullable String taxRegistrationId) {
        return new Party(name, tradingName, identifiers, legalRegistration, vatId, taxRegistrationId, legalInfo,
                electronicAddress, address, contact);
    }

    public Party withLegalInfo(@Nullable String legalInfo) {
        return new Party(name, tradingName, identifiers, legalRegistration, vatId, taxRegistrationId, legalInfo,
                electronicAddress, address, contact);
    }

    public Party withElectronicAddress(@Nullable ElectronicAddress electronicAddress) {
        return new Party(name, tradingName, identifiers, legalRegistration, vatId, taxRegistrationId, legalInfo,
                electronicAddress, address, contact);
    }

    public Party withAddress(PostalAddress address) {
        return new Party(name, tradingName, identifiers, legalRegistration, vatId, taxRegistrationId, legalInfo,
                electronicAddress, address, contact);
    }

    public Party withContact(@Nullable Contact contact) {
        return new Party(name, tradingName, identifiers, legalRegistration, vatId, taxRegistrationId, legalInfo,
                electronicAddress, address, contact);
    }
}
