package dev.billops.core.memory;

import dev.billops.core.audit.AuditRecord;
import dev.billops.core.engagement.Engagement;
import dev.billops.core.event.BillingEvent;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import dev.billops.core.party.Timekeeper;
import dev.billops.core.payment.Payment;
import dev.billops.core.project.Activity;
import dev.billops.core.project.Project;
import dev.billops.core.rate.RateRule;
import dev.billops.core.timeentry.TimeEntry;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Everything an {@link InMemoryBillingStore} holds for one tenant at one moment, as an immutable
 * value: two snapshots are equal exactly when the stored state is. Tests take one before an
 * operation that must fail and compare it with one taken after, to prove that nothing was
 * stored.
 *
 * <p>Entities are listed in id order, counters in (series, period key) order, reminders, audit
 * records and events in the order they were written.
 *
 * @param tenant the tenant's own record, or null if never saved
 * @param clients clients
 * @param timekeepers timekeepers
 * @param projects projects
 * @param activities activities
 * @param rateRules rate rules
 * @param timeEntries time entries
 * @param invoices invoices and credit notes
 * @param counters number sequence counters
 * @param payments payments
 * @param reminders sent reminder steps
 * @param engagements engagements
 * @param auditRecords the audit log
 * @param events the outbox
 */
public record StoreSnapshot(
        @Nullable Tenant tenant,
        List<Client> clients,
        List<Timekeeper> timekeepers,
        List<Project> projects,
        List<Activity> activities,
        List<RateRule> rateRules,
        List<TimeEntry> timeEntries,
        List<Invoice> invoices,
        List<Counter> counters,
        List<Payment> payments,
        List<SentReminder> reminders,
        List<Engagement> engagements,
        List<AuditRecord> auditRecords,
        List<BillingEvent> events) {

    public StoreSnapshot {
        clients = List.copyOf(clients);
        timekeepers = List.copyOf(timekeepers);
        projects = List.copyOf(projects);
        activities = List.copyOf(activities);
        rateRules = List.copyOf(rateRules);
        timeEntries = List.copyOf(timeEntries);
        invoices = List.copyOf(invoices);
        counters = List.copyOf(counters);
        payments = List.copyOf(payments);
        reminders = List.copyOf(reminders);
        engagements = List.copyOf(engagements);
        auditRecords = List.copyOf(auditRecords);
        events = List.copyOf(events);
    }

    /** Whether nothing at all is stored for the tenant. */
    public boolean isEmpty() {
        return tenant == null && clients.isEmpty() && timekeepers.isEmpty() && projects.isEmpty()
                && activities.isEmpty() && rateRules.isEmpty() && timeEntries.isEmpty() && invoices.isEmpty()
                && counters.isEmpty() && payments.isEmpty() && reminders.isEmpty() && engagements.isEmpty()
                && auditRecords.isEmpty() && events.isEmpty();
    }

    /**
     * The value of one number sequence.
     *
     * @param series the series
     * @param periodKey the period key ({@code ""} when the series never resets)
     * @param value the last number handed out
     */
    public record Counter(String series, String periodKey, long value) {

        static final Comparator<Counter> ORDER =
                Comparator.comparing(Counter::series).thenComparing(Counter::periodKey);

        public Counter {
            Objects.requireNonNull(series, "series");
            Objects.requireNonNull(periodKey, "periodKey");
        }
    }

    /**
     * One reminder step recorded as sent.
     *
     * @param invoiceId the invoice reminded of
     * @param step the step's name
     * @param date the day it was sent
     */
    public record SentReminder(InvoiceId invoiceId, String step, LocalDate date) {

        public SentReminder {
            Objects.requireNonNull(invoiceId, "invoiceId");
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(date, "date");
        }
    }
}
