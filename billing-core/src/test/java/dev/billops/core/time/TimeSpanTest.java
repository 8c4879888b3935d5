package dev.billops.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeSpanTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId LORD_HOWE = ZoneId.of("Australia/Lord_Howe");
    private static final ZoneId APIA = ZoneId.of("Pacific/Apia");

    private static LocalDateTime t(String iso) {
        return LocalDateTime.parse(iso);
    }

    private static TimeSpan wholeDay(String date, ZoneId zone) {
        LocalDate day = LocalDate.parse(date);
        return TimeSpan.of(day.atStartOfDay(), day.plusDays(1).atStartOfDay(), zone);
    }

    @Test
    void duration_berlinSpringForwardDay_is23Hours() {
        assertEquals(Duration.ofHours(23), wholeDay("2026-03-29", BERLIN).duration());
    }

    @Test
    void duration_berlinFallBackDay_is25Hours() {
        assertEquals(Duration.ofHours(25), wholeDay("2026-10-25", BERLIN).duration());
    }

    @Test
    void duration_ordinaryDay_is24Hours() {
        assertEquals(Duration.ofHours(24), wholeDay("2026-06-15", BERLIN).duration());
    }

    @Test
    void duration_newYorkSpringForward_is23Hours() {
        assertEquals(Duration.ofHours(23), wholeDay("2026-03-08", NEW_YORK).duration());
    }

    @Test
    void duration_lordHoweSpringForward_loses30Minutes() {
        // Lord Howe moves from +10:30 to +11:00 at 02:00 on the first Sunday of October.
        assertEquals(Duration.ofHours(23).plusMinutes(30), wholeDay("2026-10-04", LORD_HOWE).duration());
    }

    @Test
    void duration_acrossTheSpringForwardHour_isWallClockMinusOneHour() {
        assertEquals(Duration.ofHours(1), TimeSpan.of(t("2026-03-29T01:30"), t("2026-03-29T03:30"), BERLIN).duration());
    }

    @Test
    void of_localTimeInGap_movesForwardByTheGap() {
        TimeSpan span = TimeSpan.of(t("2026-03-29T02:30"), t("2026-03-29T04:00"), BERLIN);
        assertEquals(ZonedDateTime.of(t("2026-03-29T03:30"), BERLIN), span.startInZone());
        assertEquals(Duration.ofMinutes(30), span.duration());
    }

    @Test
    void of_localTimeInOverlap_takesEarlierOffset() {
        TimeSpan span = TimeSpan.of(t("2026-10-25T02:30"), t("2026-10-25T03:30"), BERLIN);
        assertEquals(Instant.parse("2026-10-25T00:30:00Z"), span.start());
        assertEquals(Duration.ofHours(2), span.duration());
    }

    @Test
    void of_zonedDateTimes_usesStartZone() {
        ZonedDateTime start = ZonedDateTime.of(t("2026-05-04T09:00"), BERLIN);
        TimeSpan span = TimeSpan.of(start, start.plusHours(2).withZoneSameInstant(ZoneOffset.UTC));
        assertEquals(BERLIN, span.zone());
        assertEquals(Duration.ofHours(2), span.duration());
    }

    @Test
    void of_endBeforeStart_throwsInvalidRangeNamingBothTimes() {
        InvalidRangeException e = assertThrows(InvalidRangeException.class,
                () -> TimeSpan.of(t("2026-05-04T10:00"), t("2026-05-04T09:00"), BERLIN));
        assertEquals("time span ends (2026-05-04T09:00) at or before it starts (2026-05-04T10:00) in Europe/Berlin",
                e.getMessage());
        assertEquals("2026-05-04T10:00", e.start());
        assertEquals("2026-05-04T09:00", e.end());
    }

    @Test
    void of_endEqualsStart_throwsInvalidRange() {
        Instant at = Instant.parse("2026-05-04T08:00:00Z");
        InvalidRangeException e = assertThrows(InvalidRangeException.class, () -> TimeSpan.of(at, at, BERLIN));
        assertEquals("time span ends (2026-05-04T10:00+02:00[Europe/Berlin]) at or before it starts "
                + "(2026-05-04T10:00+02:00[Europe/Berlin])", e.getMessage());
    }

    @Test
    void of_bothEndsInGapEndBeforeStart_throwsInvalidRange() {
        // both readings fall in the spring-forward gap and move to 03:10 and 03:05
        assertThrows(InvalidRangeException.class,
                () -> TimeSpan.of(t("2026-03-29T02:10"), t("2026-03-29T02:05"), BERLIN));
    }

    @Test
    void of_nullZone_throwsNullPointerNamingIt() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> TimeSpan.of(t("2026-05-04T09:00"), t("2026-05-04T10:00"), null));
        assertEquals("zone", e.getMessage());
    }

    @Test
    void localDate_startAfterUtcMidnightInZone_isZoneDate() {
        TimeSpan span = TimeSpan.of(Instant.parse("2026-06-30T22:30:00Z"), Instant.parse("2026-06-30T23:30:00Z"), BERLIN);
        assertEquals(LocalDate.of(2026, 7, 1), span.localDate());
        assertEquals(LocalDate.of(2026, 6, 30), span.start().atZone(ZoneOffset.UTC).toLocalDate());
    }

    @Test
    void splitAtMidnight_acrossSpringForwardDay_cutsIntoThreeDays() {
        TimeSpan span = TimeSpan.of(t("2026-03-28T22:00"), t("2026-03-30T02:00"), BERLIN);
        List<TimeSpan> pieces = span.splitAtMidnight();
        assertEquals(List.of(
                TimeSpan.of(t("2026-03-28T22:00"), t("2026-03-29T00:00"), BERLIN),
                TimeSpan.of(t("2026-03-29T00:00"), t("2026-03-30T00:00"), BERLIN),
                TimeSpan.of(t("2026-03-30T00:00"), t("2026-03-30T02:00"), BERLIN)), pieces);
        assertEquals(List.of(Duration.ofHours(2), Duration.ofHours(23), Duration.ofHours(2)),
                pieces.stream().map(TimeSpan::duration).toList());
        assertEquals(Duration.ofHours(27), span.duration());
    }

    @Test
    void splitAtMidnight_withinOneDay_returnsItself() {
        TimeSpan span = TimeSpan.of(t("2026-05-04T09:00"), t("2026-05-04T17:00"), BERLIN);
        assertEquals(List.of(span), span.splitAtMidnight());
    }

    @Test
    void splitAtMidnight_endingAtMidnight_returnsItself() {
        TimeSpan span = TimeSpan.of(t("2026-05-04T22:00"), t("2026-05-05T00:00"), BERLIN);
        assertEquals(List.of(span), span.splitAtMidnight());
    }

    @Test
    void splitAtMidnight_acrossSkippedDay_hasNoPieceForIt() {
        // Samoa skipped 2011-12-30: clocks went from 2011-12-29T23:59:59-10:00 to 2011-12-31T00:00+14:00.
        TimeSpan span = TimeSpan.of(t("2011-12-29T12:00"), t("2011-12-31T12:00"), APIA);
        assertEquals(Duration.ofHours(24), span.duration());
        List<TimeSpan> pieces = span.splitAtMidnight();
        assertEquals(List.of(LocalDate.of(2011, 12, 29), LocalDate.of(2011, 12, 31)),
                pieces.stream().map(TimeSpan::localDate).toList());
        assertEquals(List.of(Duration.ofHours(12), Duration.ofHours(12)),
                pieces.stream().map(TimeSpan::duration).toList());
    }

    @Test
    void contains_startIncludedEndExcluded() {
        TimeSpan span = TimeSpan.of(Instant.parse("2026-05-04T08:00:00Z"), Instant.parse("2026-05-04T09:00:00Z"), BERLIN);
        assertTrue(span.contains(span.start()));
        assertFalse(span.contains(span.end()));
    }

    @Test
    void overlaps_touchingSpans_false_sharedInstant_true() {
        TimeSpan morning = TimeSpan.of(t("2026-05-04T09:00"), t("2026-05-04T12:00"), BERLIN);
        TimeSpan afternoon = TimeSpan.of(t("2026-05-04T12:00"), t("2026-05-04T17:00"), BERLIN);
        TimeSpan lunchMeeting = TimeSpan.of(t("2026-05-04T11:30"), t("2026-05-04T13:00"), BERLIN);
        assertFalse(morning.overlaps(afternoon));
        assertTrue(morning.overlaps(lunchMeeting));
        assertTrue(lunchMeeting.overlaps(afternoon));
    }

    @Test
    void overlaps_sameInstantsDifferentZones_true() {
        TimeSpan berlin = TimeSpan.of(t("2026-05-04T09:00"), t("2026-05-04T10:00"), BERLIN);
        TimeSpan utc = TimeSpan.of(t("2026-05-04T07:30"), t("2026-05-04T08:30"), ZoneOffset.UTC);
        assertTrue(berlin.overlaps(utc));
    }

    @Test
    void toString_showsLocalEndsWithOffsets() {
        assertEquals("[2026-10-25T02:30+02:00, 2026-10-25T02:30+01:00) Europe/Berlin",
                TimeSpan.of(Instant.parse("2026-10-25T00:30:00Z"), Instant.parse("2026-10-25T01:30:00Z"), BERLIN)
                        .toString());
    }
}
