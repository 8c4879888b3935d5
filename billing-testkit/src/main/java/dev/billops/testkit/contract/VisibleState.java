package dev.billops.testkit.contract;

import dev.billops.core.engagement.Engagement;
import dev.billops.core.spi.EngagementStore;
import dev.billops.core.id.TenantId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceQuery;
import dev.billops.core.spi.InvoiceStore;
import dev.billops.core.party.Client;
import dev.billops.core.spi.ClientStore;
import dev.billops.core.party.Tenant;
import dev.billops.core.spi.TenantStore;
import dev.billops.core.party.Timekeeper;
import dev.billops.core.spi.TimekeeperStore;
import dev.billops.core.payment.Payment;
import dev.billops.core.spi.PaymentStore;
import dev.billops.core.project.Activity;
import dev.billops.core.spi.ActivityStore;
import dev.billops.core.project.Project;
import dev.billops.core.spi.ProjectStore;
import dev.billops.core.rate.RateRule;
import dev.billops.core.spi.RateRuleStore;
import dev.billops.core.spi.BillingStore;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.core.timeentry.TimeEntryQuery;
import dev.billops.core.spi.TimeEntryStore;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the listing ports show of one tenant, read in one transaction, as a value: two
 * reads are equal exactly when nothing visible changed. Number sequences, reminders, the audit
 * log and the outbox cannot be listed through the ports and are checked by their own tests.
 *
 * @param tenant the tenant record
 * @param clients clients in id order
 * @param timekeepers timekeepers in id order
 * @param projects projects in id order
 * @param activities activities in id order
 * @param rateRules rate rules in id order
 * @param timeEntries every time entry between 1900 and 2300, in (start, id) order
 * @param invoices every invoice and credit note
 * @param payments every payment
 * @param engagements every engagement
 */
public record VisibleState(
        Optional<Tenant> tenant,
        List<Client> clients,
        List<Timekeeper> timekeepers,
        List<Project> projects,
        List<Activity> activities,
        List<RateRule> rateRules,
        List<TimeEntry> timeEntries,
        List<Invoice> invoices,
        List<Payment> payments,
        List<Engagement> engagements) {

    /** A query for every time entry any test writes. */
    public static final TimeEntryQuery ALL_ENTRIES = TimeEntryQuery.all(Set.of(),
            LocalDateRange.of(LocalDate.of(1900, 1, 1), LocalDate.of(2300, 1, 1)));

    public VisibleState {
        clients = List.copyOf(clients);
        timekeepers = List.copyOf(timekeepers);
        projects = List.copyOf(projects);
        activities = List.copyOf(activities);
        rateRules = List.copyOf(rateRules);
        timeEntries = List.copyOf(timeEntries);
        invoices = List.copyOf(invoices);
        payments = List.copyOf(payments);
        engagements = List.copyOf(engagements);
    }

    /** Reads the state of {@code tenant} in one transaction. */
    public static VisibleState read(BillingStore store, TenantId tenant) {
        return store.inTransaction(tenant, s -> new VisibleState(
                s.get(TenantStore.class).find(),
                s.get(ClientStore.class).list(),
                s.get(TimekeeperStore.class).list(),
                s.get(ProjectStore.class).list(),
                s.get(ActivityStore.class).list(),
                s.get(RateRuleStore.class).list(),
                s.get(TimeEntryStore.class).list(ALL_ENTRIES),
                s.get(InvoiceStore.class).list(InvoiceQuery.all()),
                s.get(PaymentStore.class).list(),
                s.get(EngagementStore.class).list()));
    }

    /** Whether no row of any listed kind is visible. */
    public boolean isEmpty() {
        return tenant.isEmpty() && clients.isEmpty() && timekeepers.isEmpty() && projects.isEmpty()
                && activities.isEmpty() && rateRules.isEmpty() && timeEntries.isEmpty() && invoices.isEmpty()
                && payments.isEmpty() && engagements.isEmpty();
    }
}
