package dev.billops.core.internal.engagement;

import dev.billops.core.engagement.PackagePolicy;
import dev.billops.core.engagement.PackageRunOptions;
import dev.billops.core.engagement.PackageRunResult;
import dev.billops.core.spi.EngagementStore;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.id.EngagementId;
import dev.billops.core.id.TenantId;
import dev.billops.core.internal.invoice.IssueFollowUp;
import dev.billops.core.party.Actor;
import dev.billops.core.spi.BillingStore;
import dev.billops.core.internal.TenantScope;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The package billing run over every tenant of a store (or the one named in the options): what a
 * scheduler or the command line ({@code package-invoices --date --tenant --engagement --dry-run})
 * runs once a day. Each tenant is run by a {@link PackageBillingRun}; a tenant that cannot be run
 * at all is reported in {@link PackageRunResult#failed()} and the others still run.
 *
 * <p>Immutable and thread-safe; safe to run concurrently with itself, in this process or others
 * (see {@link PackageBillingRun}).
 */
public final class PackageBillingJob {

    private static final Logger LOG = LoggerFactory.getLogger(PackageBillingJob.class);

    /** The actor package runs are attributed to unless the host names another. */
    public static final Actor DEFAULT_ACTOR = Actor.system("package-run");

    private final BillingStore store;
    private final Clock clock;
    private final Actor actor;
    private final PackagePolicy policy;
    private final Function<TenantScope, IssueFollowUp> followUps;

    /** A job with nothing following each issue. */
    public PackageBillingJob(BillingStore store, Clock clock, Actor actor, PackagePolicy policy) {
        this(store, clock, actor, policy, scope -> IssueFollowUp.NONE);
    }

    /**
     * Each tenant's numbering, tax policy and zone come from its profile ({@code TenantPolicies}).
     *
     * @param store the store
     * @param clock the clock of audit and event timestamps, and of {@link #runToday}
     * @param actor who the invoices are attributed to in the audit log
     * @param policy the package policy of every tenant
     * @param followUps what runs after each issued invoice of a tenant, in its transaction (the
     *     facade applies the client's credit there)
     */
    public PackageBillingJob(BillingStore store, Clock clock, Actor actor, PackagePolicy policy,
            Function<TenantScope, IssueFollowUp> followUps) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.followUps = Objects.requireNonNull(followUps, "followUps");
    }

    /**
     * Runs every tenant for real, each for its own today (the clock's instant in the tenant's
     * zone): at 23:30 UTC on 31 December a tenant in Europe/Berlin is billed for 1 January, one in
     * UTC for 31 December. The result's {@link PackageRunResult#date()} is today in UTC.
     */
    public PackageRunResult runToday(PackageRunOptions options) {
        return runFor(null, options);
    }

    /**
     * Runs for {@code date}.
     *
     * @throws NotFoundException if the options name a tenant the store does not know, or an
     *     engagement that no tenant in scope has
     */
    public PackageRunResult run(LocalDate date, PackageRunOptions options) {
        Objects.requireNonNull(date, "date");
        return runFor(date, options);
    }

    /** Runs for {@code date}, or each tenant for its own today if it is null. */
    private PackageRunResult runFor(@Nullable LocalDate date, PackageRunOptions options) {
        Objects.requireNonNull(options, "options");
        List<TenantId> known = store.tenantIds();
        List<TenantId> tenants;
        if (options.tenant() != null) {
            if (!known.contains(options.tenant())) {
                throw new NotFoundException("tenant", options.tenant().value());
            }
            tenants = List.of(options.tenant());
        } else {
            tenants = known;
        }
        EngagementId only = options.engagement();
        if (only != null) {
            tenants = tenants.stream()
                    .filter(t -> store.inTransaction(t, s -> s.get(EngagementStore.class).find(only).isPresent()))
                    .toList();
            if (tenants.isEmpty()) {
                throw new NotFoundException("engagement", only.value());
            }
        }
        List<PackageRunResult.Created> created = new ArrayList<>();
        List<PackageRunResult.Skipped> skipped = new ArrayList<>();
        List<PackageRunResult.Failed> failed = new ArrayList<>();
        for (TenantId tenant : tenants) {
            TenantScope scope = new TenantScope(store, tenant, actor, clock);
            PackageBillingRun run = new PackageBillingRun(scope, policy, followUps.apply(scope));
            try {
                PackageRunResult r = run.run(date != null ? date : scope.today(), options.forTenant(tenant));
                created.addAll(r.created());
                skipped.addAll(r.skipped());
                failed.addAll(r.failed());
            } catch (RuntimeException e) {
                LOG.warn("package run of tenant {} for {} failed: {}", tenant, date, e.toString());
                failed.add(new PackageRunResult.Failed(tenant, only, null, String.valueOf(e.getMessage()),
                        e.getClass().getSimpleName()));
            }
        }
        PackageRunResult result = new PackageRunResult(date != null ? date : LocalDate.ofInstant(clock.instant(),
                ZoneOffset.UTC), options.dryRun(), created, skipped, failed);
        return result;
    }
}
