package dev.billops.core.engagement;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.EngagementId;
import dev.billops.core.id.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * Filters and mode of a package billing run.
 *
 * @param tenant only this tenant, or null for every tenant (a tenant-scoped run accepts only
 *     its own tenant here)
 * @param engagement only this engagement, or null for every PACKAGE and MIXED engagement
 * @param dryRun compute and report what the run would produce, store nothing
 * @param billMissedPeriods also bill the due periods without an invoice whose bill date is before
 *     the catch-up window (from the engagement's start); off by default, when the run reports them
 *     as skipped ({@link PackageRunResult.SkipReason#OUTSIDE_CATCH_UP}) instead
 * @param workers how many threads of this process bill a tenant's engagements side by side
 *     (1 to {@value #MAX_WORKERS}); each claims the engagements it bills, so runs in other
 *     processes for the same date share the work the same way
 * @param chunkSize how many engagements a worker bills in one transaction (1 to
 *     {@value #MAX_CHUNK_SIZE}); each engagement's invoices still fail alone
 */
public record PackageRunOptions(@Nullable TenantId tenant, @Nullable EngagementId engagement, boolean dryRun,
        boolean billMissedPeriods, int workers, int chunkSize) {

    /** The most worker threads one run may start. */
    public static final int MAX_WORKERS = 64;

    /** The largest chunk. */
    public static final int MAX_CHUNK_SIZE = 10_000;

    /** Engagements per transaction unless set. */
    public static final int DEFAULT_CHUNK_SIZE = 200;

    private static final PackageRunOptions ALL = new PackageRunOptions(null, null, false, false);

    /**
     * @throws InvalidInputException if {@code workers} or {@code chunkSize} is out of range
     */
    public PackageRunOptions {
        if (workers < 1 || workers > MAX_WORKERS) {
            throw new InvalidInputException("a package run needs 1 to " + MAX_WORKERS + " workers, not " + workers);
        }
        if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
            throw new InvalidInputException("a package run's chunk size must be 1 to " + MAX_CHUNK_SIZE + ", not "
                    + chunkSize);
        }
    }

    /** One worker, chunks of {@value #DEFAULT_CHUNK_SIZE}. */
    public PackageRunOptions(@Nullable TenantId tenant, @Nullable EngagementId engagement, boolean dryRun,
            boolean billMissedPeriods) {
        this(tenant, engagement, dryRun, billMissedPeriods, 1, DEFAULT_CHUNK_SIZE);
    }

    /** Options that do not bill missed periods. */
    public PackageRunOptions(@Nullable TenantId tenant, @Nullable EngagementId engagement, boolean dryRun) {
        this(tenant, engagement, dryRun, false);
    }

    /** Every tenant, every engagement, for real, within the catch-up window. */
    public static PackageRunOptions all() {
        return ALL;
    }

    public PackageRunOptions forTenant(@Nullable TenantId tenant) {
        return new PackageRunOptions(tenant, engagement, dryRun, billMissedPeriods, workers, chunkSize);
    }

    public PackageRunOptions forEngagement(@Nullable EngagementId engagement) {
        return new PackageRunOptions(tenant, engagement, dryRun, billMissedPeriods, workers, chunkSize);
    }

    public PackageRunOptions dryRun(boolean dryRun) {
        return new PackageRunOptions(tenant, engagement, dryRun, billMissedPeriods, workers, chunkSize);
    }

    /** These options, billing (or not) the missed periods before the catch-up window; see above. */
    public PackageRunOptions billMissedPeriods(boolean bill) {
        return new PackageRunOptions(tenant, engagement, dryRun, bill, workers, chunkSize);
    }

    /**
     * These options with {@code workers} threads.
     *
     * @throws InvalidInputException if {@code workers} is not 1 to {@value #MAX_WORKERS}
     */
    public PackageRunOptions withWorkers(int workers) {
        return new PackageRunOptions(tenant, engagement, dryRun, billMissedPeriods, workers, chunkSize);
    }

    /**
     * These options with {@code chunkSize} engagements per transaction.
     *
     * @throws InvalidInputException if {@code chunkSize} is not 1 to {@value #MAX_CHUNK_SIZE}
     */
    public PackageRunOptions withChunkSize(int chunkSize) {
        return new PackageRunOptions(tenant, engagement, dryRun, billMissedPeriods, workers, chunkSize);
    }
}
