package dev.billops.core.time;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A stretch of real time, {@code [start, end)}, together with the time zone in which it was
 * worked, so that it can be both measured exactly and placed on a local calendar.
 *
 * <p>The {@link #duration()} is the exact difference between the two instants, never a
 * difference of wall-clock readings: from 00:00 to 24:00 local time is 23 hours on the day
 * clocks go forward and 25 hours on the day they go back. The zone decides which local date the
 * span belongs to ({@link #localDate()}) and where local midnights fall ({@link #splitAtMidnight()}).
 *
 * <p>Immutable and thread-safe. No component may be null, and the end must be strictly after the
 * start (an empty span bills nothing and is almost always a data-entry mistake); otherwise the
 * constructor throws {@link InvalidRangeException} naming both times.
 *
 * @param start the first instant of the span
 * @param end the first instant after the span; strictly after {@code start}
 * @param zone the zone whose calendar the span is billed in
 */
public record TimeSpan(Instant start, Instant end, ZoneId zone) {

    /**
     * @throws InvalidRangeException if {@code end} is not after {@code start}
     */
    public TimeSpan {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
        if (!end.isAfter(start)) {
            throw new InvalidRangeException("time span ends (" + end.atZone(zone) + ") at or before it starts ("
                    + start.atZone(zone) + ")", start, end);
        }
    }

    /**
     * The span between two instants, billed in {@code zone}.
     *
     * @throws InvalidRangeException if {@code end} is not after {@code start}
     */
    public static TimeSpan of(Instant start, Instant end, ZoneId zone) {
        return new TimeSpan(start, end, zone);
    }

    /**
     * The span between two wall-clock readings in {@code zone}, as a timekeeper enters them.
     *
     * <p>Readings that do not exist (inside a spring-forward gap) are moved forward by the length
     * of the gap; readings that occur twice (inside a fall-back overlap) take the earlier offset,
     * as {@link ZonedDateTime#of(LocalDateTime, ZoneId)} does.
     *
     * @throws InvalidRangeException if the end is not after the start, message in local times
     */
    public static TimeSpan of(LocalDateTime start, LocalDateTime end, ZoneId zone) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
        Instant from = start.atZone(zone).toInstant();
        Instant to = end.atZone(zone).toInstant();
        if (!to.isAfter(from)) {
            throw new InvalidRangeException("time span ends (" + end + ") at or before it starts (" + start
                    + ") in " + zone, start, end);
        }
        return new TimeSpan(from, to, zone);
    }

    /**
     * The span between two zoned date-times, billed in the zone of {@code start}.
     *
     * @throws InvalidRangeException if {@code end} is not after {@code start}
     */
    public static TimeSpan of(ZonedDateTime start, ZonedDateTime end) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        return new TimeSpan(start.toInstant(), end.toInstant(), start.getZone());
    }

    /** The exact elapsed time, {@code end - start}; DST changes inside the span are accounted for. */
    public Duration duration() {
        return Duration.between(start, end);
    }

    /** The local date, in {@link #zone()}, on which the span starts. */
    public LocalDate localDate() {
        return start.atZone(zone).toLocalDate();
    }

    /** The start as a wall-clock reading in {@link #zone()}. */
    public ZonedDateTime startInZone() {
        return start.atZone(zone);
    }

    /** The end as a wall-clock reading in {@link #zone()}. */
    public ZonedDateTime endInZone() {
        return end.atZone(zone);
    }

    /** Whether {@code instant} is on or after the start and before the end. */
    public boolean contains(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    /**
     * Whether the two spans share some instant. Spans that merely touch (one ends when the other
     * starts) do not overlap. Zones are ignored: this compares real time, which is what overlap
     * detection per timekeeper needs.
     */
    public boolean overlaps(TimeSpan other) {
        Objects.requireNonNull(other, "other");
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    /**
     * This span cut at every local midnight of its zone, in order: each piece lies within one
     * local date, consecutive pieces meet exactly, and their durations add up to
     * {@link #duration()}. A span within one day comes back as a one-element list.
     *
     * <p>Used to round per day an entry that crosses midnight. Where a zone has no midnight on
     * some day (a DST gap at 00:00), the day starts at the first valid instant, as
     * {@link LocalDate#atStartOfDay(ZoneId)} defines it; a day skipped entirely (Samoa,
     * 2011-12-30) gets no piece. Where clocks went back across midnight so that midnight happened
     * twice (St. John's until 2011), the cut is at the first midnight after the piece starts.
     */
    public List<TimeSpan> splitAtMidnight() {
        List<TimeSpan> pieces = new ArrayList<>();
        Instant cursor = start;
        while (true) {
            Instant midnight = nextLocalMidnight(cursor);
            if (!midnight.isBefore(end)) {
                pieces.add(new TimeSpan(cursor, end, zone));
                return List.copyOf(pieces);
            }
            pieces.add(new TimeSpan(cursor, midnight, zone));
            cursor = midnight;
        }
    }

    private Instant nextLocalMidnight(Instant after) {
        LocalDate day = after.atZone(zone).toLocalDate();
        while (true) {
            day = day.plusDays(1);
            ZonedDateTime midnight = day.atStartOfDay(zone);
            if (midnight.toInstant().isAfter(after)) {
                return midnight.toInstant();
            }
            // Clocks went back across midnight and "after" is in the repeated stretch: the later
            // occurrence of midnight (or the next day's) is the boundary.
            Instant later = midnight.withLaterOffsetAtOverlap().toInstant();
            if (later.isAfter(after)) {
                return later;
            }
        }
    }

    /** The span as {@code [start, end) zone}, the ends in local time with their offsets. */
    @Override
    public String toString() {
        return "[" + startInZone().toOffsetDateTime() + ", " + endInZone().toOffsetDateTime() + ") " + zone;
    }
}
