package dev.billops.core;

import dev.billops.core.engagement.PackagePolicy;
import dev.billops.core.invoice.GenerationPolicy;
import dev.billops.core.invoice.NumberingPolicy;
import dev.billops.core.payment.PaymentPolicy;
import dev.billops.core.payment.ReminderPolicy;
import dev.billops.core.tax.TaxPolicy;
import dev.billops.core.timeentry.TimeEntryPolicy;
import java.util.Objects;

/**
 * The policies a host can choose, one record per capability, with the defaults a new user
 * expects. Immutable; change one with the {@code with…} methods.
 */
public record BillingPolicies(PackagePolicy packages, TimeEntryPolicy timeEntries, GenerationPolicy generation,
        PaymentPolicy payments, ReminderPolicy reminders, NumberingPolicy numbering, TaxPolicy tax) {

    public BillingPolicies {
        Objects.requireNonNull(packages, "packages");
        Objects.requireNonNull(timeEntries, "timeEntries");
        Objects.requireNonNull(generation, "generation");
        Objects.requireNonNull(payments, "payments");
        Objects.requireNonNull(reminders, "reminders");
        Objects.requireNonNull(numbering, "numbering");
        Objects.requireNonNull(tax, "tax");
    }

    public static BillingPolicies defaults() {
        return new BillingPolicies(PackagePolicy.defaults(), TimeEntryPolicy.defaults(), GenerationPolicy.defaults(),
                PaymentPolicy.defaults(), ReminderPolicy.defaults(), NumberingPolicy.defaults(), TaxPolicy.defaults());
    }

    /** Package (retainer) invoices: periods, numbering, due days, catch-up, proration rounding. */
    public BillingPolicies withPackages(PackagePolicy packages) {
        return new BillingPolicies(packages, timeEntries, generation, payments, reminders, numbering, tax);
    }

    /** Time entries: what to do with overlapping entries of a timekeeper. */
    public BillingPolicies withTimeEntries(TimeEntryPolicy timeEntries) {
        return new BillingPolicies(packages, timeEntries, generation, payments, reminders, numbering, tax);
    }

    /** Invoice generation from time: line grouping and how DAY rates count days. */
    public BillingPolicies withGeneration(GenerationPolicy generation) {
        return new BillingPolicies(packages, timeEntries, generation, payments, reminders, numbering, tax);
    }

    /** Payments: default allocation, credit applied on issue, retries on optimistic-locking conflicts. */
    public BillingPolicies withPayments(PaymentPolicy payments) {
        return new BillingPolicies(packages, timeEntries, generation, payments, reminders, numbering, tax);
    }

    /** Dunning: the reminder schedule and the optional late fee. */
    public BillingPolicies withReminders(ReminderPolicy reminders) {
        return new BillingPolicies(packages, timeEntries, generation, payments, reminders, numbering, tax);
    }

    /** Document numbers per series: patterns, counter resets, per-client counters, start offsets. */
    public BillingPolicies withNumbering(NumberingPolicy numbering) {
        return new BillingPolicies(packages, timeEntries, generation, payments, reminders, numbering, tax);
    }

    /** Taxes of new documents: per-group or per-line rounding, net or gross prices, cash rounding. */
    public BillingPolicies withTax(TaxPolicy tax) {
        return new BillingPolicies(packages, timeEntries, generation, payments, reminders, numbering, tax);
    }
}
