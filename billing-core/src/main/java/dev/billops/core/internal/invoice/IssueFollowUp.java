package dev.billops.core.internal.invoice;

import dev.billops.core.id.ClientId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.spi.StoreSession;
import javax.money.CurrencyUnit;

/**
 * What runs right after an invoice is issued, inside the issuing transaction, so that it commits
 * or rolls back with the issue: the facade wires the payment service's "apply credit on issue"
 * here (the invoice package cannot call the payment package, which depends on it).
 */
@FunctionalInterface
public interface IssueFollowUp {

    /** Nothing follows the issue. */
    IssueFollowUp NONE = new IssueFollowUp() {
        @Override
        public Invoice afterIssue(StoreSession session, Invoice issued) {
            return issued;
        }

        @Override
        public boolean mayChange(StoreSession session, ClientId client, CurrencyUnit currency) {
            return false;
        }
    };

    /**
     * Runs after {@code issued} was stored, in {@code session}'s transaction.
     *
     * @return the invoice as stored afterwards ({@code issued} if nothing changed)
     */
    Invoice afterIssue(StoreSession session, Invoice issued);

    /**
     * Whether {@link #afterIssue} may change an invoice of {@code client} in {@code currency}
     * issued now in {@code session}'s transaction. A caller that issues several invoices together
     * without running {@link #afterIssue} (the package run's batched chunks) issues those for
     * which this is true one by one instead. True unless the follow-up knows better.
     */
    default boolean mayChange(StoreSession session, ClientId client, CurrencyUnit currency) {
        return true;
    }
}
