package dev.billops.benchmarks;

import dev.billops.core.engagement.Engagement;
import dev.billops.core.spi.EngagementStore;
import dev.billops.core.internal.engagement.PackageBillingJob;
import dev.billops.core.engagement.PackagePolicy;
import dev.billops.core.engagement.PackageRunOptions;
import dev.billops.core.engagement.PackageRunResult;
import dev.billops.core.engagement.PackageSchedule;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EngagementId;
import dev.billops.core.money.Money;
import dev.billops.core.spi.BillingStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Case 4: the package billing run ({@link PackageBillingJob}) over {@code engagements} monthly
 * package engagements of 1,000 clients on PostgreSQL, all due on the run date: each run creates,
 * numbers and issues one invoice per engagement (audit record and outbox event included). The
 * engagements are seeded through the store before the clock starts.
 */
final class PackageRunCase {

    static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 1);

    record Figures(int engagements, int created, double seconds, double seedSeconds) {
        double microsPerEngagement() {
            return seconds * 1e6 / engagements;
        }
    }

    static Figures run(BillingStore store, int engagements) {
        long t = System.nanoTime();
        int clients = Math.min(1_000, engagements);
        Seeding.tenantAndClients(store, Workload.TENANT_ID, clients, false);
        for (int from = 0; from < engagements; from += 5_000) {
            int start = from;
            store.inTransaction(Workload.TENANT_ID, s -> {
                EngagementStore es = s.get(EngagementStore.class);
                for (int i = start; i < Math.min(engagements, start + 5_000); i++) {
                    es.insert(Engagement.ofPackage(EngagementId.of("g" + i), ClientId.of("c" + i % clients),
                            "Support retainer " + i, Money.of(Workload.EUR, BigDecimal.valueOf(500 + i % 20 * 25)),
                            PackageSchedule.MONTHLY, RUN_DATE, null));
                }
                return null;
            });
        }
        double seed = (System.nanoTime() - t) / 1e9;
        PackageBillingJob job = new PackageBillingJob(store,
                Clock.fixed(RUN_DATE.atTime(6, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC),
                PackageBillingJob.DEFAULT_ACTOR, PackagePolicy.defaults());
        t = System.nanoTime();
        PackageRunResult result = job.run(RUN_DATE, PackageRunOptions.all());
        double seconds = (System.nanoTime() - t) / 1e9;
        if (!result.failed().isEmpty()) {
            throw new IllegalStateException(result.failed().size() + " engagements failed, first: "
                    + result.failed().get(0));
        }
        return new Figures(engagements, result.created().size(), seconds, seed);
    }
}
