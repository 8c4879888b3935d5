package dev.billops.core.internal.engagement;

import dev.billops.core.engagement.PackageRunResult;
import dev.billops.core.id.EngagementId;
import dev.billops.core.id.TenantId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The outcomes of (part of) a package run of one tenant, in order. Not thread-safe: one per worker chunk. */
final class RunOutcomes {

    private static final Logger LOG = LoggerFactory.getLogger(PackageBillingRun.class);

    private final TenantId tenant;
    final List<PackageRunResult.Created> created = new ArrayList<>();
    final List<PackageRunResult.Skipped> skipped = new ArrayList<>();
    final List<PackageRunResult.Failed> failed = new ArrayList<>();

    RunOutcomes(TenantId tenant) {
        this.tenant = tenant;
    }

    void skipped(EngagementId engagement, @Nullable LocalDate periodStart, @Nullable String number,
            PackageRunResult.SkipReason reason) {
        skipped.add(new PackageRunResult.Skipped(tenant, engagement, periodStart, number, reason));
    }

    void failed(EngagementId engagement, @Nullable LocalDate periodStart, RuntimeException e) {
        LOG.warn("package run of tenant {}: engagement {} period {} failed: {}", tenant, engagement, periodStart,
                e.toString());
        failed.add(new PackageRunResult.Failed(tenant, engagement, periodStart, String.valueOf(e.getMessage()),
                e.getClass().getSimpleName()));
    }

    /** Appends {@code other}'s outcomes after these. */
    void addAll(RunOutcomes other) {
        created.addAll(other.created);
        skipped.addAll(other.skipped);
        failed.addAll(other.failed);
    }
}
