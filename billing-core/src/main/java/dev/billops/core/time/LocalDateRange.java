package dev.billops.core.time;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A half-open range of calendar dates, {@code [startInclusive, endExclusive)}.
 *
 * <p>Half-open so that consecutive periods meet without a gap or a shared day: November is
 * {@code [2026-11-01, 2026-12-01)}, and the next range starts where this one ends. A range whose
 * ends are equal is <em>empty</em>: it contains no date and overlaps nothing.
 *
 * <p>Immutable and thread-safe. Neither end may be null; an end before the start throws
 * {@link InvalidRangeException}.
 *
 * @param startInclusive the first date in the range (unless the range is empty)
 * @param endExclusive the first date after the range; not before {@code startInclusive}
 */
public record LocalDateRange(LocalDate startInclusive, LocalDate endExclusive) {

    /**
     * @throws InvalidRangeException if {@code endExclusive} is before {@code startInclusive}
     */
    public LocalDateRange {
        Objects.requireNonNull(startInclusive, "startInclusive");
        Objects.requireNonNull(endExclusive, "endExclusive");
        if (endExclusive.isBefore(startInclusive)) {
            throw new InvalidRangeException(startInclusive, endExclusive);
        }
    }

    /**
     * The dates from {@code startInclusive} up to, not including, {@code endExclusive}.
     *
     * @throws InvalidRangeException if the end is before the start
     */
    public static LocalDateRange of(LocalDate startInclusive, LocalDate endExclusive) {
        return new LocalDateRange(startInclusive, endExclusive);
    }

    /** The range holding exactly one day. */
    public static LocalDateRange ofDay(LocalDate day) {
        Objects.requireNonNull(day, "day");
        return new LocalDateRange(day, day.plusDays(1));
    }

    /** Every day of a calendar month, e.g. {@code [2026-11-01, 2026-12-01)}. */
    public static LocalDateRange ofMonth(YearMonth month) {
        Objects.requireNonNull(month, "month");
        return new LocalDateRange(month.atDay(1), month.plusMonths(1).atDay(1));
    }

    /**
     * The range from {@code first} to {@code lastInclusive}, both included, as people write
     * service periods on invoices ("1–30 November").
     *
     * @throws InvalidRangeException if {@code lastInclusive} is before {@code first}
     */
    public static LocalDateRange ofClosed(LocalDate first, LocalDate lastInclusive) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(lastInclusive, "lastInclusive");
        if (lastInclusive.isBefore(first)) {
            throw new InvalidRangeException(first, lastInclusive);
        }
        return new LocalDateRange(first, lastInclusive.plusDays(1));
    }

    /** Whether {@code date} is on or after the start and before the end. */
    public boolean contains(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return !date.isBefore(startInclusive) && date.isBefore(endExclusive);
    }

    /**
     * Whether the two ranges share at least one day. Ranges that merely touch ({@code [a, b)} and
     * {@code [b, c)}) do not overlap, and an empty range overlaps nothing.
     */
    public boolean overlaps(LocalDateRange other) {
        Objects.requireNonNull(other, "other");
        return !isEmpty() && !other.isEmpty()
                && startInclusive.isBefore(other.endExclusive) && other.startInclusive.isBefore(endExclusive);
    }

    /**
     * The days both ranges share, or empty if they do not {@link #overlaps overlap}; a present
     * result is never an empty range.
     */
    public Optional<LocalDateRange> intersection(LocalDateRange other) {
        if (!overlaps(other)) {
            return Optional.empty();
        }
        LocalDate start = startInclusive.isAfter(other.startInclusive) ? startInclusive : other.startInclusive;
        LocalDate end = endExclusive.isBefore(other.endExclusive) ? endExclusive : other.endExclusive;
        return Optional.of(new LocalDateRange(start, end));
    }

    /**
     * Whether {@code other} lies entirely within this range: it starts on or after this start and
     * ends on or before this end. Every range encloses itself, and an empty range at {@code d}
     * is enclosed by any range with {@code start <= d <= end}.
     */
    public boolean encloses(LocalDateRange other) {
        Objects.requireNonNull(other, "other");
        return !other.startInclusive.isBefore(startInclusive) && !other.endExclusive.isAfter(endExclusive);
    }

    /** The number of days in the range; zero when empty. */
    public long days() {
        return ChronoUnit.DAYS.between(startInclusive, endExclusive);
    }

    /**
     * The last date in the range, the day before {@code endExclusive}.
     *
     * @throws InvalidRangeException if the range is empty, so has no last day
     */
    public LocalDate lastDay() {
        if (isEmpty()) {
            throw new InvalidRangeException("range " + this + " is empty and has no last day",
                    startInclusive, endExclusive);
        }
        return endExclusive.minusDays(1);
    }

    /** Whether the range holds no day ({@code startInclusive == endExclusive}). */
    public boolean isEmpty() {
        return startInclusive.equals(endExclusive);
    }

    /** Every date of the range, in order. */
    public Stream<LocalDate> stream() {
        return startInclusive.datesUntil(endExclusive);
    }

    /** The range in interval notation, e.g. {@code [2026-11-01, 2026-12-01)}. */
    @Override
    public String toString() {
        return "[" + startInclusive + ", " + endExclusive + ")";
    }
}
