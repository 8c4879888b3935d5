package dev.billops.integrations.ics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.spi.CalendarEvent.Status;
import dev.billops.spi.CalendarEvent;
import dev.billops.spi.MalformedCalendarException;
import dev.billops.spi.PluginException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IcsCalendarSourceTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Instant OCT_1 = Instant.parse("2026-10-01T00:00:00Z");
    static final Instant DEC_1 = Instant.parse("2026-12-01T00:00:00Z");

    static Path resource(String name) {
        try {
            return Path.of(IcsCalendarSourceTest.class.getResource("/ics/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, CalendarEvent> byUid(List<CalendarEvent> events) {
        return events.stream().collect(Collectors.toMap(CalendarEvent::uid, Function.identity()));
    }

    private final IcsCalendarSource google = IcsCalendarSource.ofFile(resource("google-export.ics"))
            .withOwner("owner@example.test");

    @Test
    void events_weeklyRecurrence_expandsWithExdateMovedAndCancelledOverridesAcrossDst() {
        List<CalendarEvent> standUps = google.events(OCT_1, DEC_1).stream()
                .filter(e -> e.uid().startsWith("weekly-standup@google.com")).toList();

        assertEquals(List.of(
                "weekly-standup@google.com#20261013T070000Z",
                "weekly-standup@google.com#20261020T070000Z",
                "weekly-standup@google.com#20261027T080000Z",
                "weekly-standup@google.com#20261110T080000Z",
                "weekly-standup@google.com#20261117T080000Z",
                "weekly-standup@google.com#20261124T080000Z"), standUps.stream().map(CalendarEvent::uid).toList());
        Map<String, CalendarEvent> byUid = byUid(standUps);
        // before and after the change to CET (Oct 25): 09:00-10:00 Berlin time, one hour long
        for (String key : List.of("20261013T070000Z", "20261020T070000Z", "20261027T080000Z", "20261124T080000Z")) {
            CalendarEvent e = byUid.get("weekly-standup@google.com#" + key);
            assertEquals(LocalTime.of(9, 0), e.start().atZone(BERLIN).toLocalTime(), key);
            assertEquals(Duration.ofHours(1), Duration.between(e.start(), e.end()), key);
            assertEquals(BERLIN, e.zone());
            assertEquals(Status.CONFIRMED, e.status());
            assertEquals("[ACME-WEB] Stand-up", e.summary());
            assertEquals("Weekly sync, agenda in the doc", e.description());
            assertEquals(List.of("Meeting", "Billable"), e.categories());
            assertTrue(e.isWorkTime());
        }
        CalendarEvent moved = byUid.get("weekly-standup@google.com#20261110T080000Z");
        assertEquals(Instant.parse("2026-11-11T13:00:00Z"), moved.start());
        assertEquals(Instant.parse("2026-11-11T14:30:00Z"), moved.end());
        assertEquals("[ACME-WEB] Stand-up (moved)", moved.summary());
        assertEquals(1, moved.sequence());
        CalendarEvent cancelled = byUid.get("weekly-standup@google.com#20261117T080000Z");
        assertEquals(Status.CANCELLED, cancelled.status());
        assertFalse(cancelled.isWorkTime());
        assertFalse(byUid.containsKey("weekly-standup@google.com#20261103T080000Z"), "EXDATE");
        assertFalse(byUid.containsKey("weekly-standup@google.com#20261201T080000Z"), "after UNTIL");
    }

    @Test
    void events_overriddenOccurrence_hasTheUidTheOriginalOccurrenceHad() throws IOException {
        String text = Files.readString(resource("google-export.ics"));
        String withoutOverride = text.replaceAll(
                "(?s)BEGIN:VEVENT\r\n(?:(?!END:VEVENT).)*RECURRENCE-ID;TZID=Europe/Berlin:20261110T090000.*?END:VEVENT\r\n", "");
        assertNotEquals(text, withoutOverride);

        List<CalendarEvent> original = IcsCalendarSource.ofText("without override", withoutOverride)
                .events(Instant.parse("2026-11-10T00:00:00Z"), Instant.parse("2026-11-11T00:00:00Z"));

        CalendarEvent tenth = original.stream().filter(e -> e.uid().startsWith("weekly-standup")).findFirst().orElseThrow();
        assertEquals("weekly-standup@google.com#20261110T080000Z", tenth.uid());
        assertEquals(Instant.parse("2026-11-10T08:00:00Z"), tenth.start());
    }

    @Test
    void events_rangeCutsRecurrence_reportsOnlyOverlappingOccurrencesAndMovedOneWhereItNowIs() {
        List<String> tenth = google.events(Instant.parse("2026-11-10T00:00:00Z"), Instant.parse("2026-11-11T00:00:00Z"))
                .stream().map(CalendarEvent::uid).toList();
        List<String> eleventh = google.events(Instant.parse("2026-11-11T00:00:00Z"), Instant.parse("2026-11-12T00:00:00Z"))
                .stream().map(CalendarEvent::uid).toList();

        assertEquals(List.of(), tenth);
        assertEquals(List.of("weekly-standup@google.com#20261110T080000Z"), eleventh);
    }

    @Test
    void events_partialOverlapAtRangeEdges_included() {
        // the NY call runs 15:00-16:30Z: a range ending inside it, one starting inside it
        assertEquals(1, google.events(Instant.parse("2026-11-02T16:00:00Z"), Instant.parse("2026-11-02T17:00:00Z")).size());
        assertEquals(1, google.events(Instant.parse("2026-11-02T14:00:00Z"), Instant.parse("2026-11-02T15:00:01Z")).size());
        assertEquals(0, google.events(Instant.parse("2026-11-02T16:30:00Z"), Instant.parse("2026-11-02T17:00:00Z")).size());
    }

    @Test
    void events_reReading_givesTheSameUids() {
        List<String> first = google.events(OCT_1, DEC_1).stream().map(CalendarEvent::uid).toList();
        List<String> second = IcsCalendarSource.ofFile(resource("google-export.ics")).events(OCT_1, DEC_1).stream()
                .map(CalendarEvent::uid).toList();

        assertEquals(first, second);
        assertEquals(first.size(), first.stream().distinct().count(), "uids are unique");
    }

    @Test
    void events_newYorkTzid_convertedWithEasternStandardTime() {
        CalendarEvent call = byUid(google.events(OCT_1, DEC_1)).get("ny-client-call@google.com");

        assertEquals(Instant.parse("2026-11-02T15:00:00Z"), call.start());
        assertEquals(Instant.parse("2026-11-02T16:30:00Z"), call.end());
        assertEquals(ZoneId.of("America/New_York"), call.zone());
        assertFalse(call.declined(), "owner accepted");
    }

    @Test
    void events_utcTimes_keptAsUtcWithTentativeStatus() {
        CalendarEvent review = byUid(google.events(OCT_1, DEC_1)).get("utc-review@google.com");

        assertEquals(Instant.parse("2026-11-04T12:00:00Z"), review.start());
        assertEquals(Instant.parse("2026-11-04T13:30:00Z"), review.end());
        assertEquals(ZoneOffset.UTC, review.zone());
        assertEquals(Status.TENTATIVE, review.status());
    }

    @Test
    void events_floatingTimes_placedInTheConfiguredZoneElseUtc() {
        String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", "BEGIN:VEVENT",
                "UID:floating@test", "DTSTART:20261105T090000", "DTEND:20261105T100000", "SUMMARY:Floating", "END:VEVENT",
                "END:VCALENDAR", "");
        IcsCalendarSource utc = IcsCalendarSource.ofText("floating.ics", ics);

        CalendarEvent inUtc = utc.events(OCT_1, DEC_1).get(0);
        CalendarEvent inBerlin = utc.withZone(BERLIN).events(OCT_1, DEC_1).get(0);

        assertEquals(Instant.parse("2026-11-05T09:00:00Z"), inUtc.start());
        assertEquals(ZoneOffset.UTC, inUtc.zone());
        assertEquals(Instant.parse("2026-11-05T08:00:00Z"), inBerlin.start());
        assertEquals(Instant.parse("2026-11-05T09:00:00Z"), inBerlin.end());
        assertEquals(BERLIN, inBerlin.zone());
    }

    @Test
    void events_allDayEvent_isAllDayFromMidnightToMidnightInTheCalendarZone() {
        CalendarEvent offsite = byUid(google.events(OCT_1, DEC_1)).get("offsite@google.com");
        CalendarEvent offsiteUtc = byUid(google.withZone(ZoneOffset.UTC).events(OCT_1, DEC_1)).get("offsite@google.com");

        assertTrue(offsite.allDay());
        assertFalse(offsite.isWorkTime());
        assertEquals(Instant.parse("2026-11-05T23:00:00Z"), offsite.start(), "X-WR-TIMEZONE Europe/Berlin");
        assertEquals(Instant.parse("2026-11-06T23:00:00Z"), offsite.end());
        assertEquals(Instant.parse("2026-11-06T00:00:00Z"), offsiteUtc.start());
    }

    @Test
    void events_transparentEvent_isNotBusy() {
        Map<String, CalendarEvent> events = byUid(google.events(OCT_1, DEC_1));

        assertFalse(events.get("focus@google.com").busy());
        assertFalse(events.get("focus@google.com").isWorkTime());
        assertTrue(events.get("utc-review@google.com").busy());
    }

    @Test
    void events_invitationTheOwnerDeclined_isDeclinedOnlyForThatOwner() {
        CalendarEvent withOwner = byUid(google.events(OCT_1, DEC_1)).get("initech-demo@google.com");
        CalendarEvent otherOwner = byUid(google.withOwner("peter@initech.test").events(OCT_1, DEC_1)).get("initech-demo@google.com");
        CalendarEvent noOwner = byUid(IcsCalendarSource.ofFile(resource("google-export.ics")).events(OCT_1, DEC_1))
                .get("initech-demo@google.com");

        assertTrue(withOwner.declined());
        assertFalse(withOwner.isWorkTime());
        assertFalse(otherOwner.declined());
        assertFalse(noOwner.declined());
    }

    @Test
    void events_cancelledEvent_reportedAsCancelled() {
        CalendarEvent workshop = byUid(google.events(OCT_1, DEC_1)).get("cancelled-workshop@google.com");

        assertEquals(Status.CANCELLED, workshop.status());
        assertEquals(2, workshop.sequence());
        assertFalse(workshop.isWorkTime());
    }

    @Test
    void events_withoutDtend_useDurationOrZeroLength() {
        Map<String, CalendarEvent> events = byUid(google.events(OCT_1, DEC_1));

        CalendarEvent sync = events.get("duration@google.com");
        assertEquals(Instant.parse("2026-11-09T12:00:00Z"), sync.start());
        assertEquals(Instant.parse("2026-11-09T12:45:00Z"), sync.end());
        CalendarEvent reminder = events.get("reminder@google.com");
        assertEquals(reminder.start(), reminder.end());
        assertFalse(reminder.isWorkTime());
    }

    @Test
    void events_updatedEventInSecondVersionOfFile_sameUidNewTimesHigherSequence() {
        CalendarEvent v1 = IcsCalendarSource.ofFile(resource("updated-v1.ics")).events(OCT_1, DEC_1).get(0);
        CalendarEvent v2 = IcsCalendarSource.ofFile(resource("updated-v2.ics")).events(OCT_1, DEC_1).get(0);

        assertEquals("client-meeting@google.com", v1.uid());
        assertEquals(v1.uid(), v2.uid());
        assertEquals(Instant.parse("2026-11-16T09:00:00Z"), v1.start());
        assertEquals(Instant.parse("2026-11-16T13:00:00Z"), v2.start());
        assertEquals(Instant.parse("2026-11-16T15:00:00Z"), v2.end());
        assertEquals(0, v1.sequence());
        assertEquals(2, v2.sequence());
        assertEquals("[ACME-WEB] Client meeting (moved)", v2.summary());
    }

    @Test
    void events_twoVersionsOfOneEventInOneFile_highestSequenceWins() throws IOException {
        String v1 = Files.readString(resource("updated-v1.ics"));
        String v2 = Files.readString(resource("updated-v2.ics"));
        String v2Event = v2.substring(v2.indexOf("BEGIN:VEVENT"), v2.indexOf("END:VCALENDAR"));
        String both = v1.replace("END:VCALENDAR", v2Event + "END:VCALENDAR");
        String bothReversed = v2.replace("END:VCALENDAR", v1.substring(v1.indexOf("BEGIN:VEVENT"), v1.indexOf("END:VCALENDAR"))
                + "END:VCALENDAR");

        for (String text : List.of(both, bothReversed)) {
            List<CalendarEvent> events = IcsCalendarSource.ofText("both.ics", text).events(OCT_1, DEC_1);
            assertEquals(1, events.size());
            assertEquals(2, events.get(0).sequence());
        }
    }

    @Test
    void events_outlookExport_windowsZoneNamesCustomZoneAndBusyStatus() {
        List<CalendarEvent> events = IcsCalendarSource.ofFile(resource("outlook-export.ics")).events(OCT_1, DEC_1);
        String planning = "040000008200E00074C5B7101A82E00800000000B0A6B1C1D2E3F40100000000000000001000000012345678";

        List<CalendarEvent> planningDays = events.stream().filter(e -> e.uid().startsWith(planning)).toList();
        assertEquals(List.of(planning + "#20261102T083000Z", planning + "#20261103T083000Z", planning + "#20261104T083000Z"),
                planningDays.stream().map(CalendarEvent::uid).toList(), "COUNT=3");
        assertEquals(BERLIN, planningDays.get(0).zone(), "W. Europe Standard Time");
        assertEquals(Duration.ofMinutes(90), Duration.between(planningDays.get(0).start(), planningDays.get(0).end()));
        assertEquals("Quarterly planning\nRoom 4.12\n", planningDays.get(0).description());
        assertEquals("[ACME-WEB] Planning", planningDays.get(0).summary());

        CalendarEvent istanbul = events.stream().filter(e -> e.summary().contains("Istanbul")).findFirst().orElseThrow();
        assertEquals(Instant.parse("2026-11-10T07:00:00Z"), istanbul.start(), "VTIMEZONE 'Customized Time Zone' +03:00");
        assertEquals(Instant.parse("2026-11-10T09:00:00Z"), istanbul.end());

        CalendarEvent lunch = events.stream().filter(e -> e.summary().equals("Lunch")).findFirst().orElseThrow();
        assertFalse(lunch.busy(), "X-MICROSOFT-CDO-BUSYSTATUS:FREE");
    }

    @Test
    void events_demoCalendar_hasTheDocumentedContent() throws IOException {
        Path demo = Path.of("../../examples/src/main/resources/demo/consultancy.ics");
        List<CalendarEvent> events = IcsCalendarSource.ofFile(demo).withOwner("alice@consultancy.test")
                .events(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"));

        assertEquals(50, events.size());
        assertEquals(5, events.stream().filter(e -> e.uid().startsWith("standup-acme-web@")).count());
        assertEquals(1, events.stream().filter(CalendarEvent::allDay).count());
        assertEquals(1, events.stream().filter(CalendarEvent::declined).count());
        assertEquals(1, events.stream().filter(e -> e.status() == Status.CANCELLED).count());
        assertEquals(47, events.stream().filter(CalendarEvent::isWorkTime).count());
        for (String code : List.of("[ACME-WEB]", "[ACME-OPS]", "[GLOBEX-AUDIT]", "[INITECH-APP]")) {
            assertTrue(events.stream().anyMatch(e -> e.summary().startsWith(code)), code);
        }
        List<CalendarEvent> work = events.stream().filter(CalendarEvent::isWorkTime).toList();
        for (int i = 1; i < work.size(); i++) {
            assertFalse(work.get(i).start().isBefore(work.get(i - 1).end()),
                    "work events do not overlap: " + work.get(i - 1).uid() + " and " + work.get(i).uid());
        }
        long minutes = work.stream().mapToLong(e -> Duration.between(e.start(), e.end()).toMinutes()).sum();
        assertEquals(115 * 60, minutes, "115 hours, as computed by hand from the file");
    }

    @Test
    void events_singleEventSpanningTheDstChange_hasItsRealLength() {
        // 22:00 CEST on Oct 24 to 06:00 CET on Oct 25: the clock goes back an hour in between
        String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", "BEGIN:VEVENT",
                "UID:night-shift@test", "DTSTART;TZID=Europe/Berlin:20261024T220000",
                "DTEND;TZID=Europe/Berlin:20261025T060000", "SUMMARY:[ACME-OPS] Migration night", "END:VEVENT",
                "END:VCALENDAR", "");

        CalendarEvent night = IcsCalendarSource.ofText("night.ics", ics).events(OCT_1, DEC_1).get(0);

        assertEquals(Instant.parse("2026-10-24T20:00:00Z"), night.start());
        assertEquals(Duration.ofHours(9), Duration.between(night.start(), night.end()));
    }

    @Test
    void events_dailyRuleWithNominalDuration_keepsLocalTimesAcrossDst() {
        String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", "BEGIN:VEVENT",
                "UID:daily@test", "DTSTART;TZID=Europe/Berlin:20261023T083000", "DURATION:PT8H", "RRULE:FREQ=DAILY;COUNT=4",
                "SUMMARY:[ACME-OPS] On call", "END:VEVENT", "END:VCALENDAR", "");

        List<CalendarEvent> days = IcsCalendarSource.ofText("daily.ics", ics).events(OCT_1, DEC_1);

        assertEquals(List.of("daily@test#20261023T063000Z", "daily@test#20261024T063000Z", "daily@test#20261025T073000Z",
                "daily@test#20261026T073000Z"), days.stream().map(CalendarEvent::uid).toList());
        for (CalendarEvent d : days) {
            assertEquals(LocalTime.of(8, 30), d.start().atZone(BERLIN).toLocalTime(), d.uid());
            assertEquals(Duration.ofHours(8), Duration.between(d.start(), d.end()), d.uid());
        }
    }

    @Test
    void events_longRunningRuleFarFromItsStart_expandsOnlyTheRange() {
        String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", "BEGIN:VEVENT",
                "UID:since-2001@test", "DTSTART:20010102T090000Z", "DTEND:20010102T093000Z", "RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR",
                "EXDATE:20261103T090000Z,20261104T090000Z", "SUMMARY:Daily", "END:VEVENT", "END:VCALENDAR", "");

        List<CalendarEvent> week = IcsCalendarSource.ofText("old.ics", ics)
                .events(Instant.parse("2026-11-02T00:00:00Z"), Instant.parse("2026-11-09T00:00:00Z"));

        assertEquals(List.of("since-2001@test#20261102T090000Z", "since-2001@test#20261105T090000Z",
                "since-2001@test#20261106T090000Z"), week.stream().map(CalendarEvent::uid).toList(), "comma-separated EXDATE");
    }

    @Test
    void events_minutelyRule_rejectedAsUnsupported() {
        String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", "BEGIN:VEVENT",
                "UID:tick@test", "DTSTART:19700101T000000Z", "RRULE:FREQ=MINUTELY", "SUMMARY:tick", "END:VEVENT",
                "END:VCALENDAR", "");

        MalformedCalendarException e = assertThrows(MalformedCalendarException.class,
                () -> IcsCalendarSource.ofText("tick.ics", ics).events(OCT_1, DEC_1));

        assertTrue(e.getMessage().contains("RRULE 'FREQ=MINUTELY' repeats more often than hourly"), e.getMessage());
    }

    @Test
    void events_textEscapesAndFoldedLines_unescaped() {
        String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", "BEGIN:VEVENT",
                "UID:text@test", "DTSTART:20261105T090000Z", "DTEND:20261105T100000Z",
                "SUMMARY:[ACME-WEB] Review\\; part 1\\, draft", "DESCRIPTION:Line one\\nLine two with a back\\\\slash and a lo",
                " ng folded line", "CATEGORIES:Client\\, external,Billable", "END:VEVENT", "END:VCALENDAR", "");

        CalendarEvent e = IcsCalendarSource.ofText("text.ics", ics).events(OCT_1, DEC_1).get(0);

        assertEquals("[ACME-WEB] Review; part 1, draft", e.summary());
        assertEquals("Line one\nLine two with a back\\slash and a long folded line", e.description());
        assertEquals(List.of("Client, external", "Billable"), e.categories());
    }

    @Test
    void events_concatenatedCalendars_readsEventsOfAll() {
        String one = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", "BEGIN:VEVENT",
                "UID:first@test", "DTSTART:20261105T090000Z", "DTEND:20261105T100000Z", "SUMMARY:one", "END:VEVENT",
                "END:VCALENDAR", "");

        List<CalendarEvent> events = IcsCalendarSource.ofText("two.ics", one + one.replace("first@test", "second@test"))
                .events(OCT_1, DEC_1);

        assertEquals(List.of("first@test", "second@test"), events.stream().map(CalendarEvent::uid).toList());
    }

    @Test
    void events_customVtimezoneReadTwice_sameZone() {
        IcsCalendarSource outlook = IcsCalendarSource.ofFile(resource("outlook-export.ics"));

        ZoneId first = outlook.events(OCT_1, DEC_1).stream().filter(e -> e.summary().contains("Istanbul")).findFirst()
                .orElseThrow().zone();
        ZoneId second = outlook.events(OCT_1, DEC_1).stream().filter(e -> e.summary().contains("Istanbul")).findFirst()
                .orElseThrow().zone();

        assertEquals(first, second, "built once and reused, not registered with ical4j on every read");
        assertEquals(ZoneOffset.ofHours(3), first.getRules().getOffset(Instant.parse("2026-11-10T07:00:00Z")));
    }

    @Test
    void events_oldMozillaTzidPrefix_resolvedToTheIanaZone() {
        String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN",
                "BEGIN:VEVENT", "UID:moz@test", "DTSTART;TZID=/mozilla.org/20050126_1/Europe/Berlin:20261105T090000",
                "DTEND;TZID=/mozilla.org/20050126_1/Europe/Berlin:20261105T100000", "SUMMARY:x", "END:VEVENT", "END:VCALENDAR", "");

        CalendarEvent e = IcsCalendarSource.ofText("moz.ics", ics).events(OCT_1, DEC_1).get(0);

        assertEquals(Instant.parse("2026-11-05T08:00:00Z"), e.start());
        assertEquals(BERLIN, e.zone());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "malformed-syntax.ics          | line 8",
            "not-a-calendar.ics            | line 1",
            "malformed-missing-uid.ics     | VEVENT #2 ('Orphan meeting') has no UID",
            "malformed-missing-dtstart.ics | event no-start@test ('No start') has no DTSTART",
            "malformed-unknown-tzid.ics    | unknown time zone TZID 'Mars/Olympus_Mons'",
            "malformed-bad-date.ics        | DTSTART '20261332T090000Z' is not a valid date"})
    void events_malformedFile_throwsNamingSourceAndProblem(String file, String problem) {
        IcsCalendarSource source = IcsCalendarSource.ofFile(resource(file));

        MalformedCalendarException e = assertThrows(MalformedCalendarException.class, () -> source.events(OCT_1, DEC_1));

        assertTrue(e.getMessage().contains(file), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertTrue(e.source().endsWith(file));
    }

    @Test
    void events_brokenRrule_throwsMalformedNamingTheRule() {
        String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", "BEGIN:VEVENT",
                "UID:bad-rule@test", "DTSTART:20261105T090000Z", "RRULE:FREQ=FORTNIGHTLY", "SUMMARY:x", "END:VEVENT",
                "END:VCALENDAR", "");

        MalformedCalendarException e = assertThrows(MalformedCalendarException.class,
                () -> IcsCalendarSource.ofText("rule.ics", ics).events(OCT_1, DEC_1));

        assertTrue(e.getMessage().contains("calendar rule.ics is malformed: event bad-rule@test: RRULE 'FREQ=FORTNIGHTLY'"),
                e.getMessage());
    }

    @Test
    void events_endBeforeStart_throwsMalformed() {
        String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", "BEGIN:VEVENT",
                "UID:backwards@test", "DTSTART:20261105T100000Z", "DTEND:20261105T090000Z", "SUMMARY:x", "END:VEVENT",
                "END:VCALENDAR", "");

        MalformedCalendarException e = assertThrows(MalformedCalendarException.class,
                () -> IcsCalendarSource.ofText("backwards.ics", ics).events(OCT_1, DEC_1));

        assertTrue(e.getMessage().contains("event backwards@test ends (20261105T090000Z) before it starts (20261105T100000Z)"),
                e.getMessage());
    }

    @Test
    void events_missingFile_throwsPluginExceptionNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("nope.ics");

        PluginException e = assertThrows(PluginException.class, () -> IcsCalendarSource.ofFile(missing).events(OCT_1, DEC_1));

        assertTrue(e.getMessage().contains("nope.ics"), e.getMessage());
        assertEquals("DOWN", IcsCalendarSource.ofFile(missing).health().status().name());
        assertEquals("UP", IcsCalendarSource.ofFile(resource("google-export.ics")).health().status().name());
    }
}
