package dev.billops.core;

import dev.billops.core.internal.Internals;
import dev.billops.core.internal.engagement.PackageBillingJob;
import dev.billops.core.id.TenantId;
import dev.billops.core.party.Actor;
import dev.billops.core.spi.BillingStore;
import dev.billops.core.internal.TenantScope;
import java.time.Clock;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The entry point a host builds once: stores, clock and the policies shared by every tenant. Every
 * operation then runs in a tenant scope, attributed to an actor; what differs per tenant (time
 * zone, tax policy, numbering) is in the tenant's profile ({@code TenantPolicies}), so one
 * {@code Billing} serves tenants in several countries:
 *
 * <pre>{@code
 * Billing billing = Billing.builder().stores(JdbcStores.h2(Path.of("billops-data"))).build();
 * TenantBilling acme = billing.tenant(TenantId.of("acme"), Actor.user("alice@acme.test"));
 * }</pre>
 *
 * <p>Immutable and thread-safe; share one instance. {@link #close()} closes the stores.
 */
public final class Billing implements AutoCloseable {

    static {
        Internals.registerStores(b -> b.store);
    }

    private final BillingStore store;
    private final Clock clock;
    private final BillingPolicies policies;

    private Billing(Builder b) {
        this.store = Objects.requireNonNull(b.store, "stores");
        this.clock = b.clock;
        this.policies = b.policies;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The operations of one tenant, attributed to {@code actor}. */
    public TenantBilling tenant(TenantId tenant, Actor actor) {
        return new TenantBilling(new TenantScope(store, tenant, actor, clock), policies);
    }

    /** The operations of tenant {@code tenantId} (see {@link TenantId#of}), attributed to {@code actor}. */
    public TenantBilling tenant(String tenantId, Actor actor) {
        return tenant(TenantId.of(tenantId), actor);
    }

    /**
     * The package billing run over every tenant (or one, by its options), each for its own today,
     * attributed to {@code actor}: what a daily scheduler or the {@code package-invoices} command
     * runs. Each issued invoice gets the client's credit applied as {@link Invoices#issue} does.
     */
    public Packages packages(Actor actor) {
        return Packages.of(new PackageBillingJob(store, clock, actor, policies.packages(),
                scope -> new Payments(scope, policies.payments()).creditOnIssue()));
    }

    public Clock clock() {
        return clock;
    }

    public BillingPolicies policies() {
        return policies;
    }

    /** Closes the stores (their connection pool, an embedded database). */
    @Override
    public void close() {
        store.close();
    }

    /** Builds a {@link Billing}; only the stores are required. Not thread-safe. */
    public static final class Builder {
        private @Nullable BillingStore store;
        private Clock clock = Clock.systemUTC();
        private BillingPolicies policies = BillingPolicies.defaults();

        private Builder() {
        }

        public Builder stores(BillingStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder policies(BillingPolicies policies) {
            this.policies = Objects.requireNonNull(policies, "policies");
            return this;
        }

        public Billing build() {
            return new Billing(this);
        }
    }
}
