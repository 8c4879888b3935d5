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
 */
public record PackageRunOptions(@Nullable TenantId tenant, @Nullable EngagementId engagement, boolean dryRun) {

    private static final PackageRunOptions ALL = new PackageRunOptions(null, null, false);

    /** Every tenant, every engagement, for real. */
    public static PackageRunOptions all() {
        return ALL;
    }

    public PackageRunOptions forTenant(@Nullable TenantId tenant) {
        return new PackageRunOptions(tenant, engagement, dryRun);
    }

    public PackageRunOptions forEngagement(@Nullable EngagementId engagement) {
        return new PackageRunOptions(tenant, engagement, dryRun);
    }

    public PackageRunOptions dryRun(boolean dryRun) {
        return new PackageRunOptions(tenant, engagement, dryRun);
    }
}
