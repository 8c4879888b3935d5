package dev.billops.core.internal.payment;

import dev.billops.core.Payments;
import dev.billops.core.payment.Allocation;
import dev.billops.core.payment.InvoiceNotPayableException;
import dev.billops.core.payment.Payment;
import dev.billops.core.payment.PaymentCurrencyMismatchException;
import dev.billops.core.payment.PaymentStatus;
import dev.billops.core.spi.PaymentStore;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.event.InvoicePaid;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EventId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.PaymentId;
import dev.billops.core.internal.Transitions;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import javax.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;

/**
 * The working set of one payment operation inside one transaction: invoices and payments as read,
 * changed in memory, and written together by {@link #flush}. Every check happens before
 * {@code flush}, so a rejected operation writes nothing; a write that loses an optimistic-locking
 * race throws, and the transaction rolls back.
 *
 * <p>Not thread-safe; lives for one transaction.
 */
public final class Ledger {

    /** Open invoices in the order money is applied to them automatically. */
    public static final Comparator<Invoice> OLDEST_DUE_FIRST = Comparator
            .comparing(Invoice::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Invoice::issueDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(i -> i.number() == null ? "" : i.number())
            .thenComparing(Invoice::id);

    private final TenantScope scope;
    private final StoreSession session;
    private final InvoiceStore invoiceStore;
    private final PaymentStore paymentStore;
    private final Map<InvoiceId, Invoice> invoices = new HashMap<>();
    private final Map<InvoiceId, Invoice> invoicesBefore = new LinkedHashMap<>();
    private final Map<PaymentId, Payment> payments = new HashMap<>();
    private final Map<PaymentId, Payment> paymentsBefore = new LinkedHashMap<>();
    private final Set<PaymentId> inserted = new LinkedHashSet<>();

    public Ledger(TenantScope scope, StoreSession session) {
        this.scope = scope;
        this.session = session;
        this.invoiceStore = session.get(InvoiceStore.class);
        this.paymentStore = session.get(PaymentStore.class);
    }

    public StoreSession session() {
        return session;
    }

    public Invoice invoice(InvoiceId id) {
        Invoice inv = invoices.get(id);
        if (inv == null) {
            inv = invoiceStore.find(id).orElseThrow(() -> new NotFoundException("invoice", id.value()));
            invoices.put(id, inv);
        }
        return inv;
    }

    public Payment payment(PaymentId id) {
        Payment p = payments.get(id);
        if (p == null) {
            p = paymentStore.find(id).orElseThrow(() -> new NotFoundException("payment", id.value()));
            payments.put(id, p);
        }
        return p;
    }

    /** Adds a new payment; it is inserted by {@link #flush} with all its allocations. */
    public void insert(Payment payment) {
        payments.put(payment.id(), payment);
        inserted.add(payment.id());
    }

    /**
     * The invoice, checked to take money of {@code client} in {@code currency}.
     *
     * @throws InvoiceNotPayableException for a draft, void invoice, credit note or another client's invoice
     * @throws PaymentCurrencyMismatchException for an invoice in another currency
     */
    public Invoice payable(InvoiceId id, ClientId client, CurrencyUnit currency) {
        Invoice inv = invoice(id);
        String name = label(inv);
        if (inv.type().isCreditNote()) {
            throw new InvoiceNotPayableException(id, "document " + name + " is a credit note; it takes no payments");
        }
        if (inv.status() == InvoiceStatus.DRAFT || inv.status() == InvoiceStatus.VOID) {
            throw new InvoiceNotPayableException(id, "invoice " + name + " is " + inv.status()
                    + "; only issued invoices take payments");
        }
        if (!inv.clientId().equals(client)) {
            throw new InvoiceNotPayableException(id, "invoice " + name + " belongs to client " + inv.clientId()
                    + ", not to client " + client);
        }
        if (!inv.currency().getCurrencyCode().equals(currency.getCurrencyCode())) {
            throw new PaymentCurrencyMismatchException(id, name, inv.currency().getCurrencyCode(),
                    currency.getCurrencyCode());
        }
        return inv;
    }

    /**
     * Applies {@code amount} of {@code paymentId}'s unallocated money to {@code invoiceId}. The
     * caller has checked that the payment has that much unallocated and the invoice owes that much.
     */
    public void allocate(PaymentId paymentId, InvoiceId invoiceId, Money amount, LocalDate date) {
        Payment p = payment(paymentId);
        Invoice inv = invoice(invoiceId);
        int next = 1;
        for (Allocation a : p.allocations()) {
            next = Math.max(next, a.sequence() + 1);
        }
        List<Allocation> allocations = new ArrayList<>(p.allocations().size() + 1);
        allocations.addAll(p.allocations());
        allocations.add(new Allocation(invoiceId, amount, date, next));
        changePayment(Transitions.withAllocations(p, allocations));
        changeInvoice(Transitions.withSettlement(inv, inv.paid().plus(amount), inv.credited()));
    }

    /**
     * Refunds {@code amount} of a payment: first from its unallocated rest, then by reversing its
     * allocations, newest (highest sequence) first. The caller has checked the amount is refundable.
     */
    public void refund(PaymentId paymentId, Money amount) {
        Payment p = payment(paymentId);
        Money toReverse = amount.minus(amount.min(p.unallocated()));
        List<Allocation> kept = new ArrayList<>(p.allocations());
        kept.sort(Comparator.comparingInt(Allocation::sequence));
        for (int i = kept.size() - 1; i >= 0 && toReverse.isPositive(); i--) {
            Allocation a = kept.get(i);
            Money back = a.amount().min(toReverse);
            Invoice inv = invoice(a.invoiceId());
            changeInvoice(Transitions.withSettlement(inv, inv.paid().minus(back), inv.credited()));
            if (back.compareTo(a.amount()) == 0) {
                kept.remove(i);
            } else {
                kept.set(i, new Allocation(a.invoiceId(), a.amount().minus(back), a.date(), a.sequence()));
            }
            toReverse = toReverse.minus(back);
        }
        List<Allocation> inOrder = new ArrayList<>(p.allocations().size());
        for (Allocation original : p.allocations()) {
            for (Allocation k : kept) {
                if (k.sequence() == original.sequence()) {
                    inOrder.add(k);
                }
            }
        }
        Money refunded = p.refunded().plus(amount);
        PaymentStatus status = refunded.compareTo(p.amount()) == 0 ? PaymentStatus.REFUNDED
                : PaymentStatus.PARTIALLY_REFUNDED;
        changePayment(Transitions.withRefunded(Transitions.withAllocations(p, inOrder), refunded, status));
    }

    /** Issued or partially paid invoices of the client in {@code currency} with something due, oldest due first. */
    public List<Invoice> openInvoices(ClientId client, CurrencyUnit currency) {
        List<Invoice> open = new ArrayList<>();
        for (Invoice stored : invoiceStore.list(InvoiceQuery.open(client))) {
            Invoice inv = invoices.computeIfAbsent(stored.id(), k -> stored);
            if (inv.currency().getCurrencyCode().equals(currency.getCurrencyCode()) && inv.amountDue().isPositive()
                    && (inv.status() == InvoiceStatus.ISSUED || inv.status() == InvoiceStatus.PARTIALLY_PAID)) {
                open.add(inv);
            }
        }
        open.sort(OLDEST_DUE_FIRST);
        return open;
    }

    /** Payments of the client with unallocated money in {@code currency}, oldest first; null currency: all. */
    public List<Payment> creditSources(ClientId client, @Nullable CurrencyUnit currency) {
        List<Payment> sources = new ArrayList<>();
        for (Payment stored : paymentStore.listByClient(client)) {
            Payment p = payments.computeIfAbsent(stored.id(), k -> stored);
            if ((currency == null || p.amount().currencyCode().equals(currency.getCurrencyCode()))
                    && p.unallocated().isPositive()) {
                sources.add(p);
            }
        }
        return sources;
    }

    /** Sum of {@link #creditSources}' unallocated money; zero in {@code currency} if none. */
    public Money credit(ClientId client, CurrencyUnit currency) {
        Money sum = Money.zero(currency);
        for (Payment p : creditSources(client, currency)) {
            sum = sum.plus(p.unallocated());
        }
        return sum;
    }

    /**
     * Applies up to {@code amount} of the client's credit (oldest payments first) to the invoice,
     * dated {@code date} or the payment's date if later. Returns what was applied.
     */
    public Money applyCredit(Invoice target, Money amount, LocalDate date) {
        Money left = amount;
        for (Payment source : creditSources(target.clientId(), target.currency())) {
            if (!left.isPositive()) {
                break;
            }
            Money part = left.min(source.unallocated());
            LocalDate on = source.receivedOn().isAfter(date) ? source.receivedOn() : date;
            allocate(source.id(), target.id(), part, on);
            left = left.minus(part);
        }
        return amount.minus(left);
    }

    public boolean changed() {
        return !invoicesBefore.isEmpty() || !paymentsBefore.isEmpty() || !inserted.isEmpty();
    }

    /**
     * Writes every change: new payments, changed payments, changed invoices (each kind in id order,
     * so concurrent operations lock rows in one order); audits each; publishes InvoicePaid.
     */
    public void flush(String action) {
        for (PaymentId id : inserted) {
            Payment p = Objects.requireNonNull(payments.get(id));
            paymentStore.insert(p);
            scope.audit(session, action, "payment", id.value(), null, p);
        }
        // rows are updated (and so locked) in id order, payments before invoices, whatever order the
        // operation changed them in: a refund (newest allocation first) and an allocation (oldest
        // due first) on the same invoices then queue behind each other instead of deadlocking
        for (Map.Entry<PaymentId, Payment> e : new TreeMap<>(paymentsBefore).entrySet()) {
            if (inserted.contains(e.getKey())) {
                continue;
            }
            Payment after = paymentStore.update(Objects.requireNonNull(payments.get(e.getKey())));
            payments.put(after.id(), after);
            scope.audit(session, action, "payment", after.id().value(), e.getValue(), after);
        }
        for (Map.Entry<InvoiceId, Invoice> e : new TreeMap<>(invoicesBefore).entrySet()) {
            Invoice before = e.getValue();
            Invoice after = invoiceStore.update(Objects.requireNonNull(invoices.get(e.getKey())));
            invoices.put(after.id(), after);
            scope.audit(session, action, "invoice", after.id().value(), before, after);
            if (after.status() == InvoiceStatus.PAID && before.status() != InvoiceStatus.PAID) {
                scope.publish(session, new InvoicePaid(EventId.generate(), scope.clock().instant(), after.id(),
                        Objects.requireNonNull(after.number()), after.clientId()));
            }
        }
        inserted.clear();
        paymentsBefore.clear();
        invoicesBefore.clear();
    }

    private void changePayment(Payment next) {
        Payment current = payments.put(next.id(), next);
        if (current != null && !inserted.contains(next.id())) {
            paymentsBefore.putIfAbsent(next.id(), current);
        }
    }

    private void changeInvoice(Invoice next) {
        Invoice current = Objects.requireNonNull(invoices.put(next.id(), next));
        invoicesBefore.putIfAbsent(next.id(), current);
    }

    public static String label(Invoice inv) {
        return inv.number() != null ? inv.number() : inv.id().value();
    }
}
