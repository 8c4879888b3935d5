package dev.billops.core;

import dev.billops.core.engagement.PackagePolicy;
import dev.billops.core.invoice.GenerationPolicy;
import dev.billops.core.timeentry.TimeEntryPolicy;
import java.util.Objects;

/**
 * The policies a host can choose, one record per capability, with the defaults a new user
 * expects. Immutable; change one with the {@code with…} methods.
 */
public record BillingPolicies(PackagePolicy packages, TimeEntryPolicy timeEntries, GenerationPolicy generation) {

    public BillingPolicies {
        Objects.requireNonNull(packages, "packages");
        Objects.requireNonNull(timeEntries, "timeEntries");
        Objects.requireNonNull(generation, "generation");
    }

    public static BillingPolicies defaults() {
        return new BillingPolicies(PackagePolicy.defaults(), TimeEntryPolicy.defaults(), GenerationPolicy.defaults());
    }

    /** Package (retainer) invoices: periods, numbering, due days, catch-up, proration rounding. */
    public BillingPolicies withPackages(PackagePolicy packages) {
        return new BillingPolicies(packages, timeEntries, generation);
    }

    /** Time entries: what to do with overlapping entries of a timekeeper. */
    public BillingPolicies withTimeEntries(TimeEntryPolicy timeEntries) {
        return new BillingPolicies(packages, timeEntries, generation);
    }

    /** Invoice generation from time: line grouping and how DAY rates count days. */
    public BillingPolicies withGeneration(GenerationPolicy generation) {
        return new BillingPolicies(packages, timeEntries, generation);
    }
}
