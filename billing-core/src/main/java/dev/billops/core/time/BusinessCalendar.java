package dev.billops.core.time;

import dev.billops.core.error.InvalidInputException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which days are working days: every day that is neither a weekend day nor a holiday. Counts
 * business days in a range and steps from one business day to the next.
 *
 * <p>Immutable and thread-safe as long as the {@link HolidayCalendar} is. Null arguments throw
 * {@link NullPointerException}. A weekend of all seven days throws {@link InvalidInputException};
 * a holiday calendar that leaves no business day for {@value #SEARCH_LIMIT_DAYS} days makes the
 * stepping methods throw {@link InvalidInputException} instead of searching forever.
 *
 * @param weekend the days of the week that are never business days (copied, may be empty)
 * @param holidays the dates that are not business days although they are not weekend days
 */
public record BusinessCalendar(Set<DayOfWeek> weekend, HolidayCalendar holidays) {

    /** How far (in days, about ten years) the stepping methods search for a business day. */
    public static final int SEARCH_LIMIT_DAYS = 3660;

    /**
     * @throws InvalidInputException if every day of the week is a weekend day
     */
    public BusinessCalendar {
        Objects.requireNonNull(weekend, "weekend");
        Objects.requireNonNull(holidays, "holidays");
        weekend = Set.copyOf(weekend);
        if (weekend.size() == DayOfWeek.values().length) {
            throw new InvalidInputException("weekend must leave at least one business day, was "
                    + EnumSet.copyOf(weekend));
        }
    }

    /** Saturday and Sunday off, no holidays. */
    public static BusinessCalendar weekdays() {
        return new BusinessCalendar(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), HolidayCalendar.none());
    }

    /** Saturday and Sunday off, plus the given holidays. */
    public static BusinessCalendar weekdays(HolidayCalendar holidays) {
        return new BusinessCalendar(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), holidays);
    }

    /**
     * @throws InvalidInputException if every day of the week is a weekend day
     */
    public static BusinessCalendar of(Set<DayOfWeek> weekend, HolidayCalendar holidays) {
        return new BusinessCalendar(weekend, holidays);
    }

    /** This calendar with different holidays. */
    public BusinessCalendar withHolidays(HolidayCalendar newHolidays) {
        return new BusinessCalendar(weekend, newHolidays);
    }

    /** Whether {@code date} is neither a weekend day nor a holiday. */
    public boolean isBusinessDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return !weekend.contains(date.getDayOfWeek()) && !holidays.isHoliday(date);
    }

    /** How many dates of {@code range} are business days. */
    public long businessDaysIn(LocalDateRange range) {
        Objects.requireNonNull(range, "range");
        return range.stream().filter(this::isBusinessDay).count();
    }

    /**
     * The first business day strictly after {@code date}.
     *
     * @throws InvalidInputException if there is none within {@value #SEARCH_LIMIT_DAYS} days
     */
    public LocalDate nextBusinessDay(LocalDate date) {
        return step(date, 1);
    }

    /**
     * The last business day strictly before {@code date}.
     *
     * @throws InvalidInputException if there is none within {@value #SEARCH_LIMIT_DAYS} days
     */
    public LocalDate previousBusinessDay(LocalDate date) {
        return step(date, -1);
    }

    /**
     * The date {@code days} business days after {@code date} (before it, if negative), counting
     * only business days: from a Friday, {@code plusBusinessDays(friday, 1)} is the next Monday
     * in a Saturday/Sunday weekend. {@code date} itself need not be a business day; zero returns
     * it unchanged.
     *
     * @throws InvalidInputException if the holiday calendar leaves no business day within
     *     {@value #SEARCH_LIMIT_DAYS} days of a step
     */
    public LocalDate plusBusinessDays(LocalDate date, long days) {
        Objects.requireNonNull(date, "date");
        int direction = days < 0 ? -1 : 1;
        LocalDate result = date;
        for (long remaining = days; remaining != 0; remaining -= direction) {
            result = step(result, direction);
        }
        return result;
    }

    private LocalDate step(LocalDate from, int direction) {
        Objects.requireNonNull(from, "date");
        LocalDate candidate = from;
        for (int i = 0; i < SEARCH_LIMIT_DAYS; i++) {
            candidate = candidate.plusDays(direction);
            if (isBusinessDay(candidate)) {
                return candidate;
            }
        }
        throw new InvalidInputException("no business day within " + SEARCH_LIMIT_DAYS + " days "
                + (direction > 0 ? "after " : "before ") + from + "; check the holiday calendar");
    }
}
