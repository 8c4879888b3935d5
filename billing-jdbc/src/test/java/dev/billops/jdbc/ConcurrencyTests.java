package dev.billops.jdbc;

import dev.billops.core.internal.Internals;
import dev.billops.core.TenantBilling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.Billing;
import dev.billops.core.BillingPolicies;
import dev.billops.core.engagement.Engagement;
import dev.billops.core.spi.EngagementStore;
import dev.billops.core.internal.engagement.PackageBillingRun;
import dev.billops.core.engagement.PackagePolicy;
import dev.billops.core.engagement.PackageRunOptions;
import dev.billops.core.engagement.PackageRunResult;
import dev.billops.core.engagement.PackageSchedule;
import dev.billops.core.engagement.Renewal;
import dev.billops.core.engagement.RenewalOverlapsInvoicedPeriodException;
import dev.billops.core.id.EngagementId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.TenantId;
import dev.billops.core.id.RateRuleId;
import dev.billops.core.internal.Transitions;
import dev.billops.core.invoice.DraftOptions;
import dev.billops.core.invoice.GroupingPolicy;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceSource;
import dev.billops.core.invoice.MonthlyFeeAlreadyBilledException;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Timekeeper;
import dev.billops.core.project.Project;
import dev.billops.core.rate.RateRule;
import dev.billops.core.rate.RateScope;
import dev.billops.core.rate.RateUnit;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.time.TimeSpan;
import dev.billops.core.timeentry.TimeEntryOnDraftException;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.Invoices;
import dev.billops.core.invoice.InvoiceQuery;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.spi.InvoiceStore;
import dev.billops.core.spi.NumberSequenceStore;
import dev.billops.core.money.Money;
import dev.billops.core.party.Actor;
import dev.billops.core.payment.Allocation;
import dev.billops.core.payment.Payment;
import dev.billops.core.payment.PaymentPolicy;
import dev.billops.core.payment.PaymentRequest;
import dev.billops.core.Payments;
import dev.billops.core.spi.PaymentStore;
import dev.billops.core.error.ConcurrentUpdateException;
import dev.billops.core.error.DuplicateKeyException;
import dev.billops.core.internal.TenantScope;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.core.timeentry.TimeEntryAlreadyBilledException;
import dev.billops.core.spi.TimeEntryStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Races of eight threads against one database: the guarantees hold because the database enforces
 * them (row locks, unique constraints, version checks), so they hold across processes too. Run on
 * H2 and PostgreSQL by the subclasses.
 */
abstract class ConcurrencyTests {

    static final int THREADS = 8;
    static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    /** The store under test; shared by the tests of a subclass (each test uses fresh tenants). */
    abstract JdbcBillingStore store();

    TenantId tenant;
    Clock clock = Clock.fixed(TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    @BeforeEach
    void freshTenant() {
        tenant = TenantId.generate();
        Seeds.tenantWithClient(store(), tenant);
    }

    @Test
    void sequenceNext_8threads500Calls_give1to500WithoutGapOrRepeat() throws Exception {
        List<Long> numbers = race(500, i -> store().inTransaction(tenant,
                s -> s.get(NumberSequenceStore.class).next("INV", "2026", 0)));
        assertEquals(LongStream.rangeClosed(1, 500).boxed().toList(), numbers.stream().sorted().toList());
        assertEquals(500L, (long) store().inTransaction(tenant, s -> s.get(NumberSequenceStore.class).current("INV", "2026")));
    }

    @Test
    void issue_8threads500Drafts_numbers1to500WithoutGapOrRepeat() throws Exception {
        Invoices lifecycle = tenant("issuer").invoices();
        List<InvoiceId> drafts = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            drafts.add(InvoiceId.of("d-" + i));
        }
        store().inTransaction(tenant, s -> {
            for (InvoiceId id : drafts) {
                s.get(InvoiceStore.class).insert(Seeds.draft(id.value(), "1"));
            }
            return null;
        });
        List<String> numbers = race(500, i -> lifecycle.issue(drafts.get(i)).number());
        Set<Long> seqs = new HashSet<>();
        for (String n : numbers) {
            seqs.add(Long.parseLong(n.substring(n.lastIndexOf('-') + 1)));
        }
        assertEquals(500, seqs.size(), "no number was given twice");
        assertEquals(LongStream.rangeClosed(1, 500).boxed().collect(java.util.stream.Collectors.toSet()), seqs,
                "numbers are exactly 1..500");
        List<Invoice> stored = store().inTransaction(tenant, s -> s.get(InvoiceStore.class).list(InvoiceQuery.all()));
        assertEquals(500, stored.stream().filter(inv -> inv.status() == InvoiceStatus.ISSUED).count());
    }

    @Test
    void markBilled_8threadsSameEntriesOnDifferentInvoices_exactlyOneBillsAllOthersBillNone() throws Exception {
        List<TimeEntry> entries = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            entries.add(Seeds.entry("e-" + i, i));
        }
        store().inTransaction(tenant, s -> {
            s.get(TimeEntryStore.class).insertAll(entries);
            return null;
        });
        List<TimeEntryId> ids = entries.stream().map(TimeEntry::id).toList();
        List<TimeEntryId> reversed = new ArrayList<>(ids);
        java.util.Collections.reverse(reversed);
        AtomicInteger refused = new AtomicInteger();
        List<String> winners = race(THREADS, i -> {
            try {
                store().inTransaction(tenant, s -> {
                    s.get(TimeEntryStore.class).markBilled(i % 2 == 0 ? ids : reversed, InvoiceId.of("inv-" + i));
                    return null;
                });
                return "inv-" + i;
            } catch (TimeEntryAlreadyBilledException e) {
                refused.incrementAndGet();
                return null;
            }
        });
        List<String> won = winners.stream().filter(java.util.Objects::nonNull).toList();
        assertEquals(1, won.size(), "exactly one biller wins");
        assertEquals(THREADS - 1, refused.get());
        List<TimeEntry> stored = store().inTransaction(tenant, s -> ids.stream()
                .map(id -> s.get(TimeEntryStore.class).find(id).orElseThrow()).toList());
        for (TimeEntry e : stored) {
            assertEquals(InvoiceId.of(won.get(0)), e.invoiceId(), "every entry on the winner's invoice");
            assertEquals(1, e.version());
        }
    }

    @Test
    void insertPackageInvoice_8threadsSameEngagementPeriod_exactlyOneStored() throws Exception {
        EngagementId engagement = EngagementId.of("e-1");
        AtomicInteger duplicates = new AtomicInteger();
        List<String> stored = race(THREADS, i -> {
            try {
                store().inTransaction(tenant, s -> {
                    s.get(InvoiceStore.class).insert(Seeds.packageDraft("pkg-" + i, engagement, TODAY));
                    return null;
                });
                return "pkg-" + i;
            } catch (DuplicateKeyException e) {
                assertEquals("package invoice of engagement period", e.kind());
                duplicates.incrementAndGet();
                return null;
            }
        });
        assertEquals(1, stored.stream().filter(java.util.Objects::nonNull).count());
        assertEquals(THREADS - 1, duplicates.get());
        assertEquals(1, store().inTransaction(tenant, s -> s.get(InvoiceStore.class).list(InvoiceQuery.all())).size());
    }

    @Test
    void update_8threadsFromSameVersion_exactlyOneWinsOthersGetConcurrentUpdate() throws Exception {
        Engagement e = Engagement.ofPackage(EngagementId.of("e-1"), Seeds.CLIENT, "Retainer",
                Money.of(Seeds.EUR, "100.00"), PackageSchedule.MONTHLY, TODAY, null);
        store().inTransaction(tenant, s -> {
            s.get(EngagementStore.class).insert(e);
            return null;
        });
        AtomicInteger conflicts = new AtomicInteger();
        List<String> results = race(THREADS, i -> {
            try {
                store().inTransaction(tenant, s -> s.get(EngagementStore.class)
                        .update(Transitions.withEndDate(e, TODAY.plusDays(30 + i))));
                return "won";
            } catch (ConcurrentUpdateException x) {
                conflicts.incrementAndGet();
                return null;
            }
        });
        assertEquals(1, results.stream().filter(java.util.Objects::nonNull).count());
        assertEquals(THREADS - 1, conflicts.get());
        assertEquals(1, store().inTransaction(tenant, s -> s.get(EngagementStore.class).find(e.id()).orElseThrow())
                .version());
    }

    @Test
    void packageRun_8threadsSameDate_exactlyOneInvoicePerEngagementAndPeriod() throws Exception {
        TenantScope scope = scope("setup");
        Billing billing = Billing.builder().stores(store()).clock(clock)
                .policies(BillingPolicies.defaults().withPackages(PackagePolicy.defaults())).build();
        int engagements = 25;
        for (int i = 0; i < engagements; i++) {
            billing.tenant(tenant, Actor.user("alice")).engagements().create(Engagement.ofPackage(
                    EngagementId.of(String.format("E%02d", i)), Seeds.CLIENT, "Retainer " + i,
                    Money.of(Seeds.EUR, "100.00"), PackageSchedule.MONTHLY, LocalDate.of(2026, 1, 1), null));
        }
        List<PackageRunResult> results = race(THREADS, i -> billing.tenant(tenant, Actor.system("worker-" + i))
                .packages().run(TODAY));
        int created = 0;
        for (PackageRunResult r : results) {
            assertEquals(List.of(), r.failed());
            created += r.created().size();
        }
        List<Invoice> invoices = store().inTransaction(scope.tenant(),
                s -> s.get(InvoiceStore.class).list(InvoiceQuery.all()));
        Set<String> periods = new HashSet<>();
        for (Invoice inv : invoices) {
            assertTrue(periods.add(inv.engagementId() + "@" + inv.packagePeriodStart()), "period invoiced twice");
        }
        assertEquals(invoices.size(), created, "every stored invoice was created by exactly one run");
        assertTrue(invoices.size() >= engagements, "each engagement invoiced at least its due period");
        assertEquals(invoices.size(), invoices.stream().map(Invoice::number).distinct().count());
    }

    @Test
    void renewalsAndPackageRuns_8threadsAtOnce_noDayBilledTwice() throws Exception {
        Billing billing = Billing.builder().stores(store()).clock(clock).build();
        int engagements = 24;
        List<EngagementId> ids = new ArrayList<>();
        for (int i = 0; i < engagements; i++) {
            EngagementId id = EngagementId.of(String.format("R%02d", i));
            ids.add(id);
            billing.tenant(tenant, Actor.user("alice")).engagements().create(Engagement.ofPackage(id, Seeds.CLIENT,
                    "Retainer " + i, Money.of(Seeds.EUR, "3100.00"), PackageSchedule.MONTHLY,
                    LocalDate.of(2026, 2, 1), null));
        }
        LocalDate renewalStart = LocalDate.of(2026, 3, 15);
        AtomicInteger refusedRenewals = new AtomicInteger();
        List<PackageRunResult> runs = new ArrayList<>();
        // per engagement, three package runs of 1 March (March is billed in advance) and one renewal from
        // 15 March, submitted side by side to 8 threads: one of them must see the other
        int perEngagement = 4;
        race(engagements * perEngagement, i -> {
            EngagementId id = ids.get(i / perEngagement);
            if (i % perEngagement != 1) {
                PackageRunResult r = billing.tenant(tenant, Actor.system("run-" + i)).packages()
                        .run(TODAY, PackageRunOptions.all().forEngagement(id));
                synchronized (runs) {
                    runs.add(r);
                }
                return null;
            }
            try {
                billing.tenant(tenant, Actor.user("renewer-" + i)).engagements().renew(id,
                        new Renewal(renewalStart, null, null, EngagementId.of(id.value() + "-renewal")));
            } catch (RenewalOverlapsInvoicedPeriodException refused) {
                refusedRenewals.incrementAndGet();
            }
            return null;
        });
        for (PackageRunResult r : runs) {
            for (PackageRunResult.Failed f : r.failed()) {
                assertEquals("InvalidInputException", f.errorType(), f.toString());
                assertTrue(f.reason().contains("changed during the package run"), f.reason());
            }
        }
        // a later run bills whatever the race left: the renewals' second half of March
        PackageRunResult later = billing.tenant(tenant, Actor.system("later")).packages().run(TODAY.plusDays(20));
        assertEquals(List.of(), later.failed());

        List<Invoice> invoices = store().inTransaction(tenant, s -> s.get(InvoiceStore.class).list(InvoiceQuery.all()));
        for (EngagementId id : ids) {
            EngagementId renewal = EngagementId.of(id.value() + "-renewal");
            Set<LocalDate> billed = new HashSet<>();
            for (Invoice inv : invoices) {
                if (id.equals(inv.engagementId()) || renewal.equals(inv.engagementId())) {
                    inv.servicePeriod().stream().forEach(day -> assertTrue(billed.add(day),
                            day + " of " + id + " billed twice: " + inv.number()));
                }
            }
            assertTrue(billed.containsAll(LocalDateRange.ofMonth(java.time.YearMonth.of(2026, 3)).stream().toList()),
                    "every day of March billed once for " + id + ": " + billed);
        }
        System.out.printf("renewals vs runs on %s: %d of %d renewals refused (their March was invoiced first)%n",
                getClass().getSimpleName(), refusedRenewals.get(), engagements);
    }

    @Test
    void recordPayment_8threadsPayingOneInvoice_neverBeyondItsTotalAndNoLostUpdate() throws Exception {
        Invoices lifecycle = tenant("issuer").invoices();
        store().inTransaction(tenant, s -> {
            s.get(InvoiceStore.class).insert(Seeds.draft("inv-1", "10"));
            return null;
        });
        Invoice issued = lifecycle.issue(InvoiceId.of("inv-1"));
        Money total = issued.totals().payable(); // EUR 1190.00
        Payments payments = tenant("cashier", BillingPolicies.defaults()
                .withPayments(new PaymentPolicy(PaymentPolicy.defaults().defaultAllocation(), false, 100))).payments();
        AtomicInteger conflicts = new AtomicInteger();
        race(THREADS, i -> {
            try {
                return payments.record(PaymentRequest.of(Seeds.CLIENT, Money.of(Seeds.EUR, "300.00"))
                        .toInvoice(issued.id()).withIdempotencyKey("pay-" + i));
            } catch (ConcurrentUpdateException e) {
                conflicts.incrementAndGet();
                return null;
            }
        });
        Invoice after = store().inTransaction(tenant, s -> s.get(InvoiceStore.class).find(issued.id()).orElseThrow());
        List<Payment> all = store().inTransaction(tenant, s -> s.get(PaymentStore.class).list());
        Money allocated = Money.zero(Seeds.EUR);
        for (Payment p : all) {
            for (Allocation a : p.allocations()) {
                if (a.invoiceId().equals(issued.id())) {
                    allocated = allocated.plus(a.amount());
                }
            }
        }
        assertTrue(after.paid().compareTo(total) <= 0, "paid " + after.paid() + " beyond total " + total);
        assertEquals(allocated, after.paid(), "every allocation is counted on the invoice: no lost update");
        assertEquals(THREADS - conflicts.get(), all.size(), "every payment that returned was stored");
        if (conflicts.get() == 0) {
            assertEquals(total, after.paid(), "8 x 300 covers the total");
            assertEquals(InvoiceStatus.PAID, after.status());
        }
    }

    /** The tenant through the facade: project web (100/h or a MONTH rate), timekeeper alice. */
    private dev.billops.core.TenantBilling facade(RateUnit unit, String price) {
        Billing billing = Billing.builder().stores(store()).clock(clock).build();
        dev.billops.core.TenantBilling t = billing.tenant(tenant, Actor.user("alice@seller.test"));
        t.projects().create(Project.of(Seeds.PROJECT, Seeds.CLIENT, "Web"));
        t.timekeepers().create(Timekeeper.of(Seeds.ALICE, "Alice"));
        t.rates().create(new RateRule(RateRuleId.of("web"), RateScope.project(Seeds.PROJECT),
                UnitPrice.of(Seeds.EUR, price), unit, LocalDate.of(2026, 1, 1), null));
        return t;
    }

    @Test
    void draftAndEdits_race_everyDraftBillsItsEntriesAsStored() throws Exception {
        dev.billops.core.TenantBilling t = facade(RateUnit.HOUR, "100");
        List<TimeEntry> logged = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            logged.add(Seeds.entry("e-" + i, 24 * i));
        }
        t.timeEntries().logAll(logged);
        LocalDateRange march = LocalDateRange.ofMonth(java.time.YearMonth.of(2026, 3));
        DraftOptions perEntry = DraftOptions.defaults().withGrouping(GroupingPolicy.perEntry());
        AtomicInteger refused = new AtomicInteger();
        race(4 * THREADS, i -> {
            if (i % 4 == 0) {
                return t.invoices().draft(Seeds.CLIENT, march, perEntry).map(Invoice::id).orElse(null);
            }
            TimeEntry e = t.timeEntries().get(logged.get(i % logged.size()).id());
            try {
                t.timeEntries().update(e.withSpan(TimeSpan.of(e.span().start(),
                        e.span().end().plusSeconds(60L * (1 + i)), Seeds.BERLIN)));
            } catch (TimeEntryOnDraftException | ConcurrentUpdateException ex) {
                refused.incrementAndGet();
            }
            return null;
        });
        List<Invoice> drafts = store().inTransaction(tenant, s -> s.get(InvoiceStore.class)
                .list(new InvoiceQuery(Seeds.CLIENT, Set.of(InvoiceStatus.DRAFT), null)));
        Set<TimeEntryId> drafted = new HashSet<>();
        for (Invoice d : drafts) {
            for (InvoiceLine line : d.lines()) {
                TimeEntry now = t.timeEntries().get(line.entryIds().get(0));
                assertTrue(drafted.add(now.id()), now.id() + " on two drafts");
                assertEquals(java.math.BigDecimal.valueOf(now.duration().toSeconds())
                        .divide(java.math.BigDecimal.valueOf(3600), 4, java.math.RoundingMode.HALF_UP),
                        line.quantity(), "draft " + d.id() + " bills " + now.id() + " as stored");
            }
        }
        assertEquals(logged.size(), drafted.size(), "every entry drafted once (" + refused + " edits refused)");
        for (Invoice d : drafts) {
            t.invoices().issue(d.id());
        }
    }

    @Test
    void issue_twoDraftsWithOneMonthsFee_race_feeIssuedOnce() throws Exception {
        dev.billops.core.TenantBilling t = facade(RateUnit.MONTH, "3000");
        TimeEntry early = Seeds.entry("early", 0);
        TimeEntry late = Seeds.entry("late", 24 * 20);
        t.timeEntries().logAll(List.of(early, late));
        Invoice first = t.invoices().draft(Seeds.CLIENT, LocalDateRange.of(LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 16))).orElseThrow();
        InvoiceLine fee = first.lines().get(0);
        // the draft a concurrent drafter of 16-31 March would have made before seeing the first
        Invoice second = Invoice.draft(InvoiceId.of("second"), Seeds.CLIENT, Seeds.EUR, InvoiceSource.TIME_ENTRIES)
                .withLines(List.of(new InvoiceLine(1, fee.description(), fee.quantity(), fee.unit(), fee.price(),
                        fee.baseQuantity(), List.of(), fee.tax(), fee.period(), List.of(late.id()), fee.projectId(),
                        null, null, fee.rateRuleId())));
        store().inTransaction(tenant, s -> {
            s.get(InvoiceStore.class).insert(second);
            return null;
        });
        List<InvoiceId> both = List.of(first.id(), second.id());
        AtomicInteger refused = new AtomicInteger();
        List<String> issued = race(2, i -> {
            try {
                return t.invoices().issue(both.get(i)).number();
            } catch (MonthlyFeeAlreadyBilledException e) {
                refused.incrementAndGet();
                return null;
            }
        });
        assertEquals(1, issued.stream().filter(java.util.Objects::nonNull).count(), "one fee issued: " + issued);
        assertEquals(1, refused.get());
    }

    private TenantScope scope(String actor) {
        return Internals.scope(tenant(actor));
    }

    private TenantBilling tenant(String actor) {
        return tenant(actor, BillingPolicies.defaults());
    }

    private TenantBilling tenant(String actor, BillingPolicies policies) {
        return Billing.builder().stores(store()).clock(clock).policies(policies).build()
                .tenant(tenant, Actor.system(actor));
    }

    interface Task<T> {
        T run(int index) throws Exception;
    }

    /** Runs {@code count} tasks on {@link #THREADS} threads released together; results in task order. */
    static <T> List<T> race(int count, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                Callable<T> c = () -> {
                    start.await();
                    return task.run(index);
                };
                futures.add(pool.submit(c));
            }
            start.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get(120, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        }
    }

    static void assertKind(Class<?> type, Object value) {
        assertInstanceOf(type, value);
    }
}
