package dev.billops.core.bank;

import dev.billops.core.id.ClientId;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@link StatementMatcher} proposes for one incoming payment, and why.
 *
 * @param transaction the payment
 * @param outcome what was concluded
 * @param rule the rule that decided ({@link MatchRule#NONE} when none applied)
 * @param clientId the payer's client when known (from the invoices, or from the payer's account)
 * @param invoices for {@link MatchOutcome#EXACT}, the invoices it pays, each in full; otherwise
 *     the candidates a reviewer chooses from (empty when unmatched); by number
 * @param explanation which rule matched what, in words, with anything the other rules noticed
 */
public record MatchProposal(BankTransaction transaction, MatchOutcome outcome, MatchRule rule,
        @Nullable ClientId clientId, List<OpenInvoice> invoices, String explanation) {

    public MatchProposal {
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(rule, "rule");
        invoices = List.copyOf(Objects.requireNonNull(invoices, "invoices"));
        Objects.requireNonNull(explanation, "explanation");
    }

    /** This proposal with {@code note} added to its explanation. */
    public MatchProposal withNote(String note) {
        return new MatchProposal(transaction, outcome, rule, clientId, invoices, explanation + "; " + note);
    }
}
