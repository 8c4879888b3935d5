package dev.billops.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.testkit.gen.TimeGens;
import dev.billops.testkit.property.Gen;
import dev.billops.testkit.property.Property;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BusinessCalendarPropertiesTest {

    private static final Gen<LocalDateRange> RANGES_NEAR_HOLIDAYS = Gen.zip(
            TimeGens.dates(TimeGens.ANCHOR.minusYears(1), TimeGens.ANCHOR.plusYears(1)), Gen.longs(0, 120),
            (start, days) -> LocalDateRange.of(start, start.plusDays(days)));

    @Test
    void businessDaysIn_anyCalendarAnyRange_equalsCountOfDaysThatAreNeitherWeekendNorHoliday() {
        Property.forAll(TimeGens.businessCalendars(), RANGES_NEAR_HOLIDAYS).tries(500).verify((calendar, range) -> {
            long expected = range.stream()
                    .filter(day -> !calendar.weekend().contains(day.getDayOfWeek()))
                    .filter(day -> !calendar.holidays().isHoliday(day))
                    .count();
            assertEquals(expected, calendar.businessDaysIn(range));
        });
    }

    @Test
    void businessDaysIn_splitRange_isSumOfParts() {
        Property.forAll(TimeGens.businessCalendars(), RANGES_NEAR_HOLIDAYS, TimeGens.granularities()).tries(500)
                .verify((calendar, range, granularity) -> assertEquals(calendar.businessDaysIn(range),
                        PeriodCalendar.iso().split(range, granularity).stream().mapToLong(calendar::businessDaysIn).sum()));
    }

    @Test
    void plusBusinessDays_anyCount_landsOnBusinessDayAfterExactlyThatMany() {
        Gen<LocalDate> dates = TimeGens.dates(TimeGens.ANCHOR.minusYears(1), TimeGens.ANCHOR.plusYears(1));
        Property.forAll(TimeGens.businessCalendars(), dates, Gen.ints(1, 60)).tries(500).verify((calendar, date, n) -> {
            LocalDate later = calendar.plusBusinessDays(date, n);
            assertTrue(calendar.isBusinessDay(later));
            assertEquals((long) n, calendar.businessDaysIn(LocalDateRange.of(date.plusDays(1), later.plusDays(1))));
            LocalDate earlier = calendar.plusBusinessDays(date, -n);
            assertTrue(calendar.isBusinessDay(earlier));
            assertEquals((long) n, calendar.businessDaysIn(LocalDateRange.of(earlier, date)));
            if (calendar.isBusinessDay(date)) {
                assertEquals(date, calendar.plusBusinessDays(later, -n));
            }
        });
    }

    @Test
    void nextBusinessDay_anyDate_skipsOnlyNonBusinessDays() {
        Gen<LocalDate> dates = TimeGens.dates(TimeGens.ANCHOR.minusYears(1), TimeGens.ANCHOR.plusYears(1));
        Property.forAll(TimeGens.businessCalendars(), dates).tries(500).verify((calendar, date) -> {
            LocalDate next = calendar.nextBusinessDay(date);
            assertTrue(next.isAfter(date));
            assertTrue(calendar.isBusinessDay(next));
            assertEquals(0, calendar.businessDaysIn(LocalDateRange.of(date.plusDays(1), next)));
        });
    }
}
