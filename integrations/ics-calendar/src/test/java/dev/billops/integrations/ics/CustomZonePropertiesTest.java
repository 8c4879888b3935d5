package dev.billops.integrations.ics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.billops.spi.CalendarEvent;
import dev.billops.testkit.property.Gen;
import dev.billops.testkit.property.Property;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A recurrence in a file's own VTIMEZONE that copies a known zone's rules (Outlook's "Customized
 * Time Zone", Lotus Notes' "Eastern") expands to the same occurrences as in that IANA zone, on
 * every run: seeded, reproducible random rules around the DST changes of three hemispheres' zones.
 */
class CustomZonePropertiesTest {

    /** IANA id, then a VTIMEZONE with its current rules (valid in every year generated below). */
    private static final List<String[]> ZONES = List.of(
            new String[] {"Europe/Berlin", vtimezone("+0100", "+0200", "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3", "020000",
                    "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10", "030000")},
            new String[] {"America/New_York", vtimezone("-0500", "-0400", "FREQ=YEARLY;BYDAY=2SU;BYMONTH=3", "020000",
                    "FREQ=YEARLY;BYDAY=1SU;BYMONTH=11", "020000")},
            new String[] {"Australia/Sydney", vtimezone("+1000", "+1100", "FREQ=YEARLY;BYDAY=1SU;BYMONTH=10", "020000",
                    "FREQ=YEARLY;BYDAY=1SU;BYMONTH=4", "030000")});

    private static String vtimezone(String standard, String daylight, String toDaylight, String atDaylight,
            String toStandard, String atStandard) {
        return "\r\n" + String.join("\r\n", "BEGIN:VTIMEZONE", "TZID:Customized Time Zone", "BEGIN:STANDARD",
                "DTSTART:16010101T" + atStandard, "TZOFFSETFROM:" + daylight, "TZOFFSETTO:" + standard,
                "RRULE:" + toStandard, "END:STANDARD", "BEGIN:DAYLIGHT", "DTSTART:16010101T" + atDaylight,
                "TZOFFSETFROM:" + standard, "TZOFFSETTO:" + daylight, "RRULE:" + toDaylight, "END:DAYLIGHT",
                "END:VTIMEZONE");
    }

    private static String calendar(String tzid, String vtimezone, LocalDateTime start, String rule) {
        String at = start.format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
        return String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN" + vtimezone, "BEGIN:VEVENT",
                "UID:p@test", "DTSTART;TZID=" + tzid + ":" + at, "DURATION:PT45M", "RRULE:" + rule, "SUMMARY:x",
                "END:VEVENT", "END:VCALENDAR", "");
    }

    @Test
    void events_ruleInCustomCopyOfAZone_sameOccurrencesAsInThatZone() {
        Gen<String[]> zones = Gen.oneOf(ZONES);
        Gen<LocalDateTime> starts = Gen.zip(Gen.ints(2010, 2034), Gen.ints(1, 12), Gen.ints(1, 28),
                Gen.ints(0, 95), (y, m, d, quarter) -> LocalDateTime.of(y, m, d, quarter / 4, 15 * (quarter % 4)));
        Gen<String> rules = Gen.zip(Gen.oneOf("DAILY", "WEEKLY", "MONTHLY"), Gen.ints(1, 3), Gen.ints(1, 40),
                Gen.oneOf("", ";BYDAY=MO,WE,FR", ";BYDAY=SU", ";BYDAY=SA,SU"),
                (freq, interval, count, byday) -> "FREQ=" + freq + ";INTERVAL=" + interval + ";COUNT=" + count
                        + (freq.equals("WEEKLY") ? byday : ""));
        Property.forAll(zones, starts, rules).tries(300).verify((zone, start, rule) -> {
            Instant from = start.minusDays(2).atZone(java.time.ZoneOffset.UTC).toInstant();
            Instant to = start.plusYears(4).atZone(java.time.ZoneOffset.UTC).toInstant();
            List<CalendarEvent> known = IcsCalendarSource.ofText("known.ics", calendar(zone[0], "", start, rule))
                    .events(from, to);
            List<CalendarEvent> custom = IcsCalendarSource.ofText("custom.ics",
                    calendar("Customized Time Zone", zone[1], start, rule)).events(from, to);

            assertEquals(known.stream().map(e -> e.uid() + " " + e.start() + " " + e.end()).toList(),
                    custom.stream().map(e -> e.uid() + " " + e.start() + " " + e.end()).toList(),
                    () -> zone[0] + " " + start + " " + rule);
            for (CalendarEvent e : custom) {
                assertEquals(e.start().atZone(java.time.ZoneId.of(zone[0])).getOffset(), e.zone(), "offset at the start");
            }
        });
    }
}
