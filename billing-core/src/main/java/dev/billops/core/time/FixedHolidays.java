package dev.billops.core.time;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** A holiday calendar given as a set of dates; {@link HolidayCalendar#of} makes it. */
final class FixedHolidays implements HolidayCalendar {

    static final FixedHolidays NONE = new FixedHolidays(Set.of());

    private final Set<LocalDate> dates;

    FixedHolidays(Set<LocalDate> dates) {
        this.dates = dates;
    }

    @Override
    public boolean isHoliday(LocalDate date) {
        return dates.contains(Objects.requireNonNull(date, "date"));
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof FixedHolidays that && dates.equals(that.dates);
    }

    @Override
    public int hashCode() {
        return dates.hashCode();
    }

    @Override
    public String toString() {
        return "HolidayCalendar" + new TreeSet<>(dates);
    }
}
