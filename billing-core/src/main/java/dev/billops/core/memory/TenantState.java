package dev.billops.core.memory;

import dev.billops.core.audit.AuditRecord;
import dev.billops.core.engagement.Engagement;
import dev.billops.core.event.BillingEvent;
import dev.billops.core.id.ActivityId;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EngagementId;
import dev.billops.core.id.EventId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.RateRuleId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import dev.billops.core.party.Timekeeper;
import dev.billops.core.project.Activity;
import dev.billops.core.project.Project;
import dev.billops.core.rate.RateRule;
import dev.billops.core.timeentry.TimeEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything stored for one tenant. Every mutation goes through a method that records its
 * inverse in the store's {@link UndoLog}. Guarded by the store's lock.
 */
final class TenantState {

    /** The versions of the entries a draft lists, as they were when it was stored. */
    record DraftedVersions(dev.billops.core.id.InvoiceId invoice,
            Map<dev.billops.core.id.TimeEntryId, Long> versions) {
    }

    /** Key of a number sequence. */
    record SequenceKey(String series, String periodKey) {
    }

    private final UndoLog undo;

    private @Nullable Tenant tenant;
    final Table<ClientId, Client> clients;
    final Table<TimekeeperId, Timekeeper> timekeepers;
    final Table<ProjectId, Project> projects;
    final Table<ActivityId, Activity> activities;
    final Table<RateRuleId, RateRule> rateRules;
    final Table<EngagementId, Engagement> engagements;
    final TimeEntryTable timeEntries;
    final InvoiceTable invoices;
    /** The versions of the entries each stored draft lists, as they were when it was stored. */
    final Table<dev.billops.core.id.InvoiceId, DraftedVersions> draftedVersions;
    final PaymentTable payments;
    private final Map<SequenceKey, Long> sequences = new LinkedHashMap<>();
    private final Map<InvoiceId, List<StoreSnapshot.SentReminder>> reminders = new LinkedHashMap<>();
    private final List<AuditRecord> audit = new ArrayList<>();
    private final List<BillingEvent> events = new ArrayList<>();
    private final Set<EventId> eventIds = new HashSet<>();

    TenantState(UndoLog undo) {
        this.undo = undo;
        clients = new Table<>(Client::id, undo);
        timekeepers = new Table<>(Timekeeper::id, undo);
        projects = new Table<>(Project::id, undo);
        activities = new Table<>(Activity::id, undo);
        rateRules = new Table<>(RateRule::id, undo);
        engagements = new Table<>(Engagement::id, undo);
        timeEntries = new TimeEntryTable(undo);
        invoices = new InvoiceTable(undo);
        draftedVersions = new Table<>(DraftedVersions::invoice, undo);
        payments = new PaymentTable(undo);
    }

    @Nullable Tenant tenant() {
        return tenant;
    }

    void tenant(Tenant value) {
        Tenant before = tenant;
        undo.record(() -> tenant = before);
        tenant = value;
    }

    @Nullable Long sequence(SequenceKey key) {
        return sequences.get(key);
    }

    void sequence(SequenceKey key, long value) {
        Long before = sequences.put(key, value);
        undo.record(() -> {
            if (before == null) {
                sequences.remove(key);
            } else {
                sequences.put(key, before);
            }
        });
    }

    List<StoreSnapshot.SentReminder> reminders(InvoiceId invoice) {
        return reminders.getOrDefault(invoice, List.of());
    }

    void addReminder(StoreSnapshot.SentReminder sent) {
        List<StoreSnapshot.SentReminder> before = reminders.get(sent.invoiceId());
        List<StoreSnapshot.SentReminder> after = new ArrayList<>(before == null ? List.of() : before);
        after.add(sent);
        reminders.put(sent.invoiceId(), List.copyOf(after));
        undo.record(() -> {
            if (before == null) {
                reminders.remove(sent.invoiceId());
            } else {
                reminders.put(sent.invoiceId(), before);
            }
        });
    }

    List<AuditRecord> audit() {
        return audit;
    }

    void appendAudit(AuditRecord record) {
        audit.add(record);
        undo.record(() -> audit.remove(audit.size() - 1));
    }

    List<BillingEvent> events() {
        return events;
    }

    boolean hasEvent(EventId id) {
        return eventIds.contains(id);
    }

    void appendEvent(BillingEvent event) {
        events.add(event);
        eventIds.add(event.eventId());
        undo.record(() -> {
            events.remove(events.size() - 1);
            eventIds.remove(event.eventId());
        });
    }

    StoreSnapshot snapshot() {
        List<StoreSnapshot.Counter> seq = new ArrayList<>();
        sequences.forEach((k, v) -> seq.add(new StoreSnapshot.Counter(k.series(), k.periodKey(), v)));
        seq.sort(StoreSnapshot.Counter.ORDER);
        List<StoreSnapshot.SentReminder> sent = new ArrayList<>();
        reminders.values().forEach(sent::addAll);
        List<TimeEntry> entries = timeEntries.list();
        entries.sort(Comparator.comparing(TimeEntry::id));
        return new StoreSnapshot(tenant, clients.list(), timekeepers.list(), projects.list(), activities.list(),
                rateRules.list(), entries, invoices.list(), seq, payments.list(), sent,
                engagements.list(), audit, events);
    }
}
