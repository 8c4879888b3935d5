package dev.billops.spi.runtime.calendar;

import static dev.billops.spi.runtime.calendar.CalendarEvents.allDay;
import static dev.billops.spi.runtime.calendar.CalendarEvents.cancelled;
import static dev.billops.spi.runtime.calendar.CalendarEvents.declined;
import static dev.billops.spi.runtime.calendar.CalendarEvents.event;
import static dev.billops.spi.runtime.calendar.CalendarEvents.free;
import static dev.billops.spi.runtime.calendar.CalendarEvents.moved;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.error.StoreUnavailableException;
import dev.billops.core.id.ProjectId;
import dev.billops.core.internal.Internals;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.party.Actor;
import dev.billops.core.spi.TimeEntryStore;
import dev.billops.core.time.InvalidRangeException;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.time.TimeSpan;
import dev.billops.core.timeentry.EntryState;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.core.timeentry.TimeEntryQuery;
import dev.billops.spi.CalendarEvent;
import dev.billops.spi.MalformedCalendarException;
import dev.billops.spi.SpiFixture;
import dev.billops.spi.TestPlugins.FixedCalendar;
import dev.billops.spi.runtime.PluginRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The calendar import on a store the subclass gives. */
abstract class CalendarImportTests {

    static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-12-01T00:00:00Z");

    abstract SpiFixture fixture();

    final SpiFixture f = fixture();
    final ProjectMapping mapping = ProjectMapping.byCodeInTitle(Map.of("ACME-WEB", SpiFixture.WEB))
            .orElse(ProjectMapping.byCategory(Map.of("Operations", SpiFixture.OPS)));
    final CalendarImport calendar = new CalendarImport(f.firm, mapping);

    final CalendarEvent review = event("r1@cal", "[ACME-WEB] sprint review", "2026-11-03T10:00", "2026-11-03T11:30");
    final CalendarEvent lower = event("r2@cal", "Pairing [acme-web]", "2026-11-04T14:00", "2026-11-04T16:00");
    final CalendarEvent ops = event("o1@cal", "On-call handover", "2026-11-05T09:00", "2026-11-05T09:45",
            "operations");
    final CalendarEvent lunch = event("l1@cal", "Lunch", "2026-11-05T12:00", "2026-11-05T13:00");
    final CalendarEvent holiday = allDay("h1@cal", "[ACME-WEB] offsite", "2026-11-06");
    final CalendarEvent skipped = declined(event("d1@cal", "[ACME-WEB] optional sync", "2026-11-06T09:00",
            "2026-11-06T10:00"));
    final CalendarEvent blocked = free(event("f1@cal", "[ACME-WEB] focus (free)", "2026-11-06T11:00",
            "2026-11-06T12:00"));
    final CalendarEvent gone = cancelled(event("c1@cal", "[ACME-WEB] cancelled demo", "2026-11-07T09:00",
            "2026-11-07T10:00"));

    List<CalendarEvent> month() {
        return List.of(review, lower, ops, lunch, holiday, skipped, blocked, gone);
    }

    List<TimeEntry> entries() {
        return Internals.scope(f.firm).tx(s -> s.get(TimeEntryStore.class).list(new TimeEntryQuery(Set.of(),
                LocalDateRange.of(LocalDate.of(2026, 10, 1), LocalDate.of(2027, 1, 1)), null, false)));
    }

    TimeEntry entryOf(String uid) {
        return Internals.scope(f.firm).tx(s -> s.get(TimeEntryStore.class).findByExternalUid(uid)).orElseThrow();
    }

    @Test
    void importEvents_mapsByCodeThenCategory_skipsNonWorkTime_reportsUnmapped() {
        ImportReport r = calendar.importEvents(month(), SpiFixture.ALICE, FROM, TO);
        assertEquals(List.of("r1@cal", "r2@cal", "o1@cal"), r.created().stream().map(TimeEntry::externalUid).toList());
        assertEquals(List.of("l1@cal"), r.unmapped().stream().map(ImportReport.Item::uid).toList());
        assertEquals(List.of("h1@cal", "d1@cal", "f1@cal", "c1@cal"),
                r.skipped().stream().map(ImportReport.Item::uid).toList());
        assertEquals(List.of("an all-day event", "declined", "marked free", "cancelled"),
                r.skipped().stream().map(ImportReport.Item::reason).toList());
        TimeEntry e = entryOf("r1@cal");
        assertEquals(SpiFixture.WEB, e.projectId());
        assertEquals(SpiFixture.ALICE, e.timekeeperId());
        assertEquals(TimeSpan.of(LocalDateTime.parse("2026-11-03T10:00"), LocalDateTime.parse("2026-11-03T11:30"),
                CalendarEvents.BERLIN), e.span());
        assertEquals("[ACME-WEB] sprint review", e.description());
        assertEquals(EntryState.OPEN, e.state());
        assertTrue(e.billable());
        assertEquals(SpiFixture.WEB, entryOf("r2@cal").projectId(), "codes compare case-insensitively");
        assertEquals(SpiFixture.OPS, entryOf("o1@cal").projectId());
        assertEquals(3, entries().size());
    }

    @Test
    void importEvents_storeUnavailableForOneEvent_failsTheImportInsteadOfCallingTheEventInvalid() {
        TenantBilling firm = Billing.builder().stores(new FailingInserts(f.store, 2)).clock(f.clock).build()
                .tenant(SpiFixture.FIRM, Actor.user("alice@firm.test"));
        assertThrows(StoreUnavailableException.class,
                () -> new CalendarImport(firm, mapping).importEvents(month(), SpiFixture.ALICE, FROM, TO));
        assertEquals(List.of(), entries(), "nothing of the import was stored");
    }

    @Test
    void importEvents_again_changesNothing() {
        calendar.importEvents(month(), SpiFixture.ALICE, FROM, TO);
        List<TimeEntry> before = entries();
        ImportReport again = calendar.importEvents(month(), SpiFixture.ALICE, FROM, TO);
        assertEquals(List.of("r1@cal", "r2@cal", "o1@cal"), again.unchanged());
        assertTrue(!again.changedAnything(), again.summary());
        assertEquals(before, entries(), "same entries, same versions");
    }

    @Test
    void importEvents_updatedEvent_updatesItsOpenEntryInPlace() {
        calendar.importEvents(month(), SpiFixture.ALICE, FROM, TO);
        TimeEntry before = entryOf("r1@cal");
        CalendarEvent later = moved(review, "2026-11-03T13:00", "2026-11-03T15:00", "[ACME-WEB] sprint review (moved)");
        ImportReport r = calendar.importEvents(List.of(later, lower, ops), SpiFixture.ALICE, FROM, TO);
        assertEquals(List.of("r1@cal"), r.updated().stream().map(TimeEntry::externalUid).toList());
        assertEquals(List.of("r2@cal", "o1@cal"), r.unchanged());
        TimeEntry after = entryOf("r1@cal");
        assertEquals(before.id(), after.id());
        assertEquals(LocalDateTime.parse("2026-11-03T13:00").atZone(CalendarEvents.BERLIN).toInstant(),
                after.span().start());
        assertEquals("[ACME-WEB] sprint review (moved)", after.description());
        assertEquals(3, entries().size());
    }

    @Test
    void importEvents_eventGoneFromRangeOrCancelled_deletesItsOpenEntry() {
        calendar.importEvents(month(), SpiFixture.ALICE, FROM, TO);
        ImportReport r = calendar.importEvents(List.of(cancelled(review), ops), SpiFixture.ALICE, FROM, TO);
        assertEquals(Set.of("r1@cal", "r2@cal"), Set.copyOf(r.deleted().stream().map(TimeEntry::externalUid).toList()));
        assertEquals(List.of("o1@cal"), entries().stream().map(TimeEntry::externalUid).toList());
    }

    @Test
    void importEvents_entriesOutsideTheRangeOrNotImported_areLeftAlone() {
        calendar.importEvents(month(), SpiFixture.ALICE, FROM, TO);
        TimeEntry manual = f.firm.timeEntries().log(TimeEntry.of(SpiFixture.WEB, SpiFixture.ALICE, null,
                TimeSpan.of(LocalDateTime.parse("2026-11-10T09:00"), LocalDateTime.parse("2026-11-10T10:00"),
                        CalendarEvents.BERLIN), "typed in by hand")).entry();
        ImportReport r = calendar.importEvents(List.of(), SpiFixture.ALICE, Instant.parse("2026-11-04T00:00:00Z"),
                Instant.parse("2026-11-30T00:00:00Z"));
        assertEquals(Set.of("r2@cal", "o1@cal"), Set.copyOf(r.deleted().stream().map(TimeEntry::externalUid).toList()));
        assertEquals(java.util.Arrays.asList("r1@cal", null), entries().stream().map(TimeEntry::externalUid).toList());
        assertEquals(manual.id(), entries().get(1).id());
        ImportReport bob = calendar.importEvents(List.of(), SpiFixture.BOB, FROM, TO);
        assertEquals(List.of(), bob.deleted(), "another timekeeper's import does not touch alice's entries");
    }

    @Test
    void importEvents_eventNoLongerMapped_reportedUnmapped_entryLeftAsItWas() {
        calendar.importEvents(List.of(review), SpiFixture.ALICE, FROM, TO);
        TimeEntry before = entryOf("r1@cal");
        ImportReport r = calendar.importEvents(List.of(moved(review, "2026-11-03T10:00", "2026-11-03T11:30",
                "sprint review")), SpiFixture.ALICE, FROM, TO);
        assertEquals(List.of("r1@cal"), r.unmapped().stream().map(ImportReport.Item::uid).toList());
        assertTrue(r.unmapped().get(0).reason().contains(before.id().value()), r.unmapped().get(0).reason());
        assertEquals(before, entryOf("r1@cal"));
        assertTrue(!r.changedAnything());
    }

    @Test
    void importEvents_billedEntry_neverChanged_conflictReported() {
        calendar.importEvents(List.of(review, lower), SpiFixture.ALICE, FROM, TO);
        Invoice draft = f.firm.invoices().draft(SpiFixture.ACME, LocalDateRange.ofDay(LocalDate.of(2026, 11, 3)))
                .orElseThrow();
        f.firm.invoices().issue(draft.id());
        TimeEntry billed = entryOf("r1@cal");
        assertEquals(EntryState.BILLED, billed.state());

        ImportReport moved = calendar.importEvents(List.of(moved(review, "2026-11-03T12:00", "2026-11-03T14:00",
                review.summary()), lower), SpiFixture.ALICE, FROM, TO);
        assertEquals(1, moved.conflicts().size());
        ImportReport.Conflict c = moved.conflicts().get(0);
        assertEquals("r1@cal", c.uid());
        assertEquals(billed.id(), c.entryId());
        assertEquals(draft.id(), c.invoiceId());
        assertTrue(c.reason().contains("BILLED"), c.reason());
        assertEquals(billed, entryOf("r1@cal"));

        ImportReport goneAway = calendar.importEvents(List.of(lower), SpiFixture.ALICE, FROM, TO);
        assertEquals(List.of("r1@cal"), goneAway.conflicts().stream().map(ImportReport.Conflict::uid).toList());
        ImportReport cancelledNow = calendar.importEvents(List.of(cancelled(review), lower), SpiFixture.ALICE, FROM,
                TO);
        assertEquals(List.of("r1@cal"), cancelledNow.conflicts().stream().map(ImportReport.Conflict::uid).toList());
        assertEquals(billed, entryOf("r1@cal"));
        assertEquals(List.of(), cancelledNow.deleted());
    }

    @Test
    void importEvents_invalidEvent_reportedWithReason_othersImported_nothingStoredForIt() {
        CalendarEvent marathon = event("m1@cal", "[ACME-WEB] hackathon", "2026-11-12T08:00", "2026-11-13T12:00");
        ImportReport r = calendar.importEvents(List.of(review, marathon, lower), SpiFixture.ALICE, FROM, TO);
        assertEquals(List.of("m1@cal"), r.invalid().stream().map(ImportReport.Item::uid).toList());
        assertTrue(r.invalid().get(0).reason().contains("longer than"), r.invalid().get(0).reason());
        assertEquals(List.of("r1@cal", "r2@cal"), entries().stream().map(TimeEntry::externalUid).toList());
    }

    @Test
    void importEvents_inactiveProject_reportedInvalid_otherEventsKept() {
        f.firm.projects().update(f.firm.projects().get(SpiFixture.OPS)
                .withStatus(dev.billops.core.project.ProjectStatus.ARCHIVED));
        ImportReport r = calendar.importEvents(List.of(review, ops), SpiFixture.ALICE, FROM, TO);
        assertEquals(List.of("o1@cal"), r.invalid().stream().map(ImportReport.Item::uid).toList());
        assertEquals(List.of("r1@cal"), entries().stream().map(TimeEntry::externalUid).toList());
    }

    @Test
    void importEvents_malformedSource_propagates_nothingImported() {
        FixedCalendar source = new FixedCalendar("ics", month());
        MalformedCalendarException malformed = new MalformedCalendarException("team.ics", "DTSTART missing in VEVENT 3");
        source.fail(malformed);
        try (PluginRegistry registry = PluginRegistry.builder().register(source).build()) {
            MalformedCalendarException e = assertThrows(MalformedCalendarException.class,
                    () -> calendar.importEvents(registry.calendarSource("ics"), SpiFixture.ALICE, FROM, TO));
            assertSame(malformed, e);
        }
        assertEquals(List.of(), entries());
    }

    @Test
    void importEvents_fromSource_sameAsFromList() {
        FixedCalendar source = new FixedCalendar("ics", month());
        try (PluginRegistry registry = PluginRegistry.builder().register(source).build()) {
            ImportReport r = calendar.importEvents(registry.calendarSource("ics"), SpiFixture.ALICE,
                    FROM, TO);
            assertEquals(3, r.created().size());
        }
    }

    @Test
    void importEvents_sourceWarnings_reachTheReportThroughTheRegistry() {
        dev.billops.spi.CalendarSource source = new dev.billops.spi.CalendarSource() {
            @Override
            public String id() {
                return "ics";
            }

            @Override
            public List<CalendarEvent> events(Instant fromInclusive, Instant toExclusive) {
                return month();
            }

            @Override
            public dev.billops.spi.CalendarReading read(Instant fromInclusive, Instant toExclusive) {
                return new dev.billops.spi.CalendarReading(events(fromInclusive, toExclusive),
                        List.of("event x: RRULE 'FREQ=HOURLY' has more than 100,000 occurrences"));
            }
        };
        try (PluginRegistry registry = PluginRegistry.builder().register(source).build()) {
            ImportReport r = calendar.importEvents(registry.calendarSource("ics"), SpiFixture.ALICE,
                    FROM, TO);
            assertEquals(List.of("event x: RRULE 'FREQ=HOURLY' has more than 100,000 occurrences"), r.warnings());
            assertEquals(3, r.created().size());
        }
    }

    @Test
    void importEvents_emptyRangeOrRepeatedUid_handled() {
        assertThrows(InvalidRangeException.class, () -> calendar.importEvents(List.of(), SpiFixture.ALICE, TO, FROM));
        ImportReport r = calendar.importEvents(List.of(review, moved(review, "2026-11-20T10:00", "2026-11-20T11:00",
                "dup")), SpiFixture.ALICE, FROM, TO);
        assertEquals(1, r.created().size());
        assertEquals(List.of("r1@cal"), r.skipped().stream().map(ImportReport.Item::uid).toList());
    }

    @Test
    void importEvents_anotherSourceWithoutTheEvents_leavesTheFirstSourcesEntries() {
        calendar.withSource("file:/team.ics").importEvents(month(), SpiFixture.ALICE, FROM, TO);
        CalendarEvent other = event("x1@cal", "[ACME-WEB] one event", "2026-11-20T10:00", "2026-11-20T11:00");

        ImportReport r = calendar.withSource("file:/one.ics").importEvents(List.of(other), SpiFixture.ALICE, FROM, TO);

        assertEquals(List.of(), r.deleted());
        assertEquals(List.of("file:/one.ics|x1@cal"), r.created().stream().map(TimeEntry::externalUid).toList());
        assertEquals(4, entries().size());
        assertEquals(SpiFixture.WEB, entryOf(CalendarImport.externalUid("file:/team.ics", "r1@cal")).projectId());
        ImportReport unnamed = calendar.importEvents(List.of(), SpiFixture.ALICE, FROM, TO);
        assertEquals(List.of(), unnamed.deleted(), "an import without source id does not touch named sources");
    }

    @Test
    void importEvents_sameEventFromSecondSource_skippedNotDoubled() {
        calendar.withSource("a").importEvents(List.of(review), SpiFixture.ALICE, FROM, TO);

        ImportReport r = calendar.withSource("b").importEvents(List.of(review), SpiFixture.ALICE, FROM, TO);

        assertEquals(List.of(), r.created());
        assertTrue(r.skipped().get(0).reason().contains("already imported from calendar source 'a'"),
                r.skipped().toString());
        assertEquals(1, entries().size());
    }

    @Test
    void importEvents_entryImportedBeforeSources_matchedByItsEvent_neverDeletedAsVanished() {
        calendar.importEvents(List.of(review, lower), SpiFixture.ALICE, FROM, TO);
        CalendarImport named = calendar.withSource("file:/team.ics");

        ImportReport again = named.importEvents(List.of(review), SpiFixture.ALICE, FROM, TO);

        assertEquals(List.of("r1@cal"), again.unchanged());
        assertEquals(List.of(), again.deleted());
        assertEquals(2, entries().size());
    }

    @Test
    void importEvents_wouldDeleteMostOfTheSource_refusedNothingWritten_allowedWithFlag() {
        CalendarImport team = calendar.withSource("file:/team.ics");
        List<CalendarEvent> many = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String day = String.format(java.util.Locale.ROOT, "2026-11-%02dT", 2 + i);
            many.add(event("e" + i + "@cal", "[ACME-WEB] task " + i, day + "10:00", day + "11:00"));
        }
        team.importEvents(many, SpiFixture.ALICE, FROM, TO);
        List<TimeEntry> before = entries();
        CalendarEvent fresh = event("new@cal", "[ACME-WEB] new", "2026-11-25T14:00", "2026-11-25T15:00");

        ImportWouldDeleteTooManyException e = assertThrows(ImportWouldDeleteTooManyException.class,
                () -> team.importEvents(List.of(fresh), SpiFixture.ALICE, FROM, TO));

        assertEquals(20, e.wouldDelete());
        assertEquals(20, e.found());
        assertTrue(e.getMessage().contains("would delete 20 of the 20 entries"), e.getMessage());
        assertTrue(e.getMessage().length() < 300, e.getMessage());
        assertEquals(before, entries(), "nothing written, not even the new event");
        ImportReport few = team.importEvents(many.subList(0, 15), SpiFixture.ALICE, FROM, TO);
        assertEquals(5, few.deleted().size(), "up to " + CalendarImport.MASS_DELETE_MIN + " may go without the flag");
        ImportReport all = team.allowingMassDelete().importEvents(List.of(fresh), SpiFixture.ALICE, FROM, TO);
        assertEquals(15, all.deleted().size());
        assertEquals(1, entries().size());
    }

    @Test
    void withSource_badIds_refusedNamingTheValue() {
        for (String bad : List.of("", "  ", "a|b", "line\nbreak", "x".repeat(201), "bad\uD800")) {
            dev.billops.core.error.InvalidInputException e = assertThrows(
                    dev.billops.core.error.InvalidInputException.class, () -> calendar.withSource(bad), bad);
            assertTrue(e.getMessage().startsWith("calendar source id '"), e.getMessage());
            assertTrue(e.getMessage().length() < 300, e.getMessage());
        }
        assertEquals(List.of(), entries());
    }

    @Test
    void projectMapping_rules() {
        ProjectId web = SpiFixture.WEB;
        ProjectMapping byCode = ProjectMapping.byCodeInTitle(Map.of("ACME-WEB", web));
        assertEquals(web, byCode.projectFor(event("a", "x [unknown] then [ Acme-Web ]", "2026-11-03T10:00",
                "2026-11-03T11:00")).orElseThrow());
        assertTrue(byCode.projectFor(event("b", "ACME-WEB without brackets", "2026-11-03T10:00", "2026-11-03T11:00"))
                .isEmpty());
        assertThrows(IllegalArgumentException.class,
                () -> ProjectMapping.byCodeInTitle(Map.of("a", web, "A", SpiFixture.OPS)));
    }
}
