package dev.billops.core.invoice;

import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import dev.billops.core.project.Project;
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
        String reason = client.exemptionReason();
        return switch (client.taxProfile()) {
            case STANDARD -> {
                BigDecimal rate = project != null && project.vatRate() != null ? project.vatRate()
                        : tenant.defaultVatRate();
                yield TaxTreatment.standard(rate);
            }
            case EXEMPT -> TaxTreatment.exempt(reason == null || reason.isBlank() ? DEFAULT_EXEMPTION_REASON : reason);
            case REVERSE_CHARGE -> TaxTreatment.reverseCharge();
            case INTRA_COMMUNITY -> TaxTreatment.intraCommunity();
            case EXPORT -> TaxTreatment.export();
            case OUT_OF_SCOPE -> TaxTreatment.outOfScope(reason == null || reason.isBlank()
                    ? DEFAULT_OUT_OF_SCOPE_REASON : reason);
        };
    }
}
