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

import dev.billops.core.id.TenantId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.time.TimeSpan;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.integrations.caldav.WriteBackReport.Conflict;
import dev.billops.spi.CalendarEvent;
import dev.billops.spi.PluginHealth;
import dev.billops.spi.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Write-back of time entries to a real Radicale server, driven through the public API. */
class CalendarWriteBackTest {

    static final LocalDateRange NOVEMBER = LocalDateRange.ofMonth(YearMonth.of(2026, 11));
    static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-12-01T00:00:00Z");
    static final String TRICKY = "Wireframes, checkout; review\nwith a \\ backslash, and a long tail "
            + "ü€😀 ".repeat(15);

    private static final AtomicInteger CALENDARS = new AtomicInteger();
    static Radicale radicale;

    final Firm firm = new Firm();
    final WriteBackState state = WriteBackState.inMemory();
    URI collection;
    CalDavCalendar calendar;
    CalendarWriteBack writeBack;

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
        collection = radicale.newCalendar("alice", "work-" + CALENDARS.incrementAndGet());
        calendar = CalDavCalendar.of(collection, "alice", Secret.of("alice-pw"));
        writeBack = CalendarWriteBack.to(calendar, state).forTimekeeper(ALICE);
    }

    URI resource(String entryId) {
        return collection.resolve("billops-firm~" + entryId + ".ics");
    }

    /** The events written back, read through the CalendarSource (and so through the ICS parser). */
    List<CalendarEvent> writtenEvents() {
        return calendar.includingWrittenBack().events(FROM, TO);
    }

    CalendarEvent eventOf(String entryId) {
        return writtenEvents().stream().filter(e -> e.uid().equals("billops-firm~" + entryId)).findFirst()
                .orElseThrow(() -> new AssertionError("no event for entry " + entryId + " in " + writtenEvents()));
    }

    static Instant berlin(String local) {
        return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
    }

    @Test
    void sync_newEntries_createsOneEventPerEntryWithUidTimesSummaryAndDescription() throws Exception {
        TimeEntry design = firm.log("e1", ALICE, WEB, DESIGN, "2026-11-03T09:00", "2026-11-03T11:30", TRICKY);
        firm.log("e2", ALICE, OPS, null, "2026-11-04T14:00", "2026-11-04T15:00", "Backups");
        firm.log("b1", BOB, WEB, null, "2026-11-04T14:00", "2026-11-04T15:00", "Bob's work");

        WriteBackReport report = writeBack.sync(firm.tenant, NOVEMBER);

        assertEquals(List.of(TimeEntryId.of("e1"), TimeEntryId.of("e2")), report.created(), report.summary());
        assertEquals(2, radicale.count("alice", collection), "one event per entry of alice, none for bob");
        HttpResponse<String> stored = radicale.get("alice", resource("e1"));
        assertEquals(200, stored.statusCode());
        assertTrue(stored.body().contains("UID:billops-firm~e1"), stored.body());
        assertTrue(stored.body().contains("DTSTART;TZID=Europe/Berlin:20261103T090000"), stored.body());
        assertTrue(stored.body().contains("DTEND;TZID=Europe/Berlin:20261103T113000"), stored.body());
        CalendarEvent event = eventOf("e1");
        assertEquals(design.span(), TimeSpan.of(event.start(), event.end(), event.zone()));
        assertEquals("[ACME-WEB] Website / Design", event.summary());
        assertEquals(TRICKY, event.description(), "escaped and folded text reads back unchanged");
        assertTrue(event.isWorkTime());
        assertEquals("Operations", eventOf("e2").summary());
    }

    @Test
    void sync_again_leavesEveryEventUnchangedAndMakesNoDuplicate() throws Exception {
        firm.log("e1", ALICE, WEB, DESIGN, "2026-11-03T09:00", "2026-11-03T11:30", "Wireframes");
        firm.log("e2", ALICE, OPS, null, "2026-11-04T14:00", "2026-11-04T15:00", "Backups");
        writeBack.sync(firm.tenant, NOVEMBER);
        String etag = radicale.get("alice", resource("e1")).headers().firstValue("ETag").orElseThrow();

        WriteBackReport again = writeBack.sync(firm.tenant, NOVEMBER);
        WriteBackReport fresh = CalendarWriteBack.to(calendar, state).forTimekeeper(ALICE).sync(firm.tenant, NOVEMBER);

        assertEquals(List.of(TimeEntryId.of("e1"), TimeEntryId.of("e2")), again.unchanged(), again.summary());
        assertFalse(again.changedAnything());
        assertFalse(fresh.changedAnything(), fresh.summary());
        assertEquals(2, radicale.count("alice", collection));
        assertEquals(etag, radicale.get("alice", resource("e1")).headers().firstValue("ETag").orElseThrow(),
                "not rewritten");
    }

    @Test
    void sync_entryEdited_rewritesItsEventInPlace() throws Exception {
        TimeEntry e1 = firm.log("e1", ALICE, WEB, DESIGN, "2026-11-03T09:00", "2026-11-03T11:30", "Wireframes");
        writeBack.sync(firm.tenant, NOVEMBER);
        firm.tenant.timeEntries().update(e1.withSpan(TimeSpan.of(LocalDateTime.parse("2026-11-03T13:00"),
                LocalDateTime.parse("2026-11-03T17:15"), BERLIN)).withDescription("Wireframes, second round"));

        WriteBackReport report = writeBack.sync(firm.tenant, NOVEMBER);

        assertEquals(List.of(TimeEntryId.of("e1")), report.updated(), report.summary());
        assertEquals(1, radicale.count("alice", collection));
        CalendarEvent event = eventOf("e1");
        assertEquals(berlin("2026-11-03T13:00"), event.start());
        assertEquals(berlin("2026-11-03T17:15"), event.end());
        assertEquals("Wireframes, second round", event.description());
    }

    @Test
    void sync_entryMovedOutOfTheRange_rewritesItsEventAtTheNewDate() throws Exception {
        TimeEntry e1 = firm.log("e1", ALICE, WEB, DESIGN, "2026-11-30T09:00", "2026-11-30T10:00", "Review");
        writeBack.sync(firm.tenant, NOVEMBER);
        firm.tenant.timeEntries().update(e1.withSpan(TimeSpan.of(LocalDateTime.parse("2026-12-01T09:00"),
                LocalDateTime.parse("2026-12-01T10:00"), BERLIN)));

        WriteBackReport report = writeBack.sync(firm.tenant, NOVEMBER);

        assertEquals(List.of(TimeEntryId.of("e1")), report.updated(), report.summary());
        assertEquals(List.of(), writtenEvents(), "no longer in November");
        assertEquals(berlin("2026-12-01T09:00"), calendar.includingWrittenBack()
                .events(TO, Instant.parse("2027-01-01T00:00:00Z")).get(0).start());
    }

    @Test
    void sync_entryDeleted_deletesItsEvent() throws Exception {
        firm.log("e1", ALICE, WEB, DESIGN, "2026-11-03T09:00", "2026-11-03T11:30", "Wireframes");
        firm.log("e2", ALICE, OPS, null, "2026-11-04T14:00", "2026-11-04T15:00", "Backups");
        writeBack.sync(firm.tenant, NOVEMBER);
        firm.tenant.timeEntries().delete(TimeEntryId.of("e1"));

        WriteBackReport report = writeBack.sync(firm.tenant, NOVEMBER);

        assertEquals(List.of(TimeEntryId.of("e1")), report.deleted(), report.summary());
        assertEquals(List.of(TimeEntryId.of("e2")), report.unchanged());
        assertEquals(404, radicale.get("alice", resource("e1")).statusCode());
        assertEquals(1, radicale.count("alice", collection));
        assertTrue(state.find(resource("e1").toString()).isEmpty(), "forgotten");
    }

    @Test
    void sync_eventChangedOnServer_reportsConflictAndLeavesTheServerCopy() throws Exception {
        TimeEntry e1 = firm.log("e1", ALICE, WEB, DESIGN, "2026-11-03T09:00", "2026-11-03T11:30", "Wireframes");
        firm.log("e2", ALICE, OPS, null, "2026-11-04T14:00", "2026-11-04T15:00", "Backups");
        writeBack.sync(firm.tenant, NOVEMBER);
        String edited = radicale.get("alice", resource("e1")).body()
                .replace("SUMMARY:[ACME-WEB] Website / Design", "SUMMARY:Moved to the afternoon by Alice");
        assertEquals(201 / 100, radicale.put("alice", resource("e1"), edited).statusCode() / 100);
        HttpResponse<String> before = radicale.get("alice", resource("e1"));
        firm.tenant.timeEntries().update(e1.withDescription("Wireframes, edited in BillOps"));

        WriteBackReport report = writeBack.sync(firm.tenant, NOVEMBER);

        assertEquals(1, report.conflicts().size(), report.summary());
        Conflict conflict = report.conflicts().get(0);
        assertEquals(TimeEntryId.of("e1"), conflict.entryId());
        assertEquals(Conflict.Kind.CHANGED_ON_SERVER, conflict.kind());
        assertEquals(resource("e1").toString(), conflict.href());
        assertTrue(conflict.message().contains("e1"), conflict.message());
        assertEquals(List.of(), report.updated());
        assertEquals(List.of(TimeEntryId.of("e2")), report.unchanged());
        HttpResponse<String> after = radicale.get("alice", resource("e1"));
        assertEquals(before.body(), after.body(), "server copy unchanged");
        assertEquals(before.headers().firstValue("ETag"), after.headers().firstValue("ETag"));
        assertEquals("Moved to the afternoon by Alice", eventOf("e1").summary());
        assertEquals(Conflict.Kind.CHANGED_ON_SERVER, writeBack.sync(firm.tenant, NOVEMBER).conflicts().get(0).kind(),
                "still a conflict on the next run");
    }

    @Test
    void overwrite_conflictingEntry_writesTheEntryOverTheServerCopy() throws Exception {
        TimeEntry e1 = firm.log("e1", ALICE, WEB, DESIGN, "2026-11-03T09:00", "2026-11-03T11:30", "Wireframes");
        writeBack.sync(firm.tenant, NOVEMBER);
        radicale.put("alice", resource("e1"), radicale.get("alice", resource("e1")).body()
                .replace("SUMMARY:[ACME-WEB] Website / Design", "SUMMARY:Someone else's title"));
        firm.tenant.timeEntries().update(e1.withDescription("Wireframes v2"));
        assertTrue(writeBack.sync(firm.tenant, NOVEMBER).hasConflicts());

        WriteBackReport resolved = writeBack.overwrite(firm.tenant, TimeEntryId.of("e1"));

        assertEquals(List.of(TimeEntryId.of("e1")), resolved.updated(), resolved.summary());
        assertEquals("[ACME-WEB] Website / Design", eventOf("e1").summary());
        assertEquals("Wireframes v2", eventOf("e1").description());
        WriteBackReport next = writeBack.sync(firm.tenant, NOVEMBER);
        assertEquals(List.of(TimeEntryId.of("e1")), next.unchanged(), next.summary());
    }

    @Test
    void sync_eventDeletedOnServer_reportsConflictAndDoesNotRecreateIt() throws Exception {
        TimeEntry e1 = firm.log("e1", ALICE, WEB, DESIGN, "2026-11-03T09:00", "2026-11-03T11:30", "Wireframes");
        writeBack.sync(firm.tenant, NOVEMBER);
        assertEquals(2, radicale.send("alice", "DELETE", resource("e1"), null, java.util.Map.of()).statusCode() / 100);
        firm.tenant.timeEntries().update(e1.withDescription("Wireframes, later"));

        WriteBackReport report = writeBack.sync(firm.tenant, NOVEMBER);

        assertEquals(List.of(Conflict.Kind.DELETED_ON_SERVER), report.conflicts().stream().map(Conflict::kind).toList(),
                report.summary());
        assertEquals(404, radicale.get("alice", resource("e1")).statusCode(), "not written again");
    }

    @Test
    void sync_deletedEntryWhoseEventChangedOnServer_keepsTheEventAndReportsConflict() throws Exception {
        firm.log("e1", ALICE, WEB, DESIGN, "2026-11-03T09:00", "2026-11-03T11:30", "Wireframes");
        writeBack.sync(firm.tenant, NOVEMBER);
        radicale.put("alice", resource("e1"), radicale.get("alice", resource("e1")).body()
                .replace("DESCRIPTION:Wireframes", "DESCRIPTION:Notes added in the calendar app"));
        firm.tenant.timeEntries().delete(TimeEntryId.of("e1"));

        WriteBackReport report = writeBack.sync(firm.tenant, NOVEMBER);

        assertEquals(List.of(), report.deleted());
        assertEquals(List.of(Conflict.Kind.CHANGED_ON_SERVER), report.conflicts().stream().map(Conflict::kind).toList());
        assertEquals("Notes added in the calendar app", eventOf("e1").description());
    }

    @Test
    void sync_stateLost_reportsNotRecordedConflictsAndOverwritesNothing() throws Exception {
        firm.log("e1", ALICE, WEB, DESIGN, "2026-11-03T09:00", "2026-11-03T11:30", "Wireframes");
        writeBack.sync(firm.tenant, NOVEMBER);
        String etag = radicale.get("alice", resource("e1")).headers().firstValue("ETag").orElseThrow();
        CalendarWriteBack amnesiac = CalendarWriteBack.to(calendar, WriteBackState.inMemory()).forTimekeeper(ALICE);

        WriteBackReport report = amnesiac.sync(firm.tenant, NOVEMBER);

        assertEquals(List.of(Conflict.Kind.NOT_RECORDED), report.conflicts().stream().map(Conflict::kind).toList());
        assertEquals(etag, radicale.get("alice", resource("e1")).headers().firstValue("ETag").orElseThrow());
        assertEquals(List.of(TimeEntryId.of("e1")), amnesiac.overwrite(firm.tenant, TimeEntryId.of("e1")).updated());
        assertFalse(amnesiac.sync(firm.tenant, NOVEMBER).hasConflicts());
    }

    @Test
    void sync_stateInDirectory_isKeptAcrossWriteBacks(@TempDir Path dir) throws Exception {
        firm.log("e1", ALICE, WEB, DESIGN, "2026-11-03T09:00", "2026-11-03T11:30", "Wireframes");
        CalendarWriteBack.to(calendar, WriteBackState.inDirectory(dir.resolve("state"))).sync(firm.tenant, NOVEMBER);

        WriteBackReport again = CalendarWriteBack.to(calendar, WriteBackState.inDirectory(dir.resolve("state")))
                .sync(firm.tenant, NOVEMBER);

        assertEquals(List.of(TimeEntryId.of("e1")), again.unchanged(), again.summary());
        try (var files = Files.list(dir.resolve("state"))) {
            assertEquals(1, files.count(), "one record, no temporary files left");
        }
    }

    @Test
    void sync_twoTenantsInOneCollection_eachTouchesOnlyItsOwnEvents() throws Exception {
        Firm other = new Firm(TenantId.of("other"));
        firm.log("e1", ALICE, WEB, DESIGN, "2026-11-03T09:00", "2026-11-03T11:30", "Firm's work");
        other.log("e1", ALICE, WEB, DESIGN, "2026-11-03T09:00", "2026-11-03T11:30", "Other's work, same entry id");
        writeBack.sync(firm.tenant, NOVEMBER);
        WriteBackReport otherReport = writeBack.sync(other.tenant, NOVEMBER);
        assertEquals(List.of(TimeEntryId.of("e1")), otherReport.created(), otherReport.summary());
        firm.tenant.timeEntries().delete(TimeEntryId.of("e1"));

        WriteBackReport report = writeBack.sync(firm.tenant, NOVEMBER);
        WriteBackReport otherAgain = writeBack.sync(other.tenant, NOVEMBER);

        assertEquals(List.of(TimeEntryId.of("e1")), report.deleted());
        assertEquals(List.of(TimeEntryId.of("e1")), otherAgain.unchanged(), otherAgain.summary());
        assertEquals(List.of("Other's work, same entry id"),
                writtenEvents().stream().map(CalendarEvent::description).toList());
    }

    @Test
    void sync_wrongPassword_throwsAuthenticationFailedAndWritesNothing() throws Exception {
        firm.log("e1", ALICE, WEB, DESIGN, "2026-11-03T09:00", "2026-11-03T11:30", "Wireframes");
        CalDavCalendar wrong = CalDavCalendar.of(collection, "alice", Secret.of("not-the-password"));

        CalDavAuthenticationFailedException e = assertThrows(CalDavAuthenticationFailedException.class,
                () -> CalendarWriteBack.to(wrong, state).sync(firm.tenant, NOVEMBER));

        assertEquals(401, e.status());
        assertEquals("alice", e.username());
        assertEquals(CalDavCalendar.ID, e.pluginId());
        assertFalse(e.getMessage().contains("not-the-password"), e.getMessage());
        assertEquals(0, radicale.count("alice", collection));
        assertTrue(state.find(resource("e1").toString()).isEmpty());
        assertEquals(PluginHealth.Status.DOWN, wrong.health().status());
        assertTrue(wrong.health().message().contains("401"), wrong.health().message());
        assertEquals(PluginHealth.Status.UP, calendar.health().status());
    }

    @Test
    void sync_otherUsersCollection_throwsAuthenticationFailedWith403() throws Exception {
        URI bobs = radicale.newCalendar("bob", "private-" + CALENDARS.incrementAndGet());
        firm.log("e1", ALICE, WEB, DESIGN, "2026-11-03T09:00", "2026-11-03T11:30", "Wireframes");

        CalDavAuthenticationFailedException e = assertThrows(CalDavAuthenticationFailedException.class,
                () -> CalendarWriteBack.to(CalDavCalendar.of(bobs, "alice", Secret.of("alice-pw")), state)
                        .sync(firm.tenant, NOVEMBER));

        assertEquals(403, e.status());
    }
}
