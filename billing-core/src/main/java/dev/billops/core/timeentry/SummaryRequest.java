package dev.billops.core.timeentry;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.time.Granularity;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.time.PeriodCalendar;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which time to summarize and how: entries starting within {@code dates}, by period of
 * {@code granularity} (weeks and fiscal quarters per {@code calendar}) and by the chosen
 * dimensions.
 *
 * @param dates the range of entry start dates (local to each entry's zone)
 * @param granularity day, week, month, quarter or year
 * @param groupBy dimensions to break down by; empty for one total per period
 * @param calendar where weeks and fiscal years start
 * @param clientId only this client's projects, or null for all
 * @param timekeeperId only this timekeeper, or null for all
 */
public record SummaryRequest(LocalDateRange dates, Granularity granularity, Set<SummaryDimension> groupBy,
        PeriodCalendar calendar, @Nullable ClientId clientId, @Nullable TimekeeperId timekeeperId) {

    public SummaryRequest {
        Objects.requireNonNull(dates, "dates");
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(calendar, "calendar");
        groupBy = groupBy.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(groupBy));
    }

    /** Per period and by the given dimensions, ISO weeks, all clients and timekeepers. */
    public static SummaryRequest of(LocalDateRange dates, Granularity granularity, SummaryDimension... groupBy) {
        Set<SummaryDimension> dims = EnumSet.noneOf(SummaryDimension.class);
        for (SummaryDimension d : groupBy) {
            dims.add(Objects.requireNonNull(d, "groupBy"));
        }
        return new SummaryRequest(dates, granularity, dims, PeriodCalendar.iso(), null, null);
    }

    public SummaryRequest forClient(@Nullable ClientId client) {
        return new SummaryRequest(dates, granularity, groupBy, calendar, client, timekeeperId);
    }

    public SummaryRequest forTimekeeper(@Nullable TimekeeperId timekeeper) {
        return new SummaryRequest(dates, granularity, groupBy, calendar, clientId, timekeeper);
    }

    public SummaryRequest withCalendar(PeriodCalendar calendar) {
        return new SummaryRequest(dates, granularity, groupBy, calendar, clientId, timekeeperId);
    }
}
