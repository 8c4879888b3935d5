package dev.billops.testkit.gen;

import dev.billops.core.time.BusinessCalendar;
import dev.billops.core.time.DurationRounding;
import dev.billops.core.time.Granularity;
import dev.billops.core.time.HolidayCalendar;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.time.PeriodCalendar;
import dev.billops.core.time.RoundingDirection;
import dev.billops.core.time.TimeSpan;
import dev.billops.testkit.property.Gen;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Generators of {@code dev.billops.core.time} values and of the java.time values they are built
 * from, biased toward the cases that break date code: month ends and leap days, zero and
 * sub-minute durations, zones with 30- and 45-minute offsets or DST shifts, and instants within
 * hours of a DST transition.
 *
 * <p>Dates lie within a few decades of 2026 and shrink toward 2026-01-01; durations shrink toward
 * zero; choices among constants shrink toward the first (UTC, MONDAY, {@code DAY}...). All
 * generators are stateless and thread-safe.
 */
public final class TimeGens {

    /** The date that generated dates shrink toward. */
    public static final LocalDate ANCHOR = LocalDate.of(2026, 1, 1);

    private static final long DAYS_BEFORE_ANCHOR = 365L * 40;
    private static final long DAYS_AFTER_ANCHOR = 365L * 40;
    private static final List<ZoneId> ZONES = List.of(
            ZoneOffset.UTC,
            ZoneId.of("Europe/Berlin"),
            ZoneId.of("America/New_York"),
            ZoneId.of("Australia/Lord_Howe"), // DST shifts by 30 minutes
            ZoneId.of("Asia/Kolkata"), // +05:30, no DST
            ZoneId.of("Asia/Kathmandu"), // +05:45
            ZoneId.of("Pacific/Chatham"), // +12:45 / +13:45
            ZoneId.of("America/St_Johns"), // -03:30 with DST
            ZoneId.of("Europe/London"),
            ZoneId.of("America/Sao_Paulo"), // DST changed at midnight until 2019
            ZoneId.of("Pacific/Apia")); // skipped 2011-12-30 entirely

    private TimeGens() {
    }

    /** Dates within about 40 years either side of {@link #ANCHOR}, one in five a month end, leap day or New Year. */
    public static Gen<LocalDate> dates() {
        Gen<LocalDate> uniform = Gen.longs(-DAYS_BEFORE_ANCHOR, DAYS_AFTER_ANCHOR).map(ANCHOR::plusDays);
        Gen<YearMonth> months = Gen.zip(Gen.ints(1990, 2060), Gen.ints(1, 12), YearMonth::of);
        Gen<LocalDate> monthEnds = months.map(YearMonth::atEndOfMonth);
        Gen<LocalDate> monthStarts = months.map(month -> month.atDay(1));
        Gen<LocalDate> leapDays = Gen.ints(1992 / 4, 2060 / 4).map(quarter -> LocalDate.of(quarter * 4, 2, 29));
        return Gen.frequency(
                Gen.weighted(80, uniform),
                Gen.weighted(8, monthEnds),
                Gen.weighted(8, monthStarts),
                Gen.weighted(4, leapDays));
    }

    /**
     * Dates in {@code [first, last]}, both included; shrink toward {@code first}.
     *
     * @throws IllegalArgumentException if {@code last} is before {@code first}
     */
    public static Gen<LocalDate> dates(LocalDate first, LocalDate last) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("dates: last " + last + " is before first " + first);
        }
        return Gen.longs(0, ChronoUnit.DAYS.between(first, last)).map(first::plusDays);
    }

    /**
     * Date ranges starting on a {@link #dates()} date: one in ten empty, most up to 40 days, some up
     * to three years, so that they cross weeks, months, quarters and years.
     */
    public static Gen<LocalDateRange> dateRanges() {
        Gen<Long> lengths = Gen.frequency(
                Gen.weighted(10, Gen.constant(0L)),
                Gen.weighted(60, Gen.longs(1, 40)),
                Gen.weighted(30, Gen.longs(1, 3 * 366)));
        return Gen.zip(dates(), lengths, (start, days) -> LocalDateRange.of(start, start.plusDays(days)));
    }

    /**
     * Non-negative durations as time entries have them: zero, sub-minute, whole minutes, whole
     * seconds up to a day, and a few up to two weeks or with nanoseconds.
     */
    public static Gen<Duration> durations() {
        return Gen.frequency(
                Gen.weighted(5, Gen.constant(Duration.ZERO)),
                Gen.weighted(15, Gen.longs(1, 59).map(Duration::ofSeconds)),
                Gen.weighted(35, Gen.longs(1, 24 * 60).map(Duration::ofMinutes)),
                Gen.weighted(35, Gen.longs(1, 24 * 3600).map(Duration::ofSeconds)),
                Gen.weighted(5, Gen.longs(1, 14 * 24 * 3600).map(Duration::ofSeconds)),
                Gen.weighted(5, Gen.longs(1, 3_600_000_000_000L).map(Duration::ofNanos)));
    }

    /** Like {@link #durations()} but never zero. */
    public static Gen<Duration> positiveDurations() {
        return durations().filter(duration -> !duration.isZero());
    }

    /**
     * Zones that make time arithmetic interesting: UTC, Europe/Berlin, America/New_York,
     * Australia/Lord_Howe (30-minute DST), Asia/Kolkata (+05:30), Asia/Kathmandu (+05:45),
     * Pacific/Chatham, America/St_Johns, Europe/London, America/Sao_Paulo and Pacific/Apia.
     * Shrinks toward UTC.
     */
    public static Gen<ZoneId> zoneIds() {
        return Gen.oneOf(ZONES);
    }

    /** Zoned date-times in any of {@link #zoneIds()}, half of them within six hours of a DST transition. */
    public static Gen<ZonedDateTime> zonedDateTimes() {
        return zoneIds().flatMap(TimeGens::zonedDateTimes);
    }

    /**
     * Zoned date-times in {@code zone} between 1990 and 2060: half of them (in zones that have
     * transitions) within six hours of a transition, some exactly on it; the rest uniform, to the
     * second.
     */
    public static Gen<ZonedDateTime> zonedDateTimes(ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        long from = LocalDate.of(1990, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        long to = LocalDate.of(2060, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        Gen<Instant> uniform = Gen.longs(from, to).map(Instant::ofEpochSecond);
        Gen<Instant> nearTransition = Gen.zip(uniform, Gen.frequency(
                Gen.weighted(1, Gen.constant(0L)),
                Gen.weighted(4, Gen.longs(-6 * 60, 6 * 60).map(minutes -> minutes * 60)),
                Gen.weighted(4, Gen.longs(-6 * 3600, 6 * 3600))), (instant, offsetSeconds) -> {
                    ZoneOffsetTransition transition = zone.getRules().nextTransition(instant);
                    return transition == null ? instant : transition.getInstant().plusSeconds(offsetSeconds);
                });
        return Gen.frequency(Gen.weighted(1, uniform), Gen.weighted(1, nearTransition))
                .map(instant -> instant.atZone(zone));
    }

    /**
     * Time spans starting at a {@link #zonedDateTimes()} instant and lasting from one second to
     * three days, most of them a few hours, so that many cross midnight or a DST change.
     */
    public static Gen<TimeSpan> timeSpans() {
        Gen<Long> seconds = Gen.frequency(
                Gen.weighted(10, Gen.longs(1, 59)),
                Gen.weighted(60, Gen.longs(1, 12 * 3600)),
                Gen.weighted(30, Gen.longs(1, 3 * 24 * 3600)));
        return Gen.zip(zonedDateTimes(), seconds,
                (start, length) -> TimeSpan.of(start.toInstant(), start.toInstant().plusSeconds(length), start.getZone()));
    }

    /**
     * Rounding rules: the usual increments (1, 5, 6, 10, 15, 30, 60 minutes) and a few odd ones
     * (7 minutes, 90 and 45 seconds), any direction, and a minimum that is half the time zero and
     * otherwise often not a multiple of the increment.
     */
    public static Gen<DurationRounding> roundingRules() {
        Gen<Duration> increments = Gen.frequency(
                Gen.weighted(85, Gen.oneOf(1L, 5L, 6L, 10L, 15L, 30L, 60L).map(Duration::ofMinutes)),
                Gen.weighted(15, Gen.oneOf(Duration.ofMinutes(7), Duration.ofSeconds(90), Duration.ofSeconds(45))));
        Gen<Duration> minimums = Gen.frequency(
                Gen.weighted(50, Gen.constant(Duration.ZERO)),
                Gen.weighted(25, Gen.longs(1, 120).map(Duration::ofMinutes)),
                Gen.weighted(25, Gen.longs(1, 2 * 3600).map(Duration::ofSeconds)));
        return Gen.zip(increments, Gen.enumValues(RoundingDirection.class), minimums, DurationRounding::new);
    }

    /** Any {@link Granularity}; shrinks toward {@code DAY}. */
    public static Gen<Granularity> granularities() {
        return Gen.enumValues(Granularity.class);
    }

    /** Period calendars with any week start and any fiscal-year start; shrink toward ISO. */
    public static Gen<PeriodCalendar> periodCalendars() {
        return Gen.zip(Gen.enumValues(DayOfWeek.class), Gen.enumValues(Month.class), PeriodCalendar::new);
    }

    /**
     * Business calendars with a weekend of zero to three days and up to 30 holidays within a year
     * of {@link #ANCHOR}.
     */
    public static Gen<BusinessCalendar> businessCalendars() {
        Gen<Set<DayOfWeek>> weekends = Gen.frequency(
                Gen.weighted(60, Gen.constant(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY))),
                Gen.weighted(40, Gen.listOf(Gen.enumValues(DayOfWeek.class), 0, 3).map(days -> days.isEmpty()
                        ? Set.<DayOfWeek>of() : Set.copyOf(EnumSet.copyOf(days)))));
        Gen<HolidayCalendar> holidays = Gen.listOf(dates(ANCHOR.minusYears(1), ANCHOR.plusYears(1)), 0, 30)
                .map(HolidayCalendar::of);
        return Gen.zip(weekends, holidays, BusinessCalendar::of);
    }
}
