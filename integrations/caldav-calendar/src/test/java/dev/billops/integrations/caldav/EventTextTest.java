package dev.billops.integrations.caldav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.ProjectId;
import dev.billops.core.id.TenantId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.time.TimeSpan;
import dev.billops.core.timeentry.EntryState;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.integrations.ics.IcsCalendarSource;
import dev.billops.spi.CalendarEvent;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The iCalendar text of an entry, read back with the ICS module's parser. */
class EventTextTest {

    static final TenantId TENANT = TenantId.of("firm");
    static final Instant STAMP = Instant.parse("2026-11-30T12:00:00Z");

    static TimeEntry entry(String id, TimeSpan span, String description) {
        return new TimeEntry(TimeEntryId.of(id), ProjectId.of("web"), TimekeeperId.of("alice"), null, span, description,
                true, null, null, EntryState.OPEN, null, null, 0);
    }

    static TimeSpan local(String from, String to, String zone) {
        return TimeSpan.of(LocalDateTime.parse(from), LocalDateTime.parse(to), ZoneId.of(zone));
    }

    static CalendarEvent readBack(String ics) {
        List<CalendarEvent> events = IcsCalendarSource.ofText("written", ics)
                .events(Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2100-01-01T00:00:00Z"));
        assertEquals(1, events.size(), ics);
        return events.get(0);
    }

    @Test
    void render_longMultibyteText_foldedAt75OctetsWithoutSplittingACharacter() throws Exception {
        String text = "Überarbeitung der Startseite 😀 — ".repeat(40) + "x".repeat(200);
        String body = EventText.render(TENANT, entry("e1", local("2026-11-03T09:00", "2026-11-03T10:00",
                "Europe/Berlin"), text), "uid-1", "[ACME-WEB] Website", STAMP).body();

        assertTrue(body.endsWith("\r\n"));
        for (String line : body.split("\r\n")) {
            byte[] octets = line.getBytes(StandardCharsets.UTF_8);
            assertTrue(octets.length <= 75, octets.length + " octets: " + line);
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(octets)); // throws if a character was cut
        }
        assertFalse(body.replace("\r\n", "").contains("\n"), "only CRLF line ends");
        assertEquals(text, readBack(body).description());
    }

    @Test
    void render_specialCharacters_escapedAndReadBackUnchanged() throws CharacterCodingException {
        String text = "a,b;c\\d\nnew line\r\nwindows line\rold mac\tand tab";
        String body = EventText.render(TENANT, entry("e1", local("2026-11-03T09:00", "2026-11-03T10:00", "UTC"), text),
                "uid-1", "Design, review; sign-off", STAMP).body();

        assertTrue(body.contains("DESCRIPTION:a\\,b\\;c\\\\d\\nnew line\\nwindows line\\nold mac\tand tab\r\n"), body);
        CalendarEvent event = readBack(body);
        assertEquals("Design, review; sign-off", event.summary());
        assertEquals("a,b;c\\d\nnew line\nwindows line\nold mac\tand tab", event.description());
    }

    @Test
    void render_controlCharacters_becomeSpaces() {
        String body = EventText.render(TENANT, entry("e1", local("2026-11-03T09:00", "2026-11-03T10:00", "UTC"),
                "bell\u0007and\u001Bescape"), "uid-1", "s", STAMP).body();

        assertEquals("bell and escape", readBack(body).description());
    }

    @Test
    void render_entryAcrossTheDstEnd_hasItsZoneAndExactInstants() {
        TimeSpan span = local("2026-10-25T01:30", "2026-10-25T04:00", "Europe/Berlin");
        String body = EventText.render(TENANT, entry("e1", span, "night shift"), "uid-1", "s", STAMP).body();

        assertTrue(body.contains("DTSTART;TZID=Europe/Berlin:20261025T013000\r\n"), body);
        assertTrue(body.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n"), body);
        assertTrue(body.contains("TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"), body);
        CalendarEvent event = readBack(body);
        assertEquals(span, TimeSpan.of(event.start(), event.end(), event.zone()));
    }

    @Test
    void render_zoneWithoutTransitionsAndAFixedOffset_readBackAtTheSameInstants() {
        TimeSpan tokyo = local("2026-11-03T09:00", "2026-11-03T10:00", "Asia/Tokyo");
        CalendarEvent t = readBack(EventText.render(TENANT, entry("e1", tokyo, "d"), "u", "s", STAMP).body());
        assertEquals(tokyo, TimeSpan.of(t.start(), t.end(), t.zone()));

        TimeSpan offset = TimeSpan.of(Instant.parse("2026-11-03T08:00:00Z"), Instant.parse("2026-11-03T09:00:00Z"),
                ZoneOffset.ofHours(5));
        String body = EventText.render(TENANT, entry("e2", offset, "d"), "u", "s", STAMP).body();
        assertTrue(body.contains("DTSTART:20261103T080000Z\r\n"), body);
        assertFalse(body.contains("VTIMEZONE"));
        assertEquals(offset.start(), readBack(body).start());
    }

    @Test
    void render_subSecondEntry_lastsAtLeastASecond() {
        TimeSpan span = TimeSpan.of(Instant.parse("2026-11-03T08:00:00.100Z"), Instant.parse("2026-11-03T08:00:00.900Z"),
                ZoneOffset.UTC);
        CalendarEvent event = readBack(EventText.render(TENANT, entry("e1", span, "d"), "u", "s", STAMP).body());

        assertEquals(Instant.parse("2026-11-03T08:00:00Z"), event.start());
        assertEquals(Instant.parse("2026-11-03T08:00:01Z"), event.end());
    }

    @Test
    void render_digest_ignoresTheStampButNotTheContent() {
        TimeEntry e = entry("e1", local("2026-11-03T09:00", "2026-11-03T10:00", "Europe/Berlin"), "d");

        String first = EventText.render(TENANT, e, "u", "s", STAMP).digest();

        assertEquals(first, EventText.render(TENANT, e, "u", "s", STAMP.plusSeconds(3600)).digest());
        assertNotEquals(first, EventText.render(TENANT, e.withDescription("d2"), "u", "s", STAMP).digest());
        assertNotEquals(first, EventText.render(TENANT, e, "u", "s2", STAMP).digest());
    }
}
