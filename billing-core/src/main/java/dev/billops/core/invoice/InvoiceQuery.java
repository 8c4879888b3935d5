package dev.billops.core.invoice;

import dev.billops.core.id.ClientId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Selects invoices of the session tenant.
 *
 * @param clientId one client, or null for all
 * @param statuses statuses to include; empty means all
 * @param type {@link DocumentType#INVOICE} for invoices of every invoice type,
 *     {@link DocumentType#CREDIT_NOTE} for credit notes, another type for that type only
 *     ({@link DocumentType#selects}), or null for all
 */
public record InvoiceQuery(@Nullable ClientId clientId, Set<InvoiceStatus> statuses, @Nullable DocumentType type) {

    public InvoiceQuery {
        statuses = Set.copyOf(Objects.requireNonNull(statuses, "statuses"));
    }

    public static InvoiceQuery all() {
        return new InvoiceQuery(null, Set.of(), null);
    }

    public static InvoiceQuery ofClient(ClientId clientId) {
        return new InvoiceQuery(clientId, Set.of(), null);
    }

    /** Issued or partially paid invoices (not credit notes) that may still have a balance. */
    public static InvoiceQuery open(@Nullable ClientId clientId) {
        return new InvoiceQuery(clientId, EnumSet.of(InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID),
                DocumentType.INVOICE);
    }
}
