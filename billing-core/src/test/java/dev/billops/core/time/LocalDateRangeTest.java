package dev.billops.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LocalDateRangeTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static LocalDateRange r(String start, String endExclusive) {
        return LocalDateRange.of(d(start), d(endExclusive));
    }

    @Test
    void of_endBeforeStart_throwsInvalidRangeNamingBothDates() {
        InvalidRangeException e = assertThrows(InvalidRangeException.class,
                () -> LocalDateRange.of(d("2026-02-01"), d("2026-01-01")));
        assertEquals("range ends (2026-01-01) before it starts (2026-02-01)", e.getMessage());
        assertEquals("2026-02-01", e.start());
        assertEquals("2026-01-01", e.end());
    }

    @Test
    void of_nullStart_throwsNullPointerNamingParameter() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> LocalDateRange.of(null, d("2026-01-01")));
        assertEquals("startInclusive", e.getMessage());
    }

    @Test
    void of_nullEnd_throwsNullPointerNamingParameter() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> LocalDateRange.of(d("2026-01-01"), null));
        assertEquals("endExclusive", e.getMessage());
    }

    @Test
    void of_equalEnds_isEmpty() {
        LocalDateRange empty = r("2026-01-01", "2026-01-01");
        assertTrue(empty.isEmpty());
        assertEquals(0, empty.days());
        assertEquals(List.of(), empty.stream().collect(Collectors.toList()));
    }

    @Test
    void ofDay_anyDay_holdsExactlyThatDay() {
        LocalDateRange day = LocalDateRange.ofDay(d("2026-12-31"));
        assertEquals(r("2026-12-31", "2027-01-01"), day);
        assertEquals(1, day.days());
        assertFalse(day.isEmpty());
    }

    @Test
    void ofMonth_february_hasTwentyEightOrTwentyNineDays() {
        assertEquals(r("2026-02-01", "2026-03-01"), LocalDateRange.ofMonth(YearMonth.of(2026, 2)));
        assertEquals(28, LocalDateRange.ofMonth(YearMonth.of(2026, 2)).days());
        assertEquals(29, LocalDateRange.ofMonth(YearMonth.of(2024, 2)).days());
    }

    @Test
    void ofMonth_december_endsOnNextNewYear() {
        assertEquals(r("2026-12-01", "2027-01-01"), LocalDateRange.ofMonth(YearMonth.of(2026, 12)));
    }

    @Test
    void ofClosed_firstToLastInclusive_endsTheDayAfter() {
        LocalDateRange november = LocalDateRange.ofClosed(d("2026-11-01"), d("2026-11-30"));
        assertEquals(r("2026-11-01", "2026-12-01"), november);
        assertEquals(30, november.days());
        assertEquals(d("2026-11-30"), november.lastDay());
    }

    @Test
    void ofClosed_sameDay_isOneDay() {
        assertEquals(LocalDateRange.ofDay(d("2026-11-05")), LocalDateRange.ofClosed(d("2026-11-05"), d("2026-11-05")));
    }

    @Test
    void ofClosed_lastBeforeFirst_throwsInvalidRange() {
        InvalidRangeException e = assertThrows(InvalidRangeException.class,
                () -> LocalDateRange.ofClosed(d("2026-11-05"), d("2026-11-04")));
        assertEquals("range ends (2026-11-04) before it starts (2026-11-05)", e.getMessage());
    }

    @Test
    void contains_startIncludedEndExcluded() {
        LocalDateRange november = r("2026-11-01", "2026-12-01");
        assertTrue(november.contains(d("2026-11-01")));
        assertTrue(november.contains(d("2026-11-30")));
        assertFalse(november.contains(d("2026-12-01")));
        assertFalse(november.contains(d("2026-10-31")));
    }

    @Test
    void contains_emptyRange_containsNothing() {
        assertFalse(r("2026-11-01", "2026-11-01").contains(d("2026-11-01")));
    }

    @Test
    void overlaps_sharedDay_true() {
        assertTrue(r("2026-11-01", "2026-11-10").overlaps(r("2026-11-09", "2026-11-20")));
        assertTrue(r("2026-11-09", "2026-11-20").overlaps(r("2026-11-01", "2026-11-10")));
    }

    @Test
    void overlaps_touchingRanges_false() {
        assertFalse(r("2026-11-01", "2026-11-10").overlaps(r("2026-11-10", "2026-11-20")));
        assertFalse(r("2026-11-10", "2026-11-20").overlaps(r("2026-11-01", "2026-11-10")));
    }

    @Test
    void overlaps_emptyRangeInside_false() {
        assertFalse(r("2026-11-01", "2026-11-10").overlaps(r("2026-11-05", "2026-11-05")));
    }

    @Test
    void intersection_overlapping_returnsSharedDays() {
        assertEquals(Optional.of(r("2026-11-09", "2026-11-10")),
                r("2026-11-01", "2026-11-10").intersection(r("2026-11-09", "2026-11-20")));
        assertEquals(Optional.of(r("2026-11-03", "2026-11-05")),
                r("2026-11-01", "2026-11-10").intersection(r("2026-11-03", "2026-11-05")));
    }

    @Test
    void intersection_touching_empty() {
        assertEquals(Optional.empty(), r("2026-11-01", "2026-11-10").intersection(r("2026-11-10", "2026-11-20")));
    }

    @Test
    void encloses_innerRange_trueAndNotConversely() {
        LocalDateRange outer = r("2026-11-01", "2026-12-01");
        LocalDateRange inner = r("2026-11-10", "2026-12-01");
        assertTrue(outer.encloses(inner));
        assertFalse(inner.encloses(outer));
        assertTrue(outer.encloses(outer));
    }

    @Test
    void encloses_rangeSpillingOver_false() {
        assertFalse(r("2026-11-01", "2026-12-01").encloses(r("2026-11-20", "2026-12-02")));
    }

    @Test
    void encloses_emptyRangeAtEnd_true() {
        assertTrue(r("2026-11-01", "2026-12-01").encloses(r("2026-12-01", "2026-12-01")));
    }

    @Test
    void days_acrossLeapDay_countsIt() {
        assertEquals(366, r("2024-01-01", "2025-01-01").days());
        assertEquals(365, r("2026-01-01", "2027-01-01").days());
    }

    @Test
    void lastDay_emptyRange_throwsInvalidRange() {
        InvalidRangeException e = assertThrows(InvalidRangeException.class, () -> r("2026-11-01", "2026-11-01").lastDay());
        assertEquals("range [2026-11-01, 2026-11-01) is empty and has no last day", e.getMessage());
    }

    @Test
    void stream_threeDays_yieldsThemInOrder() {
        assertEquals(List.of(d("2026-02-27"), d("2026-02-28"), d("2026-03-01")),
                r("2026-02-27", "2026-03-02").stream().collect(Collectors.toList()));
    }

    @Test
    void toString_showsHalfOpenInterval() {
        assertEquals("[2026-11-01, 2026-12-01)", r("2026-11-01", "2026-12-01").toString());
    }
}
