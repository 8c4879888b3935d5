package dev.billops.core.timeentry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.rate.RateUnit;
import dev.billops.core.time.InvalidRangeException;
import dev.billops.core.time.TimeSpan;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import javax.money.Monetary;
import org.junit.jupiter.api.Test;

class TimeEntryTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant NINE = Instant.parse("2026-11-03T08:00:00Z");
    private static final TimeEntryId ID = TimeEntryId.of("te-1");

    private static TimeEntry entry(TimeSpan span) {
        return new TimeEntry(ID, ProjectId.of("p-1"), TimekeeperId.of("alice"), null, span, "work", true, null, null,
                EntryState.OPEN, null, null, 0);
    }

    @Test
    void new_exactly24Hours_isAccepted() {
        TimeEntry e = entry(TimeSpan.of(NINE, NINE.plus(Duration.ofHours(24)), BERLIN));
        assertEquals(Duration.ofHours(24), e.duration());
    }

    @Test
    void new_longerThan24Hours_throwsNamingEntryAndDuration() {
        var e = assertThrows(InvalidTimeEntryException.class,
                () -> entry(TimeSpan.of(NINE, NINE.plus(Duration.ofHours(24)).plusSeconds(1), BERLIN)));
        assertEquals(ID, e.entryId());
        assertTrue(e.getMessage().contains("te-1") && e.getMessage().contains("PT24H1S"), e.getMessage());
    }

    @Test
    void new_24WallClockHoursOverDstEnd_is25HoursAndRejected() {
        // 25 Oct 2026, clocks go back in Berlin: 00:00 -> 00:00 next day is 25 elapsed hours.
        TimeSpan span = TimeSpan.of(LocalDateTime.parse("2026-10-25T00:00"), LocalDateTime.parse("2026-10-26T00:00"),
                BERLIN);
        var e = assertThrows(InvalidTimeEntryException.class, () -> entry(span));
        assertTrue(e.getMessage().contains("PT25H"), e.getMessage());
    }

    @Test
    void new_endBeforeStart_throwsInvalidRangeNamingBothTimes() {
        var e = assertThrows(InvalidRangeException.class, () -> TimeSpan.of(NINE, NINE.minusSeconds(3600), BERLIN));
        assertTrue(e.getMessage().contains("08:00") && e.getMessage().contains("09:00"), e.getMessage());
    }

    @Test
    void new_rateWithoutUnitOrUnitWithoutRate_throws() {
        TimeSpan span = TimeSpan.of(NINE, NINE.plusSeconds(3600), BERLIN);
        UnitPrice rate = UnitPrice.of(Monetary.getCurrency("EUR"), "120.00");
        assertThrows(InvalidTimeEntryException.class, () -> new TimeEntry(ID, ProjectId.of("p-1"),
                TimekeeperId.of("alice"), null, span, "work", true, rate, null, EntryState.OPEN, null, null, 0));
        assertThrows(InvalidTimeEntryException.class, () -> new TimeEntry(ID, ProjectId.of("p-1"),
                TimekeeperId.of("alice"), null, span, "work", true, null, RateUnit.HOUR, EntryState.OPEN, null, null,
                0));
    }

    @Test
    void new_billedWithoutInvoiceOrOpenWithInvoice_throws() {
        TimeSpan span = TimeSpan.of(NINE, NINE.plusSeconds(3600), BERLIN);
        assertThrows(InvalidTimeEntryException.class, () -> new TimeEntry(ID, ProjectId.of("p-1"),
                TimekeeperId.of("alice"), null, span, "work", true, null, null, EntryState.BILLED, null, null, 0));
        assertThrows(InvalidTimeEntryException.class, () -> new TimeEntry(ID, ProjectId.of("p-1"),
                TimekeeperId.of("alice"), null, span, "work", true, null, null, EntryState.OPEN,
                InvoiceId.of("inv-1"), null, 0));
    }

    @Test
    void new_descriptionOver4000Characters_throwsInvalidInput() {
        TimeSpan span = TimeSpan.of(NINE, NINE.plusSeconds(3600), BERLIN);
        TimeEntry ok = entry(span).withDescription("x".repeat(4000));
        assertEquals(4000, ok.description().length());
        var e = assertThrows(InvalidInputException.class, () -> ok.withDescription("x".repeat(4001)));
        assertTrue(e.getMessage().contains("te-1") && e.getMessage().contains("4000"), e.getMessage());
    }
}
