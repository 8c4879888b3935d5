package dev.billops.spi.calendar;

import dev.billops.core.TenantBilling;
import dev.billops.core.error.BillingException;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.time.InvalidRangeException;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.time.TimeSpan;
import dev.billops.core.timeentry.EntryState;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.core.timeentry.TimeEntryQuery;
import dev.billops.core.timeentry.TimeEntryService;
import dev.billops.core.timeentry.TimeEntryStore;
import dev.billops.spi.CalendarEvent;
import dev.billops.spi.CalendarSource;
import dev.billops.spi.MalformedCalendarException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns calendar events of one timekeeper into time entries of one tenant:
 *
 * <pre>{@code
 * CalendarImport calendar = new CalendarImport(acme,
 *         ProjectMapping.byCodeInTitle(Map.of("ACME-WEB", web)).orElse(ProjectMapping.byCategory(Map.of("Support", support))));
 * ImportReport report = calendar.importEvents(source, alice, from, to);
 * }</pre>
 *
 * <p>Each event that is work time ({@link CalendarEvent#isWorkTime()}) and maps to a project
 * becomes one OPEN billable entry with {@code externalUid = event.uid()}, timed as the event in
 * its zone and described by its summary. Importing again is idempotent: an event whose entry
 * matches is unchanged; an event whose times, summary or project changed updates its still-open
 * entry; an open entry whose event went away from the range ({@code [fromInclusive, toExclusive)},
 * by the entry's start), was cancelled or declined, or stopped being work time is deleted. An
 * entry that is BILLED or LOCKED is never changed: the import reports a conflict instead.
 * An event no rule maps is reported as unmapped, and an entry imported from it earlier is left
 * as it was (a narrower mapping must not delete entries).
 * Entries are found by uid in the whole tenant; an event whose uid belongs to another
 * timekeeper's entry is reported invalid. The import considers every imported entry (one with an
 * external uid) of the timekeeper in the range as coming from this calendar: use one calendar per
 * timekeeper and range.
 *
 * <p><b>Errors and atomicity.</b> The whole import runs in one store transaction. An event whose
 * entry is rejected (longer than 24 h, an inactive project or timekeeper, …) is reported in
 * {@link ImportReport#invalid()} and only its own change is rolled back (a savepoint); the others
 * go on. A {@link MalformedCalendarException} (or any failure of the source) propagates before
 * anything is written; any other unexpected exception rolls the whole import back.
 *
 * <p>Thread-safe; the changes are audited like the time entry service's own.
 */
public final class CalendarImport {

    private static final Logger LOG = LoggerFactory.getLogger(CalendarImport.class);
    private static final int MAX_DESCRIPTION = 4000;

    private final TenantBilling tenant;
    private final ProjectMapping mapping;

    public CalendarImport(TenantBilling tenant, ProjectMapping mapping) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
    }

    /**
     * Imports the events {@code source} reports for {@code [fromInclusive, toExclusive)}.
     *
     * @throws MalformedCalendarException if the source cannot be read; nothing is imported
     * @throws dev.billops.spi.PluginException if the source fails otherwise; nothing is imported
     * @throws InvalidRangeException if the range is empty or reversed
     */
    public ImportReport importEvents(CalendarSource source, TimekeeperId timekeeper, Instant fromInclusive,
            Instant toExclusive) {
        Objects.requireNonNull(source, "source");
        checkRange(fromInclusive, toExclusive);
        List<CalendarEvent> events = source.events(fromInclusive, toExclusive);
        return importEvents(events, timekeeper, fromInclusive, toExclusive);
    }

    /**
     * Imports {@code events} as the calendar's content for {@code [fromInclusive, toExclusive)}:
     * imported entries of the timekeeper starting in that range whose uid is not among the
     * events are deleted (or reported as conflicts when billed).
     *
     * @throws InvalidRangeException if the range is empty or reversed
     */
    public ImportReport importEvents(List<CalendarEvent> events, TimekeeperId timekeeper, Instant fromInclusive,
            Instant toExclusive) {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(timekeeper, "timekeeper");
        checkRange(fromInclusive, toExclusive);
        List<CalendarEvent> all = List.copyOf(events);
        TimeEntryService entries = tenant.timeEntries();
        ImportReport report = tenant.scope().tx(session -> {
            Run run = new Run(entries, timekeeper);
            TimeEntryStore store = session.get(TimeEntryStore.class);
            Set<String> seen = new HashSet<>();
            for (CalendarEvent e : all) {
                if (!seen.add(e.uid())) {
                    run.skipped.add(item(e, "repeats the uid of an earlier event"));
                    continue;
                }
                run.apply(e, store.findByExternalUid(e.uid()));
            }
            LocalDate first = fromInclusive.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(2);
            LocalDate last = toExclusive.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(2);
            for (TimeEntry t : store.list(new TimeEntryQuery(Set.of(), LocalDateRange.of(first, last), timekeeper,
                    false))) {
                Instant start = t.span().start();
                String uid = t.externalUid();
                if (uid == null || seen.contains(uid) || start.isBefore(fromInclusive) || !start.isBefore(toExclusive)) {
                    continue;
                }
                run.remove(uid, t.description(), t, "its event is no longer in the calendar");
            }
            return run.report();
        });
        LOG.info("calendar import for timekeeper {} of tenant {}, {} .. {}: {}", timekeeper, tenant.scope().tenant(),
                fromInclusive, toExclusive, report.summary());
        return report;
    }

    private static void checkRange(Instant fromInclusive, Instant toExclusive) {
        Objects.requireNonNull(fromInclusive, "fromInclusive");
        Objects.requireNonNull(toExclusive, "toExclusive");
        if (!toExclusive.isAfter(fromInclusive)) {
            throw new InvalidRangeException(fromInclusive, toExclusive);
        }
    }

    private static ImportReport.Item item(CalendarEvent e, String reason) {
        return new ImportReport.Item(e.uid(), e.summary(), reason);
    }

    private static String description(CalendarEvent e) {
        String s = e.summary().strip();
        if (s.isEmpty()) {
            s = "calendar event " + e.uid();
        }
        return s.length() > MAX_DESCRIPTION ? s.substring(0, MAX_DESCRIPTION) : s;
    }

    private static String notWorkReason(CalendarEvent e) {
        if (e.status() == CalendarEvent.Status.CANCELLED) {
            return "cancelled";
        }
        if (e.declined()) {
            return "declined";
        }
        if (e.allDay()) {
            return "an all-day event";
        }
        if (!e.busy()) {
            return "marked free";
        }
        return "of no duration";
    }

    /** The changes of one import, collected as they are made. */
    private final class Run {
        private final TimeEntryService entries;
        private final TimekeeperId timekeeper;
        final List<TimeEntry> created = new ArrayList<>();
        final List<TimeEntry> updated = new ArrayList<>();
        final List<TimeEntry> deleted = new ArrayList<>();
        final List<String> unchanged = new ArrayList<>();
        final List<ImportReport.Item> skipped = new ArrayList<>();
        final List<ImportReport.Item> unmapped = new ArrayList<>();
        final List<ImportReport.Item> invalid = new ArrayList<>();
        final List<ImportReport.Conflict> conflicts = new ArrayList<>();

        Run(TimeEntryService entries, TimekeeperId timekeeper) {
            this.entries = entries;
            this.timekeeper = timekeeper;
        }

        void apply(CalendarEvent e, Optional<TimeEntry> existing) {
            if (existing.isPresent() && !existing.get().timekeeperId().equals(timekeeper)) {
                invalid.add(item(e, "uid belongs to entry " + existing.get().id() + " of timekeeper "
                        + existing.get().timekeeperId() + ", not " + timekeeper));
                return;
            }
            if (!e.isWorkTime()) {
                String why = notWorkReason(e);
                if (existing.isPresent()) {
                    remove(e.uid(), e.summary(), existing.get(), "its event is " + why);
                } else {
                    skipped.add(item(e, why));
                }
                return;
            }
            Optional<ProjectId> project;
            try {
                project = mapping.projectFor(e);
            } catch (RuntimeException ex) {
                invalid.add(item(e, "project mapping failed: " + ex.getMessage()));
                return;
            }
            if (project.isEmpty()) {
                unmapped.add(item(e, existing.isEmpty() ? "no project rule matches"
                        : "no project rule matches any more; its entry " + existing.get().id() + " is left as it was"));
                return;
            }
            try {
                if (existing.isEmpty()) {
                    create(e, project.get());
                } else {
                    change(e, project.get(), existing.get());
                }
            } catch (BillingException ex) {
                invalid.add(item(e, ex.getMessage()));
            }
        }

        private void create(CalendarEvent e, ProjectId project) {
            TimeEntry entry = new TimeEntry(TimeEntryId.generate(), project, timekeeper, null,
                    TimeSpan.of(e.start(), e.end(), e.zone()), description(e), true, null, null, EntryState.OPEN, null,
                    e.uid(), 0);
            created.add(entries.log(entry).entry());
        }

        private void change(CalendarEvent e, ProjectId project, TimeEntry old) {
            TimeSpan span = TimeSpan.of(e.start(), e.end(), e.zone());
            String description = description(e);
            List<String> changes = new ArrayList<>();
            if (!old.projectId().equals(project)) {
                changes.add("project " + old.projectId() + " -> " + project);
            }
            if (!old.span().equals(span)) {
                changes.add("time " + old.span() + " -> " + span);
            }
            if (!old.description().equals(description)) {
                changes.add("summary");
            }
            if (changes.isEmpty()) {
                unchanged.add(e.uid());
                return;
            }
            if (!old.isOpen()) {
                conflicts.add(new ImportReport.Conflict(e.uid(), old.id(), old.invoiceId(), "event changed ("
                        + String.join(", ", changes) + ") but its entry is " + old.state()
                        + (old.invoiceId() != null ? " on invoice " + old.invoiceId() : "") + "; left unchanged"));
                return;
            }
            TimeEntry next = new TimeEntry(old.id(), project, old.timekeeperId(), old.activityId(), span, description,
                    old.billable(), old.explicitRate(), old.explicitRateUnit(), EntryState.OPEN, null, old.externalUid(),
                    old.version());
            updated.add(entries.update(next).entry());
        }

        void remove(String uid, String summary, TimeEntry entry, String reason) {
            if (!entry.isOpen()) {
                conflicts.add(new ImportReport.Conflict(uid, entry.id(), entry.invoiceId(), reason + ", but its entry is "
                        + entry.state() + (entry.invoiceId() != null ? " on invoice " + entry.invoiceId() : "")
                        + "; left unchanged"));
                return;
            }
            try {
                entries.delete(entry.id());
                deleted.add(entry);
            } catch (BillingException ex) {
                invalid.add(new ImportReport.Item(uid, summary, "could not delete entry " + entry.id() + ": "
                        + ex.getMessage()));
            }
        }

        ImportReport report() {
            return new ImportReport(created, updated, deleted, unchanged, skipped, unmapped, invalid, conflicts);
        }
    }
}
