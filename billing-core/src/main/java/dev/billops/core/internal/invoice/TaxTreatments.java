package dev.billops.core.internal.invoice;

import dev.billops.core.invoice.ManualLine;
import dev.billops.core.invoice.TaxTreatmentContradictsClientException;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.party.Client;
import dev.billops.core.party.TaxProfile;
import dev.billops.core.party.Tenant;
import dev.billops.core.project.Project;
import dev.billops.core.tax.TaxCategory;
import dev.billops.core.tax.TaxTreatment;
import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The tax treatment of a generated invoice line, from the client's tax profile: one rule shared
 * by time-entry lines and package lines.
 *
 * <ul>
 *   <li>STANDARD → {@link TaxTreatment#standard} at the project's VAT rate, else the tenant's
 *       default rate (a 0 % rate gives category Z);</li>
 *   <li>EXEMPT → {@link TaxTreatment#exempt} with the client's exemption reason
 *       ({@value #DEFAULT_EXEMPTION_REASON} if it has none);</li>
 *   <li>REVERSE_CHARGE → {@link TaxTreatment#reverseCharge()};</li>
 *   <li>INTRA_COMMUNITY → {@link TaxTreatment#intraCommunity()};</li>
 *   <li>EXPORT → {@link TaxTreatment#export()};</li>
 *   <li>OUT_OF_SCOPE → {@link TaxTreatment#outOfScope} with the client's reason
 *       ({@value #DEFAULT_OUT_OF_SCOPE_REASON} if it has none).</li>
 * </ul>
 *
 * <p>A client's VATEX code ({@code PartyDetails.exemptionReasonCode}) replaces the factory's code
 * on every line but standard and zero-rated ones.
 *
 * <p>Manual lines follow the same rule unless the host sets a treatment explicitly
 * ({@link ManualLine}); any line, derived or explicit, must agree with the client's profile
 * ({@link #requireConsistent}): when drafting, when a line is added, and when the invoice is
 * issued (the client's profile may have changed since).
 */
public final class TaxTreatments {

    /** Printed on exempt lines of a client that has no exemption reason of its own. */
    public static final String DEFAULT_EXEMPTION_REASON = "Exempt from VAT";
    /** Printed on out-of-scope lines of a client that has no reason of its own. */
    public static final String DEFAULT_OUT_OF_SCOPE_REASON = "Not subject to VAT";

    private TaxTreatments() {
    }

    /**
     * The treatment of a line for {@code client} on {@code project} (or on no project: then the
     * tenant's default rate applies to STANDARD clients).
     */
    public static TaxTreatment forLine(Tenant tenant, Client client, @Nullable Project project) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(client, "client");
        TaxProfile profile = client.taxProfile();
        String reason = client.exemptionReason();
        String code = client.details().exemptionReasonCode();
        BigDecimal rate = profile != TaxProfile.STANDARD ? null
                : project != null && project.vatRate() != null ? project.vatRate() : tenant.defaultVatRate();
        Memo memo = last;
        if (memo != null && memo.profile == profile && Objects.equals(memo.rate, rate)
                && Objects.equals(memo.reason, reason) && Objects.equals(memo.code, code)) {
            return memo.tax;
        }
        TaxTreatment tax = treatment(profile, reason, code, rate);
        last = new Memo(profile, reason, code, rate, tax);
        return tax;
    }

    /**
     * The last treatment made and what it was made from: generation asks for every client and
     * project, and most of them share one treatment, whose validation is not free. Immutable, so
     * the one shared instance is thread-safe.
     */
    private record Memo(TaxProfile profile, @Nullable String reason, @Nullable String code, @Nullable BigDecimal rate,
            TaxTreatment tax) {
    }

    private static volatile @Nullable Memo last;

    private static TaxTreatment treatment(TaxProfile profile, @Nullable String reason, @Nullable String code,
            @Nullable BigDecimal rate) {
        TaxTreatment tax = switch (profile) {
            case STANDARD -> TaxTreatment.standard(Objects.requireNonNull(rate, "rate"));
            case EXEMPT -> TaxTreatment.exempt(reason == null || reason.isBlank() ? DEFAULT_EXEMPTION_REASON : reason);
            case REVERSE_CHARGE -> TaxTreatment.reverseCharge();
            case INTRA_COMMUNITY -> TaxTreatment.intraCommunity();
            case EXPORT -> TaxTreatment.export();
            case OUT_OF_SCOPE -> TaxTreatment.outOfScope(reason == null || reason.isBlank()
                    ? DEFAULT_OUT_OF_SCOPE_REASON : reason);
        };
        // the client's VATEX code goes with its own reason; STANDARD lines carry none
        return code == null || tax.category() == dev.billops.core.tax.TaxCategory.S
                || tax.category() == dev.billops.core.tax.TaxCategory.Z ? tax : tax.withExemptionReasonCode(code);
    }

    /**
     * Refuses a line treatment that contradicts the client's profile: category S (standard rate)
     * for a REVERSE_CHARGE or INTRA_COMMUNITY client when the seller and the client both have a
     * VAT id, so the buyer accounts for the VAT (EN 16931 categories AE and K need both ids,
     * BR-AE-02/03, BR-IC-02/03). Other explicit treatments (an exempt line, a zero-rated one) are
     * the host's call and pass.
     *
     * @param sellerVatId the tenant's VAT id, or null
     * @throws TaxTreatmentContradictsClientException on a contradiction
     */
    public static void requireConsistent(InvoiceId invoice, int position, TaxTreatment tax, Client client,
            @Nullable String sellerVatId) {
        Objects.requireNonNull(invoice, "invoice");
        Objects.requireNonNull(tax, "tax");
        Objects.requireNonNull(client, "client");
        TaxProfile profile = client.taxProfile();
        boolean buyerAccounts = profile == TaxProfile.REVERSE_CHARGE || profile == TaxProfile.INTRA_COMMUNITY;
        if (buyerAccounts && tax.category() == TaxCategory.S && hasText(sellerVatId) && hasText(client.vatId())) {
            throw new TaxTreatmentContradictsClientException(invoice, position, client.id(), profile, tax.category());
        }
    }

    private static boolean hasText(@Nullable String s) {
        return s != null && !s.isBlank();
    }
}
