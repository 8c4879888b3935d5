package dev.billops.core.time;

import static dev.billops.core.time.Granularity.DAY;
import static dev.billops.core.time.Granularity.MONTH;
import static dev.billops.core.time.Granularity.QUARTER;
import static dev.billops.core.time.Granularity.WEEK;
import static dev.billops.core.time.Granularity.YEAR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodCalendarTest {

    private static final PeriodCalendar ISO = PeriodCalendar.iso();
    private static final PeriodCalendar FISCAL_APRIL = PeriodCalendar.of(DayOfWeek.MONDAY, Month.APRIL);

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static LocalDateRange r(String start, String endExclusive) {
        return LocalDateRange.of(d(start), d(endExclusive));
    }

    @Test
    void iso_isMondayAndJanuary() {
        assertEquals(new PeriodCalendar(DayOfWeek.MONDAY, Month.JANUARY), PeriodCalendar.iso());
    }

    @Test
    void periodContaining_day_isThatDay() {
        assertEquals(LocalDateRange.ofDay(d("2026-03-29")), ISO.periodContaining(d("2026-03-29"), DAY));
    }

    @Test
    void periodContaining_isoWeekOverNewYear_startsMonday() {
        // 2026-01-01 is a Thursday
        assertEquals(r("2025-12-29", "2026-01-05"), ISO.periodContaining(d("2026-01-01"), WEEK));
        assertEquals(r("2025-12-29", "2026-01-05"), ISO.periodContaining(d("2025-12-29"), WEEK));
        assertEquals(r("2025-12-29", "2026-01-05"), ISO.periodContaining(d("2026-01-04"), WEEK));
    }

    @Test
    void periodContaining_sundayWeekStart_startsSunday() {
        PeriodCalendar us = PeriodCalendar.of(DayOfWeek.SUNDAY, Month.JANUARY);
        assertEquals(r("2025-12-28", "2026-01-04"), us.periodContaining(d("2026-01-01"), WEEK));
        assertEquals(r("2026-01-04", "2026-01-11"), us.periodContaining(d("2026-01-04"), WEEK));
    }

    @Test
    void periodContaining_month_isCalendarMonth() {
        assertEquals(r("2024-02-01", "2024-03-01"), FISCAL_APRIL.periodContaining(d("2024-02-29"), MONTH));
    }

    @Test
    void periodContaining_isoQuarter_isCalendarQuarter() {
        assertEquals(r("2026-04-01", "2026-07-01"), ISO.periodContaining(d("2026-05-15"), QUARTER));
        assertEquals(r("2026-10-01", "2027-01-01"), ISO.periodContaining(d("2026-12-31"), QUARTER));
        assertEquals(r("2026-01-01", "2027-01-01"), ISO.periodContaining(d("2026-07-01"), YEAR));
    }

    @Test
    void periodContaining_fiscalYearFromApril_quartersFollowIt() {
        assertEquals(r("2026-04-01", "2026-07-01"), FISCAL_APRIL.periodContaining(d("2026-04-01"), QUARTER));
        assertEquals(r("2026-10-01", "2027-01-01"), FISCAL_APRIL.periodContaining(d("2026-11-15"), QUARTER));
        assertEquals(r("2027-01-01", "2027-04-01"), FISCAL_APRIL.periodContaining(d("2027-01-15"), QUARTER));
    }

    @Test
    void periodContaining_fiscalYearFromApril_yearSpansTwoCalendarYears() {
        assertEquals(r("2026-04-01", "2027-04-01"), FISCAL_APRIL.periodContaining(d("2027-01-15"), YEAR));
        assertEquals(r("2025-04-01", "2026-04-01"), FISCAL_APRIL.periodContaining(d("2026-03-31"), YEAR));
        assertEquals(r("2026-04-01", "2027-04-01"), FISCAL_APRIL.periodContaining(d("2026-04-01"), YEAR));
    }

    @Test
    void periodContaining_fiscalYearFromFebruary_quartersAreOffByOneMonth() {
        PeriodCalendar february = PeriodCalendar.of(DayOfWeek.MONDAY, Month.FEBRUARY);
        assertEquals(r("2025-11-01", "2026-02-01"), february.periodContaining(d("2026-01-31"), QUARTER));
        assertEquals(r("2026-02-01", "2026-05-01"), february.periodContaining(d("2026-02-01"), QUARTER));
    }

    @Test
    void periodContaining_nullGranularity_throwsNullPointer() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> ISO.periodContaining(d("2026-01-01"), null));
        assertEquals("granularity", e.getMessage());
    }

    @Test
    void next_eachGranularity_returnsFollowingPeriod() {
        assertEquals(LocalDateRange.ofDay(d("2027-01-01")), ISO.next(LocalDateRange.ofDay(d("2026-12-31")), DAY));
        assertEquals(r("2026-01-05", "2026-01-12"), ISO.next(r("2025-12-29", "2026-01-05"), WEEK));
        assertEquals(r("2026-03-01", "2026-04-01"), ISO.next(r("2026-02-01", "2026-03-01"), MONTH));
        assertEquals(r("2027-01-01", "2027-04-01"), FISCAL_APRIL.next(r("2026-10-01", "2027-01-01"), QUARTER));
        assertEquals(r("2027-04-01", "2028-04-01"), FISCAL_APRIL.next(r("2026-04-01", "2027-04-01"), YEAR));
    }

    @Test
    void next_clippedPeriod_returnsNextWholePeriod() {
        assertEquals(r("2026-02-01", "2026-03-01"), ISO.next(r("2026-01-15", "2026-02-01"), MONTH));
    }

    @Test
    void next_emptyRange_throwsInvalidRange() {
        assertThrows(InvalidRangeException.class, () -> ISO.next(r("2026-01-15", "2026-01-15"), MONTH));
    }

    @Test
    void previous_quarter_returnsPrecedingQuarter() {
        assertEquals(r("2026-01-01", "2026-04-01"), FISCAL_APRIL.previous(r("2026-04-01", "2026-07-01"), QUARTER));
        assertEquals(r("2025-12-22", "2025-12-29"), ISO.previous(r("2025-12-29", "2026-01-05"), WEEK));
    }

    @Test
    void split_byMonth_clipsFirstAndLast() {
        assertEquals(List.of(
                r("2026-01-15", "2026-02-01"),
                r("2026-02-01", "2026-03-01"),
                r("2026-03-01", "2026-04-01"),
                r("2026-04-01", "2026-04-10")), ISO.split(r("2026-01-15", "2026-04-10"), MONTH));
    }

    @Test
    void split_byWeek_followsWeekStart() {
        // 2026-01-01 is a Thursday
        assertEquals(List.of(
                r("2026-01-01", "2026-01-05"),
                r("2026-01-05", "2026-01-12"),
                r("2026-01-12", "2026-01-14")), ISO.split(r("2026-01-01", "2026-01-14"), WEEK));
    }

    @Test
    void split_byFiscalYear_cutsAtApril() {
        assertEquals(List.of(
                r("2026-01-01", "2026-04-01"),
                r("2026-04-01", "2027-01-01")), FISCAL_APRIL.split(r("2026-01-01", "2027-01-01"), YEAR));
    }

    @Test
    void split_rangeInsideOnePeriod_returnsRange() {
        assertEquals(List.of(r("2026-05-03", "2026-05-20")), ISO.split(r("2026-05-03", "2026-05-20"), QUARTER));
    }

    @Test
    void split_emptyRange_returnsEmptyList() {
        assertEquals(List.of(), ISO.split(r("2026-05-03", "2026-05-03"), DAY));
    }

    @Test
    void split_byDay_returnsEachDay() {
        assertEquals(List.of(LocalDateRange.ofDay(d("2026-02-28")), LocalDateRange.ofDay(d("2026-03-01"))),
                ISO.split(r("2026-02-28", "2026-03-02"), DAY));
    }
}
