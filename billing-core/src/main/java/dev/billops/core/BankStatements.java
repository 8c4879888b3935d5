package dev.billops.core;

import dev.billops.core.bank.BankStatement;
import dev.billops.core.bank.BankTransaction;
import dev.billops.core.bank.MatchOutcome;
import dev.billops.core.bank.MatchProposal;
import dev.billops.core.bank.MatchRule;
import dev.billops.core.bank.MatchingPolicy;
import dev.billops.core.bank.OpenInvoice;
import dev.billops.core.bank.OpenInvoices;
import dev.billops.core.bank.PayerDirectory;
import dev.billops.core.bank.StatementImportResult;
import dev.billops.core.bank.StatementMatcher;
import dev.billops.core.error.BillingException;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.money.Money;
import dev.billops.core.payment.InvoiceBalance;
import dev.billops.core.payment.Payment;
import dev.billops.core.payment.PaymentRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Bank statement import of one tenant, from {@link TenantBilling#bankStatements()}: proposes a
 * match for every incoming payment ({@link StatementMatcher}) against the tenant's open invoices,
 * records each exact match as a payment allocated to its invoices, and returns everything else for
 * review:
 *
 * <pre>{@code
 * StatementImportResult result = acme.bankStatements().withPayers(PayerDirectory.of(knownAccounts))
 *         .importStatement(CamtReader.create().read(file).get(0));
 * }</pre>
 *
 * <p><b>Re-importing is safe.</b> Each payment is recorded with an idempotency key made of the
 * statement's account and the bank's transaction id ({@link BankStatement#idempotencyKey}); a
 * transaction whose key was recorded before is reported as already recorded and nothing is
 * recorded again, whether the same statement, an overlapping one or a camt.054 notification that
 * gives the same booking the same bank reference is imported. A booking whose key was recorded for
 * another amount is put on the review list. (Readers derive an id when the bank gives none, from
 * the booking's content, so two identical bookings without bank ids in one file stay two.)
 *
 * <p>Transactions are processed in the order of the statement, each against the invoices still
 * open after the payments recorded before it. A recording that fails (for instance because the
 * invoice was paid meanwhile) stores nothing and puts the proposal on the review list with the
 * reason. The review list is returned, not stored: importing the statement again proposes the
 * same again for what is still unrecorded.
 *
 * <p>Uses only the tenant's public operations (open balances, payments). Thread-safe; concurrent
 * imports of the same statement record each payment once.
 */
public final class BankStatements {

    /** Method of the recorded payments. */
    public static final String METHOD = "bank-transfer";
    /** Open balances as of the last day: every payment and credit note recorded so far counts. */
    private static final LocalDate CURRENT = LocalDate.MAX;

    private final TenantBilling tenant;
    private final StatementMatcher matcher;

    BankStatements(TenantBilling tenant, PayerDirectory payers, MatchingPolicy policy) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.matcher = new StatementMatcher(payers, policy);
    }

    /** This import with the host's knowledge of which client pays from which account (none by default). */
    public BankStatements withPayers(PayerDirectory payers) {
        return new BankStatements(tenant, payers, matcher.policy());
    }

    /** This import with another date window for the amount rule ({@link MatchingPolicy#defaults()} by default). */
    public BankStatements withPolicy(MatchingPolicy policy) {
        return new BankStatements(tenant, matcher.payers(), policy);
    }

    public PayerDirectory payers() {
        return matcher.payers();
    }

    public MatchingPolicy policy() {
        return matcher.policy();
    }

    /** The tenant's invoices that owe something now, by number. */
    public OpenInvoices openInvoices() {
        List<OpenInvoice> open = new ArrayList<>();
        for (InvoiceBalance b : tenant.receivables().openBalances(null, CURRENT)) {
            if (b.number() != null && b.due().isPositive()) {
                open.add(OpenInvoice.of(b));
            }
        }
        return OpenInvoices.of(open);
    }

    /**
     * The proposals for the incoming payments of {@code statement} that were not recorded before,
     * without recording anything; exact matches are assumed recorded for the transactions after
     * them, as {@link #importStatement} would.
     */
    public List<MatchProposal> preview(BankStatement statement) {
        Objects.requireNonNull(statement, "statement");
        OpenInvoices open = openInvoices();
        List<MatchProposal> proposals = new ArrayList<>();
        for (BankTransaction tx : statement.transactions()) {
            if (!tx.isIncomingPayment()) {
                continue;
            }
            Optional<Payment> earlier = recordedBefore(statement, tx);
            if (earlier.isPresent()) {
                if (!earlier.get().amount().equals(tx.amount())) {
                    proposals.add(conflict(statement, tx, earlier.get()));
                }
                continue;
            }
            MatchProposal p = matcher.propose(tx, open);
            proposals.add(p);
            if (p.outcome() == MatchOutcome.EXACT) {
                open = open.without(p.invoices().stream().map(OpenInvoice::invoiceId).toList());
            }
        }
        return List.copyOf(proposals);
    }

    /**
     * Matches every incoming payment of {@code statement} and records the exact matches.
     *
     * @throws BillingException only for a failure that is not about one transaction (a store
     *     failure reading the open invoices); a transaction that cannot be recorded goes to review
     */
    public StatementImportResult importStatement(BankStatement statement) {
        Objects.requireNonNull(statement, "statement");
        OpenInvoices open = openInvoices();
        List<StatementImportResult.Recorded> recorded = new ArrayList<>();
        List<StatementImportResult.AlreadyRecorded> before = new ArrayList<>();
        List<MatchProposal> review = new ArrayList<>();
        List<BankTransaction> ignored = new ArrayList<>();
        for (BankTransaction tx : statement.transactions()) {
            if (!tx.isIncomingPayment()) {
                ignored.add(tx);
                continue;
            }
            Optional<Payment> earlier = recordedBefore(statement, tx);
            if (earlier.isPresent()) {
                if (earlier.get().amount().equals(tx.amount())) {
                    before.add(new StatementImportResult.AlreadyRecorded(tx, earlier.get().id()));
                } else {
                    review.add(conflict(statement, tx, earlier.get()));
                }
                continue;
            }
            MatchProposal proposal = matcher.propose(tx, open);
            if (proposal.outcome() != MatchOutcome.EXACT) {
                review.add(proposal);
                continue;
            }
            try {
                Payment payment = tenant.payments().record(request(statement, proposal));
                recorded.add(new StatementImportResult.Recorded(proposal, payment.id()));
                List<InvoiceId> settled = proposal.invoices().stream().map(OpenInvoice::invoiceId).toList();
                open = open.without(settled);
            } catch (BillingException e) {
                review.add(proposal.withNote("not recorded: " + e.getMessage()));
                open = openInvoices();
            }
        }
        return new StatementImportResult(statement, recorded, before, review, ignored);
    }


    /** A booking whose key was recorded before for another amount: the bank reused an id, or the file is wrong. */
    private static MatchProposal conflict(BankStatement statement, BankTransaction tx, Payment earlier) {
        return new MatchProposal(tx, MatchOutcome.UNMATCHED, MatchRule.NONE, earlier.clientId(), List.of(),
                "bank transaction " + tx.id() + " (key " + statement.idempotencyKey(tx) + ") was recorded before as"
                        + " payment " + earlier.id() + " of " + earlier.amount() + ", but this booking is " + tx.amount()
                        + "; nothing recorded");
    }

    private Optional<Payment> recordedBefore(BankStatement statement, BankTransaction tx) {
        return tenant.payments().findByIdempotencyKey(statement.idempotencyKey(tx));
    }

    private static PaymentRequest request(BankStatement statement, MatchProposal proposal) {
        BankTransaction tx = proposal.transaction();
        OpenInvoice first = proposal.invoices().get(0);
        PaymentRequest request = PaymentRequest.of(first.clientId(), tx.amount())
                .withReceivedOn(tx.valueDate())
                .withMethod(METHOD)
                .withExternalRef(tx.id())
                .withIdempotencyKey(statement.idempotencyKey(tx));
        Money allocated = Money.zero(tx.amount().currency());
        for (OpenInvoice inv : proposal.invoices()) {
            request = request.toInvoice(inv.invoiceId(), inv.due());
            allocated = allocated.plus(inv.due());
        }
        if (!allocated.equals(tx.amount())) {
            throw new IllegalStateException("exact match of " + tx.id() + " allocates " + allocated + " of "
                    + tx.amount());
        }
        return request;
    }
}
