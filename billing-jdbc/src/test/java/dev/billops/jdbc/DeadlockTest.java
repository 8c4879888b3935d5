package dev.billops.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.TenantId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.spi.InvoiceStore;
import dev.billops.core.spi.NumberSequenceStore;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import dev.billops.core.payment.Payment;
import dev.billops.core.payment.PaymentRequest;
import dev.billops.core.payment.PaymentStatus;
import dev.billops.core.spi.BillingStore;
import dev.billops.core.error.ConcurrentUpdateException;
import dev.billops.core.spi.StoreSession;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.jdbc.internal.JdbcSession;
import dev.billops.jdbc.internal.SqlErrors;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Deadlocks on PostgreSQL: a transaction the database aborts to break a deadlock (SQLSTATE 40P01)
 * surfaces as the retryable {@link ConcurrentUpdateException}, and payment operations take their
 * invoice row locks in one order (by id), so a refund (which reverses allocations newest first)
 * and an automatic allocation (oldest due first) never deadlock, and both succeed.
 */
class DeadlockTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    private static <T> List<Object> both(Callable<T> a, Callable<T> b) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<T>> futures = List.of(pool.submit(a), pool.submit(b));
            List<Object> outcomes = new ArrayList<>();
            for (Future<T> f : futures) {
                try {
                    outcomes.add(f.get(60, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                } catch (TimeoutException e) {
                    throw new AssertionError("a transaction did not finish within 60 s", e);
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(3, TimeUnit.SECONDS);
        } catch (BrokenBarrierException | TimeoutException e) {
            // the other transaction waits for a row lock of ours: go on without it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    @Timeout(120)
    void rowsLockedInOppositeOrders_postgres_oneTransactionFailsAsRetryableConcurrentUpdate() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.open("deadlock1")) {
            assertOneDeadlockVictim(JdbcStores.postgres(db.dataSource()), "40P01");
        }
    }

    @Test
    @Timeout(120)
    void rowsLockedInOppositeOrders_h2_oneTransactionFailsAsRetryableConcurrentUpdate() throws Exception {
        try (JdbcBillingStore store = JdbcStores.h2InMemory("deadlock-" + System.nanoTime())) {
            assertOneDeadlockVictim(store, "40001"); // H2 reports a deadlock as a serialization failure
        }
    }

    private static void assertOneDeadlockVictim(JdbcBillingStore store, String sqlState) throws Exception {
        TenantId tenant = TenantId.generate();
        store.inTransaction(tenant, s -> {
            s.get(NumberSequenceStore.class).next("A", "2026", 0);
            return s.get(NumberSequenceStore.class).next("B", "2026", 0);
        });
        CyclicBarrier barrier = new CyclicBarrier(2);
        Function<List<String>, Callable<Long>> locker = order -> () -> store.inTransaction(tenant, s -> {
            for (String series : order) {
                ((JdbcSession) s).transactionHandle().createUpdate("UPDATE billops_number_sequence"
                        + " SET last_value = last_value + 1 WHERE tenant_id = :t AND series = :s")
                        .bind("t", tenant.value()).bind("s", series).execute();
                if (series.equals(order.get(0))) {
                    await(barrier);
                }
            }
            return 1L;
        });
        List<Object> outcomes = both(locker.apply(List.of("A", "B")), locker.apply(List.of("B", "A")));
        assertEquals(1, outcomes.stream().filter(Long.class::isInstance).count(), outcomes.toString());
        Object failure = outcomes.stream().filter(o -> !(o instanceof Long)).findFirst().orElseThrow();
        ConcurrentUpdateException typed = assertInstanceOf(ConcurrentUpdateException.class, failure,
                "the deadlock victim fails with the typed exception: " + failure);
        assertEquals(sqlState, SqlErrors.sqlState(typed), typed.toString());
        assertEquals(Long.valueOf(2), store.inTransaction(tenant,
                s -> Long.valueOf(s.get(NumberSequenceStore.class).current("A", "2026"))),
                "the winner committed, the victim stored nothing");
    }

    /**
     * Wraps a store so that each transaction's invoice updates are recorded and, in the first
     * transaction of each of two threads, pause after the first update until the other thread
     * has made its first update too (or 3 s pass): the interleaving in which two opposite lock
     * orders deadlock.
     */
    private static final class PausingStore implements BillingStore {
        private final BillingStore delegate;
        private final CyclicBarrier barrier = new CyclicBarrier(2);
        private final ThreadLocal<Integer> transactions = ThreadLocal.withInitial(() -> 0);
        final List<List<InvoiceId>> updateOrders = Collections.synchronizedList(new ArrayList<>());

        PausingStore(BillingStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public <T> T inTransaction(TenantId tenant, Function<StoreSession, T> work) {
            int attempt = transactions.get();
            transactions.set(attempt + 1);
            List<InvoiceId> updates = new ArrayList<>();
            T result = delegate.inTransaction(tenant, session -> work.apply(new StoreSession() {
                @Override
                public TenantId tenant() {
                    return session.tenant();
                }

                @Override
                public <S> S get(Class<S> port) {
                    S real = session.get(port);
                    if (port != InvoiceStore.class) {
                        return real;
                    }
                    return port.cast(Proxy.newProxyInstance(InvoiceStore.class.getClassLoader(),
                            new Class<?>[] {InvoiceStore.class}, (proxy, method, args) -> {
                                try {
                                    Object out = method.invoke(real, args);
                                    if (method.getName().equals("update")) {
                                        updates.add(((Invoice) args[0]).id());
                                        if (attempt == 0 && updates.size() == 1) {
                                            await(barrier);
                                        }
                                    }
                                    return out;
                                } catch (InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            }));
                }
            }));
            updateOrders.add(updates);
            return result;
        }

        @Override
        public List<TenantId> tenantIds() {
            return delegate.tenantIds();
        }
    }

    @Test
    @Timeout(120)
    void refundAndAutoAllocationOnSameInvoices_postgres_bothSucceedAndLockInvoicesInIdOrder() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.open("deadlock2")) {
            assertRefundAndAllocationBothSucceed(JdbcStores.postgres(db.dataSource()));
        }
    }

    @Test
    @Timeout(120)
    void refundAndAutoAllocationOnSameInvoices_h2_bothSucceedAndLockInvoicesInIdOrder() throws Exception {
        try (JdbcBillingStore h2 = JdbcStores.h2InMemory("deadlock-" + System.nanoTime())) {
            assertRefundAndAllocationBothSucceed(h2);
        }
    }

    private static void assertRefundAndAllocationBothSucceed(BillingStore jdbc) throws Exception {
        PausingStore store = new PausingStore(jdbc);
        TenantId tenantId = TenantId.generate();
        TenantBilling billing = Billing.builder().stores(store).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build()
                .tenant(tenantId, Actor.user("alice"));
        billing.profile().save(Tenant.of(tenantId, "Acme", Address.of("Main St 1", "10115", "Berlin", "DE"))
                .withVatId("DE123456789")
                .withDefaultVatRate(new BigDecimal("19")));
        ClientId client = billing.clients().create(Client.of(ClientId.of("globex"), "Globex",
                Address.of("Main St 2", "10115", "Berlin", "DE"), Currencies.of("EUR"))).id();
        Money hundred = Money.of(Currencies.of("EUR"), "100.00");
        Money fifty = Money.of(Currencies.of("EUR"), "50.00");
        List<InvoiceId> invoices = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            InvoiceId draft = billing.invoices().createDraft(client).id();
            billing.invoices().addLine(draft, InvoiceLine.of("Retainer", BigDecimal.ONE, UnitCode.PIECE,
                    UnitPrice.of(hundred), TaxTreatment.zeroRated()));
            invoices.add(billing.invoices().issue(draft).id());
        }
        Payment first = billing.payments().record(PaymentRequest.of(client, hundred)
                .toInvoice(invoices.get(0), fifty).toInvoice(invoices.get(1), fifty));
        store.updateOrders.clear();

        List<Object> outcomes = both(() -> billing.payments().refund(first.id(), hundred),
                () -> billing.payments().record(PaymentRequest.of(client, hundred).autoAllocated()));

        for (Object o : outcomes) {
            assertInstanceOf(Payment.class, o, "both operations succeed (retried if need be): " + o);
        }
        assertEquals(PaymentStatus.REFUNDED, billing.payments().find(first.id()).orElseThrow().status());
        Money paid = billing.invoices().get(invoices.get(0)).paid().plus(billing.invoices().get(invoices.get(1)).paid());
        assertEquals(hundred, paid, "only the second payment is applied");
        for (List<InvoiceId> order : store.updateOrders) {
            List<InvoiceId> sorted = new ArrayList<>(order);
            sorted.sort(null);
            assertEquals(sorted, order, "invoice rows are updated (locked) in id order");
        }
    }
}
