package dev.billops.integrations.caldav;

import dev.billops.core.TenantBilling;
import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.ActivityId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.TenantId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.project.Activity;
import dev.billops.core.project.Project;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.core.timeentry.TimeEntryQuery;
import dev.billops.integrations.caldav.DavClient.WriteResult;
import dev.billops.integrations.caldav.WriteBackReport.Conflict;
import dev.billops.integrations.caldav.WriteBackReport.Skipped;
import dev.billops.spi.PluginException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a tenant's time entries to a CalDAV calendar, one event per entry, and keeps the events
 * in step with the entries:
 *
 * <pre>{@code
 * CalendarWriteBack writeBack = CalendarWriteBack.to(aliceCalendar, WriteBackState.inDirectory(stateDir))
 *         .forTimekeeper(alice);
 * WriteBackReport report = writeBack.sync(tenant, LocalDateRange.ofMonth(YearMonth.of(2026, 11)));
 * report.conflicts().forEach(c -> log.warn(c.message()));
 * }</pre>
 *
 * <p>{@link #sync} reads the entries starting on the dates through the tenant's time-entry service
 * and the calendar's events around them (one calendar-query REPORT), then for each entry: creates its
 * event ({@code PUT} with {@code If-None-Match: *}), rewrites it when the entry changed ({@code PUT}
 * with {@code If-Match} of the ETag last written), or leaves it when it already shows the entry; and
 * for each event written for an entry that no longer exists, deletes it ({@code DELETE} with
 * {@code If-Match}). An entry's event lives at {@code billops-<tenant>~<entry>.ics} in the collection
 * with the same UID, so writing an entry twice updates one event and never makes two. The event's
 * SUMMARY is the project (with its code in brackets, as calendar imports map it) and the activity; its
 * DESCRIPTION is the entry's; it is timed in the entry's zone.
 *
 * <p><b>Conflicts.</b> An event whose ETag on the server differs from the one recorded in the
 * {@link WriteBackState} was changed there (in a calendar app, by another client): it is reported
 * as a {@link Conflict} and neither rewritten nor deleted, and so is an event deleted on the
 * server, and one the state has no record of. {@link #overwrite} resolves a conflict by writing the
 * entry over the server's copy (or deleting it, if the entry is gone). Because every write is
 * conditional, two runs at once (or a user editing during a run) cannot lose a change.
 *
 * <p><b>Scope.</b> {@link #forTimekeeper} writes one timekeeper's entries (the usual set-up: one
 * calendar per person); without it every entry of the tenant. Entries imported from a calendar
 * ({@code externalUid} set) are skipped unless {@link #includingImported()}: their event already
 * is in a calendar. Several tenants may share a collection; each run only touches its own
 * tenant's events (they carry {@code X-BILLOPS-TENANT}).
 *
 * <p>Throws what {@link CalDavCalendar} throws for the requests (typed, nothing retried here); a
 * failure part-way leaves the events written so far recorded, and the next run carries on.
 * Immutable and thread-safe.
 */
public final class CalendarWriteBack {

    private static final Logger LOG = LoggerFactory.getLogger(CalendarWriteBack.class);
    /** The most any zone is ahead of UTC; an entry's local date starts at the latest this far before UTC's. */
    private static final ZoneOffset EARLIEST_OFFSET = ZoneOffset.ofHours(14);
    /** The most any zone is behind UTC. */
    private static final ZoneOffset LATEST_OFFSET = ZoneOffset.ofHours(-12);
    private static final Instant EARLIEST = Instant.parse("0001-01-02T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-30T00:00:00Z");

    private final CalDavCalendar calendar;
    private final WriteBackState state;
    private final @Nullable TimekeeperId timekeeper;
    private final boolean includeImported;
    private final Clock clock;

    private CalendarWriteBack(CalDavCalendar calendar, WriteBackState state, @Nullable TimekeeperId timekeeper,
            boolean includeImported, Clock clock) {
        this.calendar = calendar;
        this.state = state;
        this.timekeeper = timekeeper;
        this.includeImported = includeImported;
        this.clock = clock;
    }

    /** A write-back of every entry of a tenant to {@code calendar}, recording what it writes in {@code state}. */
    public static CalendarWriteBack to(CalDavCalendar calendar, WriteBackState state) {
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(state, "state");
        calendar.collection(); // fails now if the calendar is not configured
        return new CalendarWriteBack(calendar, state, null, false, Clock.systemUTC());
    }

    /** This write-back for the entries of {@code timekeeper} only. */
    public CalendarWriteBack forTimekeeper(TimekeeperId timekeeper) {
        return new CalendarWriteBack(calendar, state, Objects.requireNonNull(timekeeper, "timekeeper"), includeImported,
                clock);
    }

    /** This write-back also writing entries that were imported from a calendar. */
    public CalendarWriteBack includingImported() {
        return new CalendarWriteBack(calendar, state, timekeeper, true, clock);
    }

    /** This write-back stamping events (DTSTAMP) with {@code clock}'s time. */
    public CalendarWriteBack withClock(Clock clock) {
        return new CalendarWriteBack(calendar, state, timekeeper, includeImported, Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Brings the calendar in step with the tenant's entries that start on {@code dates} (in each
     * entry's zone), and deletes the events of entries deleted since, if their events are in that
     * range. An entry moved out of the range is rewritten at its new time.
     *
     * @throws InvalidInputException if the dates reach outside the years 1 to 9999
     * @throws CalDavAuthenticationFailedException if the server refuses the credentials
     * @throws CalDavResponseRefusedException if a response is too large, not XML, or has a DTD
     * @throws dev.billops.spi.TransientPluginException if the server cannot be reached or answers 429/5xx
     */
    public WriteBackReport sync(TenantBilling tenant, LocalDateRange dates) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(dates, "dates");
        Instant from = dates.startInclusive().atStartOfDay(EARLIEST_OFFSET).toInstant();
        Instant to = dates.endExclusive().atStartOfDay(LATEST_OFFSET).toInstant();
        if (from.isBefore(EARLIEST) || to.isAfter(LATEST)) {
            throw new InvalidInputException("write-back dates " + dates + " reach outside the years 1 to 9999");
        }
        Run run = new Run(tenant);
        List<TimeEntry> entries = tenant.timeEntries().list(new TimeEntryQuery(Set.of(), dates, timekeeper, false));
        Map<TimeEntryId, DavResource> onServer = new LinkedHashMap<>();
        for (DavResource r : calendar.query(from, to)) {
            run.ownEntry(r).ifPresent(id -> onServer.put(id, r));
        }
        Set<TimeEntryId> listed = new HashSet<>();
        for (TimeEntry e : entries) {
            listed.add(e.id());
            run.write(e, onServer.get(e.id()));
        }
        for (Map.Entry<TimeEntryId, DavResource> own : onServer.entrySet()) {
            TimeEntryId id = own.getKey();
            DavResource r = own.getValue();
            if (listed.contains(id) || timekeeper != null && !XProperties.value(Objects.requireNonNull(r.calendarData()),
                    EventText.X_TIMEKEEPER).equals(Optional.of(timekeeper.value()))) {
                continue;
            }
            Optional<TimeEntry> entry = tenant.timeEntries().find(id);
            if (entry.isPresent()) {
                run.write(entry.get(), r); // moved to a date outside the range, or to another timekeeper
            } else {
                run.delete(id, r, "was deleted");
            }
        }
        WriteBackReport report = run.report();
        LOG.info("calendar write-back of tenant {} to {}, {}: {}", run.tenantId, calendar.collection(), dates,
                report.summary());
        return report;
    }

    /**
     * Resolves a conflict in favour of the entry: writes it over whatever the server has for it
     * now ({@code If-Match} of the server's current ETag), or deletes the server's event if the
     * entry no longer exists or is not written by this write-back.
     *
     * @throws CalDavAuthenticationFailedException if the server refuses the credentials
     */
    public WriteBackReport overwrite(TenantBilling tenant, TimeEntryId entryId) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(entryId, "entryId");
        Run run = new Run(tenant);
        URI uri = calendar.resourceOf(run.tenantId, entryId);
        Optional<String> current = calendar.client().etag(uri);
        Optional<TimeEntry> entry = tenant.timeEntries().find(entryId);
        if (entry.isPresent() && run.notWritten(entry.get()).isEmpty()) {
            run.put(entry.get(), uri, current.orElse(null), current.isPresent());
        } else if (current.isPresent()) {
            run.deleteAt(entryId, uri, current.get());
        } else {
            state.remove(uri.toString());
            run.unchanged.add(entryId);
        }
        WriteBackReport report = run.report();
        LOG.info("calendar write-back of tenant {}: entry {} overwritten at {}: {}", run.tenantId, entryId, uri,
                report.summary());
        return report;
    }

    /** The outcome of one run, collected as it goes. */
    private final class Run {
        final TenantBilling tenant;
        final TenantId tenantId;
        final List<TimeEntryId> created = new ArrayList<>();
        final List<TimeEntryId> updated = new ArrayList<>();
        final List<TimeEntryId> deleted = new ArrayList<>();
        final List<TimeEntryId> unchanged = new ArrayList<>();
        final List<Skipped> skipped = new ArrayList<>();
        final List<Conflict> conflicts = new ArrayList<>();
        private final Map<ProjectId, Optional<Project>> projects = new HashMap<>();
        private final Map<ActivityId, Optional<Activity>> activities = new HashMap<>();

        Run(TenantBilling tenant) {
            this.tenant = tenant;
            this.tenantId = tenant.tenantId();
        }

        /** The entry an event on the server was written for, if this tenant's write-back wrote it at its own place. */
        Optional<TimeEntryId> ownEntry(DavResource r) {
            String data = Objects.requireNonNull(r.calendarData());
            if (!XProperties.value(data, EventText.X_TENANT).equals(Optional.of(tenantId.value()))) {
                return Optional.empty();
            }
            Optional<String> entry = XProperties.value(data, EventText.X_ENTRY);
            if (entry.isEmpty()) {
                return Optional.empty();
            }
            TimeEntryId id;
            try {
                id = TimeEntryId.of(entry.get());
            } catch (InvalidInputException e) {
                return Optional.empty();
            }
            String path = r.href().getRawPath();
            String last = URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1).replace("+", "%2B"),
                    StandardCharsets.UTF_8);
            return last.equals(CalDavCalendar.resourceName(tenantId, id)) ? Optional.of(id) : Optional.empty();
        }

        /** Why this write-back does not write {@code entry}, if it does not. */
        Optional<String> notWritten(TimeEntry entry) {
            if (timekeeper != null && !entry.timekeeperId().equals(timekeeper)) {
                return Optional.of("belongs to timekeeper " + entry.timekeeperId() + "; this write-back writes "
                        + timekeeper + "'s entries");
            }
            if (!includeImported && entry.externalUid() != null) {
                return Optional.of("was imported from a calendar, where its event already is");
            }
            if (entry.span().start().isBefore(EARLIEST) || entry.span().end().isAfter(LATEST)) {
                return Optional.of("lies outside the years 1 to 9999 that iCalendar can hold");
            }
            return Optional.empty();
        }

        /** Writes {@code entry}'s event; {@code server} is the copy the range's query found, if any. */
        void write(TimeEntry entry, @Nullable DavResource server) {
            Optional<String> why = notWritten(entry);
            if (why.isPresent()) {
                if (server != null) {
                    delete(entry.id(), server, "is no longer written back (it " + why.get() + ")");
                } else {
                    skipped.add(new Skipped(entry.id(), "entry " + entry.id() + " " + why.get()));
                }
                return;
            }
            URI uri = calendar.resourceOf(tenantId, entry.id());
            String href = uri.toString();
            Optional<WriteBackState.Written> known = state.find(href);
            if (server == null) {
                // not in the range's events: new, moved into the range, or moved/deleted on the server
                put(entry, uri, known.map(WriteBackState.Written::etag).orElse(null), known.isPresent());
                return;
            }
            String serverEtag = Objects.requireNonNull(server.etag());
            if (known.isEmpty()) {
                conflict(entry.id(), href, Conflict.Kind.NOT_RECORDED, "entry " + entry.id() + ": the server has an "
                        + "event for it (ETag " + serverEtag + ") that the write-back state has no record of writing; "
                        + "left as it is");
            } else if (!known.get().etag().equals(serverEtag)) {
                conflict(entry.id(), href, Conflict.Kind.CHANGED_ON_SERVER, "entry " + entry.id() + ": its event was "
                        + "changed on the server (ETag " + serverEtag + ", written " + known.get().etag()
                        + "); left as it is");
            } else if (known.get().digest().equals(render(entry).digest())) {
                unchanged.add(entry.id());
            } else {
                put(entry, uri, known.get().etag(), true);
            }
        }

        /** PUTs the entry's event, conditional on {@code ifMatch} (null: only if there is none). */
        void put(TimeEntry entry, URI uri, @Nullable String ifMatch, boolean update) {
            String href = uri.toString();
            EventText.Rendered event = render(entry);
            WriteResult result = calendar.client().put(uri, event.body(), ifMatch);
            if (result instanceof WriteResult.Written w) {
                state.put(href, new WriteBackState.Written(strongEtag(w.etag(), uri), event.digest()));
                (update ? updated : created).add(entry.id());
            } else if (ifMatch == null) {
                conflict(entry.id(), href, Conflict.Kind.NOT_RECORDED, "entry " + entry.id() + ": the server already "
                        + "has an event at " + href + " that the write-back state has no record of writing; left as it is");
            } else if (result instanceof WriteResult.NotFound || calendar.client().etag(uri).isEmpty()) {
                conflict(entry.id(), href, Conflict.Kind.DELETED_ON_SERVER, "entry " + entry.id() + ": its event was "
                        + "deleted on the server; not written again");
            } else {
                conflict(entry.id(), href, Conflict.Kind.CHANGED_ON_SERVER, "entry " + entry.id() + ": its event was "
                        + "changed on the server (ETag no longer " + ifMatch + "); left as it is");
            }
        }

        /** Deletes the event of an entry that is gone (or no longer written), if the server's copy is the one written. */
        void delete(TimeEntryId id, DavResource server, String why) {
            URI uri = calendar.resourceOf(tenantId, id);
            String href = uri.toString();
            String serverEtag = Objects.requireNonNull(server.etag());
            Optional<WriteBackState.Written> known = state.find(href);
            if (known.isEmpty()) {
                conflict(id, href, Conflict.Kind.NOT_RECORDED, "entry " + id + " " + why + ", but the write-back "
                        + "state has no record of writing its event (ETag " + serverEtag + "); left on the server");
            } else if (!known.get().etag().equals(serverEtag)) {
                conflict(id, href, Conflict.Kind.CHANGED_ON_SERVER, "entry " + id + " " + why + ", but its event was "
                        + "changed on the server (ETag " + serverEtag + ", written " + known.get().etag()
                        + "); left on the server");
            } else {
                deleteAt(id, uri, serverEtag);
            }
        }

        void deleteAt(TimeEntryId id, URI uri, String ifMatch) {
            WriteResult result = calendar.client().delete(uri, ifMatch);
            if (result instanceof WriteResult.PreconditionFailed) {
                conflict(id, uri.toString(), Conflict.Kind.CHANGED_ON_SERVER, "entry " + id + ": its event was "
                        + "changed on the server while it was being deleted; left on the server");
                return;
            }
            state.remove(uri.toString());
            deleted.add(id);
        }

        private String strongEtag(@Nullable String etag, URI uri) {
            if (etag != null && !etag.startsWith("W/")) {
                return etag;
            }
            // the server changed what it stored (RFC 4791 section 5.3.4) and gave no strong ETag: ask for it
            return calendar.client().etag(uri).orElseThrow(() -> new PluginException(CalDavCalendar.ID,
                    "the server stored " + uri + " but gives no ETag for it; write-back needs ETags to see changes"));
        }

        private void conflict(TimeEntryId id, String href, Conflict.Kind kind, String message) {
            LOG.warn("calendar write-back of tenant {}: {}", tenantId, message);
            conflicts.add(new Conflict(id, href, kind, message));
        }

        private EventText.Rendered render(TimeEntry entry) {
            return EventText.render(tenantId, entry, CalDavCalendar.uidOf(tenantId, entry.id()), summary(entry),
                    clock.instant());
        }

        /** {@code [CODE] Project / Activity}: the code when the project has one, the activity when the entry has one. */
        private String summary(TimeEntry entry) {
            Optional<Project> project = projects.computeIfAbsent(entry.projectId(), id -> tenant.projects().find(id));
            StringBuilder s = new StringBuilder();
            if (project.isPresent()) {
                if (project.get().code() != null) {
                    s.append('[').append(project.get().code()).append("] ");
                }
                s.append(project.get().name());
            } else {
                s.append("project ").append(entry.projectId());
            }
            ActivityId activityId = entry.activityId();
            if (activityId != null) {
                Optional<Activity> activity = activities.computeIfAbsent(activityId, id -> tenant.activities().find(id));
                s.append(" / ").append(activity.map(Activity::name).orElse(activityId.value()));
            }
            return s.toString();
        }

        WriteBackReport report() {
            return new WriteBackReport(created, updated, deleted, unchanged, skipped, conflicts);
        }
    }
}
