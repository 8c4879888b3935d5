package dev.billops.core.internal.payment;

import dev.billops.core.error.NotFoundException;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.invoice.DocumentType;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceQuery;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.money.Money;
import dev.billops.core.payment.AgingBuckets;
import dev.billops.core.payment.AgingReport;
import dev.billops.core.payment.Allocation;
import dev.billops.core.payment.ClientBalance;
import dev.billops.core.payment.InvoiceBalance;
import dev.billops.core.payment.Payment;
import dev.billops.core.spi.InvoiceStore;
import dev.billops.core.spi.PaymentStore;
import dev.billops.core.spi.ReceivablesQueries;
import dev.billops.core.spi.StoreSession;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The reference {@link ReceivablesQueries}: reads every invoice and payment concerned through
 * {@link InvoiceStore} and {@link PaymentStore} and computes in the JVM. Used for stores that do
 * not implement the port, and as the result a store's own implementation must equal.
 *
 * <p>Not thread-safe; lives for one transaction, like its session.
 */
public final class ScannedReceivables implements ReceivablesQueries {

    /** The statuses in which an invoice can owe something. */
    private static final Set<InvoiceStatus> ISSUED_STATES = EnumSet.of(InvoiceStatus.ISSUED,
            InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.PAID);

    private final StoreSession session;

    public ScannedReceivables(StoreSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    @Override
    public InvoiceBalance balance(InvoiceId invoiceId, LocalDate asOf) {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(asOf, "asOf");
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
    }

    @Override
    public List<InvoiceBalance> openBalances(@Nullable ClientId clientId, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        return List.copyOf(openAt(clientId, asOf));
    }

    @Override
    public List<ClientBalance> clientBalance(ClientId clientId, LocalDate asOf) {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(asOf, "asOf");
        Map<String, Money> outstanding = new TreeMap<>();
        Map<String, Money> credit = new TreeMap<>();
        for (InvoiceBalance b : openAt(clientId, asOf)) {
            outstanding.merge(b.due().currencyCode(), b.due(), Money::plus);
        }
        for (Payment p : session.get(PaymentStore.class).listByClient(clientId)) {
            Money c = creditAt(p, asOf);
            if (c.isPositive()) {
                credit.merge(c.currencyCode(), c, Money::plus);
            }
        }
        return clientBalances(clientId, asOf, outstanding, credit);
    }

    @Override
    public AgingReport aging(@Nullable ClientId clientId, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        Map<ClientId, Map<String, AgingBuckets>> rows = new TreeMap<>();
        for (InvoiceBalance b : openAt(clientId, asOf)) {
            rows.computeIfAbsent(b.clientId(), k -> new TreeMap<>())
                    .merge(b.due().currencyCode(), AgingBuckets.empty(b.due().currency()).plus(b.bucket(), b.due()),
                            AgingBuckets::plus);
        }
        return AgingReport.of(asOf, rows);
    }


    /** One balance per currency present in either map (keyed by currency code, sorted), the missing side zero. */
    private static List<ClientBalance> clientBalances(ClientId clientId, LocalDate asOf,
            Map<String, Money> outstanding, Map<String, Money> credit) {
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
    }

    /** Balances owing something at {@code asOf}, oldest due first. */
    private List<InvoiceBalance> openAt(@Nullable ClientId clientId, LocalDate asOf) {
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
        boolean receivable = !inv.type().isCreditNote() && ISSUED_STATES.contains(inv.status())
                && inv.issueDate() != null && !inv.issueDate().isAfter(asOf);
        if (!receivable) {
            return new InvoiceBalance(inv.id(), inv.number(), inv.clientId(), asOf, inv.dueDate(), zero, zero, zero,
                    zero);
        }
        Money payable = inv.receivable(); // the payable amount less prepayment invoices deducted
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
