package dev.billops.core.internal.invoice;

import dev.billops.core.invoice.Invoice;
import dev.billops.core.spi.StoreSession;

/**
 * What runs right after an invoice is issued, inside the issuing transaction, so that it commits
 * or rolls back with the issue: the facade wires the payment service's "apply credit on issue"
 * here (the invoice package cannot call the payment package, which depends on it).
 */
@FunctionalInterface
public interface IssueFollowUp {

    /** Nothing follows the issue. */
    IssueFollowUp NONE = (session, issued) -> issued;

    /**
     * Runs after {@code issued} was stored, in {@code session}'s transaction.
     *
     * @return the invoice as stored afterwards ({@code issued} if nothing changed)
     */
    Invoice afterIssue(StoreSession session, Invoice issued);
}
