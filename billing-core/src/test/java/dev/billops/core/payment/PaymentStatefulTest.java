package dev.billops.core.payment;

import dev.billops.core.Payments;
import static dev.billops.core.payment.PaymentFixture.EUR;
import static dev.billops.core.payment.PaymentFixture.USD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.error.BillingException;
import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.PaymentId;
import dev.billops.core.internal.Transitions;
import dev.billops.core.invoice.DocumentType;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.spi.InvoiceStore;
import dev.billops.core.money.Money;
import dev.billops.testkit.property.Gen;
import dev.billops.testkit.property.Property;
import dev.billops.core.memory.StoreSnapshot;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Runs random sequences of issue / pay / allocate / auto-allocate / apply-credit / refund /
 * failed-payment / credit-note / advance-the-clock operations, valid and invalid ones mixed, against an
 * in-memory tenant. Before each operation a small model decides whether it must be accepted;
 * after it:
 *
 * <ul>
 *   <li>the operation succeeded exactly when the model said it was valid, and a rejected one
 *       left the store exactly as it was (snapshot equality, including audit log and outbox);
 *   <li>money is conserved per currency: payments received − refunds (tracked by the model from
 *       the accepted operations) = Σ allocations + Σ client credit balances;
 *   <li>every invoice's {@code paid} is the sum of the allocations to it, never more than it owes,
 *       and its status matches its balance;
 *   <li>the aging buckets of each currency sum to the total outstanding, per client and in total,
 *       and each invoice's balance at today equals its amount due.
 * </ul>
 */
class PaymentStatefulTest {

    private static final List<CurrencyUnit> CURRENCIES = List.of(EUR, USD);
    private static final List<String> KEYS = List.of("k0", "k1", "k2");

    /** An operation; indexes pick an existing client/invoice/payment (modulo), or with {@link #MISSING} a missing one. */
    sealed interface Op permits Issue, Pay, Fail, Allocate, AutoAllocate, ApplyCredit, ApplyClientCredit, Refund,
            Advance, CreditNote {
    }

    record Issue(int client, int currency, long minor, int dueInDays, boolean draft) implements Op {
    }

    /** mode 0 AUTO, 1 NONE (credit), 2 up to due of target, 3 exact {@code exactMinor} to target; key −1: none. */
    record Pay(int client, int currency, long minor, int mode, int target, long exactMinor, int key) implements Op {
    }

    record Fail(int client, int currency, long minor, int invoice) implements Op {
    }

    /** exactMinor 0: up to due. */
    record Allocate(int payment, int invoice, long exactMinor) implements Op {
    }

    record AutoAllocate(int payment) implements Op {
    }

    /** exactMinor 0: up to due. */
    record ApplyCredit(int invoice, long exactMinor) implements Op {
    }

    record ApplyClientCredit(int client) implements Op {
    }

    /** how 0: {@code minor}; 1: all that is refundable; 2: half of it. */
    record Refund(int payment, long minor, int how) implements Op {
    }

    record Advance(int days) implements Op {
    }

    /**
     * A credit note against an invoice, settled the way the lifecycle service does it
     * ({@code withSettlement(paid, credited + amount)}); valid only up to the amount due.
     */
    record CreditNote(int invoice, long minor, int how) implements Op {
    }

    private static final Gen<Long> MINOR = Gen.frequency(
            Gen.weighted(6, Gen.longs(1, 50_000)),
            Gen.weighted(2, Gen.longs(1, 500)),
            Gen.weighted(1, Gen.longs(50_000, 300_000)));
    /** The index that picks a missing client, invoice or payment. */
    private static final int MISSING = 12;
    private static final Gen<Integer> INDEX = Gen.ints(0, MISSING);
    private static final Gen<Integer> CLIENT = Gen.frequency(Gen.weighted(12, Gen.ints(0, 2)),
            Gen.weighted(1, Gen.constant(MISSING)));
    private static final Gen<Integer> KEY = Gen.frequency(Gen.weighted(6, Gen.constant(-1)),
            Gen.weighted(1, Gen.ints(0, KEYS.size() - 1)));
    private static final Gen<Integer> CURRENCY = Gen.frequency(Gen.weighted(5, Gen.constant(0)),
            Gen.weighted(1, Gen.constant(1)));

    private static final Gen<Op> OPS = Gen.frequency(
            Gen.weighted(5, Gen.zip(CLIENT, CURRENCY, MINOR,
                    Gen.zip(Gen.ints(-5, 60), Gen.frequency(Gen.weighted(9, Gen.constant(false)),
                            Gen.weighted(1, Gen.constant(true))), (d, dr) -> new int[] {d, dr ? 1 : 0}),
                    (c, cur, m, dd) -> new Issue(c, cur, m, dd[0], dd[1] == 1))),
            Gen.weighted(6, Gen.zip(Gen.zip(CLIENT, CURRENCY, MINOR, (c, cur, m) -> new long[] {c, cur, m}),
                    Gen.ints(0, 3), INDEX, Gen.zip(MINOR, KEY, (e, k) -> new long[] {e, k}),
                    (ccm, mode, target, ek) -> new Pay((int) ccm[0], (int) ccm[1], ccm[2], mode, target, ek[0],
                            (int) ek[1]))),
            Gen.weighted(1, Gen.zip(CLIENT, CURRENCY, MINOR, INDEX,
                    (c, cur, m, inv) -> new Fail(c, cur, m, inv))),
            Gen.weighted(3, Gen.zip(INDEX, INDEX, Gen.frequency(Gen.weighted(1, Gen.constant(0L)),
                    Gen.weighted(1, MINOR)), Allocate::new)),
            Gen.weighted(2, INDEX.map(AutoAllocate::new)),
            Gen.weighted(3, Gen.zip(INDEX, Gen.frequency(Gen.weighted(1, Gen.constant(0L)), Gen.weighted(1, MINOR)),
                    ApplyCredit::new)),
            Gen.weighted(1, CLIENT.map(ApplyClientCredit::new)),
            Gen.weighted(4, Gen.zip(INDEX, MINOR, Gen.ints(0, 2), Refund::new)),
            Gen.weighted(2, Gen.ints(1, 45).map(Advance::new)),
            Gen.weighted(2, Gen.zip(INDEX, MINOR, Gen.ints(0, 2), CreditNote::new)));

    @Test
    void randomOperationSequences_keepInvariantsAndRejectInvalidOperationsWithoutChanges() {
        Property.forAll(Gen.listOf(OPS, 1, 40)).tries(200).verify(ops -> new Run().play(ops));
    }

    /** One sequence against a fresh tenant. */
    private static final class Run {

        final PaymentFixture f = new PaymentFixture(LocalDate.of(2026, 1, 1));
        final List<ClientId> clients = new ArrayList<>();
        final List<InvoiceId> invoices = new ArrayList<>();
        final List<PaymentId> payments = new ArrayList<>();
        /** Payments received − refunds per currency code, from the accepted operations only. */
        final Map<String, Money> netReceived = new HashMap<>();

        Run() {
            clients.add(f.client("c0", EUR));
            clients.add(f.client("c1", EUR));
            clients.add(f.client("c2", USD));
            for (CurrencyUnit c : CURRENCIES) {
                netReceived.put(c.getCurrencyCode(), Money.zero(c));
            }
            // A small starting state, so that early operations have something to work on.
            LocalDate today = f.clock.today();
            invoices.add(f.issue(clients.get(0), "INV-A", Money.ofMinor(EUR, 120_00), today, today.plusDays(10)).id());
            invoices.add(f.issue(clients.get(1), "INV-B", Money.ofMinor(EUR, 80_00), today, today.plusDays(20)).id());
            invoices.add(f.issue(clients.get(2), "INV-C", Money.ofMinor(USD, 50_00), today, today.plusDays(30)).id());
            Money credit = Money.ofMinor(EUR, 200_00);
            payments.add(f.payments.record(PaymentRequest.of(clients.get(0), credit).asCredit()).id());
            netReceived.merge("EUR", credit, Money::plus);
        }

        void play(List<Op> ops) {
            int step = 0;
            for (Op op : ops) {
                step++;
                String where = "step " + step + " " + op;
                StoreSnapshot before = f.snapshot();
                boolean valid = isValid(op);
                Outcome outcome;
                try {
                    outcome = apply(op);
                } catch (BillingException e) {
                    assertFalse(valid, where + " was valid but rejected: " + e);
                    assertEquals(before, f.snapshot(), where + " was rejected but changed the store");
                    continue;
                }
                assertTrue(valid, where + " was invalid but accepted");
                if (outcome.replayed) {
                    assertEquals(before, f.snapshot(), where + " replayed an idempotency key but changed the store");
                }
                checkInvariants(where);
            }
        }

        // ---- the model: is an operation valid in the current state? ----

        boolean isValid(Op op) {
            if (op instanceof Issue || op instanceof Advance || op instanceof ApplyClientCredit) {
                return true;
            }
            if (op instanceof AutoAllocate a) {
                return pick(payments, a.payment()) != null;
            }
            if (op instanceof Pay p) {
                return payValid(p);
            }
            if (op instanceof Fail fl) {
                ClientId client = pick(clients, fl.client());
                InvoiceId id = invoiceIdFor(client, fl.invoice());
                return client != null && id != null && f.invoice(id).clientId().equals(client);
            }
            if (op instanceof Allocate a) {
                Payment p = payment(a.payment());
                InvoiceId id = invoiceIdFor(p == null ? null : p.clientId(), a.invoice());
                Invoice inv = id == null ? null : f.invoice(id);
                if (p == null || inv == null || !payable(inv, p.clientId(), p.amount().currency())) {
                    return false;
                }
                if (a.exactMinor() == 0) {
                    return true;
                }
                Money exact = Money.ofMinor(p.amount().currency(), a.exactMinor());
                return !exact.isGreaterThan(inv.amountDue()) && !exact.isGreaterThan(p.unallocated());
            }
            if (op instanceof ApplyCredit a) {
                Invoice inv = invoice(a.invoice());
                if (inv == null || !payable(inv, inv.clientId(), inv.currency())) {
                    return false;
                }
                if (a.exactMinor() == 0) {
                    return true;
                }
                Money exact = Money.ofMinor(inv.currency(), a.exactMinor());
                return !exact.isGreaterThan(inv.amountDue())
                        && !exact.isGreaterThan(f.payments.creditBalance(inv.clientId(), inv.currency()));
            }
            if (op instanceof CreditNote c) {
                Invoice inv = invoice(c.invoice());
                if (inv == null || inv.isDraft()) {
                    return false;
                }
                Money amount = amount(inv.currency(), c.minor(), c.how(), inv.amountDue());
                return amount.isPositive() && !amount.isGreaterThan(inv.amountDue());
            }
            Refund r = (Refund) op;
            Payment p = payment(r.payment());
            if (p == null || p.status() == PaymentStatus.FAILED) {
                return false;
            }
            Money refundable = p.amount().minus(p.refunded());
            Money amount = amount(p.amount().currency(), r.minor(), r.how(), refundable);
            return amount.isPositive() && !amount.isGreaterThan(refundable);
        }

        boolean payValid(Pay p) {
            ClientId client = pick(clients, p.client());
            Money amount = Money.ofMinor(CURRENCIES.get(p.currency()), p.minor());
            if (p.key() >= 0) {
                Optional<Payment> first = f.snapshot().payments().stream()
                        .filter(x -> KEYS.get(p.key()).equals(x.idempotencyKey())).findFirst();
                if (first.isPresent()) {
                    Payment x = first.get();
                    return x.clientId().equals(client) && x.amount().equals(amount)
                            && x.status() != PaymentStatus.FAILED;
                }
            }
            if (client == null) {
                return false;
            }
            if (p.mode() < 2) {
                return true;
            }
            InvoiceId id = invoiceIdFor(client, p.target());
            Invoice inv = id == null ? null : f.invoice(id);
            if (inv == null || !payable(inv, client, amount.currency())) {
                return false;
            }
            if (p.mode() == 2) {
                return true;
            }
            Money exact = Money.ofMinor(amount.currency(), p.exactMinor());
            return !exact.isGreaterThan(amount) && !exact.isGreaterThan(inv.amountDue());
        }

        static boolean payable(Invoice inv, ClientId client, CurrencyUnit currency) {
            return inv.type() == DocumentType.INVOICE && inv.status() != InvoiceStatus.DRAFT
                    && inv.status() != InvoiceStatus.VOID && inv.clientId().equals(client)
                    && inv.currency().getCurrencyCode().equals(currency.getCurrencyCode());
        }

        // ---- applying operations ----

        record Outcome(boolean replayed) {
        }

        Outcome apply(Op op) {
            if (op instanceof Issue i) {
                ClientId client = clients.get(i.client() % clients.size()); // invoices only for real clients
                Money amount = Money.ofMinor(CURRENCIES.get(i.currency()), i.minor());
                LocalDate today = f.clock.today();
                Invoice inv = i.draft() ? f.draft(client, amount)
                        : f.issue(client, "INV-" + (invoices.size() + 1), amount, today, today.plusDays(i.dueInDays()));
                invoices.add(inv.id());
            } else if (op instanceof Pay p) {
                return pay(p);
            } else if (op instanceof Fail fl) {
                ClientId client = idOrMissing(clients, fl.client(), ClientId.of("ghost"));
                Money amount = Money.ofMinor(CURRENCIES.get(fl.currency()), fl.minor());
                Payment failed = f.payments.recordFailed(PaymentRequest.of(client, amount),
                        orMissing(invoiceIdFor(pick(clients, fl.client()), fl.invoice())), "declined");
                payments.add(failed.id());
            } else if (op instanceof Allocate a) {
                PaymentId id = idOrMissing(payments, a.payment(), PaymentId.of("missing"));
                Payment p = payment(a.payment());
                InvoiceId inv = orMissing(invoiceIdFor(p == null ? null : p.clientId(), a.invoice()));
                AllocationTarget target = a.exactMinor() == 0 || p == null ? AllocationTarget.upToDue(inv)
                        : AllocationTarget.of(inv, Money.ofMinor(p.amount().currency(), a.exactMinor()));
                f.payments.allocate(id, List.of(target));
            } else if (op instanceof AutoAllocate a) {
                f.payments.autoAllocate(idOrMissing(payments, a.payment(), PaymentId.of("missing")));
            } else if (op instanceof ApplyCredit a) {
                InvoiceId id = idOrMissing(invoices, a.invoice(), InvoiceId.of("missing"));
                Invoice inv = invoice(a.invoice());
                if (a.exactMinor() == 0 || inv == null) {
                    f.payments.applyCredit(id);
                } else {
                    f.payments.applyCredit(id, Money.ofMinor(inv.currency(), a.exactMinor()));
                }
            } else if (op instanceof ApplyClientCredit a) {
                f.payments.applyCredit(idOrMissing(clients, a.client(), ClientId.of("ghost")));
            } else if (op instanceof Refund r) {
                PaymentId id = idOrMissing(payments, r.payment(), PaymentId.of("missing"));
                Payment p = payment(r.payment());
                Money amount = p == null ? Money.ofMinor(EUR, r.minor())
                        : amount(p.amount().currency(), r.minor(), r.how(), p.amount().minus(p.refunded()));
                f.payments.refund(id, amount);
                netReceived.merge(amount.currencyCode(), amount.negate(), Money::plus);
            } else if (op instanceof Advance a) {
                f.clock.advance(Duration.ofDays(a.days()));
            } else if (op instanceof CreditNote c) {
                InvoiceId id = idOrMissing(invoices, c.invoice(), InvoiceId.of("missing"));
                f.scope.tx(session -> {
                    InvoiceStore store = session.get(InvoiceStore.class);
                    Invoice inv = store.find(id).orElseThrow(() -> new NotFoundException("invoice", id.value()));
                    Money credit = amount(inv.currency(), c.minor(), c.how(), inv.amountDue());
                    if (!credit.isPositive()) {
                        throw new InvalidInputException("a credit note credits a positive amount, not " + credit);
                    }
                    return store.update(Transitions.withSettlement(inv, inv.paid(), inv.credited().plus(credit)));
                });
            }
            return new Outcome(false);
        }

        Outcome pay(Pay p) {
            ClientId client = idOrMissing(clients, p.client(), ClientId.of("ghost"));
            Money amount = Money.ofMinor(CURRENCIES.get(p.currency()), p.minor());
            PaymentRequest request = PaymentRequest.of(client, amount);
            if (p.key() >= 0) {
                request = request.withIdempotencyKey(KEYS.get(p.key()));
            }
            InvoiceId target = orMissing(invoiceIdFor(pick(clients, p.client()), p.target()));
            switch (p.mode()) {
                case 0 -> request = request.autoAllocated();
                case 1 -> request = request.asCredit();
                case 2 -> request = request.toInvoice(target);
                default -> request = request.toInvoice(target, Money.ofMinor(amount.currency(), p.exactMinor()));
            }
            int countBefore = f.snapshot().payments().size();
            Payment recorded = f.payments.record(request);
            if (f.snapshot().payments().size() == countBefore) {
                assertTrue(payments.contains(recorded.id()), "a replayed key returned an unknown payment");
                return new Outcome(true);
            }
            payments.add(recorded.id());
            netReceived.merge(amount.currencyCode(), amount, Money::plus);
            return new Outcome(false);
        }

        // ---- invariants ----

        void checkInvariants(String where) {
            StoreSnapshot s = f.snapshot();
            Map<InvoiceId, Money> allocatedTo = new HashMap<>();
            Map<String, Money> allocatedIn = new HashMap<>();
            Map<String, Money> heldIn = new HashMap<>();
            for (Payment p : s.payments()) {
                String code = p.amount().currencyCode();
                if (p.status() != PaymentStatus.FAILED) {
                    heldIn.merge(code, p.amount().minus(p.refunded()), Money::plus);
                    assertEquals(p.amount().minus(p.refunded()), p.allocated().plus(p.unallocated()), where);
                } else {
                    assertTrue(p.allocations().isEmpty(), where + ": a failed payment has allocations");
                }
                for (Allocation a : p.allocations()) {
                    assertTrue(a.amount().isPositive(), where + ": allocation " + a);
                    allocatedTo.merge(a.invoiceId(), a.amount(), Money::plus);
                    allocatedIn.merge(code, a.amount(), Money::plus);
                }
            }
            for (CurrencyUnit c : CURRENCIES) {
                String code = c.getCurrencyCode();
                Money zero = Money.zero(c);
                Money credit = zero;
                for (ClientId client : clients) {
                    credit = credit.plus(f.payments.creditBalance(client, c));
                }
                Money net = netReceived.get(code);
                assertEquals(net, heldIn.getOrDefault(code, zero), where + ": payments − refunds in " + code);
                assertEquals(net, allocatedIn.getOrDefault(code, zero).plus(credit),
                        where + ": money not conserved in " + code);
            }

            LocalDate today = f.clock.today();
            AgingReport aging = f.receivables.aging(today);
            Map<String, Money> outstanding = new HashMap<>();
            Map<ClientId, Map<String, Money>> owedBy = new HashMap<>();
            for (Invoice inv : s.invoices()) {
                Money zero = Money.zero(inv.currency());
                Money paid = allocatedTo.getOrDefault(inv.id(), zero);
                assertEquals(paid, inv.paid(), where + ": paid of " + inv.number() + " is not the sum of allocations");
                if (inv.isDraft()) {
                    assertTrue(paid.isZero(), where + ": a draft was paid");
                    continue;
                }
                Money due = inv.amountDue();
                assertFalse(due.isNegative(), where + ": " + inv.number() + " paid beyond its total");
                InvoiceStatus expected = due.isZero() ? InvoiceStatus.PAID
                        : paid.isPositive() || inv.credited().isPositive() ? InvoiceStatus.PARTIALLY_PAID
                        : InvoiceStatus.ISSUED;
                assertEquals(expected, inv.status(), where + ": status of " + inv.number() + " with due " + due);
                assertEquals(due, f.receivables.balance(inv.id(), today).due(), where + ": balance of " + inv.number());
                outstanding.merge(inv.currency().getCurrencyCode(), due, Money::plus);
                owedBy.computeIfAbsent(inv.clientId(), k -> new HashMap<>()).merge(inv.currency().getCurrencyCode(),
                        inv.totals().payable().minus(inv.paid()).minus(inv.credited()), Money::plus);
            }
            for (ClientId client : clients) {
                Map<String, Money> owed = owedBy.getOrDefault(client, Map.of());
                Map<String, ClientBalance> reported = new HashMap<>();
                for (ClientBalance b : f.receivables.clientBalance(client, today)) {
                    reported.put(b.outstanding().currencyCode(), b);
                }
                for (CurrencyUnit c : CURRENCIES) {
                    Money zero = Money.zero(c);
                    ClientBalance b = reported.get(c.getCurrencyCode());
                    assertEquals(owed.getOrDefault(c.getCurrencyCode(), zero), b == null ? zero : b.outstanding(),
                            where + ": balance of " + client + " in " + c + " is not invoices − payments − credits");
                    assertEquals(f.payments.creditBalance(client, c), b == null ? zero : b.credit(),
                            where + ": credit of " + client + " in " + c);
                }
            }
            for (CurrencyUnit c : CURRENCIES) {
                Money zero = Money.zero(c);
                AgingBuckets total = aging.total(c);
                assertEquals(outstanding.getOrDefault(c.getCurrencyCode(), zero), total.total(),
                        where + ": aging total in " + c);
                AgingBuckets sum = AgingBuckets.empty(c);
                for (ClientAging row : aging.clients()) {
                    if (row.buckets().currency().getCurrencyCode().equals(c.getCurrencyCode())) {
                        sum = sum.plus(row.buckets());
                    }
                }
                assertEquals(total, sum, where + ": client rows do not add up to the total in " + c);
            }
        }

        // ---- lookups ----

        /** {@code minor}, all of {@code whole}, or half of it (rounded down), per {@code how}. */
        static Money amount(CurrencyUnit currency, long minor, int how, Money whole) {
            return switch (how) {
                case 1 -> whole;
                case 2 -> Money.ofMinor(currency, whole.toMinor() / 2);
                default -> Money.ofMinor(currency, minor);
            };
        }

        /**
         * An invoice index resolved mostly among {@code client}'s invoices (so that most picks can be
         * valid), else among all; the result indexes {@link #invoices}, or is −1 for a missing one.
         */
        int invoiceFor(@Nullable ClientId client, int index) {
            List<Integer> candidates = new ArrayList<>();
            for (int i = 0; i < invoices.size(); i++) {
                if (client == null || index >= 9 || f.invoice(invoices.get(i)).clientId().equals(client)) {
                    candidates.add(i);
                }
            }
            Integer picked = pick(candidates, index);
            return picked == null ? -1 : picked;
        }

        static InvoiceId orMissing(@Nullable InvoiceId id) {
            return id == null ? InvoiceId.of("missing") : id;
        }

        @Nullable InvoiceId invoiceIdFor(@Nullable ClientId client, int index) {
            int i = invoiceFor(client, index);
            return i < 0 ? null : invoices.get(i);
        }

        @Nullable Invoice invoice(int index) {
            InvoiceId id = pick(invoices, index);
            return id == null ? null : f.invoice(id);
        }

        @Nullable Payment payment(int index) {
            PaymentId id = pick(payments, index);
            return id == null ? null : f.payment(id);
        }

        static <T> @Nullable T pick(List<T> list, int index) {
            return index == MISSING || list.isEmpty() ? null : list.get(index % list.size());
        }

        static <T> T idOrMissing(List<T> list, int index, T missing) {
            T picked = pick(list, index);
            return picked == null ? missing : picked;
        }
    }
}
