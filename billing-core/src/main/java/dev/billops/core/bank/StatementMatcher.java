package dev.billops.core.bank;

import dev.billops.core.id.ClientId;
import dev.billops.core.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Proposes what an incoming payment pays, by four rules tried in order; the first rule that
 * finds an open invoice in the payment's currency decides:
 *
 * <ol>
 * <li>{@link MatchRule#CREDITOR_REFERENCE}: an ISO 11649 reference in the structured reference
 *     field or in the remittance text that is the reference of an open invoice
 *     ({@link CreditorReference#forInvoiceNumber});
 * <li>{@link MatchRule#INVOICE_NUMBER}: open invoice numbers in the remittance text (and in a
 *     structured reference that is no RF reference), whatever the spacing, case or punctuation,
 *     but never a number inside a longer one ({@code INV-2026-0001} is not found in
 *     {@code INV-2026-00012}); numbers of fewer than four letters and digits are not searched;
 * <li>{@link MatchRule#PAYER_IBAN}: the open invoices of the client the payer's account belongs
 *     to ({@link PayerDirectory}); when the account is known but that client owes nothing in the
 *     currency, the payment is {@link MatchOutcome#UNMATCHED} for that client and rule 4 is not
 *     tried (it would give one client's money to another's invoice);
 * <li>{@link MatchRule#AMOUNT_AND_DATE}: the one open invoice that owes exactly the amount and
 *     falls due within the {@link MatchingPolicy} window around the booking date.
 * </ol>
 *
 * <p>The invoices a rule found are then weighed against the amount: one invoice gives
 * {@link MatchOutcome#EXACT}, {@link MatchOutcome#PARTIAL} or {@link MatchOutcome#OVER}; several
 * invoices of one client whose dues add up to the amount are paid together (EXACT); of several,
 * the only one owing exactly the amount is EXACT; more than all of them owe is OVER; anything
 * else is {@link MatchOutcome#AMBIGUOUS}. Every proposal names its rule and explains itself.
 *
 * <p>Deterministic: the same transaction and open invoices always give the same proposal
 * (candidates are ordered by number). Thread-safe.
 */
public final class StatementMatcher {

    private final PayerDirectory payers;
    private final MatchingPolicy policy;

    public StatementMatcher(PayerDirectory payers, MatchingPolicy policy) {
        this.payers = Objects.requireNonNull(payers, "payers");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public PayerDirectory payers() {
        return payers;
    }

    public MatchingPolicy policy() {
        return policy;
    }

    /** The proposal for {@code tx} against {@code open}; debits and reversals are UNMATCHED. */
    public MatchProposal propose(BankTransaction tx, OpenInvoices open) {
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(open, "open");
        if (!tx.isIncomingPayment()) {
            return new MatchProposal(tx, MatchOutcome.UNMATCHED, MatchRule.NONE, null, List.of(),
                    tx.reversal() ? "a reversal pays no invoice" : "a debit pays no invoice");
        }
        String currency = tx.amount().currencyCode();
        List<String> notes = new ArrayList<>();
        Optional<ClientId> payer = tx.payerIban() == null ? Optional.empty() : payers.clientOf(tx.payerIban());

        // 1. ISO 11649 creditor references
        List<CreditorReference> refs = references(tx);
        Set<OpenInvoice> byRef = new LinkedHashSet<>();
        List<String> matched = new ArrayList<>();
        for (CreditorReference ref : refs) {
            List<OpenInvoice> named = open.withReference(ref);
            if (!named.isEmpty()) {
                byRef.addAll(named);
                matched.add(ref.printed());
            }
        }
        List<OpenInvoice> refCandidates = inCurrency(byRef, currency, notes);
        if (!refCandidates.isEmpty()) {
            String basis = "creditor reference " + join(matched) + " is the reference of " + numbers(refCandidates);
            return decide(tx, MatchRule.CREDITOR_REFERENCE, refCandidates, basis, payer, notes);
        }
        if (!refs.isEmpty()) {
            notes.add("creditor reference " + join(refs.stream().map(CreditorReference::printed).toList())
                    + " is no open invoice's");
        } else if (tx.structuredReference() != null) {
            notes.add("structured reference '" + tx.structuredReference() + "' is no valid RF reference");
        }

        // 2. invoice numbers in the text
        RemittanceText text = new RemittanceText(searchedText(tx));
        Map<String, List<OpenInvoice>> byKey = open.byNumberKey();
        Set<OpenInvoice> named = new LinkedHashSet<>();
        for (String key : text.find(byKey, open.longestNumberKey())) {
            named.addAll(byKey.get(key));
        }
        List<OpenInvoice> numberCandidates = inCurrency(named, currency, notes);
        if (!numberCandidates.isEmpty()) {
            String basis = "the remittance names " + numbers(numberCandidates);
            return decide(tx, MatchRule.INVOICE_NUMBER, numberCandidates, basis, payer, notes);
        }

        // 3. the payer's account
        if (payer.isPresent()) {
            List<OpenInvoice> ofClient = inCurrency(open.ofClient(payer.get()), currency, null);
            String basis = "payer account " + tx.payerIban() + " is client " + payer.get() + "'s";
            if (ofClient.isEmpty()) {
                notes.add(0, basis + ", who owes nothing in " + currency);
                return new MatchProposal(tx, MatchOutcome.UNMATCHED, MatchRule.PAYER_IBAN, payer.get(), List.of(),
                        String.join("; ", notes));
            }
            return decide(tx, MatchRule.PAYER_IBAN, ofClient, basis + ", who owes " + numbers(ofClient), payer,
                    notes);
        }

        // 4. amount and date window
        List<OpenInvoice> sameAmount = new ArrayList<>();
        for (OpenInvoice inv : open.list()) {
            if (inv.due().equals(tx.amount()) && inWindow(inv.dueDate(), tx.bookingDate())) {
                sameAmount.add(inv);
            }
        }
        String window = "due from " + policy.daysBeforeDue() + " days before to " + policy.daysAfterDue()
                + " days after " + tx.bookingDate();
        if (sameAmount.size() == 1) {
            OpenInvoice only = sameAmount.get(0);
            notes.add(0, "only " + only.number() + " owes exactly " + tx.amount() + " and is " + window);
            return new MatchProposal(tx, MatchOutcome.EXACT, MatchRule.AMOUNT_AND_DATE, only.clientId(),
                    sameAmount, String.join("; ", notes));
        }
        if (sameAmount.size() > 1) {
            notes.add(0, numbers(sameAmount) + " each owe exactly " + tx.amount() + " and are " + window);
            return new MatchProposal(tx, MatchOutcome.AMBIGUOUS, MatchRule.AMOUNT_AND_DATE, oneClient(sameAmount),
                    sameAmount, String.join("; ", notes));
        }
        notes.add(0, "no reference, invoice number, known payer account or open invoice of exactly "
                + tx.amount() + " " + window);
        return new MatchProposal(tx, MatchOutcome.UNMATCHED, MatchRule.NONE, null, List.of(),
                String.join("; ", notes));
    }

    private MatchProposal decide(BankTransaction tx, MatchRule rule, List<OpenInvoice> candidates, String basis,
            Optional<ClientId> payer, List<String> notes) {
        Money amount = tx.amount();
        ClientId client = oneClient(candidates);
        if (payer.isPresent() && client != null && !payer.get().equals(client)) {
            notes.add("the payer account " + tx.payerIban() + " is client " + payer.get() + "'s, not " + client
                    + "'s");
        }
        MatchOutcome outcome;
        List<OpenInvoice> invoices = candidates;
        String weighed;
        if (candidates.size() == 1) {
            Money due = candidates.get(0).due();
            int cmp = amount.compareTo(due);
            outcome = cmp == 0 ? MatchOutcome.EXACT : cmp < 0 ? MatchOutcome.PARTIAL : MatchOutcome.OVER;
            weighed = cmp == 0 ? "it owes exactly " + amount
                    : cmp < 0 ? amount + " is " + due.minus(amount) + " less than the " + due + " it owes"
                    : amount + " is " + amount.minus(due) + " more than the " + due + " it owes";
        } else {
            Money sum = Money.zero(amount.currency());
            List<OpenInvoice> exact = new ArrayList<>();
            for (OpenInvoice inv : candidates) {
                sum = sum.plus(inv.due());
                if (inv.due().equals(amount)) {
                    exact.add(inv);
                }
            }
            if (sum.equals(amount) && client != null) {
                outcome = MatchOutcome.EXACT;
                weighed = "together they owe exactly " + amount;
            } else if (exact.size() == 1) {
                outcome = MatchOutcome.EXACT;
                invoices = exact;
                client = exact.get(0).clientId();
                weighed = "of them only " + exact.get(0).number() + " owes exactly " + amount;
            } else if (amount.isGreaterThan(sum)) {
                outcome = MatchOutcome.OVER;
                weighed = amount + " is " + amount.minus(sum) + " more than the " + sum + " they owe together";
            } else {
                outcome = MatchOutcome.AMBIGUOUS;
                weighed = sum.equals(amount) ? "together they owe exactly " + amount + " but belong to several clients"
                        : "together they owe " + sum + " and " + (exact.isEmpty() ? "none" : exact.size())
                        + " of them owes exactly " + amount;
            }
        }
        List<String> parts = new ArrayList<>();
        parts.add(basis + "; " + weighed);
        parts.addAll(notes);
        ClientId known = client != null ? client : payer.orElse(null);
        return new MatchProposal(tx, outcome, rule, known, invoices, String.join("; ", parts));
    }

    /** The references of {@code tx}: the structured one if valid, then those in the remittance text. */
    private static List<CreditorReference> references(BankTransaction tx) {
        Set<CreditorReference> refs = new LinkedHashSet<>();
        if (tx.structuredReference() != null) {
            CreditorReference.tryParse(tx.structuredReference()).ifPresent(refs::add);
        }
        refs.addAll(new RemittanceText(tx.remittance()).creditorReferences());
        return List.copyOf(refs);
    }

    /** The remittance, and a structured reference that is no RF reference (often the invoice number). */
    private static String searchedText(BankTransaction tx) {
        String structured = tx.structuredReference();
        if (structured == null || CreditorReference.isValid(structured)) {
            return tx.remittance();
        }
        return tx.remittance() + " " + structured;
    }

    /** The candidates in {@code currency}, by number; notes those in other currencies. */
    private static List<OpenInvoice> inCurrency(Iterable<OpenInvoice> candidates, String currency,
            @Nullable List<String> notes) {
        List<OpenInvoice> same = new ArrayList<>();
        List<OpenInvoice> other = new ArrayList<>();
        for (OpenInvoice inv : candidates) {
            (inv.due().currencyCode().equals(currency) ? same : other).add(inv);
        }
        if (notes != null && !other.isEmpty()) {
            notes.add(numbers(other) + " named but not in " + currency);
        }
        same.sort(java.util.Comparator.comparing(OpenInvoice::number).thenComparing(OpenInvoice::invoiceId));
        return same;
    }

    private boolean inWindow(@Nullable LocalDate dueDate, LocalDate booked) {
        if (dueDate == null) {
            return false;
        }
        return !booked.isBefore(dueDate.minusDays(policy.daysBeforeDue()))
                && !booked.isAfter(dueDate.plusDays(policy.daysAfterDue()));
    }

    private static @Nullable ClientId oneClient(List<OpenInvoice> invoices) {
        Set<ClientId> clients = invoices.stream().map(OpenInvoice::clientId).collect(Collectors.toSet());
        return clients.size() == 1 ? clients.iterator().next() : null;
    }

    private static String numbers(List<OpenInvoice> invoices) {
        List<String> parts = new ArrayList<>();
        for (OpenInvoice inv : invoices) {
            parts.add(inv.number() + " (owes " + inv.due() + ")");
        }
        return (invoices.size() == 1 ? "invoice " : "invoices ") + join(parts);
    }

    private static String join(List<String> items) {
        return String.join(", ", items);
    }
}
