package dev.billops.core;

import dev.billops.core.catalog.ActivityService;
import dev.billops.core.catalog.ClientService;
import dev.billops.core.catalog.ProjectService;
import dev.billops.core.catalog.RateRuleService;
import dev.billops.core.catalog.TenantProfileService;
import dev.billops.core.catalog.TimekeeperService;
import dev.billops.core.invoice.InvoiceDrafts;
import dev.billops.core.invoice.InvoiceLifecycle;
import dev.billops.core.engagement.EngagementService;
import dev.billops.core.engagement.PackageBillingRun;
import dev.billops.core.payment.PaymentService;
import dev.billops.core.payment.Receivables;
import dev.billops.core.payment.ReminderService;
import dev.billops.core.store.TenantScope;
import dev.billops.core.timeentry.TimeEntryService;
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

    /**
     * The package (retainer) billing run of this tenant; like {@link #invoices()} it applies the
     * client's credit to each invoice it issues when the payment policy says so.
     */
    public PackageBillingRun packages() {
        return new PackageBillingRun(scope, policies.packages(), payments()::applyCreditOnIssue);
    }

    /**
     * The profile of this tenant: the seller record (name, address, VAT id, default VAT rate) and
     * the tenant's policies (time zone, tax policy, numbering: {@code Tenant.withZone},
     * {@code withTax}, {@code withNumbering}).
     */
    public TenantProfileService profile() {
        return new TenantProfileService(scope);
    }

    /** Clients: create, update, look up. */
    public ClientService clients() {
        return new ClientService(scope);
    }

    /** Projects with their budgets and rounding rules. */
    public ProjectService projects() {
        return new ProjectService(scope);
    }

    /** The people who log time. */
    public TimekeeperService timekeepers() {
        return new TimekeeperService(scope);
    }

    /** Kinds of work. */
    public ActivityService activities() {
        return new ActivityService(scope);
    }

    /** Rate rules and rate lookups. */
    public RateRuleService rates() {
        return new RateRuleService(scope);
    }

    /** Time entries: log, edit, delete, overlaps, summaries, budgets. */
    public TimeEntryService timeEntries() {
        return new TimeEntryService(scope, policies.timeEntries(), policies.generation().days());
    }

    /** Draft invoices from unbilled time, and dry runs of them, priced by the tenant's tax policy. */
    public InvoiceDrafts drafts() {
        return new InvoiceDrafts(scope, policies.generation());
    }

    /**
     * Invoices after drafting: manual drafts (priced by the tenant's tax policy), edit drafts, issue
     * (numbered by the tenant's numbering, dated the tenant's today, with the client's credit
     * applied at once when {@code PaymentPolicy.applyCreditOnIssue()} is on, the default), void,
     * credit notes, overdue invoices.
     */
    public InvoiceLifecycle invoices() {
        return new InvoiceLifecycle(scope, payments()::applyCreditOnIssue);
    }

    /** Payments: record, allocate, apply client credit, refund; credit balances. */
    public PaymentService payments() {
        return new PaymentService(scope, policies.payments());
    }

    /** Receivables: balances at a date, payment history, AR aging, overdue invoices. */
    public Receivables receivables() {
        return new Receivables(scope);
    }

    /** Dunning: reminders, overdue notices and late-fee drafts for a date. */
    public ReminderService reminders() {
        return new ReminderService(scope, policies.reminders());
    }
}
