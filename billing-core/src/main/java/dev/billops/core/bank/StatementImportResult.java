package dev.billops.core.bank;

import dev.billops.core.id.PaymentId;
import java.util.List;
import java.util.Objects;

/**
 * What importing one statement did.
 *
 * @param statement the statement
 * @param recorded exact matches, recorded as payments by this import
 * @param alreadyRecorded incoming payments a payment was recorded for before (by an earlier import
 *     of a statement with the same transaction); nothing was recorded again
 * @param review partial, over, ambiguous and unmatched payments, with the candidates and why,
 *     and exact ones whose recording failed (the reason is the explanation's last note)
 * @param ignored debits and reversals, which pay no invoice
 */
public record StatementImportResult(BankStatement statement, List<Recorded> recorded,
        List<AlreadyRecorded> alreadyRecorded, List<MatchProposal> review, List<BankTransaction> ignored) {

    public StatementImportResult {
        Objects.requireNonNull(statement, "statement");
        recorded = List.copyOf(recorded);
        alreadyRecorded = List.copyOf(alreadyRecorded);
        review = List.copyOf(review);
        ignored = List.copyOf(ignored);
    }

    /**
     * An exact match and the payment recorded for it.
     *
     * @param proposal the match
     * @param paymentId the payment
     */
    public record Recorded(MatchProposal proposal, PaymentId paymentId) {
        public Recorded {
            Objects.requireNonNull(proposal, "proposal");
            Objects.requireNonNull(paymentId, "paymentId");
        }
    }

    /**
     * An incoming payment recorded before.
     *
     * @param transaction the payment in this statement
     * @param paymentId the payment recorded for it earlier
     */
    public record AlreadyRecorded(BankTransaction transaction, PaymentId paymentId) {
        public AlreadyRecorded {
            Objects.requireNonNull(transaction, "transaction");
            Objects.requireNonNull(paymentId, "paymentId");
        }
    }
}
