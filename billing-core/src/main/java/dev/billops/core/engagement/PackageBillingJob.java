package dev.billops.core.engagement;

import dev.billops.core.error.NotFoundException;
import dev.billops.core.id.EngagementId;
import dev.billops.core.id.TenantId;
import dev.billops.core.invoice.NumberingPolicy;
import dev.billops.core.party.Actor;
import dev.billops.core.store.BillingStore;
import dev.billops.core.store.TenantScope;
import dev.billops.core.tax.TaxPolicy;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
    private final NumberingPolicy numbering;
    private final TaxPolicy taxPolicy;

    /** A job with the default numbering ({@link NumberingPolicy#defaults()}) and tax policy ({@link TaxPolicy#defaults()}). */
    public PackageBillingJob(BillingStore store, Clock clock, Actor actor, PackagePolicy policy) {
        this(store, clock, actor, policy, NumberingPolicy.defaults(), TaxPolicy.defaults());
    }

    /**
     * @param store the store
     * @param clock the clock of audit and event timestamps, and of {@link #runToday}
     * @param actor who the invoices are attributed to in the audit log
     * @param policy the package policy of every tenant
     * @param numbering the document numbering of every tenant (used if the policy says so)
     * @param taxPolicy the tax rounding, price basis and cash rounding of every tenant
     */
    public PackageBillingJob(BillingStore store, Clock clock, Actor actor, PackagePolicy policy,
            NumberingPolicy numbering, TaxPolicy taxPolicy) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.numbering = Objects.requireNonNull(numbering, "numbering");
        this.taxPolicy = Objects.requireNonNull(taxPolicy, "taxPolicy");
    }

    /** Runs for today in the clock's zone, every tenant, for real. */
    public PackageRunResult runToday() {
        return run(LocalDate.now(clock), PackageRunOptions.all());
    }

    /**
     * Runs for {@code date}.
     *
     * @throws NotFoundException if the options name a tenant the store does not know, or an
     *     engagement that no tenant in scope has
     */
    public PackageRunResult run(LocalDate date, PackageRunOptions options) {
        Objects.requireNonNull(date, "date");
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
            PackageBillingRun run = new PackageBillingRun(new TenantScope(store, tenant, actor, clock), policy,
                    numbering, taxPolicy);
            try {
                PackageRunResult r = run.run(date, options.forTenant(tenant));
                created.addAll(r.created());
                skipped.addAll(r.skipped());
                failed.addAll(r.failed());
            } catch (RuntimeException e) {
                LOG.warn("package run of tenant {} for {} failed: {}", tenant, date, e.toString());
                failed.add(new PackageRunResult.Failed(tenant, only, null, String.valueOf(e.getMessage()),
                        e.getClass().getSimpleName()));
            }
        }
        PackageRunResult result = new PackageRunResult(date, options.dryRun(), created, skipped, failed);
        return result;
    }
}
