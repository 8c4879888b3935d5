package dev.billops.core.party;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.Text;
import dev.billops.core.id.TenantId;
import dev.billops.core.money.DecimalBounds;
import dev.billops.core.numbering.NumberingPolicy;
import dev.billops.core.tax.TaxPolicy;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The business that bills: the seller on every invoice it issues. Every stored row belongs to
 * exactly one tenant. Build one with {@link #of} and the withers for the optional parts
 * ({@link #withVatId}, {@link #withEmail}, {@link #withBankAccount}, {@link #withDefaultVatRate}, and the
 * e-invoice {@link #withDetails details});
 * its {@linkplain TenantPolicies policies} (time zone, tax policy, numbering) are part of the
 * profile too: {@link #withZone}, {@link #withTax}, {@link #withNumbering} or {@link #withPolicies}.
 * Save it with {@code TenantBilling.profile()}.
 *
 * <pre>{@code
 * Tenant.of(TenantId.of("acme"), "Acme GmbH", address)
 *         .withVatId("DE123456789")
 *         .withDefaultVatRate(new BigDecimal("19"))
 *         .withZone(ZoneId.of("Europe/Berlin"));
 * }</pre>
 *
 * @param id tenant id
 * @param name legal name
 * @param address seller address
 * @param vatId seller VAT id, or null (required for reverse-charge invoices)
 * @param email contact e-mail printed on invoices, or null
 * @param iban bank account for payment instructions, or null
 * @param bic bank BIC, or null
 * @param defaultVatRate standard VAT rate in per cent (e.g. 19) for lines without their own; a
 *     zero rate makes such lines zero-rated (category Z)
 * @param policies time zone, tax policy and numbering of the tenant
 * @param details what its e-invoices say about the seller beyond the above: electronic address,
 *     legal and tax registration, identifier, trading name, legal information, contact
 *     ({@link PartyDetails}); set with {@link #withDetails} or the withers that delegate to it
 */
public record Tenant(
        TenantId id,
        String name,
        Address address,
        @Nullable String vatId,
        @Nullable String email,
        @Nullable String iban,
        @Nullable String bic,
        BigDecimal defaultVatRate,
        TenantPolicies policies,
        PartyDetails details) {

    public Tenant {
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(defaultVatRate, "defaultVatRate");
        Text.require("tenant name", name, 1000);
        Text.optional("tenant VAT id", vatId, 64);
        Text.optional("tenant e-mail", email, 320);
        Text.optional("tenant IBAN", iban, 64);
        Text.optional("tenant BIC", bic, 16);
        defaultVatRate = DecimalBounds.require("tenant VAT rate", defaultVatRate, 3, DecimalBounds.MAX_SCALE);
        if (name.isBlank()) {
            throw new InvalidInputException("tenant " + id + ": name is blank");
        }
        if (defaultVatRate.signum() < 0 || defaultVatRate.compareTo(BigDecimal.valueOf(100)) >= 0) {
            throw new InvalidInputException("tenant " + id + ": VAT rate " + defaultVatRate.toPlainString()
                    + " % is outside 0..100");
        }
    }

    /** A tenant without {@linkplain PartyDetails details}. */
    public Tenant(TenantId id, String name, Address address, @Nullable String vatId, @Nullable String email,
            @Nullable String iban, @Nullable String bic, BigDecimal defaultVatRate, TenantPolicies policies) {
        this(id, name, address, vatId, email, iban, bic, defaultVatRate, policies, PartyDetails.none());
    }

    /**
     * A tenant with only the required parts: no VAT id, e-mail or bank account, a default VAT
     * rate of 0 % (set the standard rate of the tenant's country with {@link #withDefaultVatRate})
     * and {@link TenantPolicies#defaults()}.
     *
     * @throws InvalidInputException if the name is blank or too long
     */
    public static Tenant of(TenantId id, String name, Address address) {
        return new Tenant(id, name, address, null, null, null, null, BigDecimal.ZERO, TenantPolicies.defaults(),
                PartyDetails.none());
    }

    /** This tenant with seller VAT id {@code vatId}, or none if null. */
    public Tenant withVatId(@Nullable String vatId) {
        return new Tenant(id, name, address, vatId, email, iban, bic, defaultVatRate, policies, details);
    }

    /** This tenant with contact e-mail {@code email}, or none if null. */
    public Tenant withEmail(@Nullable String email) {
        return new Tenant(id, name, address, vatId, email, iban, bic, defaultVatRate, policies, details);
    }

    /** This tenant with the bank account printed in payment instructions; null clears a part. */
    public Tenant withBankAccount(@Nullable String iban, @Nullable String bic) {
        return new Tenant(id, name, address, vatId, email, iban, bic, defaultVatRate, policies, details);
    }

    /**
     * This tenant with standard VAT rate {@code percent} (e.g. {@code 19}) for lines without a rate of their own.
     *
     * @throws InvalidInputException if it is outside {@code 0..100} or has more than 18 decimals
     */
    public Tenant withDefaultVatRate(BigDecimal percent) {
        return new Tenant(id, name, address, vatId, email, iban, bic, percent, policies, details);
    }

    /**
     * This tenant with standard VAT rate {@code percent} given as text (e.g. {@code "19"} or {@code "7.5"}).
     *
     * @throws InvalidInputException if it is not a decimal number, outside {@code 0..100} or has more
     *     than 18 decimals
     */
    public Tenant withDefaultVatRate(String percent) {
        return withDefaultVatRate(DecimalBounds.parse("tenant VAT rate", percent));
    }

    /** This tenant with {@code policies}. */
    public Tenant withPolicies(TenantPolicies policies) {
        return new Tenant(id, name, address, vatId, email, iban, bic, defaultVatRate, policies, details);
    }

    /** This tenant in time zone {@code zone}: its "today" (issue dates, yearly counters, runs). */
    public Tenant withZone(ZoneId zone) {
        return withPolicies(policies.withZone(zone));
    }

    /** This tenant with tax policy {@code tax} (price basis, tax rounding, cash rounding). */
    public Tenant withTax(TaxPolicy tax) {
        return withPolicies(policies.withTax(tax));
    }

    /** This tenant with document numbering {@code numbering}. */
    public Tenant withNumbering(NumberingPolicy numbering) {
        return withPolicies(policies.withNumbering(numbering));
    }

    /** This tenant with e-invoice {@code details} of the seller. */
    public Tenant withDetails(PartyDetails details) {
        return new Tenant(id, name, address, vatId, email, iban, bic, defaultVatRate, policies, details);
    }

    /**
     * This tenant with electronic address {@code address} (BT-34) in EAS {@code scheme}, e.g.
     * {@code ("billing@acme.example", "EM")}; both null for none.
     *
     * @throws dev.billops.core.error.InvalidBusinessTermException if only one is given or the scheme is no EAS code
     */
    public Tenant withElectronicAddress(@Nullable String address, @Nullable String scheme) {
        return withDetails(details.withElectronicAddress(address, scheme));
    }

    /**
     * This tenant with legal registration {@code id} (BT-30), e.g. a commercial register number, in
     * ISO 6523 ICD {@code scheme} or none.
     *
     * @throws dev.billops.core.error.InvalidBusinessTermException if a text is blank or the scheme is no ICD
     */
    public Tenant withLegalRegistration(@Nullable String id, @Nullable String scheme) {
        return withDetails(details.withLegalRegistration(id, scheme));
    }

    /** This tenant with the seller contact (BG-6): {@code name}, {@code phone}, {@code email}; null parts are none. */
    public Tenant withContact(@Nullable String name, @Nullable String phone, @Nullable String email) {
        return withDetails(details.withContact(name, phone, email));
    }
}
