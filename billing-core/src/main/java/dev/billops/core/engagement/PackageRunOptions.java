package dev.billops.core.engagement;

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
 */
public record PackageRunOptions(@Nullable TenantId tenant, @Nullable EngagementId engagement, boolean dryRun,
        boolean billMissedPeriods) {

    private static final PackageRunOptions ALL = new PackageRunOptions(null, null, false, false);

    /** Options that do not bill missed periods. */
    public PackageRunOptions(@Nullable TenantId tenant, @Nullable EngagementId engagement, boolean dryRun) {
        this(tenant, engagement, dryRun, false);
    }

    /** Every tenant, every engagement, for real, within the catch-up window. */
    public static PackageRunOptions all() {
        return ALL;
    }

    public PackageRunOptions forTenant(@Nullable TenantId tenant) {
        return new PackageRunOptions(tenant, engagement, dryRun, billMissedPeriods);
    }

    public PackageRunOptions forEngagement(@Nullable EngagementId engagement) {
        return new PackageRunOptions(tenant, engagement, dryRun, billMissedPeriods);
    }

    public PackageRunOptions dryRun(boolean dryRun) {
        return new PackageRunOptions(tenant, engagement, dryRun, billMissedPeriods);
    }

    /** These options, billing (or not) the missed periods before the catch-up window; see above. */
    public PackageRunOptions billMissedPeriods(boolean bill) {
        return new PackageRunOptions(tenant, engagement, dryRun, bill);
    }
}
