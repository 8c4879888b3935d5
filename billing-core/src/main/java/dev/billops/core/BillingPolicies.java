package dev.billops.core;

/**
 * The policies a host can choose, one record per capability, with the defaults a new user
 * expects. Immutable; change one with the {@code with…} methods.
 */
public record BillingPolicies() {

    public static BillingPolicies defaults() {
        return new BillingPolicies();
    }
}
