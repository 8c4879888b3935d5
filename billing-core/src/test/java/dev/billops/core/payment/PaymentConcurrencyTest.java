package dev.billops.core.payment;

import dev.billops.core.BillingPolicies;
import dev.billops.core.Billing;
import dev.billops.core.Payments;
import static dev.billops.core.payment.PaymentFixture.EUR;
import static dev.billops.core.payment.PaymentFixture.eur;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.billops.core.event.PaymentReceived;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EngagementId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.TenantId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceQuery;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.spi.InvoiceStore;
import dev.billops.core.party.Actor;
import dev.billops.core.spi.BillingStore;
import dev.billops.core.error.ConcurrentUpdateException;
import dev.billops.core.spi.StoreSession;
import dev.billops.core.internal.TenantScope;
import dev.billops.core.memory.StoreSnapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PaymentConcurrencyTest {

    private static final LocalDate JAN_5 = LocalDate.of(2026, 1, 5);

    private final PaymentFixture f = new PaymentFixture(JAN_5);
    private final ClientId acme = f.client("acme", EUR);

    /**
     * Wraps the fixture's store: in the next {@code races} transactions, another writer "commits" a
     * change to an invoice between our read and our write (its version moves on), so our update
     * hits a real stale-version conflict in the store. Counts and races only outermost
     * transactions: a nested call (such as reading the tenant's today) joins the running one.
     */
    private static final class RacingStore implements BillingStore {
        private final BillingStore delegate;
        private final AtomicInteger races;
        private final AtomicInteger transactions = new AtomicInteger();
        private final ThreadLocal<Boolean> inside = ThreadLocal.withInitial(() -> false);

        RacingStore(BillingStore delegate, int races) {
            this.delegate = delegate;
            this.races = new AtomicInteger(races);
        }

        @Override
        public <T> T inTransaction(TenantId tenant, Function<StoreSession, T> work) {
            if (inside.get()) {
                return delegate.inTransaction(tenant, work);
            }
            transactions.incrementAndGet();
            boolean race = races.getAndDecrement() > 0;
            inside.set(true);
            try {
                return delegate.inTransaction(tenant, session -> work.apply(race ? racing(session) : session));
            } finally {
                inside.set(false);
            }
        }

        @Override
        public List<TenantId> tenantIds() {
            return delegate.tenantIds();
        }

        private static StoreSession racing(StoreSession session) {
            return new StoreSession() {
                @Override
                public TenantId tenant() {
                    return session.tenant();
                }

                @Override
                public <S> S get(Class<S> port) {
                    if (port == InvoiceStore.class) {
                        return port.cast(new RacingInvoices(session.get(InvoiceStore.class)));
                    }
                    return session.get(port);
                }
            };
        }
    }

    /** Bumps the stored version of an invoice just before the caller's update of it. */
    private record RacingInvoices(InvoiceStore delegate) implements InvoiceStore {
        @Override
        public void insert(Invoice invoice) {
            delegate.insert(invoice);
        }

        @Override
        public Invoice update(Invoice invoice) {
            delegate.update(delegate.find(invoice.id()).orElseThrow()); // the "other writer"
            return delegate.update(invoice);
        }

        @Override
        public void deleteDraft(InvoiceId id) {
            delegate.deleteDraft(id);
        }

        @Override
        public Optional<Invoice> find(InvoiceId id) {
            return delegate.find(id);
        }

        @Override
        public Optional<Invoice> findByNumber(String number) {
            return delegate.findByNumber(number);
        }

        @Override
        public Optional<Invoice> findByEngagementPeriod(EngagementId engagement, LocalDate periodStart) {
            return delegate.findByEngagementPeriod(engagement, periodStart);
        }

        @Override
        public List<Invoice> list(InvoiceQuery query) {
            return delegate.list(query);
        }

        @Override
        public Optional<InvoiceId> deductingInvoice(InvoiceId prepayment) {
            return delegate.deductingInvoice(prepayment);
        }

        @Override
        public List<Invoice> creditNotesOf(InvoiceId invoice) {
            return delegate.creditNotesOf(invoice);
        }
    }

    private Payments racing(RacingStore store, int retries) {
        return Billing.builder().stores(store).clock(f.clock)
                .policies(BillingPolicies.defaults().withPayments(PaymentPolicy.defaults().withConflictRetries(retries)))
                .build().tenant(PaymentFixture.TENANT, Actor.user("bob")).payments();
    }

    @Test
    void record_lostRaceOnInvoiceVersion_retriedFromFreshReadAndStoredOnce() {
        Invoice inv = f.issue(acme, "INV-1", eur("100.00"), JAN_5, JAN_5.plusDays(30));
        RacingStore store = new RacingStore(f.store, 2);

        Payment p = racing(store, 3).record(PaymentRequest.of(acme, eur("40.00")).toInvoice(inv.id()));

        assertEquals(3, store.transactions.get());
        assertEquals(1, f.snapshot().payments().size());
        assertEquals(eur("40.00"), f.invoice(inv.id()).paid());
        assertEquals(List.of(p.id()), f.events(PaymentReceived.class).stream().map(PaymentReceived::paymentId)
                .toList());
    }

    @Test
    void record_racesBeyondRetries_throwsConcurrentUpdateAndStoresNothing() {
        Invoice inv = f.issue(acme, "INV-1", eur("100.00"), JAN_5, JAN_5.plusDays(30));
        RacingStore store = new RacingStore(f.store, 5);
        StoreSnapshot before = f.snapshot();

        assertThrows(ConcurrentUpdateException.class,
                () -> racing(store, 2).record(PaymentRequest.of(acme, eur("40.00")).toInvoice(inv.id())));

        assertEquals(3, store.transactions.get());
        assertEquals(before, f.snapshot());
    }

    @Test
    void refund_lostRace_retriedAndAppliedOnce() {
        Invoice inv = f.issue(acme, "INV-1", eur("100.00"), JAN_5, JAN_5.plusDays(30));
        Payment p = f.payments.record(PaymentRequest.of(acme, eur("100.00")).toInvoice(inv.id()));

        Payment refunded = racing(new RacingStore(f.store, 1), 1).refund(p.id(), eur("30.00"));

        assertEquals(eur("30.00"), refunded.refunded());
        assertEquals(eur("70.00"), f.invoice(inv.id()).paid());
        assertEquals(InvoiceStatus.PARTIALLY_PAID, f.invoice(inv.id()).status());
    }

    @Test
    void record_eightThreadsPayOneInvoice_neverPaidBeyondTotalRestIsCredit() throws Exception {
        Invoice inv = f.issue(acme, "INV-1", eur("500.00"), JAN_5, JAN_5.plusDays(30));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Payment>> tasks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String key = "bank-" + i;
                tasks.add(() -> f.payments.record(PaymentRequest.of(acme, eur("100.00")).withIdempotencyKey(key)
                        .toInvoice(inv.id())));
            }
            for (Future<Payment> done : pool.invokeAll(tasks)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Invoice after = f.invoice(inv.id());
        assertEquals(eur("500.00"), after.paid());
        assertEquals(InvoiceStatus.PAID, after.status());
        assertEquals(8, f.snapshot().payments().size());
        assertEquals(eur("300.00"), f.payments.creditBalance(acme, EUR));
    }
}
