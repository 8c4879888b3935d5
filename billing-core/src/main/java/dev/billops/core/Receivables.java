package dev.billops.core;

import dev.billops.core.internal.payment.Ledger;
import dev.billops.core.payment.AgingBuckets;
import dev.billops.core.payment.AgingReport;
import dev.billops.core.payment.Allocation;
import dev.billops.core.payment.ClientAging;
import dev.billops.core.payment.ClientBalance;
import dev.billops.core.payment.InvoiceBalance;
import dev.billops.core.payment.Payment;
import dev.billops.core.payment.PaymentApplication;
import dev.billops.core.spi.PaymentStore;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.invoice.DocumentType;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceQuery;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.spi.InvoiceStore;
import dev.billops.core.money.Money;
import dev.billops.core.spi.StoreSession;
import dev.billops.core.internal.TenantScope;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Read side of receivables for one tenant: invoice and client balances at a date, payment history,
 * AR aging and the overdue list. Each method reads in one transaction.
 *
 * <p><b>Balances at a date</b> count the allocations dated up to that date and the credit notes
 * issued up to it. A refund removes the allocations it reverses, so a balance at a date before a
 * refund is computed as if the reversed allocations had never been made; dates after the last
 * refund are exact. Invoices issued after the date, drafts, void invoices and credit notes owe
 * nothing.
 *
 * <p>Thread-safe; cheap to create.
 */
public final class Receivables {

    private static final Set<InvoiceStatus> ISSUED_STATES = EnumSet.of(InvoiceStatus.ISSUED,
            InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.PAID);

    private final TenantScope scope;

    Receivables(TenantScope scope) {
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    /**
     * What {@code invoiceId} owed at the end of {@code asOf}.
     *
     * @throws NotFoundException if the invoice does not exist
     */
    public InvoiceBalance balance(InvoiceId invoiceId, LocalDate asOf) {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(asOf, "asOf");
        return scope.tx(session -> {
            InvoiceStore invoices = session.get(InvoiceStore.class);
            Invoice inv = invoices.find(invoiceId).orElseThrow(() -> new NotFoundException("invoice",
                    invoiceId.value()));
            Money paid = Money.zero(inv.currency());
            for (Payment p : session.get(PaymentStore.class).listByInvoice(invoiceId)) {
                for (Allocation a : p.allocations()) {
                    if (a.invoiceId().equals(invoiceId) && !a.date().isAfter(asOf)) {
                        paid = paid.plus(a.amount());
                    }
                }
            }
            Money creditedLater = Money.zero(inv.currency());
            for (Invoice note : invoices.creditNotesOf(invoiceId)) {
                if (issuedAfter(note, asOf)) {
                    creditedLater = creditedLater.plus(note.totals().payable().abs());
                }
            }
            return balanceOf(inv, asOf, paid, creditedLater);
        });
    }

    /** Balances at {@code asOf} of the client's (or, with null, every client's) invoices that owed something, oldest due first. */
    public List<InvoiceBalance> openBalances(@Nullable ClientId clientId, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        return scope.tx(session -> openAt(session, clientId, asOf));
    }

    /**
     * The client's position at {@code asOf}, one entry per currency in which it has invoices
     * outstanding or credit, by currency code.
     */
    public List<ClientBalance> clientBalance(ClientId clientId, LocalDate asOf) {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(asOf, "asOf");
        return scope.tx(session -> {
            Map<String, Money> outstanding = new TreeMap<>();
            Map<String, Money> credit = new TreeMap<>();
            for (InvoiceBalance b : openAt(session, clientId, asOf)) {
                outstanding.merge(b.due().currencyCode(), b.due(), Money::plus);
            }
            for (Payment p : session.get(PaymentStore.class).listByClient(clientId)) {
                Money c = creditAt(p, asOf);
                if (c.isPositive()) {
                    credit.merge(c.currencyCode(), c, Money::plus);
                }
            }
            Map<String, ClientBalance> result = new TreeMap<>();
            for (Map.Entry<String, Money> e : outstanding.entrySet()) {
                Money zero = Money.zero(e.getValue().currency());
                result.put(e.getKey(), new ClientBalance(clientId, asOf, e.getValue(),
                        credit.getOrDefault(e.getKey(), zero)));
            }
            for (Map.Entry<String, Money> e : credit.entrySet()) {
                result.computeIfAbsent(e.getKey(), k -> new ClientBalance(clientId, asOf,
                        Money.zero(e.getValue().currency()), e.getValue()));
            }
            return List.copyOf(result.values());
        });
    }

    /** Payments of the client (all statuses), by value date then id. */
    public List<Payment> history(ClientId clientId) {
        Objects.requireNonNull(clientId, "clientId");
        return scope.tx(session -> session.get(PaymentStore.class).listByClient(clientId));
    }

    /** The parts of payments applied to the invoice, by date applied then payment date and id. */
    public List<PaymentApplication> history(InvoiceId invoiceId) {
        Objects.requireNonNull(invoiceId, "invoiceId");
        return scope.tx(session -> {
            List<PaymentApplication> lines = new ArrayList<>();
            for (Payment p : session.get(PaymentStore.class).listByInvoice(invoiceId)) {
                for (Allocation a : p.allocations()) {
                    if (a.invoiceId().equals(invoiceId)) {
                        lines.add(new PaymentApplication(p.id(), invoiceId, p.receivedOn(), a.date(), a.amount(),
                                p.method(), p.externalRef()));
                    }
                }
            }
            lines.sort(Comparator.comparing(PaymentApplication::appliedOn)
                    .thenComparing(PaymentApplication::receivedOn)
                    .thenComparing(PaymentApplication::paymentId));
            return List.copyOf(lines);
        });
    }

    /** AR aging of every client at {@code asOf}. */
    public AgingReport aging(LocalDate asOf) {
        return aging(null, asOf);
    }

    /** AR aging of one client (or, with null, every client) at {@code asOf}. */
    public AgingReport aging(@Nullable ClientId clientId, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        return scope.tx(session -> {
            Map<ClientId, Map<String, AgingBuckets>> rows = new TreeMap<>();
            Map<String, AgingBuckets> totals = new TreeMap<>();
            for (InvoiceBalance b : openAt(session, clientId, asOf)) {
                String code = b.due().currencyCode();
                rows.computeIfAbsent(b.clientId(), k -> new TreeMap<>())
                        .merge(code, AgingBuckets.empty(b.due().currency()).plus(b.bucket(), b.due()),
                                AgingBuckets::plus);
                totals.merge(code, AgingBuckets.empty(b.due().currency()).plus(b.bucket(), b.due()),
                        AgingBuckets::plus);
            }
            List<ClientAging> clients = new ArrayList<>();
            for (Map.Entry<ClientId, Map<String, AgingBuckets>> row : rows.entrySet()) {
                for (AgingBuckets buckets : row.getValue().values()) {
                    clients.add(new ClientAging(row.getKey(), buckets));
                }
            }
            return new AgingReport(asOf, clients, List.copyOf(totals.values()));
        });
    }

    /** Invoices past due with something owed at {@code asOf}, oldest due first. */
    public List<InvoiceBalance> overdue(LocalDate asOf) {
        return overdue(null, asOf);
    }

    /** Invoices of one client (or, with null, every client) past due at {@code asOf}, oldest due first. */
    public List<InvoiceBalance> overdue(@Nullable ClientId clientId, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        return scope.tx(session -> {
            List<InvoiceBalance> result = new ArrayList<>();
            for (InvoiceBalance b : openAt(session, clientId, asOf)) {
                if (b.isOverdue()) {
                    result.add(b);
                }
            }
            return List.copyOf(result);
        });
    }

    /** Balances owing something at {@code asOf}, oldest due first. */
    private static List<InvoiceBalance> openAt(StoreSession session, @Nullable ClientId clientId, LocalDate asOf) {
        InvoiceStore invoices = session.get(InvoiceStore.class);
        PaymentStore payments = session.get(PaymentStore.class);
        Map<InvoiceId, Money> paidBy = new HashMap<>();
        for (Payment p : clientId == null ? payments.list() : payments.listByClient(clientId)) {
            for (Allocation a : p.allocations()) {
                if (!a.date().isAfter(asOf)) {
                    paidBy.merge(a.invoiceId(), a.amount(), Money::plus);
                }
            }
        }
        Map<InvoiceId, Money> creditedLater = new HashMap<>();
        invoices.forEach(new InvoiceQuery(clientId, Set.of(), DocumentType.CREDIT_NOTE), note -> {
            if (note.creditedInvoiceId() != null && issuedAfter(note, asOf)) {
                creditedLater.merge(note.creditedInvoiceId(), note.totals().payable().abs(), Money::plus);
            }
        });
        List<Invoice> candidates = new ArrayList<>();
        invoices.forEach(new InvoiceQuery(clientId, ISSUED_STATES, DocumentType.INVOICE), inv -> {
            if (inv.issueDate() != null && !inv.issueDate().isAfter(asOf)) {
                candidates.add(inv);
            }
        });
        candidates.sort(Ledger.OLDEST_DUE_FIRST);
        List<InvoiceBalance> result = new ArrayList<>();
        for (Invoice inv : candidates) {
            Money zero = Money.zero(inv.currency());
            InvoiceBalance b = balanceOf(inv, asOf, paidBy.getOrDefault(inv.id(), zero),
                    creditedLater.getOrDefault(inv.id(), zero));
            if (b.due().isPositive()) {
                result.add(b);
            }
        }
        return result;
    }

    private static InvoiceBalance balanceOf(Invoice inv, LocalDate asOf, Money allocatedUpTo, Money creditedLater) {
        Money zero = Money.zero(inv.currency());
        boolean receivable = inv.type() == DocumentType.INVOICE && ISSUED_STATES.contains(inv.status())
                && inv.issueDate() != null && !inv.issueDate().isAfter(asOf);
        if (!receivable) {
            return new InvoiceBalance(inv.id(), inv.number(), inv.clientId(), asOf, inv.dueDate(), zero, zero, zero,
                    zero);
        }
        Money payable = inv.totals().payable();
        Money paid = allocatedUpTo.min(inv.paid());
        Money credited = inv.credited().minus(creditedLater).max(zero);
        Money due = payable.minus(paid).minus(credited).max(zero);
        return new InvoiceBalance(inv.id(), inv.number(), inv.clientId(), asOf, inv.dueDate(), payable, paid,
                credited, due);
    }

    /** The payment's unallocated money at the end of {@code asOf}: nothing before its value date. */
    private static Money creditAt(Payment p, LocalDate asOf) {
        Money credit = Money.zero(p.amount().currency());
        if (p.receivedOn().isAfter(asOf)) {
            return credit;
        }
        credit = p.unallocated();
        for (Allocation a : p.allocations()) {
            if (a.date().isAfter(asOf)) {
                credit = credit.plus(a.amount());
            }
        }
        return credit;
    }

    private static boolean issuedAfter(Invoice note, LocalDate asOf) {
        return note.status() != InvoiceStatus.DRAFT && note.status() != InvoiceStatus.VOID
                && note.issueDate() != null && note.issueDate().isAfter(asOf);
    }
}
