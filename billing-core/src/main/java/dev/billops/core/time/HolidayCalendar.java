package dev.billops.core.time;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * Which dates are public holidays, for {@link BusinessCalendar}. Plug in any source (a fixed list,
 * a rule set, a calendar feed): the only requirement is that {@link #isHoliday} is a pure,
 * thread-safe function of the date, because business-day arithmetic may call it many times.
 */
@FunctionalInterface
public interface HolidayCalendar {

    /** Whether {@code date} is a holiday; never called with null. */
    boolean isHoliday(LocalDate date);

    /** A calendar without holidays. */
    static HolidayCalendar none() {
        return FixedHolidays.NONE;
    }

    /**
     * A calendar whose holidays are exactly the given dates (copied; later changes to the
     * collection have no effect).
     *
     * @throws NullPointerException if the collection or any date in it is null
     */
    static HolidayCalendar of(Collection<LocalDate> holidays) {
        Objects.requireNonNull(holidays, "holidays");
        return new FixedHolidays(Set.copyOf(holidays));
    }

    /** A calendar in which a date is a holiday if it is one in this calendar or in {@code other}. */
    default HolidayCalendar or(HolidayCalendar other) {
        Objects.requireNonNull(other, "other");
        return date -> isHoliday(date) || other.isHoliday(date);
    }
}
