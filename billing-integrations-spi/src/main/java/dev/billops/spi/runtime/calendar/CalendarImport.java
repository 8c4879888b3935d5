package dev.billops.spi.runtime.calendar;

import dev.billops.core.TenantBilling;
import dev.billops.core.TimeEntries;
import dev.billops.core.error.BillingException;
import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.StoreFailureException;
import dev.billops.core.error.StoreUnavailableException;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.internal.Internals;
import dev.billops.core.spi.TimeEntryStore;
import dev.billops.core.time.InvalidRangeException;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.time.TimeSpan;
import dev.billops.core.timeentry.EntryState;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.core.timeentry.TimeEntryQuery;
import dev.billops.spi.CalendarEvent;
import dev.billops.spi.CalendarReading;
import dev.billops.spi.CalendarSource;
import dev.billops.spi.MalformedCalendarException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
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
 * becomes one OPEN billable entry, timed as the event in its zone and described by its summary.
 * Importing again is idempotent: an event whose entry matches is unchanged; an event whose times,
 * summary or project changed updates its still-open entry; an event that was cancelled or
 * declined, or stopped being work time, deletes its open entry. An entry that is BILLED or
 * LOCKED is never changed: the import reports a conflict instead. An event no rule maps is
 * reported as unmapped, and an entry imported from it earlier is left as it was (a narrower
 * mapping must not delete entries).
 *
 * <p><b>Sources.</b> Give every calendar a source id ({@link #withSource}, e.g. the file or feed it
 * comes from): its entries get {@code externalUid = sourceId + "|" + event uid}, and an open entry
 * whose event is no longer in the calendar ("vanished": not among the events, its start in
 * {@code [fromInclusive, toExclusive)}) is deleted only if it came from the SAME source and
 * timekeeper. Entries of other sources, typed-in entries and entries outside the range are never
 * touched; an event already imported for the timekeeper from another source is skipped (no
 * double time). An entry imported before sources existed ({@code externalUid} = event uid) is
 * still matched and updated by its event, but never deleted as vanished by a source's import.
 * Without a source id (the default) the keys are the bare event uids and vanished events delete the
 * timekeeper's imported entries that have no source id.
 *
 * <p><b>Mass deletion.</b> An import whose vanished events would delete more than
 * {@value #MASS_DELETE_MIN} entries and more than {@value #MASS_DELETE_PERCENT} % of the source's
 * entries it found in the range (the wrong file, a truncated export) throws
 * {@link ImportWouldDeleteTooManyException} and writes nothing, unless {@link #allowingMassDelete()}.
 * Entries are found by key in the whole tenant; an event whose key belongs to another
 * timekeeper's entry is reported invalid.
 *
 * <p><b>Errors and atomicity.</b> The whole import runs in one store transaction. An event whose
 * entry is rejected (longer than 24 h, an inactive project or timekeeper, …) is reported in
 * {@link ImportReport#invalid()} and only its own change is rolled back (a savepoint); the others
 * go on. A {@link MalformedCalendarException} (or any failure of the source) propagates before
 * anything is written; a failure of the store ({@link StoreUnavailableException},
 * {@link StoreFailureException}) or any other unexpected exception rolls the whole import back.
 *
 * <p>Thread-safe; the changes are audited like the time entry service's own.
 */
public final class CalendarImport {

    private static final Logger LOG = LoggerFactory.getLogger(CalendarImport.class);
    private static final int MAX_DESCRIPTION = 4000;

    /** Vanished events may delete at most this many entries without {@link #allowingMassDelete()} … */
    public static final int MASS_DELETE_MIN = 5;
    /** … or at most this share (percent) of the source's entries found in the range, whichever is more. */
    public static final int MASS_DELETE_PERCENT = 10;
    /** Longest source id. */
    public static final int MAX_SOURCE_ID = 200;
    /** Separates the source id from the event uid in an entry's external uid. */
    public static final char SOURCE_SEPARATOR = '|';

    private final TenantBilling tenant;
    private final ProjectMapping mapping;
    private final @Nullable String sourceId;
    private final boolean allowMassDelete;

    /** An import without a source id whose vanished events may delete only a small share of the entries. */
    public CalendarImport(TenantBilling tenant, ProjectMapping mapping) {
        this(tenant, mapping, null, false);
    }

    private CalendarImport(TenantBilling tenant, ProjectMapping mapping, @Nullable String sourceId,
            boolean allowMassDelete) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.sourceId = sourceId;
        this.allowMassDelete = allowMassDelete;
    }

    /**
     * This import for the calendar {@code sourceId} (1 to {@value #MAX_SOURCE_ID} characters, no
     * {@code |} and no control characters, e.g. {@code file:/home/alice/team.ics}): vanished events
     * delete only entries imported from the same source.
     *
     * @throws InvalidInputException if the id is blank, too long or has a forbidden character
     */
    public CalendarImport withSource(String sourceId) {
        return new CalendarImport(tenant, mapping, checkedSourceId(sourceId), allowMassDelete);
    }

    /** This import, allowed to delete any number of entries whose events vanished. */
    public CalendarImport allowingMassDelete() {
        return new CalendarImport(tenant, mapping, sourceId, true);
    }

    /** The source id, if one was given. */
    public Optional<String> sourceId() {
        return Optional.ofNullable(sourceId);
    }

    /** The external uid of the entry imported for {@code eventUid} from {@code sourceId}. */
    public static String externalUid(String sourceId, String eventUid) {
        return checkedSourceId(sourceId) + SOURCE_SEPARATOR + Objects.requireNonNull(eventUid, "eventUid");
    }

    private static String checkedSourceId(String sourceId) {
        Objects.requireNonNull(sourceId, "sourceId");
        String shown = sourceId.length() > 60 ? sourceId.substring(0, 60) + "…" : sourceId;
        if (sourceId.isBlank() || sourceId.length() > MAX_SOURCE_ID) {
            throw new InvalidInputException("calendar source id '" + shown + "' must have 1 to " + MAX_SOURCE_ID
                    + " characters (it has " + sourceId.length() + ")");
        }
        for (int i = 0; i < sourceId.length(); i++) {
            char c = sourceId.charAt(i);
            if (c == SOURCE_SEPARATOR || Character.isISOControl(c) || Character.isSurrogate(c)) {
                throw new InvalidInputException("calendar source id '" + shown.replaceAll("\\p{Cntrl}", "?")
                        + "' has a forbidden character at index " + i + " (no '|', control characters or surrogates)");
            }
        }
        return sourceId;
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
        CalendarReading reading = source.read(fromInclusive, toExclusive);
        return importEvents(reading.events(), reading.warnings(), timekeeper, fromInclusive, toExclusive);
    }

    /**
     * Imports {@code events} as the calendar's content for {@code [fromInclusive, toExclusive)}:
     * open entries of the timekeeper imported from the same source and starting in that range
     * whose event is not among the events are deleted (see the class comment for the limit).
     *
     * @throws InvalidRangeException if the range is empty or reversed
     * @throws ImportWouldDeleteTooManyException if it would delete more than a small share; nothing is written
     */
    public ImportReport importEvents(List<CalendarEvent> events, TimekeeperId timekeeper, Instant fromInclusive,
            Instant toExclusive) {
        return importEvents(events, List.of(), timekeeper, fromInclusive, toExclusive);
    }

    private ImportReport importEvents(List<CalendarEvent> events, List<String> warnings, TimekeeperId timekeeper,
            Instant fromInclusive, Instant toExclusive) {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(timekeeper, "timekeeper");
        checkRange(fromInclusive, toExclusive);
        List<CalendarEvent> all = List.copyOf(events);
        TimeEntries entries = tenant.timeEntries();
        ImportReport report = Internals.scope(tenant).tx(session -> {
            Run run = new Run(entries, timekeeper);
            TimeEntryStore store = session.get(TimeEntryStore.class);
            LocalDate first = fromInclusive.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(2);
            LocalDate last = toExclusive.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(2);
            List<TimeEntry> imported = new ArrayList<>();
            for (TimeEntry t : store.list(new TimeEntryQuery(Set.of(), LocalDateRange.of(first, last), timekeeper,
                    false))) {
                if (t.externalUid() != null) {
                    imported.add(t);
                }
            }
            Set<String> keys = new HashSet<>();
            List<CalendarEvent> unique = new ArrayList<>();
            for (CalendarEvent e : all) {
                if (!keys.add(key(e.uid()))) {
                    run.skipped.add(item(e, "repeats the uid of an earlier event"));
                } else {
                    unique.add(e);
                }
            }
            List<TimeEntry> vanished = new ArrayList<>();
            int found = 0;
            int deletions = 0;
            for (TimeEntry t : imported) {
                Instant start = t.span().start();
                String uid = Objects.requireNonNull(t.externalUid());
                if (!fromThisSource(uid) || start.isBefore(fromInclusive) || !start.isBefore(toExclusive)) {
                    continue;
                }
                found++;
                if (!keys.contains(uid)) {
                    vanished.add(t); // billed or locked ones are reported as conflicts
                    deletions += t.isOpen() ? 1 : 0;
                }
            }
            if (!allowMassDelete && deletions > MASS_DELETE_MIN && deletions * 100L > (long) MASS_DELETE_PERCENT * found) {
                throw new ImportWouldDeleteTooManyException(describeSource(), deletions, found);
            }
            Map<String, TimeEntry> otherSources = new HashMap<>();
            if (sourceId != null) {
                for (TimeEntry t : imported) {
                    String uid = Objects.requireNonNull(t.externalUid());
                    int bar = uid.indexOf(SOURCE_SEPARATOR);
                    if (bar > 0 && !fromThisSource(uid)) {
                        otherSources.putIfAbsent(uid.substring(bar + 1), t);
                    }
                }
            }
            for (CalendarEvent e : unique) {
                Optional<TimeEntry> existing = store.findByExternalUid(key(e.uid()));
                if (existing.isEmpty() && sourceId != null) {
                    // imported before sources existed: matched and updated, never deleted as vanished
                    existing = store.findByExternalUid(e.uid()).filter(t -> t.timekeeperId().equals(timekeeper));
                    TimeEntry other = otherSources.get(e.uid());
                    if (existing.isEmpty() && other != null) {
                        String uid = Objects.requireNonNull(other.externalUid());
                        run.skipped.add(item(e, "already imported from calendar source '"
                                + uid.substring(0, uid.indexOf(SOURCE_SEPARATOR)) + "' as entry " + other.id()));
                        continue;
                    }
                }
                run.apply(e, existing);
            }
            for (TimeEntry t : vanished) {
                run.remove(Objects.requireNonNull(t.externalUid()), t.description(), t,
                        "its event is no longer in the calendar");
            }
            return run.report(warnings);
        });
        LOG.info("calendar import for timekeeper {} of tenant {}, {} .. {}: {}", timekeeper, tenant.tenantId(),
                fromInclusive, toExclusive, report.summary());
        return report;
    }

    /** The key of the entry of an event: its uid, prefixed with the source id when there is one. */
    private String key(String eventUid) {
        return sourceId == null ? eventUid : sourceId + SOURCE_SEPARATOR + eventUid;
    }

    /** Whether an entry with this external uid was imported from this import's source. */
    private boolean fromThisSource(String externalUid) {
        return sourceId == null ? externalUid.indexOf(SOURCE_SEPARATOR) < 0
                : externalUid.startsWith(sourceId + SOURCE_SEPARATOR);
    }

    private String describeSource() {
        if (sourceId == null) {
            return "a calendar without source id";
        }
        return "source '" + (sourceId.length() > 60 ? "…" + sourceId.substring(sourceId.length() - 59) : sourceId) + "'";
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
        private final TimeEntries entries;
        private final TimekeeperId timekeeper;
        final List<TimeEntry> created = new ArrayList<>();
        final List<TimeEntry> updated = new ArrayList<>();
        final List<TimeEntry> deleted = new ArrayList<>();
        final List<String> unchanged = new ArrayList<>();
        final List<ImportReport.Item> skipped = new ArrayList<>();
        final List<ImportReport.Item> unmapped = new ArrayList<>();
        final List<ImportReport.Item> invalid = new ArrayList<>();
        final List<ImportReport.Conflict> conflicts = new ArrayList<>();

        Run(TimeEntries entries, TimekeeperId timekeeper) {
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
            } catch (StoreUnavailableException | StoreFailureException ex) {
                throw ex; // the store failed, not the event: the whole import fails and can run again
            } catch (BillingException ex) {
                invalid.add(item(e, ex.getMessage()));
            }
        }

        private void create(CalendarEvent e, ProjectId project) {
            TimeEntry entry = new TimeEntry(TimeEntryId.generate(), project, timekeeper, null,
                    TimeSpan.of(e.start(), e.end(), e.zone()), description(e), true, null, null, EntryState.OPEN, null,
                    key(e.uid()), 0);
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
            } catch (StoreUnavailableException | StoreFailureException ex) {
                throw ex;
            } catch (BillingException ex) {
                invalid.add(new ImportReport.Item(uid, summary, "could not delete entry " + entry.id() + ": "
                        + ex.getMessage()));
            }
        }

        ImportReport report(List<String> warnings) {
            return new ImportReport(created, updated, deleted, unchanged, skipped, unmapped, invalid, conflicts,
                    warnings);
        }
    }
}
