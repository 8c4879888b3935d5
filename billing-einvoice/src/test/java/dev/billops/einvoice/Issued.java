package dev.billops.einvoice;

import dev.billops.core.internal.Transitions;
import dev.billops.core.invoice.Invoice;
import java.time.LocalDate;

/**
 * Issued invoice values for tests of the mapper: what a store returns after {@code invoices().issue},
 * made with the library's own transition bridge (not API) so that a test can issue a draft value
 * with a service period or purchase order reference, which the manual-draft facade cannot set.
 */
final class Issued {

    private Issued() {
    }

    static Invoice as(Invoice draft, String number, LocalDate issueDate, LocalDate dueDate) {
        return Transitions.issuedAs(draft, number, issueDate, dueDate);
    }
}
