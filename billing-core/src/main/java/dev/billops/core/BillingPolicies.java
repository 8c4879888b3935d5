package dev.billops.core;

import dev.billops.core.engagement.PackagePolicy;
import dev.billops.core.invoice.GenerationPolicy;
import dev.billops.core.payment.PaymentPolicy;
import dev.billops.core.payment.ReminderPolicy;
import dev.billops.core.timeentry.TimeEntryPolicy;
import java.util.Objects;

/**
 * The policies a host chooses for every tenant of a {@code Billing}, one record per capability,
 * with the defaults a new user expects. Immutable; change one with the {@code with…} methods.
 *
 * <p>What differs between tenants in different countries is not here but in each tenant's
 * profile ({@link dev.billops.core.party.TenantPolicies}, set on the {@code Tenant} saved with
 * {@code TenantBilling.profile()}): its time zone (the tenant's "today"), its tax policy (price
 * basis, tax rounding, cash rounding) and its document numbering.
 */
public record BillingPolicies(PackagePolicy packages, TimeEntryPolicy timeEntries, GenerationPolicy generation,
        PaymentPolicy payments, ReminderPolicy reminders) {

    public BillingPolicies {
        Objects.requireNonNull(packages, "packages");
        Objects.requireNonNull(timeEntries, "timeEntries");
        Objects.requireNonNull(generation, "generation");
        Objects.requireNonNull(payments, "payments");
        Objects.requireNonNull(reminders, "reminders");
    }

    public static BillingPolicies defaults() {
        return new BillingPolicies(PackagePolicy.defaults(), TimeEntryPolicy.defaults(), GenerationPolicy.defaults(),
                PaymentPolicy.defaults(), ReminderPolicy.defaults());
    }

    /** Package (retainer) invoices: periods, numbering, due days, catch-up, proration rounding. */
    public BillingPolicies withPackages(PackagePolicy packages) {
        return new BillingPolicies(packages, timeEntries, generation, payments, reminders);
    }

    /** Time entries: what to do with overlapping entries of a timekeeper. */
    public BillingPolicies withTimeEntries(TimeEntryPolicy timeEntries) {
        return new BillingPolicies(packages, timeEntries, generation, payments, reminders);
    }

    /** Invoice generation from time: line grouping and how DAY rates count days. */
    public BillingPolicies withGeneration(GenerationPolicy generation) {
        return new BillingPolicies(packages, timeEntries, generation, payments, reminders);
    }

    /** Payments: default allocation, credit applied on issue, retries on optimistic-locking conflicts. */
    public BillingPolicies withPayments(PaymentPolicy payments) {
        return new BillingPolicies(packages, timeEntries, generation, payments, reminders);
    }

    /** Dunning: the reminder schedule and the optional late fee. */
    public BillingPolicies withReminders(ReminderPolicy reminders) {
        return new BillingPolicies(packages, timeEntries, generation, payments, reminders);
    }
}
