package dev.billops.integrations.ics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.spi.CalendarEvent;
import dev.billops.spi.MalformedCalendarException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real-world-shaped calendars (Google, Outlook/Exchange, Apple, Thunderbird, Lotus Notes, Zoom,
 * custom VTIMEZONEs, floating and all-day times, out-of-range values) in {@code ics/corpus}: every
 * file either reads or is refused with a one-line {@link MalformedCalendarException}, the same on
 * every read (also after the garbage collector ran), with zones that survive a round trip through
 * their id; the expected occurrences of several are checked exactly.
 */
class IcsCorpusTest {

    static final Instant OCT_1 = Instant.parse("2026-10-01T00:00:00Z");
    static final Instant DEC_1 = Instant.parse("2026-12-01T00:00:00Z");
    static final Instant WIDE_FROM = Instant.parse("1900-01-01T00:00:00Z");
    static final Instant WIDE_TO = Instant.parse("2100-01-01T00:00:00Z");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static Path corpus() {
        try {
            return Path.of(IcsCorpusTest.class.getResource("/ics/corpus").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<String> files() throws IOException {
        try (Stream<Path> s = Files.list(corpus())) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ics")).sorted().toList().stream();
        }
    }

    static IcsCalendarSource source(String file) {
        return IcsCalendarSource.ofFile(corpus().resolve(file)).withZone(BERLIN);
    }

    /** The events, or the refusal as text; anything else fails the test. */
    static Object read(IcsCalendarSource source, Instant from, Instant to) {
        try {
            return source.events(from, to);
        } catch (MalformedCalendarException e) {
            assertTrue(e.getMessage().length() < 300, e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            String m = e.getMessage();
            return "refused: " + m.substring(m.indexOf(" is malformed: ") + 1); // without the source's name
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void events_corpusFile_readsOrIsRefusedTheSameOnEveryRead(String file) {
        for (Instant[] range : new Instant[][] {{OCT_1, DEC_1}, {WIDE_FROM, WIDE_TO}}) {
            Object first = read(source(file), range[0], range[1]);
            System.gc();
            Object again = read(source(file), range[0], range[1]);
            IcsCalendarSource text;
            try {
                text = IcsCalendarSource.ofText(corpus().resolve(file).toString(), Files.readString(corpus().resolve(file)))
                        .withZone(BERLIN);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            System.gc();
            Object third = read(text, range[0], range[1]);
            assertEquals(first, again, file);
            assertEquals(first, third, file);
            if (first instanceof List<?> events) {
                for (Object o : events) {
                    CalendarEvent e = (CalendarEvent) o;
                    assertFalse(e.zone().getId().startsWith("ical4j"), file + ": " + e.zone());
                    assertEquals(e.zone(), ZoneId.of(e.zone().getId()), "the zone survives a round trip through its id");
                    LocalDate day = e.start().atZone(e.zone()).toLocalDate(); // what TimeSpan.localDate does
                    assertTrue(day.getYear() > 0, file);
                }
            }
        }
    }

    @Test
    void events_googleDailyCount5_fiveMornings() {
        List<CalendarEvent> events = source("google-daily-count.ics").events(OCT_1, DEC_1);

        assertEquals(List.of("2026-11-02T08:30:00Z", "2026-11-03T08:30:00Z", "2026-11-04T08:30:00Z",
                "2026-11-05T08:30:00Z", "2026-11-06T08:30:00Z"), starts(events));
        assertEquals("6bq3kd0e2s1v8q7n0m4l1k9j2h@google.com#20261102T083000Z", events.get(0).uid());
        assertTrue(events.stream().allMatch(e -> e.zone().equals(BERLIN) && e.end().equals(e.start().plusSeconds(1800))));
    }

    @Test
    void events_outlookBiweeklyWorkdaysWithExdate_tenMinusOneAcrossDst() {
        List<CalendarEvent> events = source("outlook-biweekly-workdays.ics").events(OCT_1, DEC_1);

        assertEquals(List.of("2026-10-19T12:00:00Z", "2026-10-20T12:00:00Z", "2026-10-21T12:00:00Z",
                "2026-10-22T12:00:00Z", "2026-10-23T12:00:00Z", "2026-11-02T13:00:00Z", "2026-11-03T13:00:00Z",
                "2026-11-05T13:00:00Z", "2026-11-06T13:00:00Z"), starts(events));
        assertTrue(events.stream().allMatch(e -> e.zone().equals(BERLIN)));
    }

    @Test
    void events_exchangeStandupInCustomZone_followsItsDstRulesWithMovedOccurrence() {
        List<CalendarEvent> events = source("exchange-standup-custom-tz.ics").events(OCT_1, DEC_1);

        assertEquals(List.of("2026-10-21T07:15:00Z", "2026-10-22T07:15:00Z", "2026-10-23T07:15:00Z",
                "2026-10-26T08:15:00Z", "2026-10-27T09:00:00Z", "2026-10-28T08:15:00Z", "2026-10-29T08:15:00Z",
                "2026-10-30T08:15:00Z"), starts(events));
        CalendarEvent moved = events.get(4);
        assertEquals("[ACME-OPS] Daily stand-up (later today)", moved.summary());
        assertTrue(moved.uid().endsWith("#20261027T081500Z"), moved.uid());
        assertEquals(ZoneOffset.ofHours(2), events.get(0).zone(), "the custom zone's offset at that occurrence");
        assertEquals(ZoneOffset.ofHours(1), events.get(3).zone());
    }

    @Test
    void events_appleWeeklyWithExdateAndMovedOccurrence_threeCalls() {
        List<CalendarEvent> events = source("apple-weekly-exdate-moved.ics").events(OCT_1, DEC_1);

        assertEquals(List.of("2026-10-27T20:00:00Z", "2026-11-04T15:00:00Z", "2026-11-17T21:00:00Z"), starts(events));
        assertEquals("7F3A2B1C-0D9E-4F8A-B6C5-D4E3F2A1B0C9#20261103T210000Z", events.get(1).uid());
    }

    @Test
    void events_lotusNotesCustomEastern_dailyCount5AcrossTheUsDstChange() {
        List<CalendarEvent> events = source("lotus-notes-eastern.ics").events(OCT_1, DEC_1);

        assertEquals(List.of("2026-10-30T13:00:00Z", "2026-10-31T13:00:00Z", "2026-11-01T14:00:00Z",
                "2026-11-02T14:00:00Z", "2026-11-03T14:00:00Z"), starts(events));
    }

    @Test
    void events_thunderbirdFloatingWeeklyAllDayYearlyAndMozillaTzid() {
        List<CalendarEvent> events = source("thunderbird-floating-allday.ics").events(OCT_1, DEC_1);

        assertEquals(List.of("2026-11-03T11:00:00Z", "2026-11-10T11:00:00Z", "2026-11-10T23:00:00Z",
                "2026-11-12T14:00:00Z", "2026-11-17T11:00:00Z"), starts(events));
        assertTrue(events.get(2).allDay());
        assertEquals("8a7b6c5d-4e3f-2a1b-0c9d-8e7f6a5b4c3d#20261111", events.get(2).uid());
    }

    @Test
    void events_zoomUtcWeeklyCount4() {
        assertEquals(List.of("2026-11-03T15:00:00Z", "2026-11-10T15:00:00Z", "2026-11-17T15:00:00Z",
                "2026-11-24T15:00:00Z"), starts(source("zoom-utc-weekly.ics").events(OCT_1, DEC_1)));
    }

    @Test
    void events_customFixedOffsetZone_atThatOffset() {
        CalendarEvent e = source("custom-fixed-offset.ics").events(OCT_1, DEC_1).get(0);

        assertEquals(Instant.parse("2026-11-05T04:30:00Z"), e.start());
        assertEquals(ZoneId.of("Asia/Kolkata"), e.zone(), "ical4j's alias of the Windows name, read in a fixed order");
    }

    @Test
    void events_outlookInvitationToOneOccurrence_withoutItsMaster() {
        List<CalendarEvent> events = source("outlook-single-occurrence-invite.ics").events(OCT_1, DEC_1);

        assertEquals(List.of("2026-11-10T15:00:00Z"), starts(events));
        assertTrue(events.get(0).uid().endsWith("#20261110T140000Z"), events.get(0).uid());
        assertEquals(ZoneId.of("Europe/Paris"), events.get(0).zone());
    }

    @Test
    void events_rdateListAndPeriodWithExdateOfDtstart() {
        assertEquals(List.of("2026-11-04T09:00:00Z", "2026-11-06T09:00:00Z", "2026-11-10T09:00:00Z"),
                starts(source("fastmail-rdate-period.ics").events(OCT_1, DEC_1)));
    }

    @Test
    void events_googleWeeklyWithLocalUntilAndCancelledOccurrence() {
        List<CalendarEvent> events = source("google-weekly-local-until-cancelled.ics").events(OCT_1, DEC_1);

        assertEquals(List.of("2026-11-03T18:00:00Z", "2026-11-05T18:00:00Z", "2026-11-10T18:00:00Z",
                "2026-11-12T18:00:00Z", "2026-11-17T18:00:00Z", "2026-11-19T18:00:00Z"), starts(events));
        assertEquals(List.of(false, false, false, true, false, false),
                events.stream().map(e -> e.status() == CalendarEvent.Status.CANCELLED).toList());
    }

    @Test
    void events_outOfRangeValues_refusedNamingTheEvent() {
        Object duration = read(source("out-of-range-duration.ics"), OCT_1, DEC_1);
        Object rule = read(source("broken-rrule-bymonth13.ics"), OCT_1, DEC_1);

        assertTrue(String.valueOf(duration).startsWith("refused: ") && String.valueOf(duration).contains("forever@test"),
                String.valueOf(duration));
        assertTrue(String.valueOf(rule).startsWith("refused: ") && String.valueOf(rule).contains("bymonth13@test"),
                String.valueOf(rule));
    }

    @Test
    void events_hourlyRuleWithMoreOccurrencesThanTheCap_keepsTheLatestAndWarns() {
        String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", "BEGIN:VEVENT",
                "UID:hourly@test", "DTSTART:20100101T000000Z", "DTEND:20100101T003000Z", "RRULE:FREQ=HOURLY",
                "SUMMARY:[ACME-OPS] monitoring", "END:VEVENT", "END:VCALENDAR", "");
        IcsCalendarSource source = IcsCalendarSource.ofText("hourly.ics", ics);
        Instant from = Instant.parse("2010-01-01T00:00:00Z");

        List<CalendarEvent> events = source.events(from, DEC_1);
        dev.billops.spi.CalendarReading reading = source.read(from, DEC_1);

        assertEquals(Instant.parse("2026-11-30T23:00:00Z"), events.get(events.size() - 1).start(),
                "the latest occurrences are kept");
        assertTrue(events.size() <= 100_000, "at most the cap: " + events.size());
        assertEquals(events, reading.events());
        assertEquals(1, reading.warnings().size(), reading.warnings().toString());
        String w = reading.warnings().get(0);
        assertTrue(w.startsWith("event hourly@test: RRULE 'FREQ=HOURLY' has more than 100,000 occurrences in the range; "
                + "only the latest "), w);
        assertTrue(w.length() < 300, w);
        assertEquals(List.of(), source.read(Instant.parse("2026-11-01T00:00:00Z"), DEC_1).warnings(), "a month fits");
    }

    @Test
    void read_smallCap_latestOccurrencesBeforeUntil_firstOfACountRule_oneWarningPerRule() {
        dev.billops.spi.CalendarReading untilRule = source("outlook-biweekly-workdays.ics").withMaxOccurrences(2)
                .read(OCT_1, DEC_1);
        dev.billops.spi.CalendarReading countRule = source("zoom-utc-weekly.ics").withMaxOccurrences(2)
                .read(OCT_1, DEC_1);

        assertEquals(List.of("2026-10-19T12:00:00Z", "2026-11-05T13:00:00Z", "2026-11-06T13:00:00Z"),
                starts(untilRule.events()), "DTSTART is always an occurrence");
        assertEquals(1, untilRule.warnings().size(), untilRule.warnings().toString());
        assertTrue(untilRule.warnings().get(0).contains("has more than 2 occurrences in the range; only the latest 2 "
                + "(from "), untilRule.warnings().get(0));
        assertEquals(List.of("2026-11-03T15:00:00Z", "2026-11-10T15:00:00Z"), starts(countRule.events()));
        assertTrue(countRule.warnings().get(0).contains("only the first 2"), countRule.warnings().get(0));
    }

    @Test
    void events_100kNestedComponents_refusedInOneLineWithoutStackOverflow() {
        StringBuilder b = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n");
        for (int i = 0; i < 100_000; i++) {
            b.append("BEGIN:VEVENT\r\n");
        }
        for (int i = 0; i < 100_000; i++) {
            b.append("END:VEVENT\r\n");
        }
        b.append("END:VCALENDAR\r\n");
        IcsCalendarSource source = IcsCalendarSource.ofText("nested.ics", b.toString());

        Object result = read(source, OCT_1, DEC_1);

        assertEquals("refused: is malformed: line 35: components are nested more than 32 deep (BEGIN:VEVENT)", result);
    }

    private static List<String> starts(List<CalendarEvent> events) {
        return events.stream().map(e -> e.start().toString()).toList();
    }
}
