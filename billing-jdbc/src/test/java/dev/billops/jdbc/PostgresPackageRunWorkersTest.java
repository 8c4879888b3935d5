package dev.billops.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.Billing;
import dev.billops.core.BillingPolicies;
import dev.billops.core.engagement.Engagement;
import dev.billops.core.engagement.PackagePolicy;
import dev.billops.core.engagement.PackageRunOptions;
import dev.billops.core.engagement.PackageRunResult;
import dev.billops.core.engagement.PackageSchedule;
import dev.billops.core.error.StoreUnavailableException;
import dev.billops.core.id.EngagementId;
import dev.billops.core.id.TenantId;
import dev.billops.core.internal.TenantScope;
import dev.billops.core.internal.engagement.PackageBillingRun;
import dev.billops.core.internal.invoice.IssueFollowUp;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceQuery;
import dev.billops.core.money.Money;
import dev.billops.core.party.Actor;
import dev.billops.core.spi.InvoiceStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Several workers on one package run date, on PostgreSQL: as threads of one run
 * ({@link PackageRunOptions#workers()}), as independent runs (one store and connection pool each,
 * like processes), and with one of them killed (its backends terminated) in the middle. Whatever
 * happens, each due (engagement, period) ends up with exactly one invoice and the numbers have no
 * gap.
 */
class PostgresPackageRunWorkersTest {

    static final LocalDate DATE = LocalDate.of(2026, 3, 1);
    static final int ENGAGEMENTS = 240;
    static final Pattern SEQUENCE = Pattern.compile("(\\d+)$");

    static PostgresTestDatabase database;
    static JdbcBillingStore store;

    TenantId tenant;
    final Clock clock = Clock.fixed(DATE.atTime(6, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    @BeforeAll
    static void open() {
        database = PostgresTestDatabase.open("pkgworkers");
        store = JdbcStores.postgres(database.dataSource());
    }

    @AfterAll
    static void close() {
        if (database != null) {
            store.close();
            database.close();
        }
    }

    @BeforeEach
    void engagements() {
        tenant = TenantId.generate();
        Seeds.tenantWithClient(store, tenant);
        Billing billing = billing(store);
        for (int i = 0; i < ENGAGEMENTS; i++) {
            // started in January: February (catch-up) and March are due on 1 March
            billing.tenant(tenant, Actor.user("alice")).engagements().create(Engagement.ofPackage(
                    EngagementId.of(String.format("E%04d", i)), Seeds.CLIENT, "Retainer " + i,
                    Money.of(Seeds.EUR, "100.00"), PackageSchedule.MONTHLY, LocalDate.of(2026, 1, 1), null));
        }
    }

    Billing billing(JdbcBillingStore on) {
        return Billing.builder().stores(on).clock(clock)
                .policies(BillingPolicies.defaults().withPackages(PackagePolicy.defaults().withTenantNumbering())).build();
    }

    /** What a run on {@link #DATE} bills, as "engagement@periodStart". */
    Set<String> due() {
        PackageRunResult preview = billing(store).tenant(tenant, Actor.system("preview")).packages()
                .run(DATE, PackageRunOptions.all().dryRun(true));
        Set<String> out = new TreeSet<>();
        preview.created().forEach(c -> out.add(c.engagementId().value() + "@" + c.periodStart()));
        assertTrue(out.size() >= ENGAGEMENTS, "every engagement has a due period: " + out.size());
        return out;
    }

    @Test
    void run_4workerThreads_billEveryDuePeriodOnceWithGaplessNumbers() {
        Set<String> due = due();
        PackageRunResult result = billing(store).tenant(tenant, Actor.system("run")).packages()
                .run(DATE, PackageRunOptions.all().withWorkers(4).withChunkSize(25));

        assertEquals(List.of(), result.failed());
        assertEquals(due.size(), result.created().size());
        assertEquals(List.of(), result.skipped());
        assertExactlyOnceGapless(due);
        // the result lists the invoices in plan order, whichever worker issued them
        List<String> order = result.created().stream().map(c -> c.engagementId().value() + "@" + c.periodStart())
                .toList();
        assertEquals(new ArrayList<>(due), order);
    }

    @Test
    void run_4independentRunsLikeProcesses_splitTheEngagementsAndBillEachOnce() throws Exception {
        Set<String> due = due();
        List<JdbcBillingStore> stores = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            stores.add(JdbcStores.postgres(database.newPool()));
        }
        try {
            List<PackageRunResult> results = parallel(4, i -> billing(stores.get(i)).tenant(tenant,
                    Actor.system("process-" + i)).packages().run(DATE, PackageRunOptions.all().withChunkSize(20)));
            int created = 0;
            int busy = 0;
            for (PackageRunResult r : results) {
                assertEquals(List.of(), r.failed());
                created += r.created().size();
                busy += r.created().isEmpty() ? 0 : 1;
            }
            assertEquals(due.size(), created, "every due period created by exactly one of the runs");
            assertTrue(busy >= 2, "the runs split the work instead of one doing it all: " + busy + " issued some");
        } finally {
            stores.forEach(JdbcBillingStore::close);
        }
        assertExactlyOnceGapless(due);
    }

    @Test
    void run_workerKilledMidRun_rerunLeavesEachPeriodBilledOnceWithGaplessNumbers() throws Exception {
        Set<String> due = due();
        String victimName = "billops-victim-" + tenant.value().toLowerCase(java.util.Locale.ROOT);
        PGSimpleDataSource victimSource = database.unpooledDataSource();
        victimSource.setApplicationName(victimName);
        List<JdbcBillingStore> stores = new ArrayList<>();
        stores.add(JdbcStores.postgres(victimSource));
        for (int i = 1; i < 4; i++) {
            stores.add(JdbcStores.postgres(database.newPool()));
        }
        AtomicBoolean victimDone = new AtomicBoolean();
        AtomicInteger terminated = new AtomicInteger();
        ExecutorService killer = Executors.newSingleThreadExecutor();
        try {
            Future<?> kills = killer.submit(() -> {
                try (Connection c = database.connect(); PreparedStatement kill = c.prepareStatement(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ? "
                        + "AND backend_xid IS NOT NULL")) {
                    // the victim loses every connection on which it has written something not committed yet
                    kill.setString(1, victimName);
                    while (!victimDone.get()) {
                        try (ResultSet rs = kill.executeQuery()) {
                            while (rs.next()) {
                                terminated.incrementAndGet();
                            }
                        }
                        Thread.sleep(2);
                    }
                }
                return null;
            });
            List<PackageRunResult> results = parallel(4, i -> {
                try {
                    return billing(stores.get(i)).tenant(tenant, Actor.system("worker-" + i)).packages()
                            .run(DATE, PackageRunOptions.all().withChunkSize(i == 0 ? 40 : 15));
                } catch (StoreUnavailableException killed) {
                    assertEquals(0, i, "only the victim dies: " + killed);
                    return null;
                } finally {
                    if (i == 0) {
                        victimDone.set(true);
                    }
                }
            });
            kills.get(60, TimeUnit.SECONDS);
            assertTrue(terminated.get() > 0, "the victim's backend was terminated");
            PackageRunResult victim = results.get(0);
            System.out.printf("killed worker: %d backends terminated; victim %s%n", terminated.get(),
                    victim == null ? "died" : victim.created().size() + " created, " + victim.failed().size()
                            + " failed");
            for (int i = 1; i < 4; i++) {
                assertEquals(List.of(), results.get(i).failed(), "survivor " + i);
            }
        } finally {
            victimDone.set(true);
            killer.shutdownNow();
            stores.forEach(JdbcBillingStore::close);
        }
        // nothing billed twice even before the rerun
        assertNoDuplicateAndGapless();
        PackageRunResult rerun = billing(store).tenant(tenant, Actor.system("rerun")).packages().run(DATE);
        assertEquals(List.of(), rerun.failed());
        assertExactlyOnceGapless(due);
    }

    @Test
    void run_invoicesFailingAfterTakingTheirNumberMidChunk_rollBackAloneNumbersGapless() {
        Set<String> due = due();
        Set<EngagementId> failing = new HashSet<>(Set.of(EngagementId.of("E0005"), EngagementId.of("E0100")));
        IssueFollowUp failSome = (session, issued) -> {
            if (failing.contains(issued.engagementId())) {
                // a database error inside the savepoint: PostgreSQL aborts it, the chunk goes on
                session.get(InvoiceStore.class).insert(Seeds.packageDraft("dup-" + issued.id().value(),
                        issued.engagementId(), issued.packagePeriodStart()));
            }
            return issued;
        };
        PackageBillingRun run = new PackageBillingRun(new TenantScope(store, tenant, Actor.system("run"), clock),
                PackagePolicy.defaults().withTenantNumbering(), failSome);

        PackageRunResult first = run.run(DATE, PackageRunOptions.all().withChunkSize(120));

        assertEquals(Set.of("E0005", "E0100"), first.failed().stream().map(f -> f.engagementId().value())
                .collect(java.util.stream.Collectors.toSet()));
        assertEquals(due.size() - first.failed().size(), first.created().size());
        assertNoDuplicateAndGapless();
        failing.clear();
        PackageRunResult second = run.run(DATE);
        assertEquals(first.failed().size(), second.created().size());
        assertExactlyOnceGapless(due);
    }

    @Test
    void options_zeroWorkers_refusedNamingTheValue() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.billops.core.error.InvalidInputException.class,
                () -> PackageRunOptions.all().withWorkers(0));
        assertTrue(e.getMessage().contains(" 0"), e.getMessage());
        var big = org.junit.jupiter.api.Assertions.assertThrows(dev.billops.core.error.InvalidInputException.class,
                () -> PackageRunOptions.all().withChunkSize(10_001));
        assertTrue(big.getMessage().contains("10001"), big.getMessage());
    }

    List<Invoice> invoices() {
        return store.inTransaction(tenant, s -> s.get(InvoiceStore.class).list(InvoiceQuery.all()));
    }

    void assertExactlyOnceGapless(Set<String> due) {
        Set<String> billed = assertNoDuplicateAndGapless();
        assertEquals(due, billed, "every due period billed");
    }

    /** The billed periods; asserts none twice and numbers 1..n. */
    Set<String> assertNoDuplicateAndGapless() {
        List<Invoice> invoices = invoices();
        Set<String> billed = new TreeSet<>();
        Set<Long> numbers = new HashSet<>();
        for (Invoice inv : invoices) {
            assertTrue(billed.add(inv.engagementId().value() + "@" + inv.packagePeriodStart()),
                    "period billed twice: " + inv.engagementId() + "@" + inv.packagePeriodStart());
            Matcher m = SEQUENCE.matcher(String.valueOf(inv.number()));
            assertTrue(m.find(), inv.number());
            assertTrue(numbers.add(Long.parseLong(m.group(1))), "number twice: " + inv.number());
        }
        for (long n = 1; n <= invoices.size(); n++) {
            assertTrue(numbers.contains(n), "number " + n + " missing of " + invoices.size());
        }
        assertFalse(numbers.contains((long) invoices.size() + 1));
        return billed;
    }

    interface Task<T> {
        T run(int index) throws Exception;
    }

    static <T> List<T> parallel(int count, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                Callable<T> c = () -> task.run(index);
                futures.add(pool.submit(c));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get(180, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
