package dev.billops.core.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where periods begin: the first day of the week and the first month of the fiscal year. Gives the
 * day, week, month, quarter or year that contains a date, the one after it, and the periods that
 * tile a range.
 *
 * <p>Quarters and years follow the fiscal year: with {@code fiscalYearStart = APRIL} the first
 * quarter is April–June and the year containing 2027-01-15 is {@code [2026-04-01, 2027-04-01)}.
 * Months and days do not depend on the calendar; weeks depend only on {@code weekStart}.
 *
 * <p>Immutable and thread-safe; null arguments throw {@link NullPointerException}. Dates within a
 * year of {@link LocalDate#MIN} or {@link LocalDate#MAX} may throw {@link java.time.DateTimeException}.
 *
 * @param weekStart the first day of every week
 * @param fiscalYearStart the first month of every fiscal year, and so of its first quarter
 */
public record PeriodCalendar(DayOfWeek weekStart, Month fiscalYearStart) {

    private static final PeriodCalendar ISO = new PeriodCalendar(DayOfWeek.MONDAY, Month.JANUARY);

    public PeriodCalendar {
        Objects.requireNonNull(weekStart, "weekStart");
        Objects.requireNonNull(fiscalYearStart, "fiscalYearStart");
    }

    /** Weeks from Monday, years and quarters from January, as ISO 8601 has it. */
    public static PeriodCalendar iso() {
        return ISO;
    }

    /** A calendar with the given week start and fiscal-year start. */
    public static PeriodCalendar of(DayOfWeek weekStart, Month fiscalYearStart) {
        return new PeriodCalendar(weekStart, fiscalYearStart);
    }

    /** The period of the given granularity that contains {@code date}. */
    public LocalDateRange periodContaining(LocalDate date, Granularity granularity) {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(granularity, "granularity");
        return switch (granularity) {
            case DAY -> LocalDateRange.ofDay(date);
            case WEEK -> {
                LocalDate start = date.with(TemporalAdjusters.previousOrSame(weekStart));
                yield LocalDateRange.of(start, start.plusWeeks(1));
            }
            case MONTH -> LocalDateRange.ofMonth(YearMonth.from(date));
            case QUARTER -> monthsFromFiscalStart(date, 3);
            case YEAR -> monthsFromFiscalStart(date, 12);
        };
    }

    private LocalDateRange monthsFromFiscalStart(LocalDate date, int length) {
        int monthsIntoFiscalYear = Math.floorMod(date.getMonthValue() - fiscalYearStart.getValue(), 12);
        YearMonth start = YearMonth.from(date).minusMonths(monthsIntoFiscalYear % length);
        return LocalDateRange.of(start.atDay(1), start.plusMonths(length).atDay(1));
    }

    /**
     * The whole period of the given granularity that follows the one containing
     * {@code period.lastDay()}. For a period this calendar produced, that is simply the next one;
     * for a clipped period from {@link #split} it is the next whole period.
     *
     * @throws InvalidRangeException if {@code period} is empty
     */
    public LocalDateRange next(LocalDateRange period, Granularity granularity) {
        Objects.requireNonNull(period, "period");
        LocalDateRange containing = periodContaining(period.lastDay(), granularity);
        return periodContaining(containing.endExclusive(), granularity);
    }

    /**
     * The whole period of the given granularity that precedes the one containing
     * {@code period.startInclusive()}.
     */
    public LocalDateRange previous(LocalDateRange period, Granularity granularity) {
        Objects.requireNonNull(period, "period");
        LocalDateRange containing = periodContaining(period.startInclusive(), granularity);
        return periodContaining(containing.startInclusive().minusDays(1), granularity);
    }

    /**
     * The periods of the given granularity that meet {@code range}, each clipped to it, in order.
     * They tile the range exactly: the first starts at {@code range.startInclusive()}, each
     * starts where the previous ends, the last ends at {@code range.endExclusive()}, and none is
     * empty. An empty range gives an empty list.
     */
    public List<LocalDateRange> split(LocalDateRange range, Granularity granularity) {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(granularity, "granularity");
        List<LocalDateRange> periods = new ArrayList<>();
        LocalDate cursor = range.startInclusive();
        while (cursor.isBefore(range.endExclusive())) {
            LocalDate periodEnd = periodContaining(cursor, granularity).endExclusive();
            LocalDate end = periodEnd.isBefore(range.endExclusive()) ? periodEnd : range.endExclusive();
            periods.add(LocalDateRange.of(cursor, end));
            cursor = end;
        }
        return List.copyOf(periods);
    }
}
