package dev.billops.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EngagementId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.PaymentId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.spi.InvoiceStore;
import dev.billops.core.spi.NumberSequenceStore;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Client;
import dev.billops.core.spi.ClientStore;
import dev.billops.core.payment.Payment;
import dev.billops.core.payment.PaymentRequest;
import dev.billops.core.spi.PaymentStore;
import dev.billops.core.error.ConcurrentUpdateException;
import dev.billops.core.error.DuplicateKeyException;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.core.timeentry.TimeEntryAlreadyBilledException;
import dev.billops.core.spi.TimeEntryStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The guarantees that must hold with several threads (or processes) at once: an entry is billed
 * at most once, numbers are gapless and never repeat, an idempotency key and an engagement
 * period are taken once, and of two updates of the same version exactly one wins. Each test
 * starts its threads together behind a latch. See {@link StoreContract}.
 */
public abstract class ConcurrencyContract extends StoreContract {

    /** Threads per test; override for a store with a small connection pool. */
    protected int threads() {
        return 8;
    }

    /** Runs {@code task} on {@link #threads()} threads at once; returns each thread's outcome (value or exception). */
    private <T> List<Object> race(Callable<T> task) throws InterruptedException {
        int n = threads();
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch ready = new CountDownLatch(n);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            ready.await();
            go.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<T> f : futures) {
                try {
                    outcomes.add(f.get(60, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new AssertionError("a racing transaction did not finish within 60 s", e);
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long count(List<Object> outcomes, Class<?> type) {
        return outcomes.stream().filter(type::isInstance).count();
    }

    @Test
    @Timeout(120)
    void markBilled_racingInvoices_billEachEntryExactlyOnce() throws InterruptedException {
        List<TimeEntryId> ids = new ArrayList<>();
        List<TimeEntry> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            TimeEntry e = Fixtures.entry("e-" + i, ProjectId.of("p"), TimekeeperId.of("tk"), i);
            batch.add(e);
            ids.add(e.id());
        }
        run(s -> s.get(TimeEntryStore.class).insertAll(batch));
        java.util.concurrent.atomic.AtomicInteger invoiceNo = new java.util.concurrent.atomic.AtomicInteger();
        List<Object> outcomes = race(() -> {
            InvoiceId invoice = InvoiceId.of("inv-" + invoiceNo.incrementAndGet());
            run(s -> s.get(TimeEntryStore.class).markBilled(ids, invoice));
            return invoice;
        });
        assertEquals(1, count(outcomes, InvoiceId.class), outcomes.toString());
        assertEquals(threads() - 1, count(outcomes, TimeEntryAlreadyBilledException.class), outcomes.toString());
        InvoiceId winner = (InvoiceId) outcomes.stream().filter(InvoiceId.class::isInstance).findFirst().orElseThrow();
        assertTrue(visible().timeEntries().stream().allMatch(e -> winner.equals(e.invoiceId())));
    }

    @Test
    @Timeout(120)
    void next_racingTransactions_gaplessWithoutRepeats() throws InterruptedException {
        int perThread = 25;
        List<Object> outcomes = race(() -> {
            List<Long> mine = new ArrayList<>();
            for (int i = 0; i < perThread; i++) {
                mine.add(tx(s -> s.get(NumberSequenceStore.class).next("INV", "2026", 0)));
            }
            return mine;
        });
        Set<Long> all = new TreeSet<>();
        int total = 0;
        for (Object o : outcomes) {
            assertTrue(o instanceof List<?>, "a numbering transaction failed: " + o);
            for (Object n : (List<?>) o) {
                all.add((Long) n);
                total++;
            }
        }
        assertEquals(threads() * perThread, total);
        assertEquals(total, all.size(), "a number was handed out twice");
        assertEquals(1L, ((TreeSet<Long>) all).first());
        assertEquals((long) total, ((TreeSet<Long>) all).last());
        assertEquals(total, txLong(s -> s.get(NumberSequenceStore.class).current("INV", "2026")));
    }

    @Test
    @Timeout(120)
    void insert_racingSameIdempotencyKey_exactlyOneStored() throws InterruptedException {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        List<Object> outcomes = race(() -> {
            PaymentId id = PaymentId.of("p-" + n.incrementAndGet());
            run(s -> s.get(PaymentStore.class).insert(Fixtures.keyedPayment(id, ClientId.of("c"), "webhook-evt-1")));
            return id;
        });
        assertEquals(1, count(outcomes, PaymentId.class), outcomes.toString());
        assertEquals(threads() - 1, count(outcomes, DuplicateKeyException.class), outcomes.toString());
        assertEquals(1, visible().payments().size());
    }

    @Test
    @Timeout(120)
    void insert_racingSameEngagementPeriod_exactlyOneStored() throws InterruptedException {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        List<Object> outcomes = race(() -> {
            InvoiceId id = InvoiceId.of("pkg-" + n.incrementAndGet());
            run(s -> s.get(InvoiceStore.class).insert(Fixtures.packageDraft(id, ClientId.of("c"),
                    EngagementId.of("eng"), Fixtures.D0)));
            return id;
        });
        assertEquals(1, count(outcomes, InvoiceId.class), outcomes.toString());
        assertEquals(threads() - 1, count(outcomes, DuplicateKeyException.class), outcomes.toString());
        assertEquals(1, visible().invoices().size());
    }

    @Test
    @Timeout(120)
    void update_racingSameVersion_exactlyOneWins() throws InterruptedException {
        Client c = Fixtures.sparseClient(ClientId.of("c"));
        run(s -> s.get(ClientStore.class).insert(c));
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        List<Object> outcomes = race(() -> {
            int days = n.incrementAndGet();
            return tx(s -> s.get(ClientStore.class).update(c.withTerms(days)));
        });
        assertEquals(1, count(outcomes, Client.class), outcomes.toString());
        assertEquals(threads() - 1, count(outcomes, ConcurrentUpdateException.class), outcomes.toString());
        assertEquals(c.version() + 1, visible().clients().get(0).version());
    }

    /**
     * Several processes deliver the same payments (two keys per invoice round, each paying one
     * invoice in full) at once: every call returns the payment recorded first for its key, never a
     * business error such as "only EUR 0.00 is due", and the money is recorded once per key.
     */
    @Test
    @Timeout(300)
    void recordPayment_racingRetriesWithSharedKeys_everyCallReturnsTheFirstPayment() throws InterruptedException {
        TenantBilling billing = Billing.builder().stores(store).clock(Clock.fixed(Fixtures.T0, ZoneOffset.UTC))
                .build().tenant(tenant, Actor.user("webhook"));
        billing.profile().save(Fixtures.richTenant(tenant, "Acme"));
        ClientId acme = billing.clients().create(Fixtures.sparseClient(ClientId.of("acme"))).id();
        Money full = Money.of(Fixtures.EUR, "100.00");
        int rounds = 6;
        for (int round = 0; round < rounds; round++) {
            List<InvoiceId> invoices = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                InvoiceId draft = billing.invoices().createDraft(acme).id();
                billing.invoices().addLine(draft, InvoiceLine.of("Retainer", BigDecimal.ONE, UnitCode.PIECE,
                        UnitPrice.of(full), TaxTreatment.zeroRated()));
                invoices.add(billing.invoices().issue(draft).id());
            }
            String prefix = "bank-" + round + "-";
            java.util.concurrent.atomic.AtomicInteger thread = new java.util.concurrent.atomic.AtomicInteger();
            List<Object> outcomes = race(() -> {
                boolean reversed = thread.incrementAndGet() % 2 == 0;
                Map<String, PaymentId> seen = new TreeMap<>();
                for (int k = 0; k < 2; k++) {
                    int which = reversed ? 1 - k : k;
                    String key = prefix + which;
                    Payment p = billing.payments().record(PaymentRequest.of(acme, full).withIdempotencyKey(key)
                            .toInvoice(invoices.get(which), full));
                    seen.put(key, p.id());
                }
                return seen;
            });
            Map<String, Set<PaymentId>> idsByKey = new TreeMap<>();
            for (Object o : outcomes) {
                assertTrue(o instanceof Map<?, ?>, "round " + round + ": a retry failed: " + o);
                for (Map.Entry<?, ?> e : ((Map<?, ?>) o).entrySet()) {
                    idsByKey.computeIfAbsent((String) e.getKey(), k -> new HashSet<>()).add((PaymentId) e.getValue());
                }
            }
            assertEquals(2, idsByKey.size());
            for (Map.Entry<String, Set<PaymentId>> e : idsByKey.entrySet()) {
                assertEquals(1, e.getValue().size(), "key " + e.getKey() + " returned different payments");
            }
            for (InvoiceId id : invoices) {
                assertEquals(full, billing.invoices().get(id).paid(), "invoice " + id + " paid once");
            }
        }
        assertEquals(2 * rounds, visible().payments().size(), "one payment per key");
    }
}
