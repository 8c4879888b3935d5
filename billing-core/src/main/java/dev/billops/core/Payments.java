package dev.billops.core;

import dev.billops.core.internal.payment.Ledger;
import dev.billops.core.payment.AllocationExceedsBalanceException;
import dev.billops.core.payment.AllocationTarget;
import dev.billops.core.payment.IdempotencyKeyReusedException;
import dev.billops.core.payment.InsufficientCreditException;
import dev.billops.core.payment.InvoiceNotPayableException;
import dev.billops.core.payment.Payment;
import dev.billops.core.payment.PaymentCurrencyMismatchException;
import dev.billops.core.payment.PaymentPolicy;
import dev.billops.core.payment.PaymentRequest;
import dev.billops.core.payment.PaymentStatus;
import dev.billops.core.payment.RefundExceedsPaymentException;
import dev.billops.core.spi.PaymentStore;
import dev.billops.core.error.BillingException;
import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.error.Text;
import dev.billops.core.event.PaymentFailed;
import dev.billops.core.event.PaymentReceived;
import dev.billops.core.event.PaymentRefunded;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EventId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.PaymentId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.money.CurrencyMismatchException;
import dev.billops.core.money.Money;
import dev.billops.core.spi.ClientStore;
import dev.billops.core.error.ConcurrentUpdateException;
import dev.billops.core.error.DuplicateKeyException;
import dev.billops.core.spi.StoreSession;
import dev.billops.core.internal.TenantScope;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.billops.core.internal.invoice.IssueFollowUp;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import javax.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records payments of one tenant, applies them and client credit to invoices, and refunds them.
 *
 * <p><b>Money is conserved.</b> For every payment, {@code amount − refunded = allocated +
 * unallocated}, and the unallocated rest is the client's credit balance in that currency. For
 * every invoice, {@code paid} is the sum of the allocations to it and never exceeds what it owes;
 * its status follows from the balance. Money is never converted:
 * applying money in one currency to an invoice in another is rejected
 * ({@link PaymentCurrencyMismatchException}).
 *
 * <p><b>Transactions.</b> Each public operation is one transaction of the tenant scope: it writes
 * everything or nothing, and every check runs before the first write, so a rejected operation
 * stores nothing. When an operation loses an optimistic-locking race on an invoice or payment
 * ({@link ConcurrentUpdateException}), nothing was stored and it runs again from a fresh read, up to
 * {@link PaymentPolicy#conflictRetries()} times; then the exception is passed on.
 *
 * <p><b>Refunds</b> take money first from the payment's unallocated rest (the client's credit),
 * then by reversing its allocations newest first, so the invoices they paid open again.
 *
 * <p><b>Dates.</b> A payment's allocations made when it is recorded are dated on its value date;
 * later allocations (of credit) are dated today in the scope's clock, or on the payment's value
 * date if that is later.
 *
 * <p>Thread-safe; cheap to create.
 */
public final class Payments {

    private static final Logger LOG = LoggerFactory.getLogger(Payments.class);

    private final TenantScope scope;
    private final PaymentPolicy policy;

    Payments(TenantScope scope, PaymentPolicy policy) {
        this.scope = Objects.requireNonNull(scope, "scope");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public PaymentPolicy policy() {
        return policy;
    }

    /**
     * Records a successful payment and allocates it as the request says (explicit targets, AUTO
     * oldest due first, or NONE); whatever is not allocated becomes client credit. Publishes
     * {@code payment.received} and {@code invoice.paid} for each invoice it settles.
     *
     * <p>With an idempotency key that was used before, returns the payment recorded first and
     * changes nothing, provided client, amount, method, external reference and (if given) the date
     * match; otherwise throws {@link IdempotencyKeyReusedException}. This holds under concurrency
     * too: a call that races the first delivery of its key waits for it (the key is unique in the
     * store) or finds it after a failed attempt, and returns its payment instead of a business
     * error caused by the first payment's effects.
     *
     * @throws NotFoundException if the client or a target invoice does not exist
     * @throws InvoiceNotPayableException if a target is a draft, void, a credit note or another client's
     * @throws PaymentCurrencyMismatchException if a target invoice is in another currency
     * @throws AllocationExceedsBalanceException if an exact target amount exceeds what the invoice owes
     * @throws InsufficientCreditException if the targets ask for more than the payment
     */
    public Payment record(PaymentRequest request) {
        Objects.requireNonNull(request, "request");
        return recordWith(request, PaymentStatus.SUCCEEDED, null, "");
    }

    /**
     * Records a payment attempt that failed (e.g. a declined card for {@code invoice}): stored with
     * status FAILED for the history, allocating nothing and adding no credit. Publishes
     * {@code payment.failed}. Idempotent by key like {@link #record}.
     *
     * @throws NotFoundException if the client or invoice does not exist
     * @throws InvoiceNotPayableException if the invoice belongs to another client
     */
    public Payment recordFailed(PaymentRequest request, InvoiceId invoice, String reason) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(invoice, "invoice");
        Objects.requireNonNull(reason, "reason");
        Text.require("payment failure reason", reason, PaymentFailed.MAX_REASON_LENGTH);
        return recordWith(request, PaymentStatus.FAILED, invoice, reason);
    }

    /**
     * Allocates unallocated money of a payment to the given invoices, in order.
     *
     * @throws NotFoundException if the payment or an invoice does not exist
     * @throws InsufficientCreditException if the targets need more than the payment has unallocated
     * @throws AllocationExceedsBalanceException if an exact amount exceeds what its invoice owes
     * @throws InvoiceNotPayableException if an invoice does not take payments (see {@link #record})
     * @throws PaymentCurrencyMismatchException if an invoice is in another currency than the payment
     */
    public Payment allocate(PaymentId paymentId, List<AllocationTarget> targets) {
        Objects.requireNonNull(paymentId, "paymentId");
        List<AllocationTarget> copy = List.copyOf(Objects.requireNonNull(targets, "targets"));
        return retrying(session -> {
            Ledger ledger = new Ledger(scope, session);
            Payment p = ledger.payment(paymentId);
            allocateExplicit(ledger, p.id(), copy, later(p.receivedOn()));
            ledger.flush("payment.allocate");
            return ledger.payment(paymentId);
        });
    }

    /**
     * Allocates the unallocated money of a payment to the client's open invoices in its currency,
     * oldest due date first, then oldest issue date.
     *
     * @throws NotFoundException if the payment does not exist
     */
    public Payment autoAllocate(PaymentId paymentId) {
        Objects.requireNonNull(paymentId, "paymentId");
        return retrying(session -> {
            Ledger ledger = new Ledger(scope, session);
            Payment p = ledger.payment(paymentId);
            allocateAuto(ledger, p.id(), later(p.receivedOn()));
            ledger.flush("payment.allocate");
            return ledger.payment(paymentId);
        });
    }

    /**
     * Applies the client's credit balance to one invoice, as much as it owes (or as there is).
     * Credit is used oldest payment first. Returns the invoice as stored afterwards.
     *
     * @throws NotFoundException if the invoice does not exist
     * @throws InvoiceNotPayableException if the invoice does not take payments
     */
    public Invoice applyCredit(InvoiceId invoiceId) {
        Objects.requireNonNull(invoiceId, "invoiceId");
        return retrying(session -> {
            Ledger ledger = new Ledger(scope, session);
            Invoice inv = ledger.invoice(invoiceId);
            ledger.payable(invoiceId, inv.clientId(), inv.currency());
            Money credit = ledger.credit(inv.clientId(), inv.currency());
            ledger.applyCredit(inv, credit.min(inv.amountDue()), scope.today());
            ledger.flush("payment.apply-credit");
            return ledger.invoice(invoiceId);
        });
    }

    /**
     * Applies exactly {@code amount} of the client's credit balance to one invoice.
     *
     * @throws InsufficientCreditException if the client has less credit in that currency
     * @throws AllocationExceedsBalanceException if the invoice owes less
     * @throws PaymentCurrencyMismatchException if {@code amount} is not in the invoice's currency
     */
    public Invoice applyCredit(InvoiceId invoiceId, Money amount) {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(amount, "amount");
        return retrying(session -> {
            Ledger ledger = new Ledger(scope, session);
            Invoice inv = ledger.invoice(invoiceId);
            ledger.payable(invoiceId, inv.clientId(), amount.currency());
            if (!amount.isPositive()) {
                throw new InvalidInputException("credit applied to invoice " + Ledger.label(inv) + ": amount "
                        + amount + " must be positive");
            }
            if (amount.isGreaterThan(inv.amountDue())) {
                throw new AllocationExceedsBalanceException(invoiceId, Ledger.label(inv), amount, inv.amountDue());
            }
            Money credit = ledger.credit(inv.clientId(), inv.currency());
            if (amount.isGreaterThan(credit)) {
                throw new InsufficientCreditException(inv.clientId(), "the credit of client " + inv.clientId(),
                        amount, credit);
            }
            ledger.applyCredit(inv, amount, scope.today());
            ledger.flush("payment.apply-credit");
            return ledger.invoice(invoiceId);
        });
    }

    /**
     * Applies all of the client's credit, in every currency, to its open invoices of that currency,
     * oldest due first. Returns the invoices that changed, in the order they were paid.
     */
    public List<Invoice> applyCredit(ClientId clientId) {
        Objects.requireNonNull(clientId, "clientId");
        return retrying(session -> {
            Ledger ledger = new Ledger(scope, session);
            Map<String, CurrencyUnit> currencies = new TreeMap<>();
            for (Payment p : ledger.creditSources(clientId, null)) {
                currencies.putIfAbsent(p.amount().currencyCode(), p.amount().currency());
            }
            List<InvoiceId> touched = new ArrayList<>();
            for (CurrencyUnit currency : currencies.values()) {
                for (Invoice inv : ledger.openInvoices(clientId, currency)) {
                    Money credit = ledger.credit(clientId, currency);
                    if (!credit.isPositive()) {
                        break;
                    }
                    ledger.applyCredit(inv, credit.min(inv.amountDue()), scope.today());
                    touched.add(inv.id());
                }
            }
            ledger.flush("payment.apply-credit");
            List<Invoice> result = new ArrayList<>(touched.size());
            for (InvoiceId id : touched) {
                result.add(ledger.invoice(id));
            }
            return result;
        });
    }

    /** Method of the payment that records what a host declared as paid outside an invoice (BT-113). */
    public static final String DECLARED_PREPAID_METHOD = "declared-prepaid";

    /**
     * {@link #applyCreditOnIssue} as the issue path's follow-up, which may change an invoice only
     * if the policy applies credit on issue and the client has credit in the invoice's currency.
     */
    IssueFollowUp creditOnIssue() {
        return new IssueFollowUp() {
            @Override
            public Invoice afterIssue(StoreSession session, Invoice issued) {
                return applyCreditOnIssue(session, issued);
            }

            @Override
            public boolean mayChange(StoreSession session, ClientId client, CurrencyUnit currency) {
                return policy.applyCreditOnIssue() && new Ledger(scope, session).credit(client, currency).isPositive();
            }
        };
    }

    /**
     * Hook for the issue path, within the issuing transaction. First, if the draft declared an
     * amount paid outside it ({@code Invoices#prepaid}; still in the issued invoice's
     * {@code prepaid}), records it as a payment of the client on the issue date (method
     * {@value #DECLARED_PREPAID_METHOD}, external reference the invoice number) allocated to the
     * invoice up to its payable amount (audited as {@code payment.declared-prepaid}, published as
     * {@code payment.received}): the rest stays unallocated, the client's credit, like any
     * overpayment. Then applies the client's credit to what is still due if
     * {@link PaymentPolicy#applyCreditOnIssue()} says so. Reads the invoice again from
     * {@code session}, writes through it, and returns the invoice as stored afterwards. Does not
     * retry: the caller owns the transaction.
     */
    Invoice applyCreditOnIssue(StoreSession session, Invoice issued) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(issued, "issued");
        Ledger ledger = new Ledger(scope, session);
        Invoice inv = ledger.invoice(issued.id());
        boolean open = inv.status() == InvoiceStatus.ISSUED || inv.status() == InvoiceStatus.PARTIALLY_PAID;
        LocalDate on = inv.issueDate() != null && inv.issueDate().isAfter(scope.today()) ? inv.issueDate()
                : scope.today();
        Money declared = inv.prepaid();
        if (declared.isPositive() && open && inv.paid().isZero() && !inv.type().isCreditNote()) {
            LocalDate issuedOn = inv.issueDate() != null ? inv.issueDate() : on;
            Payment payment = new Payment(PaymentId.generate(), inv.clientId(), declared, issuedOn,
                    DECLARED_PREPAID_METHOD, inv.number(), null, PaymentStatus.SUCCEEDED,
                    Money.zero(declared.currency()), List.of(), 0);
            ledger.insert(payment);
            Money part = declared.min(inv.amountDue());
            if (part.isPositive()) {
                ledger.allocate(payment.id(), inv.id(), part, issuedOn);
            }
            ledger.flush("payment.declared-prepaid");
            scope.publish(session, new PaymentReceived(EventId.generate(), scope.clock().instant(), payment.id(),
                    payment.clientId(), payment.amount()));
            inv = ledger.invoice(inv.id());
        }
        if (policy.applyCreditOnIssue() && inv.amountDue().isPositive()
                && (inv.status() == InvoiceStatus.ISSUED || inv.status() == InvoiceStatus.PARTIALLY_PAID)) {
            ledger.payable(inv.id(), inv.clientId(), inv.currency());
            Money credit = ledger.credit(inv.clientId(), inv.currency());
            if (credit.isPositive()) {
                ledger.applyCredit(inv, credit.min(inv.amountDue()), on);
            }
        }
        if (!ledger.changed()) {
            return inv;
        }
        ledger.flush("payment.apply-credit");
        return ledger.invoice(inv.id());
    }

    /**
     * Refunds {@code amount} of a payment: first from its unallocated rest, then by reversing its
     * allocations newest first (the invoices go back to PARTIALLY_PAID or ISSUED). The payment
     * becomes REFUNDED when all of it is refunded, else PARTIALLY_REFUNDED. Publishes
     * {@code payment.refunded}.
     *
     * @throws RefundExceedsPaymentException if more than the amount minus earlier refunds is asked,
     *     or the payment failed
     * @throws CurrencyMismatchException if {@code amount} is not in the payment's currency
     */
    public Payment refund(PaymentId paymentId, Money amount) {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(amount, "amount");
        return retrying(session -> {
            Ledger ledger = new Ledger(scope, session);
            Payment p = ledger.payment(paymentId);
            if (!amount.currencyCode().equals(p.amount().currencyCode())) {
                throw new CurrencyMismatchException(p.amount().currencyCode(), amount.currencyCode(),
                        "refund of payment " + paymentId);
            }
            boolean settled = p.status() != PaymentStatus.FAILED && p.status() != PaymentStatus.PENDING;
            Money refundable = settled ? p.amount().minus(p.refunded()) : Money.zero(p.amount().currency());
            if (!amount.isPositive() || amount.isGreaterThan(refundable)) {
                throw new RefundExceedsPaymentException(paymentId, amount, refundable,
                        settled ? (amount.isPositive() ? "" : "a refund must be positive")
                                : "the payment is " + p.status());
            }
            ledger.refund(paymentId, amount);
            ledger.flush("payment.refund");
            scope.publish(session, new PaymentRefunded(EventId.generate(), scope.clock().instant(), paymentId,
                    p.clientId(), amount));
            return ledger.payment(paymentId);
        });
    }

    /** The client's unallocated money in {@code currency}; zero if none. */
    public Money creditBalance(ClientId clientId, CurrencyUnit currency) {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(currency, "currency");
        return scope.tx(session -> new Ledger(scope, session).credit(clientId, currency));
    }

    /** The client's credit balances, one per currency that has credit, by currency code. */
    public List<Money> creditBalances(ClientId clientId) {
        Objects.requireNonNull(clientId, "clientId");
        return scope.tx(session -> {
            Map<String, Money> byCurrency = new TreeMap<>();
            for (Payment p : new Ledger(scope, session).creditSources(clientId, null)) {
                byCurrency.merge(p.amount().currencyCode(), p.unallocated(), Money::plus);
            }
            return List.copyOf(byCurrency.values());
        });
    }

    public Optional<Payment> find(PaymentId paymentId) {
        Objects.requireNonNull(paymentId, "paymentId");
        return scope.tx(session -> session.get(PaymentStore.class).find(paymentId));
    }

    /** The payment recorded (or the failed attempt stored) with idempotency key {@code key}, if any. */
    public Optional<Payment> findByIdempotencyKey(String key) {
        Objects.requireNonNull(key, "key");
        return scope.tx(session -> session.get(PaymentStore.class).findByIdempotencyKey(key));
    }

    private Payment recordWith(PaymentRequest request, PaymentStatus status, @Nullable InvoiceId failedFor,
            String reason) {
        String key = request.idempotencyKey();
        boolean raceRetried = false;
        while (true) {
            try {
                return retrying(session -> recordIn(session, request, status, failedFor, reason));
            } catch (DuplicateKeyException e) {
                // Another transaction recorded the same key between our lookup and our insert: run
                // again, and the lookup finds its payment.
                if (key == null || raceRetried) {
                    throw e;
                }
                raceRetried = true;
                LOG.debug("payment idempotency key {} was inserted concurrently; reading it", key);
            } catch (BillingException e) {
                // A concurrent delivery of the same key may have committed after our lookup, so that
                // we saw its effects (the invoice paid) but not its payment: a retry returns the
                // first result, never the business error that its effects cause.
                if (key == null) {
                    throw e;
                }
                Optional<Payment> first = scope.tx(session -> session.get(PaymentStore.class)
                        .findByIdempotencyKey(key));
                if (first.isEmpty()) {
                    throw e;
                }
                requireSameData(key, first.get(), request, status);
                LOG.debug("payment idempotency key {} was recorded concurrently; returning its payment", key);
                return first.get();
            }
        }
    }

    private Payment recordIn(StoreSession session, PaymentRequest request, PaymentStatus status,
            @Nullable InvoiceId failedFor, String reason) {
        String key = request.idempotencyKey();
        PaymentStore store = session.get(PaymentStore.class);
        if (key != null) {
            Optional<Payment> first = store.findByIdempotencyKey(key);
            if (first.isPresent()) {
                requireSameData(key, first.get(), request, status);
                return first.get();
            }
        }
        if (session.get(ClientStore.class).find(request.clientId()).isEmpty()) {
            throw new NotFoundException("client", request.clientId().value());
        }
        LocalDate date = request.receivedOn() != null ? request.receivedOn() : scope.today();
        Payment payment = new Payment(PaymentId.generate(), request.clientId(), request.amount(), date,
                request.method(), request.externalRef(), key, status, Money.zero(request.amount().currency()),
                List.of(), 0);
        Ledger ledger = new Ledger(scope, session);
        ledger.insert(payment);
        if (status == PaymentStatus.FAILED) {
            Invoice inv = ledger.invoice(Objects.requireNonNull(failedFor));
            if (!inv.clientId().equals(request.clientId())) {
                throw new InvoiceNotPayableException(inv.id(), "invoice " + Ledger.label(inv) + " belongs to client "
                        + inv.clientId() + ", not to client " + request.clientId());
            }
            ledger.flush("payment.fail");
            scope.publish(session, new PaymentFailed(EventId.generate(), scope.clock().instant(), request.clientId(),
                    inv.id(), request.amount(), reason));
        } else {
            switch (request.effectiveMode(policy.defaultAllocation())) {
                case EXPLICIT -> allocateExplicit(ledger, payment.id(), request.targets(), date);
                case AUTO -> allocateAuto(ledger, payment.id(), date);
                case NONE -> {
                }
            }
            ledger.flush("payment.record");
            scope.publish(session, new PaymentReceived(EventId.generate(), scope.clock().instant(), payment.id(),
                    payment.clientId(), payment.amount()));
        }
        return store.find(payment.id()).orElseThrow(() -> new NotFoundException("payment", payment.id().value()));
    }

    private static void requireSameData(String key, Payment first, PaymentRequest request, PaymentStatus status) {
        String difference = null;
        if (!first.clientId().equals(request.clientId())) {
            difference = "client " + request.clientId() + " instead of " + first.clientId();
        } else if (!first.amount().equals(request.amount())) {
            difference = "amount " + request.amount() + " instead of " + first.amount();
        } else if (request.receivedOn() != null && !first.receivedOn().equals(request.receivedOn())) {
            difference = "date " + request.receivedOn() + " instead of " + first.receivedOn();
        } else if (!first.method().equals(request.method())) {
            difference = "method " + request.method() + " instead of " + first.method();
        } else if (!Objects.equals(first.externalRef(), request.externalRef())) {
            difference = "external reference " + request.externalRef() + " instead of " + first.externalRef();
        } else if ((first.status() == PaymentStatus.FAILED) != (status == PaymentStatus.FAILED)) {
            difference = (status == PaymentStatus.FAILED ? "a failed attempt" : "a successful payment")
                    + " instead of a payment that is " + first.status();
        }
        if (difference != null) {
            throw new IdempotencyKeyReusedException(key, first.id(), difference);
        }
    }

    private static void allocateExplicit(Ledger ledger, PaymentId paymentId, List<AllocationTarget> targets,
            LocalDate date) {
        for (AllocationTarget t : targets) {
            Payment p = ledger.payment(paymentId);
            Invoice inv = ledger.payable(t.invoiceId(), p.clientId(), p.amount().currency());
            Money due = inv.amountDue();
            Money available = p.unallocated();
            Money part;
            if (t.amount() == null) {
                part = available.min(due);
            } else {
                part = t.amount();
                if (!part.currencyCode().equals(p.amount().currencyCode())) {
                    throw new PaymentCurrencyMismatchException(inv.id(), Ledger.label(inv), part.currencyCode(),
                            p.amount().currencyCode());
                }
                if (part.isGreaterThan(due)) {
                    throw new AllocationExceedsBalanceException(inv.id(), Ledger.label(inv), part, due);
                }
                if (part.isGreaterThan(available)) {
                    throw new InsufficientCreditException(p.clientId(), "payment " + p.id(), part, available);
                }
            }
            if (part.isPositive()) {
                ledger.allocate(paymentId, inv.id(), part, date);
            }
        }
    }

    private static void allocateAuto(Ledger ledger, PaymentId paymentId, LocalDate date) {
        Payment p = ledger.payment(paymentId);
        for (Invoice inv : ledger.openInvoices(p.clientId(), p.amount().currency())) {
            Money available = ledger.payment(paymentId).unallocated();
            if (!available.isPositive()) {
                break;
            }
            ledger.allocate(paymentId, inv.id(), available.min(inv.amountDue()), date);
        }
    }

    private LocalDate later(LocalDate receivedOn) {
        LocalDate today = scope.today();
        return receivedOn.isAfter(today) ? receivedOn : today;
    }

    private <T> T retrying(Function<StoreSession, T> work) {
        for (int attempt = 0; ; attempt++) {
            try {
                return scope.tx(work);
            } catch (ConcurrentUpdateException e) {
                if (attempt >= policy.conflictRetries()) {
                    throw e;
                }
                LOG.debug("payment operation lost an optimistic-locking race (attempt {}): {}", attempt + 1,
                        e.getMessage());
            }
        }
    }
}
