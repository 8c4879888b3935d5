package dev.billops.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.error.NotFoundException;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.internal.Transitions;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.spi.InvoiceStore;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.timeentry.EntryState;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.core.timeentry.TimeEntryAlreadyBilledException;
import dev.billops.core.timeentry.TimeEntryQuery;
import dev.billops.core.spi.TimeEntryStore;
import dev.billops.core.error.ConcurrentUpdateException;
import dev.billops.core.error.DuplicateKeyException;
import dev.billops.testkit.gen.DomainGens;
import dev.billops.testkit.gen.MoneyGens;
import dev.billops.testkit.property.Gen;
import dev.billops.testkit.property.Property;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link TimeEntryStore}: round trips, unique ids and external uids, batch inserts
 * all or nothing, edits only while OPEN, {@code markBilled} all or nothing and at most once,
 * query filters by project, timekeeper, billing state and local start date, and (start, id)
 * order of streamed results. See {@link StoreContract} for how to run it.
 */
public abstract class TimeEntryStoreContract extends StoreContract {

    protected static final ProjectId P1 = ProjectId.of("p-1");
    protected static final ProjectId P2 = ProjectId.of("p-2");
    protected static final TimekeeperId ANA = TimekeeperId.of("ana");
    protected static final TimekeeperId BEN = TimekeeperId.of("ben");
    protected static final InvoiceId INV1 = InvoiceId.of("inv-1");
    protected static final InvoiceId INV2 = InvoiceId.of("inv-2");

    private TimeEntryStore entries(dev.billops.core.spi.StoreSession s) {
        return s.get(TimeEntryStore.class);
    }

    private Optional<TimeEntry> find(TimeEntryId id) {
        return tx(s -> entries(s).find(id));
    }

    private void insert(TimeEntry... es) {
        run(s -> entries(s).insertAll(List.of(es)));
    }

    @Test
    void insert_richWithHostileTexts_roundTripsEveryField() {
        List<TimeEntry> written = new ArrayList<>();
        for (int i = 0; i < DomainGens.HOSTILE_TEXTS.size(); i++) {
            TimeEntry e = Fixtures.richEntry(TimeEntryId.of("e-" + i), P1, ANA, DomainGens.HOSTILE_TEXTS.get(i));
            written.add(e);
            run(s -> entries(s).insert(e));
        }
        TimeEntry longest = Fixtures.richEntry(TimeEntryId.of("e-long"), P1, ANA, "é😀".repeat(1333) + "x");
        run(s -> entries(s).insert(longest));
        written.add(longest);
        for (TimeEntry e : written) {
            assertEquals(Optional.of(e), find(e.id()));
        }
    }

    @Test
    void insert_sparse_roundTripsNulls() {
        TimeEntry e = Fixtures.entry("sparse", P1, ANA, 0);
        insert(e);
        assertEquals(Optional.of(e), find(e.id()));
    }

    @Test
    void insert_generatedEntries_roundTrip() {
        Gen<TimeEntry> gen = MoneyGens.currencies().flatMap(c -> DomainGens.timeEntries(P1, ANA, c));
        Property.forAll(gen).tries(60).verify(e -> {
            dev.billops.core.id.TenantId fresh = dev.billops.core.id.TenantId.generate();
            run(fresh, s -> entries(s).insert(e));
            assertEquals(Optional.of(e), tx(fresh, s -> entries(s).find(e.id())));
            if (e.externalUid() != null) {
                assertEquals(Optional.of(e), tx(fresh, s -> entries(s).findByExternalUid(e.externalUid())));
            }
        });
    }

    @Test
    void insert_knownId_throwsDuplicateKey() {
        TimeEntry e = Fixtures.entry("e", P1, ANA, 0);
        insert(e);
        assertFailsStoringNothing(DuplicateKeyException.class, () -> insert(Fixtures.entry("e", P2, BEN, 5)));
    }

    @Test
    void insert_knownExternalUid_throwsDuplicateKey() {
        TimeEntry e = Fixtures.richEntry(TimeEntryId.of("e-1"), P1, ANA, "x");
        insert(e);
        TimeEntry sameUid = Fixtures.entry("e-2", P1, ANA, 3).withExternalUid(e.externalUid());
        assertFailsStoringNothing(DuplicateKeyException.class, () -> insert(sameUid));
        assertEquals(Optional.of(e), tx(s -> entries(s).findByExternalUid(e.externalUid())));
        assertEquals(Optional.empty(), tx(s -> entries(s).findByExternalUid("unknown@cal")));
    }

    @Test
    void insert_nullExternalUids_neverCollide() {
        insert(Fixtures.entry("a", P1, ANA, 0), Fixtures.entry("b", P1, ANA, 1));
        run(s -> entries(s).insert(Fixtures.entry("c", P1, ANA, 2)));
        assertEquals(3, visible().timeEntries().size());
    }

    @Test
    void insertAll_oneDuplicateInBatch_storesNone() {
        insert(Fixtures.entry("old", P1, ANA, 0));
        assertFailsStoringNothing(DuplicateKeyException.class, () -> insert(Fixtures.entry("n1", P1, ANA, 1),
                Fixtures.entry("n2", P1, ANA, 2), Fixtures.entry("old", P1, ANA, 3)));
        assertFailsStoringNothing(DuplicateKeyException.class, () -> insert(
                Fixtures.entry("n1", P1, ANA, 1).withExternalUid("same"),
                Fixtures.entry("n2", P1, ANA, 2).withExternalUid("same")));
        assertFailsStoringNothing(DuplicateKeyException.class, () -> insert(Fixtures.entry("n1", P1, ANA, 1),
                Fixtures.entry("n1", P1, ANA, 2)));
    }

    @Test
    void insertAll_manyEntries_allStoredAndStreamedInStartOrder() {
        List<TimeEntry> batch = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            // ids descending while starts ascend, and two entries per start: order must follow (start, id)
            batch.add(Fixtures.entry(String.format("e-%05d", 10_000 - i), i % 2 == 0 ? P1 : P2, ANA, i / 2));
        }
        run(s -> entries(s).insertAll(batch));
        List<TimeEntry> streamed = new ArrayList<>();
        run(s -> entries(s).forEach(VisibleState.ALL_ENTRIES, streamed::add));
        List<TimeEntry> expected = new ArrayList<>(batch);
        expected.sort(Comparator.comparing((TimeEntry e) -> e.span().start()).thenComparing(TimeEntry::id));
        assertEquals(expected, streamed);
        assertEquals(expected, tx(s -> entries(s).list(VisibleState.ALL_ENTRIES)));
    }

    @Test
    void update_openCurrentVersion_storesAndBumpsVersion() {
        TimeEntry e = Fixtures.entry("e", P1, ANA, 0);
        insert(e);
        TimeEntry changed = e.withDescription("changed 😀").withBillable(false).withExternalUid("uid-new");
        TimeEntry updated = tx(s -> entries(s).update(changed));
        assertEquals(changed.withVersion(e.version() + 1), updated);
        assertEquals(Optional.of(updated), find(e.id()));
        assertEquals(Optional.of(updated), tx(s -> entries(s).findByExternalUid("uid-new")));
    }

    @Test
    void update_staleVersion_throwsConcurrentUpdate() {
        TimeEntry e = Fixtures.entry("e", P1, ANA, 0);
        insert(e);
        run(s -> entries(s).update(e.withDescription("first")));
        assertFailsStoringNothing(ConcurrentUpdateException.class,
                () -> run(s -> entries(s).update(e.withDescription("second"))));
    }

    @Test
    void update_uidOfAnotherEntry_throwsDuplicateKey() {
        TimeEntry a = Fixtures.entry("a", P1, ANA, 0).withExternalUid("uid-a");
        TimeEntry b = Fixtures.entry("b", P1, ANA, 1);
        insert(a, b);
        assertFailsStoringNothing(DuplicateKeyException.class,
                () -> run(s -> entries(s).update(b.withExternalUid("uid-a"))));
    }

    @Test
    void update_billedOrLocked_throwsAlreadyBilled() {
        TimeEntry billed = Fixtures.entry("billed", P1, ANA, 0);
        TimeEntry locked = Fixtures.locked(Fixtures.entry("locked", P1, ANA, 1));
        insert(billed, locked);
        run(s -> entries(s).markBilled(List.of(billed.id()), INV1));
        TimeEntry current = find(billed.id()).orElseThrow();
        TimeEntryAlreadyBilledException ex = assertFailsStoringNothing(TimeEntryAlreadyBilledException.class,
                () -> run(s -> entries(s).update(current.withDescription("sneaky"))));
        assertEquals(billed.id(), ex.entryId());
        assertEquals(INV1, ex.invoiceId());
        assertFailsStoringNothing(TimeEntryAlreadyBilledException.class,
                () -> run(s -> entries(s).update(locked.withDescription("sneaky"))));
        assertFailsStoringNothing(NotFoundException.class,
                () -> run(s -> entries(s).update(Fixtures.entry("ghost", P1, ANA, 0))));
    }

    @Test
    void delete_open_removes_billedLockedOrUnknown_throws() {
        TimeEntry open = Fixtures.entry("open", P1, ANA, 0).withExternalUid("uid-open");
        TimeEntry billed = Fixtures.entry("billed", P1, ANA, 1);
        TimeEntry locked = Fixtures.locked(Fixtures.entry("locked", P1, ANA, 2));
        insert(open, billed, locked);
        run(s -> entries(s).markBilled(List.of(billed.id()), INV1));
        run(s -> entries(s).delete(open.id()));
        assertEquals(Optional.empty(), find(open.id()));
        assertEquals(Optional.empty(), tx(s -> entries(s).findByExternalUid("uid-open")));
        assertFailsStoringNothing(TimeEntryAlreadyBilledException.class, () -> run(s -> entries(s).delete(billed.id())));
        assertFailsStoringNothing(TimeEntryAlreadyBilledException.class, () -> run(s -> entries(s).delete(locked.id())));
        assertFailsStoringNothing(NotFoundException.class, () -> run(s -> entries(s).delete(open.id())));
        // the uid of a deleted entry is free again
        insert(Fixtures.entry("reimport", P1, ANA, 0).withExternalUid("uid-open"));
    }

    private static Invoice listing(Invoice invoice, TimeEntryId... ids) {
        return invoice.withLines(List.of(new InvoiceLine(1, "Work", new BigDecimal("2"), UnitCode.HOUR,
                UnitPrice.of(Fixtures.EUR, "100.00"), BigDecimal.ONE, List.of(),
                TaxTreatment.standard(new BigDecimal("19")), null, List.of(ids), P1, null, null, null)));
    }

    @Test
    void draftListing_entriesOnDraftsIssuedOrNoInvoice_findsOnlyTheDraftWithTheSmallestId() {
        TimeEntry onDraft = Fixtures.entry("a", P1, ANA, 0);
        TimeEntry onIssued = Fixtures.entry("b", P1, ANA, 1);
        TimeEntry onTwoDrafts = Fixtures.entry("c", P1, ANA, 2);
        TimeEntry free = Fixtures.entry("d", P1, ANA, 3);
        insert(onDraft, onIssued, onTwoDrafts, free);
        ClientId client = ClientId.of("acme");
        run(s -> {
            InvoiceStore invoices = s.get(InvoiceStore.class);
            invoices.insert(listing(Fixtures.draft(InvoiceId.of("d-2"), client), onDraft.id(), onTwoDrafts.id()));
            invoices.insert(listing(Fixtures.draft(InvoiceId.of("d-1"), client), onTwoDrafts.id()));
            invoices.insert(Transitions.issuedAs(listing(Fixtures.draft(InvoiceId.of("i-1"), client),
                    onIssued.id()), "INV-1", Fixtures.D0, Fixtures.D0.plusDays(30)));
        });
        assertEquals(Optional.of(InvoiceId.of("d-2")), tx(s -> entries(s).draftListing(onDraft.id())));
        assertEquals(Optional.of(InvoiceId.of("d-1")), tx(s -> entries(s).draftListing(onTwoDrafts.id())));
        assertEquals(Optional.empty(), tx(s -> entries(s).draftListing(onIssued.id())), "issued is not a draft");
        assertEquals(Optional.empty(), tx(s -> entries(s).draftListing(free.id())));
        assertEquals(Optional.empty(), tx(otherTenant, s -> s.get(TimeEntryStore.class).draftListing(onDraft.id())),
                "other tenant");
        run(s -> s.get(InvoiceStore.class).deleteDraft(InvoiceId.of("d-2")));
        assertEquals(Optional.empty(), tx(s -> entries(s).draftListing(onDraft.id())), "deleting the draft frees it");
    }

    @Test
    void draftedVersions_draftStoredOrUpdated_holdsEachListedEntrysVersionThen() {
        TimeEntry a = Fixtures.entry("a", P1, ANA, 0);
        TimeEntry b = Fixtures.entry("b", P1, ANA, 1);
        insert(a, b);
        run(s -> entries(s).update(b.withDescription("edited before drafting")));
        ClientId client = ClientId.of("acme");
        InvoiceId draft = InvoiceId.of("d-1");
        run(s -> s.get(InvoiceStore.class).insert(listing(Fixtures.draft(draft, client), a.id(), b.id(),
                TimeEntryId.of("never-logged"))));
        assertEquals(Map.of(a.id(), a.version(), b.id(), b.version() + 1), tx(s -> entries(s).draftedVersions(draft)));
        run(s -> entries(s).update(a.withDescription("edited after drafting")));
        run(s -> entries(s).delete(b.id()));
        assertEquals(Map.of(a.id(), a.version(), b.id(), b.version() + 1), tx(s -> entries(s).draftedVersions(draft)),
                "what was drafted, not what is");
        assertEquals(Map.of(), tx(otherTenant, s -> s.get(TimeEntryStore.class).draftedVersions(draft)));
        Invoice stored = tx(s -> s.get(InvoiceStore.class).find(draft)).orElseThrow();
        run(s -> s.get(InvoiceStore.class).update(stored.withNotes("edited")));
        assertEquals(Map.of(a.id(), a.version() + 1), tx(s -> entries(s).draftedVersions(draft)),
                "storing the draft again takes the versions anew");
        run(s -> s.get(InvoiceStore.class).insert(Transitions.issuedAs(listing(Fixtures.draft(InvoiceId.of("i-1"),
                client), a.id()), "INV-1", Fixtures.D0, Fixtures.D0.plusDays(30))));
        assertEquals(Map.of(), tx(s -> entries(s).draftedVersions(InvoiceId.of("i-1"))), "not a draft");
        assertEquals(Map.of(), tx(s -> entries(s).draftedVersions(InvoiceId.of("never-stored"))));
    }

    @Test
    void lock_knownAndUnknownIds_returnsTheStoredEntriesInIdOrder() {
        TimeEntry a = Fixtures.entry("a", P1, ANA, 0);
        TimeEntry b = Fixtures.entry("b", P2, BEN, 1);
        insert(b, a);
        run(s -> entries(s).markBilled(List.of(b.id()), INV1));
        assertEquals(List.of(a, b.billedOn(INV1).withVersion(b.version() + 1)),
                tx(s -> entries(s).lock(List.of(TimeEntryId.of("zz-unknown"), b.id(), a.id(), a.id()))));
        assertEquals(List.of(), tx(otherTenant, s -> s.get(TimeEntryStore.class).lock(List.of(a.id()))));
    }

    @Test
    void markBilled_openEntries_billsEachOnInvoiceAndBumpsVersion() {
        TimeEntry a = Fixtures.entry("a", P1, ANA, 0);
        TimeEntry b = Fixtures.entry("b", P2, BEN, 1);
        TimeEntry untouched = Fixtures.entry("c", P1, ANA, 2);
        insert(a, b, untouched);
        run(s -> entries(s).markBilled(List.of(a.id(), b.id()), INV1));
        assertEquals(Optional.of(a.billedOn(INV1).withVersion(a.version() + 1)), find(a.id()));
        assertEquals(Optional.of(b.billedOn(INV1).withVersion(b.version() + 1)), find(b.id()));
        assertEquals(Optional.of(untouched), find(untouched.id()));
    }

    @Test
    void reopenBilledBy_invoice_reopensOnlyItsEntriesWhichCanBeBilledAgain() {
        TimeEntry a = Fixtures.entry("a", P1, ANA, 0);
        TimeEntry b = Fixtures.entry("b", P2, BEN, 1);
        TimeEntry other = Fixtures.entry("c", P1, ANA, 2);
        insert(a, b, other);
        run(s -> entries(s).markBilled(List.of(b.id(), a.id()), INV1));
        run(s -> entries(s).markBilled(List.of(other.id()), INV2));
        assertEquals(List.of(a.id(), b.id()), tx(s -> entries(s).reopenBilledBy(INV1)));
        assertEquals(Optional.of(a.withVersion(a.version() + 2)), find(a.id()));
        assertEquals(Optional.of(b.withVersion(b.version() + 2)), find(b.id()));
        assertEquals(INV2, find(other.id()).orElseThrow().invoiceId(), "another invoice's entry stays billed");
        assertEquals(List.of(), tx(s -> entries(s).reopenBilledBy(INV1)), "nothing left to reopen");
        run(s -> entries(s).markBilled(List.of(a.id(), b.id()), INV2));
        assertEquals(INV2, find(a.id()).orElseThrow().invoiceId());
        assertEquals(INV2, find(b.id()).orElseThrow().invoiceId());
    }

    @Test
    void markBilled_secondTime_throwsAlreadyBilledNamingFirstInvoice() {
        TimeEntry a = Fixtures.entry("a", P1, ANA, 0);
        insert(a);
        run(s -> entries(s).markBilled(List.of(a.id()), INV1));
        TimeEntryAlreadyBilledException ex = assertFailsStoringNothing(TimeEntryAlreadyBilledException.class,
                () -> run(s -> entries(s).markBilled(List.of(a.id()), INV2)));
        assertEquals(a.id(), ex.entryId());
        assertEquals(INV1, ex.invoiceId());
        assertEquals(INV1, find(a.id()).orElseThrow().invoiceId());
    }

    @Test
    void markBilled_oneNotOpen_billsNone() {
        TimeEntry a = Fixtures.entry("a", P1, ANA, 0);
        TimeEntry b = Fixtures.entry("b", P1, ANA, 1);
        TimeEntry c = Fixtures.entry("c", P1, ANA, 2);
        TimeEntry locked = Fixtures.locked(Fixtures.entry("locked", P1, ANA, 3));
        insert(a, b, c, locked);
        run(s -> entries(s).markBilled(List.of(b.id()), INV1));
        assertFailsStoringNothing(TimeEntryAlreadyBilledException.class,
                () -> run(s -> entries(s).markBilled(List.of(a.id(), b.id(), c.id()), INV2)));
        assertFailsStoringNothing(TimeEntryAlreadyBilledException.class,
                () -> run(s -> entries(s).markBilled(List.of(a.id(), locked.id()), INV2)));
        assertFailsStoringNothing(NotFoundException.class,
                () -> run(s -> entries(s).markBilled(List.of(a.id(), TimeEntryId.of("ghost")), INV2)));
        assertTrue(find(a.id()).orElseThrow().isOpen());
        assertTrue(find(c.id()).orElseThrow().isOpen());
    }

    @Test
    void forEach_ordersByStartThenId() {
        Instant t = Fixtures.T0;
        TimeEntry late = Fixtures.entry(TimeEntryId.of("a-late"), P1, ANA, t.plusSeconds(3600), Duration.ofMinutes(5),
                ZoneOffset.UTC);
        TimeEntry tieB = Fixtures.entry(TimeEntryId.of("tie-b"), P1, ANA, t, Duration.ofMinutes(5), ZoneOffset.UTC);
        TimeEntry tieA = Fixtures.entry(TimeEntryId.of("tie-a"), P2, BEN, t, Duration.ofHours(2), Fixtures.BERLIN);
        TimeEntry early = Fixtures.entry(TimeEntryId.of("z-early"), P1, ANA, t.minusSeconds(1), Duration.ofMinutes(1),
                Fixtures.KATHMANDU);
        insert(late, tieB, tieA, early);
        assertEquals(List.of(early, tieA, tieB, late), tx(s -> entries(s).list(VisibleState.ALL_ENTRIES)));
    }

    @Test
    void forEach_filtersByProjectsTimekeeperAndBillingState() {
        TimeEntry a = Fixtures.entry("a", P1, ANA, 0);
        TimeEntry b = Fixtures.entry("b", P2, BEN, 1);
        TimeEntry nonBillable = Fixtures.entry("c", P1, ANA, 2).withBillable(false);
        TimeEntry billed = Fixtures.entry("d", P1, ANA, 3);
        TimeEntry locked = Fixtures.locked(Fixtures.entry("e", P1, ANA, 4));
        TimeEntry other = Fixtures.entry("f", ProjectId.of("p-3"), ANA, 5);
        insert(a, b, nonBillable, billed, locked, other);
        run(s -> entries(s).markBilled(List.of(billed.id()), INV1));
        TimeEntry billedNow = find(billed.id()).orElseThrow();
        LocalDateRange week = LocalDateRange.of(Fixtures.D0.minusDays(1), Fixtures.D0.plusDays(7));

        assertEquals(List.of(a, b, nonBillable, billedNow, locked),
                tx(s -> entries(s).list(TimeEntryQuery.all(Set.of(P1, P2), week))));
        assertEquals(List.of(a, b), tx(s -> entries(s).list(TimeEntryQuery.unbilled(Set.of(P1, P2), week))));
        assertEquals(List.of(a, nonBillable, billedNow, locked, other),
                tx(s -> entries(s).list(new TimeEntryQuery(Set.of(), week, ANA, false))));
        assertEquals(List.of(b), tx(s -> entries(s).list(new TimeEntryQuery(Set.of(P2), week, BEN, true))));
        assertEquals(List.of(), tx(s -> entries(s).list(new TimeEntryQuery(Set.of(P2), week, ANA, false))));
    }

    @Test
    void forEach_selectsByLocalStartDateInEntryZone() {
        LocalDate day = LocalDate.of(2026, 3, 31);
        // 23:30 in Berlin on the 31st is 21:30 UTC: belongs to the 31st
        TimeEntry berlinLate = zoned("berlin-late", day.atTime(23, 30).atZone(Fixtures.BERLIN).toInstant(),
                Fixtures.BERLIN);
        // 00:30 on April 1st at UTC+14 is 10:30 UTC on the 31st: belongs to April 1st
        ZoneId kiritimati = ZoneId.of("Pacific/Kiritimati");
        TimeEntry kiriEarly = zoned("kiri-early", day.plusDays(1).atTime(0, 30).atZone(kiritimati).toInstant(),
                kiritimati);
        // 23:00 on March 30th at UTC-10 is 09:00 UTC on the 31st: belongs to the 30th
        ZoneId honolulu = ZoneId.of("Pacific/Honolulu");
        TimeEntry honoluluLate = zoned("hono-late", day.minusDays(1).atTime(23, 0).atZone(honolulu).toInstant(),
                honolulu);
        // 00:00 exactly on the 31st in UTC: belongs to the 31st
        TimeEntry midnight = zoned("midnight", day.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
        insert(berlinLate, kiriEarly, honoluluLate, midnight);

        List<TimeEntry> onDay = tx(s -> entries(s).list(TimeEntryQuery.all(Set.of(), LocalDateRange.ofDay(day))));
        assertEquals(Set.of(berlinLate, midnight), Set.copyOf(onDay));
        List<TimeEntry> nextDay = tx(s -> entries(s).list(TimeEntryQuery.all(Set.of(),
                LocalDateRange.ofDay(day.plusDays(1)))));
        assertEquals(List.of(kiriEarly), nextDay);
        assertEquals(List.of(), tx(s -> entries(s).list(TimeEntryQuery.all(Set.of(),
                LocalDateRange.of(day, day)))));
    }

    @Test
    void forEach_sinkSeesEveryMatchOnceAndStoreStaysReadable() {
        for (int i = 0; i < 50; i++) {
            insert(Fixtures.entry("e-" + i, P1, ANA, i));
        }
        List<TimeEntryId> seen = new ArrayList<>();
        run(s -> entries(s).forEach(TimeEntryQuery.unbilled(Set.of(P1), LocalDateRange.of(Fixtures.D0,
                Fixtures.D0.plusDays(30))), e -> seen.add(e.id())));
        assertEquals(50, seen.size());
        assertEquals(50, Set.copyOf(seen).size());
        assertFalse(visible().timeEntries().stream().anyMatch(e -> e.state() != EntryState.OPEN));
    }

    private static TimeEntry zoned(String id, Instant start, ZoneId zone) {
        return Fixtures.entry(TimeEntryId.of(id), P1, ANA, start, Duration.ofMinutes(10), zone);
    }
}
