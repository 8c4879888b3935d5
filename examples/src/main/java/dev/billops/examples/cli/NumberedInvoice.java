package dev.billops.examples.cli;

import dev.billops.core.id.TenantId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.spi.InvoiceStore;
import dev.billops.jdbc.JdbcBillingStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The issued invoice or credit note a command names by its number: looked up in the given tenant,
 * or in every tenant of the database when none is given, where the number must then be unique.
 *
 * @param tenant the tenant that has it
 * @param invoice the document
 */
record NumberedInvoice(TenantId tenant, Invoice invoice) {

    /**
     * @throws CliFailure if no tenant in scope has an invoice numbered {@code number}, or several do
     */
    static NumberedInvoice find(JdbcBillingStore store, DatabaseOptions db, @Nullable String tenant, String number) {
        List<TenantId> tenants = tenant == null ? store.tenantIds()
                : List.of(DatabaseOptions.tenant(store, tenant, db.describe()));
        List<TenantId> having = new ArrayList<>();
        Invoice found = null;
        for (TenantId t : tenants) {
            Optional<Invoice> i = store.inTransaction(t, s -> s.get(InvoiceStore.class).findByNumber(number));
            if (i.isPresent()) {
                having.add(t);
                found = i.get();
            }
        }
        if (found == null) {
            throw new CliFailure("no invoice numbered '" + number + "' in " + db.describe()
                    + (tenant == null ? "" : " for tenant " + tenant));
        }
        if (having.size() > 1) {
            throw new CliFailure("invoice number '" + number + "' exists in tenants "
                    + String.join(", ", having.stream().map(TenantId::value).toList()) + "; choose one with --tenant");
        }
        return new NumberedInvoice(having.get(0), found);
    }
}
