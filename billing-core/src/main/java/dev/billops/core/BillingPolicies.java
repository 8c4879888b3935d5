package dev.billops.core;

import dev.billops.core.engagement.PackagePolicy;
import java.util.Objects;

/**
 * The policies a host can choose, one record per capability, with the defaults a new user
 * expects. Immutable; change one with the {@code with…} methods.
 */
public record BillingPolicies(PackagePolicy packages) {

    public BillingPolicies {
        Objects.requireNonNull(packages, "packages");
    }

    public static BillingPolicies defaults() {
        return new BillingPolicies(PackagePolicy.defaults());
    }

    /** Package (retainer) invoices: periods, numbering, due days, catch-up, proration rounding. */
    public BillingPolicies withPackages(PackagePolicy packages) {
        return new BillingPolicies(packages);
    }
}
