package dev.billops.core;

import dev.billops.core.internal.timeentry.TimeSummaries;
import dev.billops.core.spi.TimeEntryStore;
import dev.billops.core.timeentry.BudgetReport;
import dev.billops.core.internal.timeentry.BudgetReports;
import dev.billops.core.timeentry.InvalidTimeEntryException;
import dev.billops.core.timeentry.LogResult;
import dev.billops.core.timeentry.Overlap;
import dev.billops.core.timeentry.OverlapPolicy;
import dev.billops.core.timeentry.OverlappingTimeEntryException;
import dev.billops.core.timeentry.ProjectNotActiveException;
import dev.billops.core.timeentry.SummaryRequest;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.core.timeentry.TimeEntryAlreadyBilledException;
import dev.billops.core.timeentry.TimeEntryOnDraftException;
import dev.billops.core.timeentry.TimeEntryPolicy;
import dev.billops.core.timeentry.TimeEntryQuery;
import dev.billops.core.timeentry.TimeSummary;
import dev.billops.core.timeentry.TimekeeperInactiveException;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.id.ActivityId;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.money.CurrencyMismatchException;
import dev.billops.core.party.Client;
import dev.billops.core.spi.ClientStore;
import dev.billops.core.party.Timekeeper;
import dev.billops.core.spi.TimekeeperStore;
import dev.billops.core.spi.ActivityStore;
import dev.billops.core.project.Project;
import dev.billops.core.project.ProjectStatus;
import dev.billops.core.spi.ProjectStore;
import dev.billops.core.rate.DayRatePolicy;
import dev.billops.core.internal.rate.RateResolver;
import dev.billops.core.spi.RateRuleStore;
import dev.billops.core.spi.StoreSession;
import dev.billops.core.internal.TenantScope;
import dev.billops.core.time.LocalDateRange;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import dev.billops.core.event.TimeEntryDeleted;
import dev.billops.core.event.TimeEntryLogged;
import dev.billops.core.event.TimeEntryUpdated;
import dev.billops.core.id.EventId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logging, editing and deleting time entries of one tenant.
 *
 * <p>Every operation is one transaction. Before anything is written, each entry is checked: it is
 * new and OPEN (logging) or stored, OPEN and on no draft invoice (editing, deleting); its project
 * exists and is ACTIVE; its timekeeper exists and is active; its activity, if any, exists; an
 * explicit rate is in the client's currency; and, unless the {@link OverlapPolicy} is ALLOW, it
 * does not overlap another entry of the same timekeeper (stored, or in the same batch). A failed
 * check throws a specific exception ({@link InvalidTimeEntryException}, {@link NotFoundException},
 * {@link ProjectNotActiveException}, {@link TimekeeperInactiveException},
 * {@link CurrencyMismatchException}, {@link OverlappingTimeEntryException},
 * {@link TimeEntryAlreadyBilledException}, {@link TimeEntryOnDraftException}) and nothing is
 * stored. The length and order of start and end are checked by {@link TimeEntry} itself. Every
 * stored change gets an audit record.
 *
 * <p>An entry on a draft invoice stays as drafted: editing or deleting it is refused until the
 * draft is deleted or regenerated. The entry's projects are locked before that check, and
 * drafting locks the projects it bills, so an edit and a draft of the same entry cannot
 * interleave.
 *
 * <p>Thread-safe; obtain it from {@code TenantBilling.timeEntries()}.
 */
public final class TimeEntries {

    private static final Logger LOG = LoggerFactory.getLogger(TimeEntries.class);
    /** Zone offsets span at most 26 hours, entries last at most 24: two days either side covers every overlap. */
    private static final int OVERLAP_WINDOW_DAYS = 2;

    /** Every entry a budget can count: far wider than any real project. */
    private static final LocalDateRange ALL_TIME = LocalDateRange.of(LocalDate.of(1900, 1, 1),
            LocalDate.of(3000, 1, 1));

    private final TenantScope scope;
    private final TimeEntryPolicy policy;
    private final DayRatePolicy days;

    /**
     * @param scope tenant, actor, store and clock
     * @param policy overlap handling
     * @param days how DAY rates count days when budgets are valued
     */
    TimeEntries(TenantScope scope, TimeEntryPolicy policy, DayRatePolicy days) {
        this.scope = Objects.requireNonNull(scope, "scope");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.days = Objects.requireNonNull(days, "days");
    }

    /** The policy this service applies. */
    public TimeEntryPolicy policy() {
        return policy;
    }

    /**
     * Stores a new OPEN entry.
     *
     * @return the entry as stored and, under {@link OverlapPolicy#WARN}, its overlaps
     */
    public LogResult log(TimeEntry entry) {
        Objects.requireNonNull(entry, "entry");
        return logAll(List.of(entry));
    }

    /** Stores new OPEN entries, all or none, checking each as {@link #log} does and overlaps within the batch too. */
    public LogResult logAll(Collection<TimeEntry> entries) {
        Objects.requireNonNull(entries, "entries");
        List<TimeEntry> batch = List.copyOf(entries);
        if (batch.isEmpty()) {
            return new LogResult(List.of(), List.of());
        }
        return scope.tx(session -> {
            Checks checks = new Checks(session);
            Set<TimeEntryId> ids = new HashSet<>();
            Set<String> uids = new HashSet<>();
            for (TimeEntry e : batch) {
                if (!ids.add(e.id())) {
                    throw new InvalidTimeEntryException(e.id(), "appears twice in the batch");
                }
                if (e.externalUid() != null && !uids.add(e.externalUid())) {
                    throw new InvalidTimeEntryException(e.id(), "repeats external uid '" + e.externalUid()
                            + "' of another entry in the batch");
                }
                if (!e.isOpen() || e.invoiceId() != null) {
                    throw new InvalidTimeEntryException(e.id(), "is " + e.state() + "; a new entry must be OPEN");
                }
                checks.references(e);
            }
            List<Overlap> overlaps = checks.overlaps(batch, Set.of());
            TimeEntryStore store = session.get(TimeEntryStore.class);
            if (batch.size() == 1) {
                store.insert(batch.get(0));
            } else {
                store.insertAll(batch);
            }
            for (TimeEntry e : batch) {
                scope.audit(session, "timeentry.log", "time_entry", e.id().value(), null, e);
                scope.publish(session, new TimeEntryLogged(EventId.generate(), scope.clock().instant(), e.id(),
                        e.projectId(), e.timekeeperId()));
            }
            return new LogResult(batch, overlaps);
        });
    }

    /**
     * Replaces an OPEN entry (times, project, activity, description, billable flag, explicit
     * rate). The state stays OPEN; the store checks {@link TimeEntry#version()}.
     *
     * @throws NotFoundException if no entry has that id
     * @throws TimeEntryAlreadyBilledException if the stored entry is billed or locked
     * @throws TimeEntryOnDraftException if a draft invoice bills it (delete or regenerate the draft first)
     */
    public LogResult update(TimeEntry entry) {
        Objects.requireNonNull(entry, "entry");
        return scope.tx(session -> {
            TimeEntryStore store = session.get(TimeEntryStore.class);
            TimeEntry before = lockedOpenOffDrafts(session, entry.id(), entry.projectId());
            if (!entry.isOpen() || entry.invoiceId() != null) {
                throw new InvalidTimeEntryException(entry.id(), "cannot be set to " + entry.state()
                        + " by editing; billing and locking are separate operations");
            }
            Checks checks = new Checks(session);
            checks.references(entry);
            List<Overlap> overlaps = checks.overlaps(List.of(entry), Set.of(entry.id()));
            TimeEntry after = store.update(entry);
            scope.audit(session, "timeentry.update", "time_entry", entry.id().value(), before, after);
            scope.publish(session, new TimeEntryUpdated(EventId.generate(), scope.clock().instant(), after.id(),
                    after.projectId(), after.timekeeperId()));
            return new LogResult(List.of(after), overlaps);
        });
    }

    /**
     * Deletes an OPEN entry.
     *
     * @throws NotFoundException if no entry has that id
     * @throws TimeEntryAlreadyBilledException if it is billed or locked
     * @throws TimeEntryOnDraftException if a draft invoice bills it (delete or regenerate the draft first)
     */
    public void delete(TimeEntryId id) {
        Objects.requireNonNull(id, "id");
        scope.tx(session -> {
            TimeEntryStore store = session.get(TimeEntryStore.class);
            TimeEntry before = lockedOpenOffDrafts(session, id, null);
            store.delete(id);
            scope.audit(session, "timeentry.delete", "time_entry", id.value(), before, null);
            scope.publish(session, new TimeEntryDeleted(EventId.generate(), scope.clock().instant(), id,
                    before.projectId()));
            return null;
        });
    }

    /**
     * Locks the projects of the stored entry (and of {@code newProject}, for an edit that moves
     * it), so that a concurrent draft of them either saw the entry before this change or waits for
     * it, then checks that the entry is OPEN and on no draft invoice.
     */
    private static TimeEntry lockedOpenOffDrafts(StoreSession session, TimeEntryId id,
            @Nullable ProjectId newProject) {
        TimeEntryStore store = session.get(TimeEntryStore.class);
        Set<ProjectId> locked = new HashSet<>();
        TimeEntry before = store.find(id).orElseThrow(() -> new NotFoundException("time entry", id.value()));
        while (!locked.contains(before.projectId())) {
            // a concurrent move of the entry may change its project until that project is locked too
            Set<ProjectId> projects = new java.util.TreeSet<>(locked);
            projects.add(before.projectId());
            if (newProject != null) {
                projects.add(newProject);
            }
            session.get(ProjectStore.class).lock(projects);
            locked.addAll(projects);
            before = store.find(id).orElseThrow(() -> new NotFoundException("time entry", id.value()));
        }
        if (!before.isOpen()) {
            throw new TimeEntryAlreadyBilledException(before.id(), before.invoiceId());
        }
        Optional<InvoiceId> draft = store.draftListing(id);
        if (draft.isPresent()) {
            throw new TimeEntryOnDraftException(id, draft.get());
        }
        return before;
    }

    public Optional<TimeEntry> find(TimeEntryId id) {
        Objects.requireNonNull(id, "id");
        return scope.tx(session -> session.get(TimeEntryStore.class).find(id));
    }

    /** The entry with this id. @throws NotFoundException if there is none */
    public TimeEntry get(TimeEntryId id) {
        return find(id).orElseThrow(() -> new NotFoundException("time entry", id.value()));
    }

    /** Entries matching {@code query}, ordered by start, then id. */
    public List<TimeEntry> list(TimeEntryQuery query) {
        Objects.requireNonNull(query, "query");
        return scope.tx(session -> session.get(TimeEntryStore.class).list(query));
    }

    /** Every pair of overlapping entries of {@code timekeeper} that start within {@code dates}. */
    public List<Overlap> overlaps(TimekeeperId timekeeper, LocalDateRange dates) {
        Objects.requireNonNull(timekeeper, "timekeeper");
        Objects.requireNonNull(dates, "dates");
        return scope.tx(session -> {
            List<TimeEntry> entries = session.get(TimeEntryStore.class)
                    .list(new TimeEntryQuery(Set.of(), dates, timekeeper, false));
            return findOverlaps(entries, entries.size(), List.of());
        });
    }

    /**
     * Summaries of worked time by period and by client, project or timekeeper, billable and
     * non-billable apart; see {@link TimeSummaries}.
     */
    public TimeSummary summarize(SummaryRequest request) {
        Objects.requireNonNull(request, "request");
        return scope.tx(session -> {
            Map<ProjectId, Project> projects = new HashMap<>();
            for (Project p : session.get(ProjectStore.class).list()) {
                projects.put(p.id(), p);
            }
            Set<ProjectId> selected = request.clientId() == null ? Set.of()
                    : projectIdsOf(projects, request.clientId());
            if (request.clientId() != null && selected.isEmpty()) {
                return TimeSummaries.summarize(List.of(), projects, request);
            }
            List<TimeEntry> entries = session.get(TimeEntryStore.class)
                    .list(new TimeEntryQuery(selected, request.dates(), request.timekeeperId(), false));
            return TimeSummaries.summarize(entries, projects, request);
        });
    }

    /**
     * The budget use of a project, in total and per month, with its over-budget signal; see
     * {@link BudgetReport}.
     *
     * @throws NotFoundException if the project (or its client) does not exist
     */
    public BudgetReport budget(ProjectId projectId) {
        Objects.requireNonNull(projectId, "projectId");
        return scope.tx(session -> {
            Project project = session.get(ProjectStore.class).find(projectId)
                    .orElseThrow(() -> new NotFoundException("project", projectId.value()));
            Client client = session.get(ClientStore.class).find(project.clientId())
                    .orElseThrow(() -> new NotFoundException("client", project.clientId().value()));
            List<TimeEntry> entries = session.get(TimeEntryStore.class)
                    .list(TimeEntryQuery.all(Set.of(projectId), ALL_TIME));
            RateResolver rates = RateResolver.of(session.get(RateRuleStore.class).list());
            return BudgetReports.compute(project, client, entries, rates, days);
        });
    }

    private static Set<ProjectId> projectIdsOf(Map<ProjectId, Project> projects, ClientId client) {
        Set<ProjectId> ids = new HashSet<>();
        for (Project p : projects.values()) {
            if (p.clientId().equals(client)) {
                ids.add(p.id());
            }
        }
        return ids;
    }

    /**
     * Overlapping pairs among {@code entries}, of which the first {@code fresh} are new (or
     * edited) and the rest {@code stored} ones. A pair of two stored entries is not reported.
     */
    private static List<Overlap> findOverlaps(List<TimeEntry> fresh, int freshCount, List<TimeEntry> stored) {
        Map<TimekeeperId, List<Candidate>> byTimekeeper = new LinkedHashMap<>();
        for (int i = 0; i < fresh.size(); i++) {
            TimeEntry e = fresh.get(i);
            byTimekeeper.computeIfAbsent(e.timekeeperId(), k -> new ArrayList<>()).add(new Candidate(e, i < freshCount));
        }
        for (TimeEntry e : stored) {
            List<Candidate> list = byTimekeeper.get(e.timekeeperId());
            if (list != null) {
                list.add(new Candidate(e, false));
            }
        }
        List<Overlap> out = new ArrayList<>();
        for (List<Candidate> list : byTimekeeper.values()) {
            list.sort(Comparator.comparing((Candidate c) -> c.entry.span().start())
                    .thenComparing(c -> c.entry.id()));
            List<Candidate> active = new ArrayList<>();
            for (Candidate c : list) {
                Instant start = c.entry.span().start();
                active.removeIf(a -> !a.entry.span().end().isAfter(start));
                for (Candidate a : active) {
                    if (c.fresh || a.fresh) {
                        Candidate subject = c.fresh ? c : a;
                        Candidate other = subject == c ? a : c;
                        out.add(new Overlap(subject.entry.id(), other.entry.id(), c.entry.timekeeperId()));
                    }
                }
                active.add(c);
            }
        }
        return out;
    }

    private record Candidate(TimeEntry entry, boolean fresh) {
    }

    /** Reference and overlap checks within one transaction, with lookups cached. */
    private final class Checks {
        private final StoreSession session;
        private final Map<ProjectId, Project> projects = new HashMap<>();
        private final Map<ClientId, Client> clients = new HashMap<>();
        private final Set<TimekeeperId> timekeepers = new HashSet<>();
        private final Set<ActivityId> activities = new HashSet<>();

        Checks(StoreSession session) {
            this.session = session;
        }

        void references(TimeEntry e) {
            Project project = projects.get(e.projectId());
            if (project == null) {
                project = session.get(ProjectStore.class).find(e.projectId())
                        .orElseThrow(() -> new NotFoundException("project", e.projectId().value()));
                projects.put(project.id(), project);
            }
            if (project.status() != ProjectStatus.ACTIVE) {
                throw new ProjectNotActiveException(project.id(), project.status());
            }
            if (!timekeepers.contains(e.timekeeperId())) {
                Timekeeper tk = session.get(TimekeeperStore.class).find(e.timekeeperId())
                        .orElseThrow(() -> new NotFoundException("timekeeper", e.timekeeperId().value()));
                if (!tk.active()) {
                    throw new TimekeeperInactiveException(tk.id());
                }
                timekeepers.add(tk.id());
            }
            ActivityId activity = e.activityId();
            if (activity != null && !activities.contains(activity)) {
                session.get(ActivityStore.class).find(activity)
                        .orElseThrow(() -> new NotFoundException("activity", activity.value()));
                activities.add(activity);
            }
            if (e.explicitRate() != null) {
                Client client = client(project.clientId());
                String expected = client.currency().getCurrencyCode();
                if (!expected.equals(e.explicitRate().currencyCode())) {
                    throw new CurrencyMismatchException(expected, e.explicitRate().currencyCode(),
                            "time entry " + e.id() + " explicit rate for client " + client.id());
                }
            }
        }

        private Client client(ClientId id) {
            Client c = clients.get(id);
            if (c == null) {
                c = session.get(ClientStore.class).find(id)
                        .orElseThrow(() -> new NotFoundException("client", id.value()));
                clients.put(id, c);
            }
            return c;
        }

        /** Overlaps of {@code batch} with stored entries (except {@code replaced}) and each other, per the policy. */
        List<Overlap> overlaps(List<TimeEntry> batch, Set<TimeEntryId> replaced) {
            if (policy.overlaps() == OverlapPolicy.ALLOW) {
                return List.of();
            }
            List<TimeEntry> stored = new ArrayList<>();
            Map<TimekeeperId, LocalDate[]> windows = new LinkedHashMap<>();
            for (TimeEntry e : batch) {
                LocalDate from = LocalDate.ofInstant(e.span().start(), ZoneOffset.UTC).minusDays(OVERLAP_WINDOW_DAYS);
                LocalDate to = LocalDate.ofInstant(e.span().end(), ZoneOffset.UTC).plusDays(OVERLAP_WINDOW_DAYS + 1);
                windows.merge(e.timekeeperId(), new LocalDate[] {from, to}, (a, b) -> new LocalDate[] {
                    a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
            }
            Set<TimeEntryId> inBatch = new HashSet<>(replaced);
            for (TimeEntry e : batch) {
                inBatch.add(e.id());
            }
            TimeEntryStore store = session.get(TimeEntryStore.class);
            for (Map.Entry<TimekeeperId, LocalDate[]> w : windows.entrySet()) {
                TimeEntryQuery q = new TimeEntryQuery(Set.of(), LocalDateRange.of(w.getValue()[0], w.getValue()[1]),
                        w.getKey(), false);
                store.forEach(q, e -> {
                    if (!inBatch.contains(e.id())) {
                        stored.add(e);
                    }
                });
            }
            List<Overlap> found = findOverlaps(batch, batch.size(), stored);
            if (!found.isEmpty()) {
                if (policy.overlaps() == OverlapPolicy.REJECT) {
                    throw new OverlappingTimeEntryException(found);
                }
                LOG.warn("tenant {}: {} overlapping time entries, first {} overlaps {}", scope.tenant(),
                        found.size(), found.get(0).entryId(), found.get(0).otherId());
            }
            return found;
        }
    }
}
