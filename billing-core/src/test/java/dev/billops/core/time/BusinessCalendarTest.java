package dev.billops.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.error.InvalidInputException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    // Easter 2026 in Germany: Good Friday 3 April, Easter Monday 6 April.
    private static final HolidayCalendar EASTER_2026 = HolidayCalendar.of(List.of(d("2026-04-03"), d("2026-04-06")));
    private static final BusinessCalendar GERMANY = BusinessCalendar.weekdays(EASTER_2026);

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void isBusinessDay_weekdayWeekendAndHoliday() {
        assertTrue(GERMANY.isBusinessDay(d("2026-04-02")));
        assertFalse(GERMANY.isBusinessDay(d("2026-04-03")));
        assertFalse(GERMANY.isBusinessDay(d("2026-04-04")));
        assertFalse(GERMANY.isBusinessDay(d("2026-04-05")));
        assertFalse(GERMANY.isBusinessDay(d("2026-04-06")));
        assertTrue(GERMANY.isBusinessDay(d("2026-04-07")));
    }

    @Test
    void businessDaysIn_twoWeeksOverEaster_isEight() {
        LocalDateRange twoWeeks = LocalDateRange.of(d("2026-03-30"), d("2026-04-13"));
        assertEquals(8, GERMANY.businessDaysIn(twoWeeks));
        assertEquals(10, BusinessCalendar.weekdays().businessDaysIn(twoWeeks));
    }

    @Test
    void businessDaysIn_emptyRange_isZero() {
        assertEquals(0, GERMANY.businessDaysIn(LocalDateRange.of(d("2026-04-07"), d("2026-04-07"))));
    }

    @Test
    void nextBusinessDay_beforeEaster_skipsLongWeekend() {
        assertEquals(d("2026-04-07"), GERMANY.nextBusinessDay(d("2026-04-02")));
        assertEquals(d("2026-04-07"), GERMANY.nextBusinessDay(d("2026-04-04")));
    }

    @Test
    void nextBusinessDay_isStrictlyAfter() {
        assertEquals(d("2026-04-08"), GERMANY.nextBusinessDay(d("2026-04-07")));
    }

    @Test
    void previousBusinessDay_afterEaster_skipsBackToThursday() {
        assertEquals(d("2026-04-02"), GERMANY.previousBusinessDay(d("2026-04-07")));
    }

    @Test
    void plusBusinessDays_overEaster_countsOnlyBusinessDays() {
        assertEquals(d("2026-04-07"), GERMANY.plusBusinessDays(d("2026-04-02"), 1));
        assertEquals(d("2026-04-09"), GERMANY.plusBusinessDays(d("2026-04-02"), 3));
        assertEquals(d("2026-04-02"), GERMANY.plusBusinessDays(d("2026-04-07"), -1));
        assertEquals(d("2026-03-31"), GERMANY.plusBusinessDays(d("2026-04-07"), -3));
    }

    @Test
    void plusBusinessDays_zero_returnsDateEvenOnHoliday() {
        assertEquals(d("2026-04-03"), GERMANY.plusBusinessDays(d("2026-04-03"), 0));
    }

    @Test
    void plusBusinessDays_fridayWeekend_skipsFridayAndSaturday() {
        BusinessCalendar gulf = BusinessCalendar.of(EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY), HolidayCalendar.none());
        // 2026-04-02 is a Thursday
        assertEquals(d("2026-04-05"), gulf.plusBusinessDays(d("2026-04-02"), 1));
        assertTrue(gulf.isBusinessDay(d("2026-04-05")));
    }

    @Test
    void of_allDaysWeekend_throwsInvalidInput() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> BusinessCalendar.of(EnumSet.allOf(DayOfWeek.class), HolidayCalendar.none()));
        assertTrue(e.getMessage().startsWith("weekend must leave at least one business day, was [MONDAY"), e.getMessage());
    }

    @Test
    void of_weekendCopied_laterChangesIgnored() {
        Set<DayOfWeek> weekend = EnumSet.of(DayOfWeek.SUNDAY);
        BusinessCalendar calendar = BusinessCalendar.of(weekend, HolidayCalendar.none());
        weekend.add(DayOfWeek.MONDAY);
        assertTrue(calendar.isBusinessDay(d("2026-04-06")));
    }

    @Test
    void nextBusinessDay_everyDayAHoliday_throwsInsteadOfLooping() {
        BusinessCalendar closed = BusinessCalendar.weekdays(date -> true);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> closed.nextBusinessDay(d("2026-04-02")));
        assertEquals("no business day within 3660 days after 2026-04-02; check the holiday calendar", e.getMessage());
    }

    @Test
    void withHolidays_replacesHolidays() {
        assertTrue(GERMANY.withHolidays(HolidayCalendar.none()).isBusinessDay(d("2026-04-03")));
    }

    @Test
    void holidayCalendarNone_hasNoHolidays() {
        assertFalse(HolidayCalendar.none().isHoliday(d("2026-12-25")));
    }

    @Test
    void holidayCalendarOf_copiesDates() {
        List<LocalDate> dates = new ArrayList<>(List.of(d("2026-12-25")));
        HolidayCalendar christmas = HolidayCalendar.of(dates);
        dates.add(d("2026-12-26"));
        assertTrue(christmas.isHoliday(d("2026-12-25")));
        assertFalse(christmas.isHoliday(d("2026-12-26")));
        assertEquals(HolidayCalendar.of(List.of(d("2026-12-25"))), christmas);
    }

    @Test
    void holidayCalendarOf_nullDate_throwsNullPointer() {
        assertThrows(NullPointerException.class, () -> HolidayCalendar.of(Arrays.asList(d("2026-12-25"), null)));
    }

    @Test
    void holidayCalendarOr_eitherCalendar() {
        HolidayCalendar both = EASTER_2026.or(HolidayCalendar.of(List.of(d("2026-12-25"))));
        assertTrue(both.isHoliday(d("2026-04-03")));
        assertTrue(both.isHoliday(d("2026-12-25")));
        assertFalse(both.isHoliday(d("2026-12-24")));
    }
}
