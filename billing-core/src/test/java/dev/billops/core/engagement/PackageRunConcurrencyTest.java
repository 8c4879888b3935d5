package dev.billops.core.engagement;

import dev.billops.core.BillingPolicies;
import dev.billops.core.Billing;
import dev.billops.core.Packages;
import dev.billops.core.internal.engagement.PackageBillingRun;
import static dev.billops.core.engagement.PackageFixture.ACME;
import static dev.billops.core.engagement.PackageFixture.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.TenantId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.party.Actor;
import dev.billops.core.spi.BillingStore;
import dev.billops.core.spi.StoreSession;
import dev.billops.core.internal.TenantScope;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Two runs at once create each invoice once; the loser of a race reports "already invoiced". */
class PackageRunConcurrencyTest {

    /** A store that lets a competing run go first just before the n-th transaction of the run under test. */
    private static final class RacingStore implements BillingStore {
        private final BillingStore delegate;
        private final int raceBeforeCall;
        private final AtomicInteger calls = new AtomicInteger();
        private Runnable competitor = () -> { };

        RacingStore(BillingStore delegate, int raceBeforeCall) {
            this.delegate = delegate;
            this.raceBeforeCall = raceBeforeCall;
        }

        @Override
        public <T> T inTransaction(TenantId tenant, Function<StoreSession, T> work) {
            if (calls.incrementAndGet() == raceBeforeCall) {
                competitor.run();
            }
            return delegate.inTransaction(tenant, work);
        }

        @Override
        public List<TenantId> tenantIds() {
            return delegate.tenantIds();
        }
    }

    @Test
    void run_competitorIssuesBetweenPlanAndIssue_reportsSkippedNotFailedAndKeepsNumbersGapless() {
        PackagePolicy policy = PackagePolicy.defaults().withTenantNumbering();
        PackageFixture f = new PackageFixture(d("2026-03-01"), policy);
        f.pkg("E1", "100.00", PackageSchedule.MONTHLY, "2026-03-01", null);
        PackageBillingRun competitor = new PackageBillingRun(
                new TenantScope(f.memory, ACME, Actor.system("other-process"), f.clock), policy);
        RacingStore store = new RacingStore(f.memory, 2); // call 1 is the plan, call 2 issues E1's invoice
        store.competitor = () -> assertEquals(1, competitor.run(d("2026-03-01")).created().size());
        Packages run = Billing.builder().stores(store).clock(f.clock)
                .policies(BillingPolicies.defaults().withPackages(policy)).build()
                .tenant(ACME, Actor.system("this-process")).packages();

        PackageRunResult r = run.run(d("2026-03-01"));

        assertEquals(List.of(), r.created());
        assertEquals(List.of(), r.failed());
        assertEquals(1, r.skipped().size());
        assertEquals(PackageRunResult.SkipReason.ALREADY_INVOICED, r.skipped().get(0).reason());
        assertEquals("PKG-2026-00001", r.skipped().get(0).existingNumber());
        assertEquals(1, f.invoices().size());
        assertEquals(1, f.memory.events(ACME).size(), "the loser's event was rolled back");
        f.pkg("E2", "100.00", PackageSchedule.MONTHLY, "2026-03-01", null);
        assertEquals("PKG-2026-00002", run.run(d("2026-03-01")).created().get(0).number(), "the loser gave its number back");
    }

    @Test
    void run_twoRunsAtOnceOverManyEngagements_createEachInvoiceExactlyOnce() throws Exception {
        PackageFixture f = new PackageFixture(d("2026-01-01"));
        int engagements = 40;
        for (int i = 0; i < engagements; i++) {
            f.pkg(String.format("E%02d", i), "100.00", i % 3 == 0 ? PackageSchedule.QUARTERLY : PackageSchedule.MONTHLY,
                    LocalDate.of(2026, 1 + i % 4, 1 + i % 20).toString(), null);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (LocalDate date : List.of(d("2026-02-01"), d("2026-04-15"), d("2026-04-16"), d("2026-06-30"))) {
                int before = f.invoices().size();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<PackageRunResult>> runs = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    Packages run = t % 2 == 0 ? f.acme.packages()
                            : f.billing.tenant(ACME, Actor.system("worker-" + t)).packages();
                    runs.add(pool.submit(() -> {
                        start.await();
                        return run.run(date);
                    }));
                }
                start.countDown();
                int created = 0;
                for (Future<PackageRunResult> run : runs) {
                    PackageRunResult r = run.get(60, TimeUnit.SECONDS);
                    assertEquals(List.of(), r.failed(), () -> "failed on " + date);
                    created += r.created().size();
                }
                List<Invoice> invoices = f.invoices();
                assertEquals(invoices.size(), uniquePeriods(invoices), "one invoice per (engagement, period)");
                assertEquals(invoices.size(), invoices.stream().map(Invoice::number).distinct().count());
                assertEquals(invoices.size() - before, created, "each stored invoice reported created by one run");
                assertTrue(created > 0, () -> "something was due on " + date);
                assertEquals(0, f.acme.packages().run(date).created().size(), () -> "nothing left on " + date);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(f.invoices().size(), f.memory.events(ACME).size(), "one event per invoice, none from losers");
    }

    private static int uniquePeriods(List<Invoice> invoices) {
        Set<String> keys = new HashSet<>();
        for (Invoice i : invoices) {
            keys.add(i.engagementId() + "@" + i.packagePeriodStart());
        }
        return keys.size();
    }
}
