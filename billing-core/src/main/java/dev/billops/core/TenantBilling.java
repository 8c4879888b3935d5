package dev.billops.core;

import dev.billops.core.engagement.EngagementService;
import dev.billops.core.engagement.PackageBillingRun;
import dev.billops.core.store.TenantScope;
import java.util.Objects;

/**
 * The operations of one tenant, every change attributed to one actor. Obtained from
 * {@link Billing#tenant}; cheap to create, thread-safe.
 */
public final class TenantBilling {

    private final TenantScope scope;
    private final BillingPolicies policies;

    TenantBilling(TenantScope scope, BillingPolicies policies) {
        this.scope = Objects.requireNonNull(scope, "scope");
        this.policies = Objects.requireNonNull(policies, "policies");
    }

    /** The tenant, actor, store and clock this facade works with. */
    public TenantScope scope() {
        return scope;
    }

    public BillingPolicies policies() {
        return policies;
    }

    /** Engagements: create, renew, end. */
    public EngagementService engagements() {
        return new EngagementService(scope);
    }

    /** The package (retainer) billing run of this tenant. */
    public PackageBillingRun packages() {
        return new PackageBillingRun(scope, policies.packages());
    }
}
