package dev.billops.core.invoice;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.party.TaxProfile;
import dev.billops.core.tax.TaxCategory;
import java.util.Objects;

/**
 * A line's tax treatment contradicts the client's tax profile: a standard-rated (category S) line
 * for a REVERSE_CHARGE or INTRA_COMMUNITY client when both the seller's and the client's VAT ids
 * are known, where the buyer accounts for the VAT (categories AE and K). Nothing was stored.
 */
public final class TaxTreatmentContradictsClientException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final InvoiceId invoiceId;
    private final int position;
    private final ClientId clientId;
    private final TaxProfile profile;
    private final TaxCategory category;

    public TaxTreatmentContradictsClientException(InvoiceId invoiceId, int position, ClientId clientId,
            TaxProfile profile, TaxCategory category) {
        super("invoice " + Objects.requireNonNull(invoiceId, "invoiceId") + " line " + position + ": tax category "
                + category + " contradicts client " + clientId + "'s tax profile " + profile
                + " (both VAT ids known: the buyer accounts for the VAT)");
        this.invoiceId = invoiceId;
        this.position = position;
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.category = Objects.requireNonNull(category, "category");
    }

    public InvoiceId invoiceId() {
        return invoiceId;
    }

    /** The line's position on the invoice. */
    public int position() {
        return position;
    }

    public ClientId clientId() {
        return clientId;
    }

    public TaxProfile profile() {
        return profile;
    }

    /** The line's (refused) tax category. */
    public TaxCategory category() {
        return category;
    }
}
