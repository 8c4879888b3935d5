package dev.billops.integrations.caldav;

import static dev.billops.integrations.caldav.Firm.ALICE;
import static dev.billops.integrations.caldav.Firm.BERLIN;
import static dev.billops.integrations.caldav.Firm.BOB;
import static dev.billops.integrations.caldav.Firm.DESIGN;
import static dev.billops.integrations.caldav.Firm.OPS;
import static dev.billops.integrations.caldav.Firm.WEB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.TimeEntryId;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.time.TimeSpan;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.core.timeentry.TimeEntryQuery;
import dev.billops.spi.CalendarEvent;
import dev.billops.spi.CalendarSource;
import dev.billops.spi.MalformedCalendarException;
import dev.billops.spi.PluginConfig;
import dev.billops.spi.Secret;
import dev.billops.spi.runtime.PluginRegistry;
import dev.billops.spi.runtime.calendar.CalendarImport;
import dev.billops.spi.runtime.calendar.ImportReport;
import dev.billops.spi.runtime.calendar.ProjectMapping;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The collection read back as a CalendarSource from a real Radicale server, and imported through CalendarImport. */
class CalDavCalendarSourceTest {

    static final LocalDateRange NOVEMBER = LocalDateRange.ofMonth(YearMonth.of(2026, 11));
    static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-12-01T00:00:00Z");

    /** A colleague's weekly meeting, as a calendar app stores it: three Tuesdays, 10:00 to 11:00 in Berlin. */
    static final String SPRINT_REVIEW = String.join("\r\n",
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Example Corp//Calendar App//EN",
            "BEGIN:VTIMEZONE",
            "TZID:Europe/Berlin",
            "BEGIN:DAYLIGHT",
            "DTSTART:19700329T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
            "TZOFFSETFROM:+0100",
            "TZOFFSETTO:+0200",
            "END:DAYLIGHT",
            "BEGIN:STANDARD",
            "DTSTART:19701025T030000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
            "TZOFFSETFROM:+0200",
            "TZOFFSETTO:+0100",
            "END:STANDARD",
            "END:VTIMEZONE",
            "BEGIN:VEVENT",
            "UID:sprint-review@example.com",
            "DTSTAMP:20261020T080000Z",
            "DTSTART;TZID=Europe/Berlin:20261103T100000",
            "DTEND;TZID=Europe/Berlin:20261103T110000",
            "RRULE:FREQ=WEEKLY;COUNT=3",
            "SUMMARY:[ACME-WEB] Sprint review",
            "END:VEVENT",
            "END:VCALENDAR", "");

    static final String OFFSITE = String.join("\r\n",
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Example Corp//Calendar App//EN",
            "BEGIN:VEVENT",
            "UID:offsite@example.com",
            "DTSTAMP:20261020T080000Z",
            "DTSTART;VALUE=DATE:20261112",
            "DTEND;VALUE=DATE:20261113",
            "SUMMARY:[ACME-WEB] Offsite",
            "END:VEVENT",
            "END:VCALENDAR", "");

    private static final AtomicInteger CALENDARS = new AtomicInteger();
    static Radicale radicale;

    final Firm firm = new Firm();
    URI collection;
    CalDavCalendar calendar;

    @BeforeAll
    static void startServer() throws Exception {
        radicale = Radicale.start();
    }

    @AfterAll
    static void stopServer() throws IOException {
        if (radicale != null) {
            radicale.close();
        }
    }

    @BeforeEach
    void newCalendar() throws Exception {
        collection = radicale.newCalendar("alice", "team-" + CALENDARS.incrementAndGet());
        calendar = CalDavCalendar.of(collection, "alice", Secret.of("alice-pw"));
    }

    void putForeign(String name, String ics) throws Exception {
        assertEquals(2, radicale.put("alice", collection.resolve(name), ics).statusCode() / 100);
    }

    static Instant berlin(String local) {
        return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
    }

    List<TimeEntry> entriesOf(dev.billops.core.id.TimekeeperId who) {
        return firm.tenant.timeEntries().list(new TimeEntryQuery(Set.of(), NOVEMBER, who, false));
    }

    @Test
    void events_foreignRecurringEvent_expandedInTheRangeWithItsZone() throws Exception {
        putForeign("sprint.ics", SPRINT_REVIEW);
        putForeign("offsite.ics", OFFSITE);

        List<CalendarEvent> events = calendar.events(FROM, TO);

        assertEquals(List.of(berlin("2026-11-03T10:00"), berlin("2026-11-10T10:00"), berlin("2026-11-12T00:00"),
                berlin("2026-11-17T10:00")).size(), events.size(), events.toString());
        List<CalendarEvent> reviews = events.stream().filter(e -> e.uid().startsWith("sprint-review")).toList();
        assertEquals(List.of(berlin("2026-11-03T10:00"), berlin("2026-11-10T10:00"), berlin("2026-11-17T10:00")),
                reviews.stream().map(CalendarEvent::start).toList());
        assertEquals(BERLIN, reviews.get(0).zone());
        assertEquals("[ACME-WEB] Sprint review", reviews.get(0).summary());
        assertTrue(events.stream().anyMatch(CalendarEvent::allDay));
        assertEquals(1, calendar.events(berlin("2026-11-10T10:30"), berlin("2026-11-10T10:45")).size(),
                "the time range reaches the server's query and the expansion");
    }

    @Test
    void importEvents_writtenBackAndForeignEvents_importsTheForeignOnesOnceAndNeverTheWrittenBack() throws Exception {
        firm.log("e1", ALICE, WEB, DESIGN, "2026-11-03T13:00", "2026-11-03T15:00", "Wireframes");
        firm.log("e2", ALICE, OPS, null, "2026-11-04T09:00", "2026-11-04T10:00", "Backups");
        WriteBackState state = WriteBackState.inMemory();
        CalendarWriteBack.to(calendar, state).forTimekeeper(ALICE).sync(firm.tenant, NOVEMBER);
        putForeign("sprint.ics", SPRINT_REVIEW);
        putForeign("offsite.ics", OFFSITE);
        CalendarImport teamCalendar = new CalendarImport(firm.tenant, ProjectMapping.byCodeInTitle(
                Map.of("ACME-WEB", WEB))).withSource("caldav:" + collection);

        ImportReport report = teamCalendar.importEvents(calendar, BOB, FROM, TO);
        ImportReport again = teamCalendar.importEvents(calendar, BOB, FROM, TO);

        assertEquals(3, report.created().size(), report.summary());
        assertEquals(List.of("offsite@example.com"), report.skipped().stream().map(ImportReport.Item::uid).toList(),
                "all-day");
        assertEquals(List.of(berlin("2026-11-03T10:00"), berlin("2026-11-10T10:00"), berlin("2026-11-17T10:00")),
                entriesOf(BOB).stream().map(t -> t.span().start()).toList());
        assertEquals(TimeSpan.of(berlin("2026-11-03T10:00"), berlin("2026-11-03T11:00"), BERLIN),
                entriesOf(BOB).get(0).span());
        assertEquals(WEB, entriesOf(BOB).get(0).projectId());
        assertEquals(3, again.unchanged().size(), again.summary());
        assertFalse(again.changedAnything());
        assertEquals(List.of(TimeEntryId.of("e1"), TimeEntryId.of("e2")),
                entriesOf(ALICE).stream().map(TimeEntry::id).toList(), "alice's entries are not imported a second time");

        WriteBackReport bobsWriteBack = CalendarWriteBack.to(calendar, state).forTimekeeper(BOB)
                .sync(firm.tenant, NOVEMBER);
        assertEquals(3, bobsWriteBack.skipped().size(), "imported entries are not written back: " + bobsWriteBack);
        assertFalse(bobsWriteBack.changedAnything());
    }

    @Test
    void events_includingWrittenBack_reportsEachEntryAsWritten() throws Exception {
        TimeEntry e1 = firm.log("e1", ALICE, WEB, DESIGN, "2026-10-25T01:30", "2026-10-25T04:00", "Across the DST end");
        CalendarWriteBack.to(calendar, WriteBackState.inMemory()).sync(firm.tenant,
                LocalDateRange.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1)));

        List<CalendarEvent> events = calendar.includingWrittenBack().events(Instant.parse("2026-10-01T00:00:00Z"), FROM);

        assertEquals(1, events.size());
        CalendarEvent event = events.get(0);
        assertEquals("billops-firm~e1", event.uid());
        assertEquals(e1.span(), TimeSpan.of(event.start(), event.end(), event.zone()));
        assertEquals(java.time.Duration.ofMinutes(210), java.time.Duration.between(event.start(), event.end()),
                "3.5 h: the clocks go back an hour");
        assertEquals(List.of(), calendar.events(Instant.parse("2026-10-01T00:00:00Z"), FROM),
                "left out by default");
    }

    @Test
    void events_malformedResource_throwsMalformedCalendarNamingIt() throws Exception {
        putForeign("sprint.ics", SPRINT_REVIEW);
        putForeign("broken.ics", SPRINT_REVIEW.replace("sprint-review@example.com", "broken@example.com")
                .replace("RRULE:FREQ=WEEKLY;COUNT=3", "DURATION:P20000D").replace("DTEND;TZID=Europe/Berlin:20261103T110000\r\n", ""));

        MalformedCalendarException e = assertThrows(MalformedCalendarException.class, () -> calendar.events(FROM, TO));

        assertTrue(e.source().endsWith("broken.ics"), e.source());
    }

    @Test
    void registry_discoveredAndConfigured_readsTheCollection() throws Exception {
        putForeign("sprint.ics", SPRINT_REVIEW);
        PluginConfig config = PluginConfig.of(CalDavCalendar.ID, Map.of("url", collection.toString(),
                "username", "alice", "zone", "Europe/Berlin")).withSecret("password", "alice-pw");
        try (PluginRegistry registry = PluginRegistry.builder().discover().configure(CalDavCalendar.ID, config)
                .build()) {
            CalendarSource source = registry.calendarSource(CalDavCalendar.ID);

            assertEquals(3, source.events(FROM, TO).size());
            assertTrue(registry.health(CalDavCalendar.ID).orElseThrow().isUp(),
                    registry.health(CalDavCalendar.ID).toString());
        }
    }
}
