package dev.billops.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CalendarFilesTest {

    private static final String ICS = String.join("\r\n",
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "BEGIN:VTIMEZONE",
            "TZID:Europe/Berlin",
            "END:VTIMEZONE",
            "BEGIN:VEVENT",
            "UID:a1",
            "ORGANIZER;CN=Alice:mailto:alice@consultancy.test",
            "SUMMARY:[ACME-WEB] one",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:b1",
            "ORGANIZER;CN=\"Bob: the builder\":MAILTO:Bob@Consultancy.test",
            "SUMMARY:[ACME-OPS] two",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            "END:VALARM",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:a2",
            "ORGANIZER;CN=Alice:mailto:alice@consul",
            " tancy.test",
            "SUMMARY:folded organizer",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:n1",
            "SUMMARY:nobody organizes this",
            "END:VEVENT",
            "END:VCALENDAR", "");

    @Test
    void organizedBy_alice_keepsHerEventsAndTheCalendarFrame() {
        List<String> lines = CalendarFiles.unfold(CalendarFiles.organizedBy(ICS, "Alice@consultancy.test"));

        assertTrue(lines.contains("UID:a1") && lines.contains("UID:a2"), lines.toString());
        assertFalse(lines.contains("UID:b1") || lines.contains("UID:n1"), lines.toString());
        assertEquals("BEGIN:VCALENDAR", lines.get(0));
        assertTrue(lines.contains("TZID:Europe/Berlin"));
        assertEquals("END:VCALENDAR", lines.get(lines.size() - 1));
    }

    @Test
    void organizedBy_quotedParameterWithColon_readsTheAddressAfterIt() {
        List<String> lines = CalendarFiles.unfold(CalendarFiles.organizedBy(ICS, "bob@consultancy.test"));

        assertTrue(lines.contains("UID:b1"), lines.toString());
        assertTrue(lines.contains("ACTION:DISPLAY"), "nested components stay: " + lines);
        assertEquals(1, lines.stream().filter(l -> l.startsWith("UID:")).count());
    }

    @Test
    void organizedBy_unknownAddress_keepsNoEvent() {
        String out = CalendarFiles.organizedBy(ICS, "carol@consultancy.test");

        assertFalse(out.contains("BEGIN:VEVENT"), out);
        assertTrue(out.endsWith("END:VCALENDAR\r\n"), out);
    }

    @Test
    void organizedBy_demoCalendar_splitsEveryEventToAliceOrBob() {
        String ics = DemoCalendar.fromClassPath().text();
        int all = count(ics);

        int alice = count(CalendarFiles.organizedBy(ics, "alice@consultancy.test"));
        int bob = count(CalendarFiles.organizedBy(ics, "bob@consultancy.test"));

        assertTrue(alice > 0 && bob > 0);
        assertEquals(all, alice + bob);
    }

    private static int count(String ics) {
        return (int) CalendarFiles.unfold(ics).stream().filter("BEGIN:VEVENT"::equalsIgnoreCase).count();
    }
}
