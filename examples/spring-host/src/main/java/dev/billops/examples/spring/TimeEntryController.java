package dev.billops.examples.spring;

import static dev.billops.examples.spring.Requests.required;

import dev.billops.core.TenantBilling;
import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.ActivityId;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.project.Project;
import dev.billops.core.time.Granularity;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.time.TimeSpan;
import dev.billops.core.timeentry.LogResult;
import dev.billops.core.timeentry.SummaryDimension;
import dev.billops.core.timeentry.SummaryRequest;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.core.timeentry.TimeEntryQuery;
import dev.billops.core.timeentry.TimeSummary;
import dev.billops.examples.spring.Requests.BulkTimeEntriesBody;
import dev.billops.examples.spring.Requests.TimeEntryBody;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Time entries: log one or many, list with filters, delete, and summaries of billable hours. */
@RestController
public class TimeEntryController {

    /** Most entries in one bulk request. */
    static final int MAX_BULK = 1000;

    private final Callers callers;

    public TimeEntryController(Callers callers) {
        this.callers = callers;
    }

    @PostMapping("/api/time-entries")
    @ResponseStatus(HttpStatus.CREATED)
    public LogResult log(@RequestBody TimeEntryBody body) {
        return callers.billing().timeEntries().log(entry(body));
    }

    @PostMapping("/api/time-entries/bulk")
    @ResponseStatus(HttpStatus.CREATED)
    public LogResult logAll(@RequestBody BulkTimeEntriesBody body) {
        List<TimeEntryBody> bodies = required(body.entries(), "entries");
        if (bodies.isEmpty() || bodies.size() > MAX_BULK) {
            throw new InvalidInputException("a bulk request holds 1 to " + MAX_BULK + " entries, not " + bodies.size());
        }
        List<TimeEntry> entries = new ArrayList<>(bodies.size());
        for (TimeEntryBody b : bodies) {
            entries.add(entry(b));
        }
        return callers.billing().timeEntries().logAll(entries);
    }

    /**
     * Entries started in {@code [from, to)}, of one project, of one client's projects, or of all;
     * optionally one timekeeper's and only the unbilled billable ones.
     */
    @GetMapping("/api/time-entries")
    public List<TimeEntry> list(@RequestParam LocalDate from, @RequestParam LocalDate to,
            @RequestParam(required = false) @Nullable String projectId,
            @RequestParam(required = false) @Nullable String clientId,
            @RequestParam(required = false) @Nullable String timekeeperId,
            @RequestParam(defaultValue = "false") boolean unbilledOnly) {
        TenantBilling t = callers.billing();
        Set<ProjectId> projects = new LinkedHashSet<>();
        if (projectId != null) {
            projects.add(ProjectId.of(projectId));
        }
        if (clientId != null) {
            List<Project> ofClient = t.projects().listByClient(ClientId.of(clientId));
            if (ofClient.isEmpty()) {
                return List.of();
            }
            ofClient.forEach(p -> projects.add(p.id()));
        }
        return t.timeEntries().list(new TimeEntryQuery(projects, LocalDateRange.of(from, to),
                timekeeperId == null ? null : TimekeeperId.of(timekeeperId), unbilledOnly));
    }

    @DeleteMapping("/api/time-entries/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable String id) {
        callers.billing().timeEntries().delete(TimeEntryId.of(id));
    }

    /** Billable and non-billable hours in {@code [from, to)} per period, broken down by {@code groupBy}. */
    @GetMapping("/api/time-entries/summary")
    public TimeSummary summary(@RequestParam LocalDate from, @RequestParam LocalDate to,
            @RequestParam(defaultValue = "MONTH") String granularity,
            @RequestParam(required = false) @Nullable List<String> groupBy,
            @RequestParam(required = false) @Nullable String clientId,
            @RequestParam(required = false) @Nullable String timekeeperId) {
        List<SummaryDimension> dims = new ArrayList<>();
        if (groupBy != null) {
            for (String g : groupBy) {
                dims.add(parse(SummaryDimension.class, g, "groupBy"));
            }
        }
        SummaryRequest request = SummaryRequest.of(LocalDateRange.of(from, to),
                parse(Granularity.class, granularity, "granularity"), dims.toArray(SummaryDimension[]::new))
                .forClient(clientId == null ? null : ClientId.of(clientId))
                .forTimekeeper(timekeeperId == null ? null : TimekeeperId.of(timekeeperId));
        return callers.billing().timeEntries().summarize(request);
    }

    private static TimeEntry entry(TimeEntryBody b) {
        ZoneId zone;
        try {
            zone = ZoneId.of(required(b.zone(), "zone"));
        } catch (DateTimeException e) {
            throw new InvalidInputException("zone '" + shown(b.zone()) + "' is not a time zone id");
        }
        TimeEntry e = TimeEntry.of(ProjectId.of(required(b.projectId(), "projectId")),
                TimekeeperId.of(required(b.timekeeperId(), "timekeeperId")),
                b.activityId() == null ? null : ActivityId.of(b.activityId()),
                TimeSpan.of(required(b.start(), "start"), required(b.end(), "end"), zone),
                required(b.description(), "description"));
        return Boolean.FALSE.equals(b.billable()) ? e.withBillable(false) : e;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text, String field) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field + " '" + shown(text) + "' is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static String shown(@Nullable String text) {
        return text == null ? "null" : text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
