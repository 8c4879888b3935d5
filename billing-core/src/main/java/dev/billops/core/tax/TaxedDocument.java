package dev.billops.core.tax;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@link TaxRules} needs to know about a document: the tax treatments of its lines and of
 * its document-level allowances and charges, the computed VAT breakdown, and the party facts the
 * category rules refer to. Built by the invoice services from an invoice, its tenant and client.
 *
 * @param lineTaxes the treatment of every line
 * @param allowanceTaxes the treatment of every document-level allowance
 * @param chargeTaxes the treatment of every document-level charge
 * @param breakdown the VAT breakdown computed by {@link TaxCalculator}
 * @param sellerVatId the seller VAT id (BT-31) as it will appear on the document, or null
 * @param buyerVatId the buyer VAT id (BT-48) as it will appear on the document, or null
 * @param hasDeliveryDateOrPeriod whether the document states an actual delivery date (BT-72) or
 *     an invoicing period (BG-14), as intra-community supplies need (BR-IC-11)
 * @param deliverToCountry the deliver-to country code (BT-80), or null (BR-IC-12)
 * @param rounding where the document's tax was rounded: {@link TaxRules} checks the tax of each
 *     group against the per-line sum under {@link TaxRoundingPolicy#PER_LINE}
 * @param sellerCountry the seller's country code (BT-40), or null if not known (BR-B-01)
 * @param buyerCountry the buyer's country code (BT-55), or null if not known (BR-B-01)
 */
public record TaxedDocument(
        List<TaxTreatment> lineTaxes,
        List<TaxTreatment> allowanceTaxes,
        List<TaxTreatment> chargeTaxes,
        List<TaxSubtotal> breakdown,
        @Nullable String sellerVatId,
        @Nullable String buyerVatId,
        boolean hasDeliveryDateOrPeriod,
        @Nullable String deliverToCountry,
        TaxRoundingPolicy rounding,
        @Nullable String sellerCountry,
        @Nullable String buyerCountry) {

    public TaxedDocument {
        Objects.requireNonNull(rounding, "rounding");
        lineTaxes = List.copyOf(Objects.requireNonNull(lineTaxes, "lineTaxes"));
        allowanceTaxes = List.copyOf(Objects.requireNonNull(allowanceTaxes, "allowanceTaxes"));
        chargeTaxes = List.copyOf(Objects.requireNonNull(chargeTaxes, "chargeTaxes"));
        breakdown = List.copyOf(Objects.requireNonNull(breakdown, "breakdown"));
        if (sellerVatId != null && sellerVatId.isBlank()) {
            sellerVatId = null;
        }
        if (buyerVatId != null && buyerVatId.isBlank()) {
            buyerVatId = null;
        }
        if (deliverToCountry != null && deliverToCountry.isBlank()) {
            deliverToCountry = null;
        }
        if (sellerCountry != null && sellerCountry.isBlank()) {
            sellerCountry = null;
        }
        if (buyerCountry != null && buyerCountry.isBlank()) {
            buyerCountry = null;
        }
    }

    /** A document whose parties' countries are not known (a split-payment line then breaks BR-B-01). */
    public TaxedDocument(List<TaxTreatment> lineTaxes, List<TaxTreatment> allowanceTaxes,
            List<TaxTreatment> chargeTaxes, List<TaxSubtotal> breakdown, @Nullable String sellerVatId,
            @Nullable String buyerVatId, boolean hasDeliveryDateOrPeriod, @Nullable String deliverToCountry,
            TaxRoundingPolicy rounding) {
        this(lineTaxes, allowanceTaxes, chargeTaxes, breakdown, sellerVatId, buyerVatId, hasDeliveryDateOrPeriod,
                deliverToCountry, rounding, null, null);
    }

    /** A document whose tax was rounded once per group ({@link TaxRoundingPolicy#PER_GROUP}). */
    public TaxedDocument(List<TaxTreatment> lineTaxes, List<TaxTreatment> allowanceTaxes,
            List<TaxTreatment> chargeTaxes, List<TaxSubtotal> breakdown, @Nullable String sellerVatId,
            @Nullable String buyerVatId, boolean hasDeliveryDateOrPeriod, @Nullable String deliverToCountry) {
        this(lineTaxes, allowanceTaxes, chargeTaxes, breakdown, sellerVatId, buyerVatId, hasDeliveryDateOrPeriod,
                deliverToCountry, TaxRoundingPolicy.PER_GROUP);
    }
}
