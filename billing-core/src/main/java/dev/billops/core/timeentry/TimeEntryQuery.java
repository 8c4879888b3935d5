package dev.billops.core.timeentry;

import dev.billops.core.id.ProjectId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.time.LocalDateRange;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Selects time entries: by projects (empty = all), by the local date of their start in the
 * entry's zone, optionally one timekeeper, optionally only OPEN billable ones.
 *
 * @param projectIds projects to include; empty means every project
 * @param dates range of start dates (local to each entry's zone)
 * @param timekeeperId one timekeeper, or null for all
 * @param unbilledOnly only OPEN entries with {@code billable = true}
 */
public record TimeEntryQuery(Set<ProjectId> projectIds, LocalDateRange dates, @Nullable TimekeeperId timekeeperId,
        boolean unbilledOnly) {

    public TimeEntryQuery {
        projectIds = Set.copyOf(Objects.requireNonNull(projectIds, "projectIds"));
        Objects.requireNonNull(dates, "dates");
    }

    /** Open billable entries of the given projects started within {@code dates}. */
    public static TimeEntryQuery unbilled(Set<ProjectId> projects, LocalDateRange dates) {
        return new TimeEntryQuery(projects, dates, null, true);
    }

    /** Every entry of the given projects started within {@code dates}. */
    public static TimeEntryQuery all(Set<ProjectId> projects, LocalDateRange dates) {
        return new TimeEntryQuery(projects, dates, null, false);
    }
}
