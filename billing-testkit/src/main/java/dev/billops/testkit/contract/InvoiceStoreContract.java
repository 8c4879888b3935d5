package dev.billops.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.error.NotFoundException;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EngagementId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.internal.Transitions;
import dev.billops.core.invoice.DocumentType;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceReferences;
import dev.billops.core.invoice.InvoiceAlreadyIssuedException;
import dev.billops.core.invoice.InvoiceQuery;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.core.spi.InvoiceStore;
import dev.billops.core.money.Money;
import dev.billops.core.error.ConcurrentUpdateException;
import dev.billops.core.error.DuplicateKeyException;
import dev.billops.core.spi.StoreSession;
import dev.billops.testkit.gen.DomainGens;
import dev.billops.testkit.gen.MoneyGens;
import dev.billops.testkit.property.Gen;
import dev.billops.testkit.property.Property;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link InvoiceStore}: round trips of whole invoices (lines, adjustments, breakdown,
 * totals, settlement, metadata), the three uniqueness guarantees (id, (series, number),
 * (engagement, package period start)), optimistic locking, deleting only drafts, lookups,
 * filters and order (issue date, drafts last, then id). See {@link StoreContract}.
 */
public abstract class InvoiceStoreContract extends StoreContract {

    protected static final ClientId ACME = ClientId.of("acme");
    protected static final ClientId GLOBEX = ClientId.of("globex");

    private static InvoiceStore invoices(StoreSession s) {
        return s.get(InvoiceStore.class);
    }

    private void insert(Invoice... all) {
        run(s -> {
            for (Invoice i : all) {
                invoices(s).insert(i);
            }
        });
    }

    private Optional<Invoice> find(InvoiceId id) {
        return tx(s -> invoices(s).find(id));
    }

    @Test
    void insert_richWithHostileTexts_roundTripsEveryField() {
        for (int i = 0; i < DomainGens.HOSTILE_TEXTS.size(); i++) {
            Invoice rich = Fixtures.richInvoice(InvoiceId.of("rich-" + i), ACME, DomainGens.HOSTILE_TEXTS.get(i));
            insert(rich);
            assertEquals(Optional.of(rich), find(rich.id()), DomainGens.HOSTILE_TEXTS.get(i));
        }
    }

    @Test
    void insertAndUpdate_eachReferenceAlone_roundTrips() {
        InvoiceReferences none = InvoiceReferences.none();
        List<InvoiceReferences> each = List.of(none.withBuyerReference("04011000-12345-03"),
                none.withPurchaseOrder("PO-1"), none.withProject("PRJ-1"), none.withContract("CT-1"),
                none.withSalesOrder("SO-1"), none.withBuyerAccounting("4711"), none.withPaymentTerms("Net 30 days"));
        for (int i = 0; i < each.size(); i++) {
            Invoice d = Fixtures.draftWithLine(InvoiceId.of("r-" + i), ACME).withReferences(each.get(i));
            insert(d);
            assertEquals(Optional.of(d), find(d.id()), each.get(i).toString());
            Invoice cleared = tx(s -> invoices(s).update(d.withReferences(none)));
            assertEquals(Optional.of(cleared), find(d.id()));
            assertTrue(cleared.references().isEmpty());
        }
    }

    @Test
    void update_prepaidFixedAtIssue_roundTripsAndStaysWhenPaidChanges() {
        Invoice issued = Fixtures.issued(InvoiceId.of("pp"), ACME, "INV", "INV-PP", Fixtures.D0);
        insert(issued);
        Invoice stored = find(issued.id()).orElseThrow();
        Invoice prepaid = tx(s -> invoices(s).update(Transitions.withPrepaid(stored,
                Money.of(Fixtures.EUR, "30.00"))));
        assertEquals(Optional.of(prepaid), find(issued.id()));
        Invoice paid = tx(s -> invoices(s).update(Transitions.withSettlement(prepaid,
                Money.of(Fixtures.EUR, "100.00"), prepaid.credited())));
        assertEquals(Money.of(Fixtures.EUR, "30.00"), find(issued.id()).orElseThrow().prepaid());
        assertEquals(Optional.of(paid), find(issued.id()));
    }

    @Test
    void insert_priceWithEighteenDecimals_roundTripsExactly() {
        // 1,000,000 calls at EUR 0.000123456789012345 = 123.456789012345 -> 123.46 (half up)
        UnitPrice price = UnitPrice.of(Fixtures.EUR, "0.000123456789012345");
        Invoice d = Fixtures.draft(InvoiceId.of("p18"), ACME).withLines(List.of(InvoiceLine.of("API calls",
                new BigDecimal("1000000"), UnitCode.PIECE, price, TaxTreatment.standard(new BigDecimal("19")))));
        insert(d);
        Invoice stored = find(d.id()).orElseThrow();
        assertEquals(d, stored);
        assertEquals("0.000123456789012345", stored.lines().get(0).price().amount().toPlainString());
        assertEquals(Money.of(Fixtures.EUR, "123.46"), stored.lineNets().get(0));
    }

    @Test
    void insert_emptyDraft_roundTripsNulls() {
        Invoice draft = Fixtures.draft(InvoiceId.of("d"), ACME);
        insert(draft);
        assertEquals(Optional.of(draft), find(draft.id()));
    }

    @Test
    void insert_generatedDrafts_roundTrip() {
        Gen<Invoice> gen = MoneyGens.currencies().flatMap(c -> DomainGens.draftInvoices(ACME, c));
        Property.forAll(gen).tries(40).verify(invoice -> {
            dev.billops.core.id.TenantId fresh = dev.billops.core.id.TenantId.generate();
            run(fresh, s -> invoices(s).insert(invoice));
            assertEquals(Optional.of(invoice), tx(fresh, s -> invoices(s).find(invoice.id())));
        });
    }

    @Test
    void insert_knownId_throwsDuplicateKey() {
        Invoice d = Fixtures.draft(InvoiceId.of("d"), ACME);
        insert(d);
        assertFailsStoringNothing(DuplicateKeyException.class, () -> insert(Fixtures.draft(d.id(), GLOBEX)));
    }

    @Test
    void insert_knownSeriesAndNumber_throwsDuplicateKey_otherSeriesAccepted() {
        insert(Fixtures.issued(InvoiceId.of("i1"), ACME, "INV", "2026-0001", Fixtures.D0));
        assertFailsStoringNothing(DuplicateKeyException.class,
                () -> insert(Fixtures.issued(InvoiceId.of("i2"), GLOBEX, "INV", "2026-0001", Fixtures.D0)));
        Invoice otherSeries = Fixtures.issued(InvoiceId.of("i3"), ACME, "PKG", "2026-0001", Fixtures.D0);
        insert(otherSeries);
        assertEquals(Optional.of(otherSeries), find(otherSeries.id()));
    }

    @Test
    void insert_secondInvoiceForEngagementPeriod_throwsDuplicateKey_otherPeriodAccepted() {
        EngagementId eng = EngagementId.of("eng-1");
        insert(Fixtures.packageDraft(InvoiceId.of("p1"), ACME, eng, Fixtures.D0));
        assertFailsStoringNothing(DuplicateKeyException.class,
                () -> insert(Fixtures.packageDraft(InvoiceId.of("p2"), ACME, eng, Fixtures.D0)));
        insert(Fixtures.packageDraft(InvoiceId.of("p3"), ACME, eng, Fixtures.D0.plusMonths(1)),
                Fixtures.packageDraft(InvoiceId.of("p4"), ACME, EngagementId.of("eng-2"), Fixtures.D0));
        assertEquals(InvoiceId.of("p1"),
                tx(s -> invoices(s).findByEngagementPeriod(eng, Fixtures.D0)).orElseThrow().id());
        assertEquals(InvoiceId.of("p3"),
                tx(s -> invoices(s).findByEngagementPeriod(eng, Fixtures.D0.plusMonths(1))).orElseThrow().id());
        assertEquals(Optional.empty(), tx(s -> invoices(s).findByEngagementPeriod(eng, Fixtures.D0.minusMonths(1))));
    }

    @Test
    void insertAll_richIssuedDraftsAndPackageInvoices_roundTripLikeInsert() {
        List<Invoice> all = new java.util.ArrayList<>();
        for (int i = 0; i < DomainGens.HOSTILE_TEXTS.size(); i++) {
            all.add(Fixtures.richInvoice(InvoiceId.of("rich-" + i), ACME, DomainGens.HOSTILE_TEXTS.get(i)));
        }
        all.add(Fixtures.issued(InvoiceId.of("i1"), GLOBEX, "INV", "2026-0001", Fixtures.D0));
        all.add(Fixtures.draftWithLine(InvoiceId.of("d1"), ACME));
        all.add(Fixtures.draft(InvoiceId.of("d2"), ACME));
        all.add(Fixtures.packageDraft(InvoiceId.of("p1"), ACME, EngagementId.of("eng-1"), Fixtures.D0));
        all.add(Fixtures.creditNote(InvoiceId.of("cn1"), GLOBEX, InvoiceId.of("i1"), "CN-1", Fixtures.D0));
        run(s -> invoices(s).insertAll(all));
        for (Invoice i : all) {
            assertEquals(Optional.of(i), find(i.id()), i.id().value());
        }
        run(s -> invoices(s).insertAll(List.of()));
        assertEquals(all.size(), tx(s -> invoices(s).list(InvoiceQuery.all())).size());
    }

    @Test
    void insertAll_generatedInvoices_roundTripAsInsertStoresThem() {
        Gen<List<Invoice>> gen = Gen.listOf(MoneyGens.currencies().flatMap(c -> DomainGens.draftInvoices(ACME, c)), 1, 6);
        Property.forAll(gen).tries(25).verify(drafts -> {
            List<Invoice> distinct = new java.util.ArrayList<>();
            java.util.Set<InvoiceId> ids = new java.util.HashSet<>();
            for (Invoice d : drafts) {
                if (ids.add(d.id())) {
                    distinct.add(d);
                }
            }
            dev.billops.core.id.TenantId bulk = dev.billops.core.id.TenantId.generate();
            dev.billops.core.id.TenantId single = dev.billops.core.id.TenantId.generate();
            run(bulk, s -> invoices(s).insertAll(distinct));
            run(single, s -> distinct.forEach(invoices(s)::insert));
            List<Invoice> one = tx(single, s -> invoices(s).list(InvoiceQuery.all()));
            List<Invoice> together = tx(bulk, s -> invoices(s).list(InvoiceQuery.all()));
            assertEquals(one, together);
            assertEquals(distinct.size(), together.size());
        });
    }

    @Test
    void insertAll_oneNumberTaken_throwsDuplicateKeyNamingIt_andStoresNothing() {
        insert(Fixtures.issued(InvoiceId.of("i1"), ACME, "INV", "2026-0001", Fixtures.D0));
        List<Invoice> batch = List.of(Fixtures.issued(InvoiceId.of("i2"), ACME, "INV", "2026-0002", Fixtures.D0),
                Fixtures.issued(InvoiceId.of("i3"), GLOBEX, "INV", "2026-0001", Fixtures.D0),
                Fixtures.issued(InvoiceId.of("i4"), ACME, "INV", "2026-0003", Fixtures.D0));
        DuplicateKeyException e = assertFailsStoringNothing(DuplicateKeyException.class,
                () -> run(s -> invoices(s).insertAll(batch)));
        assertEquals("invoice number", e.kind());
        assertEquals("INV 2026-0001", e.key());
    }

    @Test
    void insertAll_knownIdOrPeriodBilled_throwsDuplicateKey_andStoresNothing() {
        EngagementId eng = EngagementId.of("eng-1");
        insert(Fixtures.packageDraft(InvoiceId.of("p1"), ACME, eng, Fixtures.D0));
        DuplicateKeyException period = assertFailsStoringNothing(DuplicateKeyException.class,
                () -> run(s -> invoices(s).insertAll(List.of(
                        Fixtures.packageDraft(InvoiceId.of("p2"), ACME, eng, Fixtures.D0.plusMonths(1)),
                        Fixtures.packageDraft(InvoiceId.of("p3"), ACME, eng, Fixtures.D0)))));
        assertEquals("package invoice of engagement period", period.kind());
        DuplicateKeyException id = assertFailsStoringNothing(DuplicateKeyException.class,
                () -> run(s -> invoices(s).insertAll(List.of(Fixtures.draft(InvoiceId.of("d1"), ACME),
                        Fixtures.draft(InvoiceId.of("p1"), GLOBEX)))));
        assertEquals("invoice", id.kind());
        assertEquals("p1", id.key());
    }

    @Test
    void insertAll_clashWithinTheList_throwsDuplicateKeyForTheLaterOne_andStoresNothing() {
        DuplicateKeyException number = assertFailsStoringNothing(DuplicateKeyException.class,
                () -> run(s -> invoices(s).insertAll(List.of(
                        Fixtures.issued(InvoiceId.of("a"), ACME, "INV", "N-1", Fixtures.D0),
                        Fixtures.issued(InvoiceId.of("b"), ACME, "INV", "N-2", Fixtures.D0),
                        Fixtures.issued(InvoiceId.of("c"), ACME, "INV", "N-1", Fixtures.D0)))));
        assertEquals("INV N-1", number.key());
        DuplicateKeyException id = assertFailsStoringNothing(DuplicateKeyException.class,
                () -> run(s -> invoices(s).insertAll(List.of(Fixtures.draft(InvoiceId.of("x"), ACME),
                        Fixtures.draft(InvoiceId.of("x"), GLOBEX)))));
        assertEquals("x", id.key());
    }

    /** An issued EUR invoice of one line billing {@code entries}. */
    private static Invoice issuedBilling(InvoiceId id, String number, String... entries) {
        List<dev.billops.core.id.TimeEntryId> ids = java.util.Arrays.stream(entries)
                .map(dev.billops.core.id.TimeEntryId::of).toList();
        InvoiceLine line = new InvoiceLine(1, "Consulting", new BigDecimal("2"), UnitCode.HOUR,
                UnitPrice.of(Fixtures.EUR, "100.00"), BigDecimal.ONE, List.of(),
                TaxTreatment.standard(new BigDecimal("19")), null, ids, null, null, null, null);
        return Transitions.issuedAs(Fixtures.draft(id, ACME).withLines(List.of(line)).withSeries("INV"), number,
                Fixtures.D0, Fixtures.D0.plusDays(30));
    }

    @Test
    void insertAll_manyInvoicesBillingEntries_eachStoredEntryClaimedByItsOwnInvoice() {
        List<dev.billops.core.timeentry.TimeEntry> stored = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            stored.add(Fixtures.entry("e" + i, dev.billops.core.id.ProjectId.of("p-1"),
                    dev.billops.core.id.TimekeeperId.of("ana"), i));
        }
        run(s -> s.get(dev.billops.core.spi.TimeEntryStore.class).insertAll(stored));
        // ten invoices of three stored entries each, in an order unlike the entries'; the last also
        // bills an entry that is not stored, which nobody claims
        List<Invoice> batch = new java.util.ArrayList<>();
        for (int n = 9; n >= 0; n--) {
            batch.add(n == 0 ? issuedBilling(InvoiceId.of("i" + n), "N-" + n, "e" + (n + 20), "ghost", "e" + n,
                    "e" + (n + 10))
                    : issuedBilling(InvoiceId.of("i" + n), "N-" + n, "e" + (n + 20), "e" + n, "e" + (n + 10)));
        }
        run(s -> invoices(s).insertAll(batch));
        // each invoice may be saved again with its own entries: they are claimed by it, not another
        for (Invoice i : batch) {
            Invoice current = find(i.id()).orElseThrow();
            run(s -> invoices(s).update(current));
        }
        // another invoice cannot bill a claimed entry, but may bill the unstored one
        for (String taken : List.of("e0", "e15", "e29")) {
            DuplicateKeyException e = assertFailsStoringNothing(DuplicateKeyException.class,
                    () -> insert(issuedBilling(InvoiceId.of("other"), "N-X", taken)));
            assertEquals("billed time entry", e.kind());
            assertEquals(taken, e.key());
        }
        insert(issuedBilling(InvoiceId.of("other"), "N-X", "ghost"));
    }

    @Test
    void insertAll_refused_leavesTheTransactionUsable() {
        insert(Fixtures.issued(InvoiceId.of("i1"), ACME, "INV", "2026-0001", Fixtures.D0));
        Invoice next = Fixtures.issued(InvoiceId.of("i9"), ACME, "INV", "2026-0009", Fixtures.D0);
        run(s -> {
            assertThrows(DuplicateKeyException.class, () -> invoices(s).insertAll(List.of(
                    Fixtures.issued(InvoiceId.of("i2"), ACME, "INV", "2026-0002", Fixtures.D0),
                    Fixtures.issued(InvoiceId.of("i3"), ACME, "INV", "2026-0001", Fixtures.D0))));
            assertEquals(Optional.empty(), invoices(s).find(InvoiceId.of("i2")));
            invoices(s).insertAll(List.of(next));
        });
        assertEquals(Optional.of(next), find(next.id()));
        assertEquals(Optional.empty(), find(InvoiceId.of("i2")));
    }

    @Test
    void update_issuingDraftThenSettling_storesEachStateAndBumpsVersion() {
        Invoice draft = Fixtures.draftWithLine(InvoiceId.of("d"), ACME);
        insert(draft);
        Invoice issuedForm = Transitions.issuedAs(draft, "INV-7", Fixtures.D0, Fixtures.D0.plusDays(30));
        Invoice issued = tx(s -> invoices(s).update(issuedForm));
        assertEquals(issuedForm.withVersion(draft.version() + 1), issued);
        assertEquals(Optional.of(issued), tx(s -> invoices(s).findByNumber("INV-7")));
        Invoice paid = tx(s -> invoices(s).update(Transitions.withSettlement(issued, issued.totals().payable(),
                Money.zero(issued.currency()))));
        assertEquals(InvoiceStatus.PAID, paid.status());
        assertEquals(draft.version() + 2, paid.version());
        assertEquals(Optional.of(paid), find(draft.id()));
    }

    @Test
    void update_staleVersion_throwsConcurrentUpdate_unknown_throwsNotFound() {
        Invoice draft = Fixtures.draft(InvoiceId.of("d"), ACME);
        insert(draft);
        run(s -> invoices(s).update(draft.withNotes("first")));
        assertFailsStoringNothing(ConcurrentUpdateException.class,
                () -> run(s -> invoices(s).update(draft.withNotes("second"))));
        assertFailsStoringNothing(NotFoundException.class,
                () -> run(s -> invoices(s).update(Fixtures.draft(InvoiceId.of("ghost"), ACME))));
    }

    @Test
    void update_numberHeldByAnotherInvoice_throwsDuplicateKey() {
        insert(Fixtures.issued(InvoiceId.of("i1"), ACME, "INV", "N-1", Fixtures.D0));
        Invoice draft = Fixtures.issued(InvoiceId.of("i2"), ACME, "INV", "N-2", Fixtures.D0);
        insert(draft);
        assertFailsStoringNothing(DuplicateKeyException.class, () -> run(s -> invoices(s).update(
                Transitions.issuedAs(draft, "N-1", Fixtures.D0, Fixtures.D0))));
    }

    @Test
    void update_engagementPeriodHeldByAnotherInvoice_throwsDuplicateKey() {
        EngagementId eng = EngagementId.of("eng");
        insert(Fixtures.packageDraft(InvoiceId.of("p1"), ACME, eng, Fixtures.D0));
        Invoice other = Fixtures.draft(InvoiceId.of("p2"), ACME);
        insert(other);
        assertFailsStoringNothing(DuplicateKeyException.class, () -> run(s -> invoices(s).update(
                other.forPackagePeriod(eng, Fixtures.D0))));
    }

    @Test
    void deleteDraft_draft_removesAndFreesEngagementPeriod() {
        EngagementId eng = EngagementId.of("eng");
        Invoice d = Fixtures.packageDraft(InvoiceId.of("d"), ACME, eng, Fixtures.D0);
        insert(d);
        run(s -> invoices(s).deleteDraft(d.id()));
        assertEquals(Optional.empty(), find(d.id()));
        insert(Fixtures.packageDraft(InvoiceId.of("again"), ACME, eng, Fixtures.D0));
    }

    @Test
    void deleteDraft_issued_throwsAlreadyIssued_unknown_throwsNotFound() {
        Invoice issued = Fixtures.issued(InvoiceId.of("i"), ACME, "INV", "N-1", Fixtures.D0);
        insert(issued);
        InvoiceAlreadyIssuedException ex = assertFailsStoringNothing(InvoiceAlreadyIssuedException.class,
                () -> run(s -> invoices(s).deleteDraft(issued.id())));
        assertEquals(issued.id(), ex.invoiceId());
        assertFailsStoringNothing(NotFoundException.class,
                () -> run(s -> invoices(s).deleteDraft(InvoiceId.of("ghost"))));
    }

    @Test
    void findByNumber_findsIssuedInvoiceOnly() {
        Invoice issued = Fixtures.issued(InvoiceId.of("i"), ACME, "INV", "INV-2026-00042", Fixtures.D0);
        insert(issued, Fixtures.draft(InvoiceId.of("d"), ACME));
        assertEquals(Optional.of(issued), tx(s -> invoices(s).findByNumber("INV-2026-00042")));
        assertEquals(Optional.empty(), tx(s -> invoices(s).findByNumber("INV-2026-0004")));
        assertEquals(Optional.empty(), tx(s -> invoices(s).findByNumber("'; DROP TABLE x; --")));
    }

    @Test
    void list_orderedByIssueDateDraftsLastThenId() {
        Invoice d2 = Fixtures.draft(InvoiceId.of("d2"), ACME);
        Invoice d1 = Fixtures.draft(InvoiceId.of("d1"), GLOBEX);
        Invoice lateA = Fixtures.issued(InvoiceId.of("a"), ACME, "INV", "3", Fixtures.D0.plusDays(5));
        Invoice earlyZ = Fixtures.issued(InvoiceId.of("z"), ACME, "INV", "1", Fixtures.D0);
        Invoice earlyB = Fixtures.issued(InvoiceId.of("b"), GLOBEX, "INV", "2", Fixtures.D0);
        insert(d2, lateA, d1, earlyZ, earlyB);
        assertEquals(List.of(earlyB, earlyZ, lateA, d1, d2), tx(s -> invoices(s).list(InvoiceQuery.all())));
        List<Invoice> paged = new java.util.ArrayList<>();
        run(s -> invoices(s).forEach(InvoiceQuery.all(), paged::add));
        assertEquals(List.of(earlyB, earlyZ, lateA, d1, d2), paged);
    }

    @Test
    void list_filtersByClientStatusAndType() {
        Invoice draft = Fixtures.draft(InvoiceId.of("d"), ACME);
        Invoice issued = Fixtures.issued(InvoiceId.of("i1"), ACME, "INV", "1", Fixtures.D0);
        Invoice partly = Transitions.withSettlement(Fixtures.issued(InvoiceId.of("i2"), ACME, "INV", "2",
                Fixtures.D0), Money.of(Fixtures.EUR, "1.00"), Money.zero(Fixtures.EUR));
        Invoice paid = Fixtures.issued(InvoiceId.of("i3"), ACME, "INV", "3", Fixtures.D0);
        paid = Transitions.withSettlement(paid, paid.totals().payable(), Money.zero(Fixtures.EUR));
        Invoice globex = Fixtures.issued(InvoiceId.of("i4"), GLOBEX, "INV", "4", Fixtures.D0);
        Invoice credit = Fixtures.creditNote(InvoiceId.of("cn"), ACME, issued.id(), "CN-1", Fixtures.D0);
        insert(draft, issued, partly, paid, globex, credit);

        assertEquals(List.of(credit, issued, partly, paid, draft), tx(s -> invoices(s).list(InvoiceQuery.ofClient(ACME))));
        assertEquals(List.of(issued, partly), tx(s -> invoices(s).list(InvoiceQuery.open(ACME))));
        assertEquals(List.of(issued, partly, globex), tx(s -> invoices(s).list(InvoiceQuery.open(null))));
        assertEquals(List.of(credit), tx(s -> invoices(s).list(new InvoiceQuery(null, EnumSet.noneOf(
                InvoiceStatus.class), DocumentType.CREDIT_NOTE))));
        assertEquals(List.of(paid, draft), tx(s -> invoices(s).list(new InvoiceQuery(ACME,
                EnumSet.of(InvoiceStatus.PAID, InvoiceStatus.DRAFT), DocumentType.INVOICE))));
    }

    @Test
    void creditNotesOf_listsOnlyNotesOfThatInvoice() {
        Invoice inv = Fixtures.issued(InvoiceId.of("inv"), ACME, "INV", "1", Fixtures.D0);
        Invoice other = Fixtures.issued(InvoiceId.of("other"), ACME, "INV", "2", Fixtures.D0);
        Invoice cn2 = Fixtures.creditNote(InvoiceId.of("cn-b"), ACME, inv.id(), "CN-2", Fixtures.D0.plusDays(2));
        Invoice cn1 = Fixtures.creditNote(InvoiceId.of("cn-a"), ACME, inv.id(), "CN-1", Fixtures.D0.plusDays(1));
        Invoice cnOther = Fixtures.creditNote(InvoiceId.of("cn-c"), ACME, other.id(), "CN-3", Fixtures.D0);
        insert(inv, other, cn2, cn1, cnOther);
        assertEquals(List.of(cn1, cn2), tx(s -> invoices(s).creditNotesOf(inv.id())));
        assertEquals(List.of(), tx(s -> invoices(s).creditNotesOf(cn1.id())));
    }
}
