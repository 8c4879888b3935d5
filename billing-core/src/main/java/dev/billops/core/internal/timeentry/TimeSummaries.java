package dev.billops.core.internal.timeentry;

import dev.billops.core.timeentry.SummaryDimension;
import dev.billops.core.timeentry.SummaryRequest;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.core.timeentry.TimeSummary;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.project.Project;
import dev.billops.core.time.LocalDateRange;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Summaries of worked time: a pure function of entries, their projects and a
 * {@link SummaryRequest}. An entry counts in full towards the period of its start date (in its
 * own zone); entries starting outside the requested dates, of other clients or of other
 * timekeepers than requested are left out. Billable is the entry's flag, whatever its state.
 */
public final class TimeSummaries {

    private TimeSummaries() {
    }

    /**
     * @throws NotFoundException if an entry's project is not in {@code projects}
     */
    public static TimeSummary summarize(List<TimeEntry> entries, Map<ProjectId, Project> projects,
            SummaryRequest request) {
        Objects.requireNonNull(entries, "entries");
        Objects.requireNonNull(projects, "projects");
        Objects.requireNonNull(request, "request");
        boolean byClient = request.groupBy().contains(SummaryDimension.CLIENT);
        boolean byProject = request.groupBy().contains(SummaryDimension.PROJECT);
        boolean byTimekeeper = request.groupBy().contains(SummaryDimension.TIMEKEEPER);
        Map<Key, long[]> sums = new HashMap<>();
        Map<LocalDate, LocalDateRange> periods = new HashMap<>();
        long billable = 0;
        long nonBillable = 0;
        for (TimeEntry e : entries) {
            LocalDate date = e.span().localDate();
            if (!request.dates().contains(date)) {
                continue;
            }
            if (request.timekeeperId() != null && !request.timekeeperId().equals(e.timekeeperId())) {
                continue;
            }
            Project p = projects.get(e.projectId());
            if (p == null) {
                throw new NotFoundException("project", e.projectId().value());
            }
            if (request.clientId() != null && !request.clientId().equals(p.clientId())) {
                continue;
            }
            LocalDateRange period = periods.computeIfAbsent(date, d -> request.calendar()
                    .periodContaining(d, request.granularity()).intersection(request.dates()).orElseThrow());
            Key key = new Key(period, byClient ? p.clientId() : null, byProject ? p.id() : null,
                    byTimekeeper ? e.timekeeperId() : null);
            long[] sum = sums.computeIfAbsent(key, k -> new long[3]);
            long nanos = e.duration().toNanos();
            if (e.billable()) {
                sum[0] += nanos;
                billable += nanos;
            } else {
                sum[1] += nanos;
                nonBillable += nanos;
            }
            sum[2]++;
        }
        List<TimeSummary.Row> rows = new ArrayList<>(sums.size());
        for (Map.Entry<Key, long[]> s : sums.entrySet()) {
            Key k = s.getKey();
            rows.add(new TimeSummary.Row(k.period(), k.client(), k.project(), k.timekeeper(),
                    Duration.ofNanos(s.getValue()[0]), Duration.ofNanos(s.getValue()[1]), (int) s.getValue()[2]));
        }
        rows.sort(Comparator.comparing((TimeSummary.Row r) -> r.period().startInclusive())
                .thenComparing(r -> r.clientId() == null ? "" : r.clientId().value())
                .thenComparing(r -> r.projectId() == null ? "" : r.projectId().value())
                .thenComparing(r -> r.timekeeperId() == null ? "" : r.timekeeperId().value()));
        return new TimeSummary(rows, Duration.ofNanos(billable), Duration.ofNanos(nonBillable));
    }

    private record Key(LocalDateRange period, @Nullable ClientId client, @Nullable ProjectId project,
            @Nullable TimekeeperId timekeeper) {
    }
}
