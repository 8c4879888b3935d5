package dev.billops.core.party;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.Text;
import dev.billops.core.id.ClientId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import dev.billops.core.money.Currencies;
import javax.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;

/**
 * The billed party. Build one with {@link #of} and the withers:
 *
 * <pre>{@code
 * Client.of(ClientId.of("globex"), "Globex SARL", address, Currencies.of("EUR"))
 *         .withVatId("FR40303265045")
 *         .withTaxProfile(TaxProfile.INTRA_COMMUNITY)
 *         .withEmail("ap@globex.test")
 *         .withTerms(14)
 *         .withElectronicAddress("FR40303265045", "9957");
 * }</pre>
 *
 * @param id the client id
 * @param name legal name as printed on invoices, not blank
 * @param address billing address
 * @param vatId the buyer's VAT number, or null; required for reverse charge and intra-community
 * @param email where invoices and reminders go, or null
 * @param currency the currency this client is invoiced in
 * @param paymentTermsDays net days: due date = issue date + this, {@code 0..365}
 * @param locale language and formats of the client's documents
 * @param taxProfile default tax treatment
 * @param exemptionReason printed reason for EXEMPT/EXPORT/OUT_OF_SCOPE clients, or null
 * @param autopayEnabled whether issued invoices are charged automatically
 * @param paymentMethodRef the gateway's reference of the stored payment method, or null; a
 *     secret-like value that {@link #toString()} never shows
 * @param active inactive clients get no new invoices
 * @param version optimistic-locking version, managed by the store
 * @param details what its e-invoices say about the buyer beyond the above: electronic address,
 *     legal registration, identifier, trading name, contact, default buyer reference and VATEX
 *     code ({@link PartyDetails}); set with {@link #withDetails} or the withers that delegate to it
 */
public record Client(
        ClientId id,
        String name,
        Address address,
        @Nullable String vatId,
        @Nullable String email,
        CurrencyUnit currency,
        int paymentTermsDays,
        Locale locale,
        TaxProfile taxProfile,
        @Nullable String exemptionReason,
        boolean autopayEnabled,
        @Nullable String paymentMethodRef,
        boolean active,
        long version,
        PartyDetails details) {

    /** Payment terms when a client has none of its own. */
    public static final int DEFAULT_TERMS_DAYS = 30;

    public Client {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(taxProfile, "taxProfile");
        Objects.requireNonNull(details, "details");
        Text.require("client name", name, 1000);
        Text.optional("client VAT id", vatId, 64);
        Text.optional("client e-mail", email, 320);
        Text.optional("client exemption reason", exemptionReason, 4000);
        Text.optional("client payment method reference", paymentMethodRef, 1000);
        if (name.isBlank()) {
            throw new InvalidInputException("client " + id + ": name is blank");
        }
        if (paymentTermsDays < 0 || paymentTermsDays > 365) {
            throw new InvalidInputException("client " + id + ": payment terms of " + paymentTermsDays
                    + " days are outside 0..365");
        }
        if ((taxProfile == TaxProfile.REVERSE_CHARGE || taxProfile == TaxProfile.INTRA_COMMUNITY)
                && (vatId == null || vatId.isBlank())) {
            throw new InvalidInputException("client " + id + ": tax profile " + taxProfile
                    + " requires the client's VAT id");
        }
        if (autopayEnabled && (paymentMethodRef == null || paymentMethodRef.isBlank())) {
            throw new InvalidInputException("client " + id + ": autopay needs a payment method reference");
        }
    }

    /** A client without {@linkplain PartyDetails details}. */
    public Client(ClientId id, String name, Address address, @Nullable String vatId, @Nullable String email,
            CurrencyUnit currency, int paymentTermsDays, Locale locale, TaxProfile taxProfile,
            @Nullable String exemptionReason, boolean autopayEnabled, @Nullable String paymentMethodRef,
            boolean active, long version) {
        this(id, name, address, vatId, email, currency, paymentTermsDays, locale, taxProfile, exemptionReason,
                autopayEnabled, paymentMethodRef, active, version, PartyDetails.none());
    }

    /**
     * An active client with only the required parts: standard taxed, no VAT id or e-mail,
     * {@value #DEFAULT_TERMS_DAYS} days' terms, English documents, no autopay. Set the rest with
     * the withers.
     *
     * @throws InvalidInputException if the name is blank or too long
     */
    public static Client of(ClientId id, String name, Address address, CurrencyUnit currency) {
        return new Client(id, name, address, null, null, currency, DEFAULT_TERMS_DAYS, Locale.ENGLISH,
                TaxProfile.STANDARD, null, false, null, true, 0, PartyDetails.none());
    }

    /**
     * A new client (fresh id) billed in the currency with ISO code {@code currencyCode}; otherwise
     * as {@link #of(ClientId, String, Address, CurrencyUnit)}.
     *
     * @throws dev.billops.core.money.UnknownCurrencyException if the code names no currency
     */
    public static Client of(String name, Address address, String currencyCode) {
        return of(ClientId.generate(), name, address, Currencies.of(currencyCode));
    }

    /** This client with legal name {@code name}. */
    public Client withName(String name) {
        return new Client(id, name, address, vatId, email, currency, paymentTermsDays, locale, taxProfile,
                exemptionReason, autopayEnabled, paymentMethodRef, active, version, details);
    }

    /** This client with billing address {@code address}. */
    public Client withAddress(Address address) {
        return new Client(id, name, address, vatId, email, currency, paymentTermsDays, locale, taxProfile,
                exemptionReason, autopayEnabled, paymentMethodRef, active, version, details);
    }

    /**
     * This client with VAT id {@code vatId}, or none if null.
     *
     * @throws InvalidInputException if null or blank while the tax profile needs one (reverse charge, intra-community)
     */
    public Client withVatId(@Nullable String vatId) {
        return new Client(id, name, address, vatId, email, currency, paymentTermsDays, locale, taxProfile,
                exemptionReason, autopayEnabled, paymentMethodRef, active, version, details);
    }

    /** This client with invoice e-mail {@code email}, or none if null. */
    public Client withEmail(@Nullable String email) {
        return new Client(id, name, address, vatId, email, currency, paymentTermsDays, locale, taxProfile,
                exemptionReason, autopayEnabled, paymentMethodRef, active, version, details);
    }

    /** This client invoiced in {@code currency} from now on (issued invoices keep theirs). */
    public Client withCurrency(CurrencyUnit currency) {
        return new Client(id, name, address, vatId, email, currency, paymentTermsDays, locale, taxProfile,
                exemptionReason, autopayEnabled, paymentMethodRef, active, version, details);
    }

    /**
     * This client with payment terms of {@code days} net days.
     *
     * @throws InvalidInputException if {@code days} is outside {@code 0..365}
     */
    public Client withTerms(int days) {
        return new Client(id, name, address, vatId, email, currency, days, locale, taxProfile, exemptionReason,
                autopayEnabled, paymentMethodRef, active, version, details);
    }

    /** This client with documents in {@code locale}. */
    public Client withLocale(Locale locale) {
        return new Client(id, name, address, vatId, email, currency, paymentTermsDays, locale, taxProfile,
                exemptionReason, autopayEnabled, paymentMethodRef, active, version, details);
    }

    /**
     * This client with tax profile {@code profile}; VAT id and exemption reason stay. Set the VAT id
     * first ({@link #withVatId}) for a profile that needs one.
     *
     * @throws InvalidInputException if {@code profile} is REVERSE_CHARGE or INTRA_COMMUNITY and the client has no VAT id
     */
    public Client withTaxProfile(TaxProfile profile) {
        return new Client(id, name, address, vatId, email, currency, paymentTermsDays, locale, profile,
                exemptionReason, autopayEnabled, paymentMethodRef, active, version, details);
    }

    /**
     * This client with tax profile {@code profile} and the reason printed on its EXEMPT, EXPORT or
     * OUT_OF_SCOPE lines ({@code exemptionReason}, or the default reason if null).
     *
     * @throws InvalidInputException if {@code profile} is REVERSE_CHARGE or INTRA_COMMUNITY and the client has no VAT id
     */
    public Client withTaxProfile(TaxProfile profile, @Nullable String exemptionReason) {
        return new Client(id, name, address, vatId, email, currency, paymentTermsDays, locale, profile,
                exemptionReason, autopayEnabled, paymentMethodRef, active, version, details);
    }

    /**
     * This client with the gateway's reference of its stored payment method, autopay unchanged.
     *
     * @throws InvalidInputException if null or blank while autopay is on
     */
    public Client withPaymentMethod(@Nullable String paymentMethodRef) {
        return new Client(id, name, address, vatId, email, currency, paymentTermsDays, locale, taxProfile,
                exemptionReason, autopayEnabled, paymentMethodRef, active, version, details);
    }

    /** This client with autopay on, charged through the stored payment method {@code paymentMethodRef}. */
    public Client withAutopay(String paymentMethodRef) {
        Objects.requireNonNull(paymentMethodRef, "paymentMethodRef");
        return new Client(id, name, address, vatId, email, currency, paymentTermsDays, locale, taxProfile,
                exemptionReason, true, paymentMethodRef, active, version, details);
    }

    /** This client with autopay off; the payment method reference stays. */
    public Client withoutAutopay() {
        return new Client(id, name, address, vatId, email, currency, paymentTermsDays, locale, taxProfile,
                exemptionReason, false, paymentMethodRef, active, version, details);
    }

    /** This client active (gets new invoices) or inactive. */
    public Client withActive(boolean active) {
        return new Client(id, name, address, vatId, email, currency, paymentTermsDays, locale, taxProfile,
                exemptionReason, autopayEnabled, paymentMethodRef, active, version, details);
    }

    /** This client with optimistic-locking version {@code version} (stores set it). */
    public Client withVersion(long version) {
        return new Client(id, name, address, vatId, email, currency, paymentTermsDays, locale, taxProfile,
                exemptionReason, autopayEnabled, paymentMethodRef, active, version, details);
    }

    /**
     * This client with the payment method reference replaced by a fingerprint
     * ({@code "sha256:"} and the first 12 hex digits of its SHA-256), for records that are kept
     * and shown, such as the audit log: a change of the reference stays visible, the reference
     * itself does not.
     */
    public Client redacted() {
        if (paymentMethodRef == null) {
            return this;
        }
        return new Client(id, name, address, vatId, email, currency, paymentTermsDays, locale, taxProfile,
                exemptionReason, autopayEnabled, fingerprint(paymentMethodRef), active, version, details);
    }

    /** This client with e-invoice {@code details} of the buyer. */
    public Client withDetails(PartyDetails details) {
        return new Client(id, name, address, vatId, email, currency, paymentTermsDays, locale, taxProfile,
                exemptionReason, autopayEnabled, paymentMethodRef, active, version, details);
    }

    /**
     * This client with electronic address {@code address} (BT-49) in EAS {@code scheme}, e.g. a
     * Leitweg-ID with {@code "0204"}; both null for none. XRechnung and Peppol require it.
     *
     * @throws dev.billops.core.error.InvalidBusinessTermException if only one is given or the scheme is no EAS code
     */
    public Client withElectronicAddress(@Nullable String address, @Nullable String scheme) {
        return withDetails(details.withElectronicAddress(address, scheme));
    }

    /**
     * This client with the buyer reference (BT-10) its invoices carry unless one sets its own, or
     * none if null; XRechnung requires one (the Leitweg-ID).
     *
     * @throws dev.billops.core.error.InvalidBusinessTermException if it is blank
     */
    public Client withBuyerReference(@Nullable String reference) {
        return withDetails(details.withBuyerReference(reference));
    }

    /** This client with the buyer contact (BG-9): {@code name}, {@code phone}, {@code email}; null parts are none. */
    public Client withContact(@Nullable String name, @Nullable String phone, @Nullable String email) {
        return withDetails(details.withContact(name, phone, email));
    }

    private static String fingerprint(String secret) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Shows everything but the payment method reference. */
    @Override
    public String toString() {
        return "Client[id=" + id + ", name=" + name + ", currency=" + currency.getCurrencyCode()
                + ", taxProfile=" + taxProfile + ", autopay=" + autopayEnabled
                + ", paymentMethodRef=" + (paymentMethodRef == null ? "none" : "***") + ", active=" + active
                + ", details=" + details + "]";
    }
}
