package dev.billops.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.billops.core.time.TimeSpan;
import dev.billops.integrations.ics.IcsCalendarSource;
import dev.billops.spi.CalendarEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The ICS reader (RFC 5545 parsing, time zones, recurrence expansion) with hostile files, and
 * each event it returns turned into a time span the way the calendar import does.
 */
class IcsFuzzTest {

    private static final Instant FROM = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2027-01-01T00:00:00Z");

    @FuzzTest(maxDuration = "5m")
    void events_anyCalendarText_eventsOrTypedRefusal(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            IcsCalendarSource source = IcsCalendarSource.ofText("fuzz.ics", text).withZone(ZoneId.of("Europe/Berlin"));
            for (CalendarEvent event : source.events(FROM, TO)) {
                if (event.isWorkTime()) {
                    try {
                        TimeSpan.of(event.start(), event.end(), event.zone()).duration();
                    } catch (RuntimeException e) {
                        Outcomes.refusedOrRethrow(e);
                    }
                }
            }
        } catch (RuntimeException e) {
            Outcomes.refusedOrRethrow(e);
        }
    }
}
