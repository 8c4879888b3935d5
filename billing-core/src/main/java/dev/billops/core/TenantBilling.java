package dev.billops.core;

import dev.billops.core.bank.MatchingPolicy;
import dev.billops.core.bank.PayerDirectory;
import dev.billops.core.id.TenantId;
import dev.billops.core.internal.Internals;
import dev.billops.core.internal.TenantScope;
import dev.billops.core.internal.engagement.PackageBillingRun;
import dev.billops.core.internal.invoice.InvoiceDrafts;
import dev.billops.core.party.Actor;
import java.util.Objects;

/**
 * The operations of one tenant, every change attributed to one actor. Obtained from
 * {@link Billing#tenant}; cheap to create, thread-safe. Each accessor returns the workflow of the
 * same name; every method of those is one transaction of this tenant.
 */
public final class TenantBilling {

    static {
        Internals.registerScopes(t -> t.scope);
    }

    private final TenantScope scope;
    private final BillingPolicies policies;

    TenantBilling(TenantScope scope, BillingPolicies policies) {
        this.scope = Objects.requireNonNull(scope, "scope");
        this.policies = Objects.requireNonNull(policies, "policies");
    }

    /** The tenant this facade works for. */
    public TenantId tenantId() {
        return scope.tenant();
    }

    /** Who every change made through this facade is attributed to in the audit log. */
    public Actor actor() {
        return scope.actor();
    }

    /** The policies shared by every tenant of the {@link Billing} this came from. */
    public BillingPolicies policies() {
        return policies;
    }

    /**
     * The profile of this tenant: the seller record (name, address, VAT id, default VAT rate) and
     * its policies (time zone, tax policy, numbering).
     */
    public Profile profile() {
        return new Profile(scope);
    }

    /** Clients: create, update, deactivate, look up. */
    public Clients clients() {
        return new Clients(scope);
    }

    /** Projects with their budgets and rounding rules. */
    public Projects projects() {
        return new Projects(scope);
    }

    /** The people who log time. */
    public Timekeepers timekeepers() {
        return new Timekeepers(scope);
    }

    /** Kinds of work. */
    public Activities activities() {
        return new Activities(scope);
    }

    /** Rate rules and rate lookups. */
    public Rates rates() {
        return new Rates(scope);
    }

    /** Time entries: log, edit, delete, overlaps, summaries, budgets. */
    public TimeEntries timeEntries() {
        return new TimeEntries(scope, policies.timeEntries(), policies.generation().days());
    }

    /**
     * The invoice workflow: draft from time or by hand, add lines and adjustments, preview, issue
     * (with the client's credit applied when {@code PaymentPolicy.applyCreditOnIssue()} is on, the
     * default), void, credit.
     */
    public Invoices invoices() {
        return new Invoices(scope, new InvoiceDrafts(scope, policies.generation()), payments()::applyCreditOnIssue);
    }

    /** Engagements: create, renew, end. */
    public Engagements engagements() {
        return new Engagements(scope);
    }

    /** The package (retainer) billing run of this tenant. */
    public Packages packages() {
        return Packages.of(new PackageBillingRun(scope, policies.packages(), payments().creditOnIssue()));
    }

    /** Payments: record, allocate, apply client credit, refund; credit balances. */
    public Payments payments() {
        return new Payments(scope, policies.payments());
    }

    /** Receivables: balances at a date, payment history, AR aging, overdue invoices. */
    public Receivables receivables() {
        return new Receivables(scope);
    }

    /**
     * Bank statement import: matches incoming payments to open invoices and records the exact
     * matches as payments ({@link BankStatements}).
     */
    public BankStatements bankStatements() {
        return new BankStatements(this, PayerDirectory.none(), MatchingPolicy.defaults());
    }

    /** Dunning: reminders, overdue notices and late-fee drafts for a date. */
    public Reminders reminders() {
        return new Reminders(scope, policies.reminders());
    }

    /** Integrations the host reports as connected or failed for this tenant (audited, with events). */
    public Plugins plugins() {
        return new Plugins(scope);
    }
}
