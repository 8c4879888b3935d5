package dev.billops.core.invoice;

import dev.billops.core.internal.invoice.InvoiceIssuer;
import static dev.billops.core.invoice.LifecycleFixture.EUR;
import static dev.billops.core.invoice.LifecycleFixture.VAT19;
import static dev.billops.core.invoice.LifecycleFixture.VAT7;
import static dev.billops.core.invoice.LifecycleFixture.eur;
import static dev.billops.core.invoice.LifecycleFixture.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.audit.AuditRecord;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.event.BillingEvent;
import dev.billops.core.event.InvoiceCreated;
import dev.billops.core.event.InvoiceIssued;
import dev.billops.core.event.InvoiceVoided;
import dev.billops.core.event.TimeEntriesBilled;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.numbering.CounterReset;
import dev.billops.core.numbering.NumberPattern;
import dev.billops.core.numbering.NumberingPolicy;
import dev.billops.core.numbering.SeriesNumbering;
import dev.billops.core.error.DuplicateKeyException;
import dev.billops.core.tax.TaxCategoryRuleViolationException;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.core.timeentry.EntryState;
import dev.billops.core.timeentry.TimeEntryAlreadyBilledException;
import dev.billops.core.memory.StoreSnapshot;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Drafts, issue, void and overdue on the in-memory store. */
class InvoiceLifecycleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    private final LifecycleFixture f = new LifecycleFixture(TODAY);
    private final ClientId acme = f.client("acme-gmbh", 14, "DE999999999");
    private final ClientId bravo = f.client("bravo", 30, null);

    // ---- drafts ---------------------------------------------------------------------------------

    @Test
    void createDraft_activeClient_emptyDraftInClientCurrencyWithCreatedEvent() {
        Invoice d = f.lifecycle.createDraft(acme);
        assertTrue(d.isDraft());
        assertEquals(EUR, d.currency());
        assertNull(d.number());
        assertEquals(d, f.stored(d));
        assertTrue(f.store.events(LifecycleFixture.TENANT).stream()
                .anyMatch(e -> e instanceof InvoiceCreated c && c.invoiceId().equals(d.id())));
    }

    @Test
    void createDraft_inactiveClient_throwsAndStoresNothing() {
        f.deactivate(bravo);
        StoreSnapshot before = f.snapshot();
        assertThrows(ClientNotActiveException.class, () -> f.lifecycle.createDraft(bravo));
        assertEquals(before, f.snapshot());
    }

    @Test
    @DisplayName("BR-CO-10 BR-CO-15: adding and removing lines renumbers and recalculates the draft")
    void addAndRemoveLine_draft_positionsRenumberedAndTotalsRecalculated() {
        Invoice d = f.draft(acme, line("10", "100.00", VAT19), line("2", "50.00", VAT7), line("1", "9.99", VAT19));
        assertEquals(List.of(1, 2, 3), d.lines().stream().map(InvoiceLine::position).toList());
        // 1000.00 + 9.99 = 1009.99 at 19 % -> 191.8981 -> 191.90; 100.00 at 7 % -> 7.00; gross 1308.89
        assertEquals(eur("1308.89"), d.totals().taxInclusive());
        d = f.lifecycle.removeLine(d.id(), 2);
        assertEquals(List.of(1, 2), d.lines().stream().map(InvoiceLine::position).toList());
        assertEquals("9.99", d.lines().get(1).price().amount().toPlainString());
        assertEquals(eur("1201.89"), d.totals().taxInclusive());
        assertThrows(NotFoundException.class, () -> f.lifecycle.removeLine(f.lifecycle.createDraft(acme).id(), 1));
    }

    @Test
    @DisplayName("BR-CO-11 BR-CO-13 BR-S-08: a percentage discount on a draft becomes one allowance per rate")
    void addAllowancePercent_twoRates_allowancePerRate() {
        Invoice d = f.draft(acme, line("10", "100.00", VAT19), line("4", "50.00", VAT7));
        d = f.lifecycle.addAllowancePercent(d.id(), new BigDecimal("10"), "loyalty");
        // 10 % of 1000.00 and of 200.00: allowances 100.00 + 20.00; 900.00 x 19 % = 171.00, 180.00 x 7 % = 12.60
        assertEquals(2, d.adjustments().size());
        assertEquals(eur("120.00"), d.totals().allowanceTotal());
        assertEquals(eur("1263.60"), d.totals().taxInclusive());
        d = f.lifecycle.removeAdjustment(d.id(), 0);
        assertEquals(eur("20.00"), d.totals().allowanceTotal());
        d = f.lifecycle.addCharge(d.id(), eur("12.00"), "travel");
        // 12.00 split 1000 : 200 -> 10.00 and 2.00 as charges
        assertEquals(eur("12.00"), d.totals().chargeTotal());
        d = f.lifecycle.setNotes(d.id(), "Thank you");
        assertEquals("Thank you", f.stored(d).notes());
    }

    @Test
    @DisplayName("BR-CO-11: a negative fixed allowance (a correction the standard allows) is spread over the rates")
    void addAllowance_negativeAmountTwoRates_spreadExactlyAndRaisesTheTotal() {
        Invoice d = f.draft(acme, line("10", "100.00", VAT19), line("4", "50.00", VAT7));
        d = f.lifecycle.addAllowance(d.id(), eur("-12.00"), "correction of an earlier discount");
        // -12.00 over 1000.00 and 200.00: -10.00 and -2.00; 1010.00 x 19 % = 191.90, 202.00 x 7 % = 14.14
        assertEquals(2, d.adjustments().size());
        assertEquals(eur("-10.00"), d.adjustments().get(0).signedAmount().negate());
        assertEquals(eur("-2.00"), d.adjustments().get(1).signedAmount().negate());
        assertEquals(eur("-12.00"), d.totals().allowanceTotal());
        assertEquals(eur("1212.00"), d.totals().taxExclusive());
        assertEquals(eur("1418.04"), d.totals().taxInclusive());
        d = f.lifecycle.addCharge(d.id(), eur("-0.03"), "rounding correction");
        assertEquals(eur("-0.03"), d.totals().chargeTotal());
        assertEquals(eur("1211.97"), d.totals().taxExclusive());
        assertEquals(d, f.stored(d));
    }

    @Test
    void everyEdit_issuedInvoice_throwsInvoiceAlreadyIssuedAndStoresNothing() {
        Invoice inv = f.issued(acme, line("1", "100.00", VAT19));
        InvoiceId id = inv.id();
        List<Executable> edits = List.of(
                () -> f.lifecycle.addLine(id, line("1", "1.00", VAT19)),
                () -> f.lifecycle.removeLine(id, 1),
                () -> f.lifecycle.addAdjustment(id, AllowanceCharge.allowance(eur("1.00"), "x", VAT19)),
                () -> f.lifecycle.addAllowancePercent(id, BigDecimal.ONE, "x"),
                () -> f.lifecycle.addAllowance(id, eur("1.00"), "x"),
                () -> f.lifecycle.removeAdjustment(id, 0),
                () -> f.lifecycle.setNotes(id, "changed"),
                () -> f.lifecycle.deleteDraft(id),
                () -> f.lifecycle.issue(id));
        StoreSnapshot before = f.snapshot();
        for (Executable edit : edits) {
            InvoiceAlreadyIssuedException e = assertThrows(InvoiceAlreadyIssuedException.class, edit);
            assertEquals(id, e.invoiceId());
            assertEquals(InvoiceStatus.ISSUED, e.status());
        }
        assertEquals(before, f.snapshot());
    }

    @Test
    void deleteDraft_draft_gone() {
        Invoice d = f.draft(acme, line("1", "1.00", VAT19));
        f.lifecycle.deleteDraft(d.id());
        assertThrows(NotFoundException.class, () -> f.lifecycle.get(d.id()));
    }

    // ---- issue ----------------------------------------------------------------------------------

    @Test
    void issue_draft_numberDatesEntriesAuditAndEvents() {
        TimeEntryId e1 = f.entry(TODAY.minusDays(3));
        TimeEntryId e2 = f.entry(TODAY.minusDays(2));
        Invoice d = f.draft(acme, LifecycleFixture.line("4", "100.00", VAT19, List.of(e1, e2)));
        int eventsBefore = f.store.events(LifecycleFixture.TENANT).size();

        Invoice inv = f.lifecycle.issue(d.id());

        assertEquals(InvoiceStatus.ISSUED, inv.status());
        assertEquals("INV-2026-00001", inv.number());
        assertEquals(TODAY, inv.issueDate());
        assertEquals(TODAY.plusDays(14), inv.dueDate(), "issue date + the client's 14 days");
        assertEquals(inv, f.stored(inv));
        for (TimeEntryId e : List.of(e1, e2)) {
            assertEquals(EntryState.BILLED, f.storedEntry(e).state());
            assertEquals(inv.id(), f.storedEntry(e).invoiceId());
        }
        List<BillingEvent> events = f.store.events(LifecycleFixture.TENANT);
        events = events.subList(eventsBefore, events.size());
        assertEquals(2, events.size());
        InvoiceIssued issued = (InvoiceIssued) events.get(0);
        assertEquals("INV-2026-00001", issued.number());
        assertEquals(eur("476.00"), issued.total());
        assertEquals(TODAY.plusDays(14), issued.dueDate());
        assertEquals(2, ((TimeEntriesBilled) events.get(1)).entryCount());
        List<AuditRecord> audit = f.store.auditRecords(LifecycleFixture.TENANT);
        AuditRecord last = audit.get(audit.size() - 1);
        assertEquals("invoice.issue", last.action());
        assertEquals(inv.id().value(), last.entityId());
    }

    @Test
    void issue_clientWithDefaultTerms_dueAfter30Days() {
        Invoice inv = f.issued(bravo, line("1", "10.00", VAT19));
        assertEquals(TODAY.plusDays(30), inv.dueDate());
    }

    @Test
    @DisplayName("BR-16: an invoice without lines is not issued and takes no number")
    void issue_noLines_BR_16_throwsAndConsumesNoNumber() {
        Invoice empty = f.lifecycle.createDraft(acme);
        StoreSnapshot before = f.snapshot();
        assertThrows(EmptyInvoiceException.class, () -> f.lifecycle.issue(empty.id()));
        assertEquals(before, f.snapshot());
        assertEquals("INV-2026-00001", f.issued(acme, line("1", "1.00", VAT19)).number());
    }

    @Test
    @DisplayName("BR-AE-02: a reverse-charge line for a buyer without VAT id is not issued")
    void issue_reverseChargeWithoutBuyerVatId_BR_AE_02_storesNothing() {
        Invoice d = f.draft(bravo, line("1", "100.00", TaxTreatment.reverseCharge()));
        StoreSnapshot before = f.snapshot();
        TaxCategoryRuleViolationException e = assertThrows(TaxCategoryRuleViolationException.class,
                () -> f.lifecycle.issue(d.id()));
        assertEquals("BR-AE-02", e.ruleId());
        assertEquals(before, f.snapshot());
        assertEquals(InvoiceStatus.ISSUED, f.issued(acme, line("1", "100.00", TaxTreatment.reverseCharge())).status());
    }

    @Test
    @DisplayName("BR-S-02: a seller without VAT id cannot issue standard-rated invoices")
    void issue_sellerWithoutVatId_BR_S_02() {
        LifecycleFixture noVat = new LifecycleFixture(TODAY, NumberingPolicy.defaults(), null);
        ClientId c = noVat.client("c", 30, null);
        Invoice d = noVat.draft(c, line("1", "100.00", VAT19));
        assertEquals("BR-S-02", assertThrows(TaxCategoryRuleViolationException.class,
                () -> noVat.lifecycle.issue(d.id())).ruleId());
    }

    @Test
    @DisplayName("BR-O-02: an out-of-scope invoice leaves the VAT ids off and issues")
    void issue_outOfScopeInvoice_issuedDespiteSellerVatId() {
        Invoice inv = f.issued(acme, line("1", "100.00", TaxTreatment.outOfScope("Not subject to VAT")));
        assertEquals(eur("100.00"), inv.totals().payable());
    }

    @Test
    void issue_inactiveClient_throwsClientNotActive() {
        Invoice d = f.draft(bravo, line("1", "1.00", VAT19));
        f.deactivate(bravo);
        StoreSnapshot before = f.snapshot();
        assertThrows(ClientNotActiveException.class, () -> f.lifecycle.issue(d.id()));
        assertEquals(before, f.snapshot());
    }

    @Test
    void issue_entryBilledMeanwhile_rollsBackEverythingIncludingTheNumber() {
        TimeEntryId e = f.entry(TODAY.minusDays(1));
        Invoice first = f.draft(acme, LifecycleFixture.line("2", "100.00", VAT19, List.of(e)));
        Invoice second = f.draft(acme, LifecycleFixture.line("2", "100.00", VAT19, List.of(e)));
        f.lifecycle.issue(first.id());
        StoreSnapshot before = f.snapshot();
        assertThrows(TimeEntryAlreadyBilledException.class, () -> f.lifecycle.issue(second.id()));
        assertEquals(before, f.snapshot());
        assertEquals("INV-2026-00002", f.issued(acme, line("1", "1.00", VAT19)).number());
    }

    @Test
    void issue_unknownInvoice_notFound() {
        assertThrows(NotFoundException.class, () -> f.lifecycle.issue(InvoiceId.of("nope")));
    }

    // ---- numbering ------------------------------------------------------------------------------

    @Test
    void issue_newYear_counterStartsAgain() {
        assertEquals("INV-2026-00001", f.issued(acme, line("1", "1.00", VAT19)).number());
        assertEquals("INV-2026-00002", f.issued(acme, line("1", "1.00", VAT19)).number());
        f.clock.setDate(LocalDate.of(2027, 1, 2));
        assertEquals("INV-2027-00001", f.issued(acme, line("1", "1.00", VAT19)).number());
    }

    @Test
    void issue_migratedTenantWithStartOffset_continuesAfterIt() {
        NumberingPolicy p = NumberingPolicy.defaults().withSeries("INV",
                SeriesNumbering.defaultFor("RE").withStartAfter("2026", 1041));
        LifecycleFixture migrated = new LifecycleFixture(TODAY, p, LifecycleFixture.SELLER_VAT);
        ClientId c = migrated.client("c", 30, null);
        assertEquals("RE-2026-01042", migrated.issued(c, line("1", "1.00", VAT19)).number());
        assertEquals("RE-2026-01043", migrated.issued(c, line("1", "1.00", VAT19)).number());
    }

    @Test
    void issue_perClientCounters_eachClientCountsFromOne() {
        NumberingPolicy p = NumberingPolicy.defaults().withSeries("INV",
                new SeriesNumbering(NumberPattern.of("{client}-{yy}{mm}-{seq:3}"), "", CounterReset.MONTHLY, true,
                        java.util.Map.of()));
        LifecycleFixture pc = new LifecycleFixture(TODAY, p, LifecycleFixture.SELLER_VAT);
        ClientId a = pc.client("a", 30, null);
        ClientId b = pc.client("b", 30, null);
        assertEquals("a-2611-001", pc.issued(a, line("1", "1.00", VAT19)).number());
        assertEquals("b-2611-001", pc.issued(b, line("1", "1.00", VAT19)).number());
        assertEquals("a-2611-002", pc.issued(a, line("1", "1.00", VAT19)).number());
    }

    @Test
    void issueWithNumber_preparedPackageInvoice_insertedInCallersTransaction() {
        Invoice prepared = Invoice.draft(InvoiceId.generate(), acme, EUR, InvoiceSource.PACKAGE)
                .withLines(List.of(line("1", "1500.00", VAT19)));
        Invoice inv = f.scope.tx(s -> new InvoiceIssuer(f.scope).issueWithNumber(s, prepared, "PKG-eng1-2026-11-01",
                TODAY));
        assertEquals("PKG-eng1-2026-11-01", inv.number());
        assertEquals(TODAY.plusDays(14), inv.dueDate());
        assertEquals(inv, f.stored(inv));
        Invoice again = Invoice.draft(InvoiceId.generate(), acme, EUR, InvoiceSource.PACKAGE)
                .withLines(List.of(line("1", "1500.00", VAT19)));
        StoreSnapshot before = f.snapshot();
        assertThrows(DuplicateKeyException.class, () -> f.scope.tx(s -> new InvoiceIssuer(f.scope).issueWithNumber(s, again,
                "PKG-eng1-2026-11-01", TODAY)));
        assertEquals(before, f.snapshot());
    }

    @Test
    void nextNumber_rolledBackTransaction_numberGivenBack() {
        assertThrows(IllegalStateException.class, () -> f.scope.tx(s -> {
            new InvoiceIssuer(f.scope).nextNumber(s, "INV", acme, TODAY);
            throw new IllegalStateException("caller fails after taking a number");
        }));
        assertEquals("INV-2026-00001", f.scope.tx(s -> new InvoiceIssuer(f.scope).nextNumber(s, "INV", acme, TODAY)));
    }

    // ---- void and overdue -----------------------------------------------------------------------

    @Test
    void voidInvoice_issuedUnpaid_voidWithEventAndNumberKept() {
        Invoice inv = f.issued(acme, line("1", "100.00", VAT19));
        Invoice voided = f.lifecycle.voidInvoice(inv.id());
        assertEquals(InvoiceStatus.VOID, voided.status());
        assertEquals(inv.number(), voided.number());
        assertTrue(f.store.events(LifecycleFixture.TENANT).stream()
                .anyMatch(e -> e instanceof InvoiceVoided v && v.invoiceId().equals(inv.id())));
        assertEquals("INV-2026-00002", f.issued(acme, line("1", "1.00", VAT19)).number(), "void numbers stay used");
        assertFalse(voided.isOverdueOn(TODAY.plusYears(1)));
    }

    @Test
    void voidInvoice_wrongStates_throwAndStoreNothing() {
        Invoice draft = f.draft(acme, line("1", "100.00", VAT19));
        Invoice paid = f.pay(f.issued(acme, line("1", "100.00", VAT19)), eur("10.00"));
        Invoice voided = f.lifecycle.voidInvoice(f.issued(acme, line("1", "100.00", VAT19)).id());
        StoreSnapshot before = f.snapshot();
        assertThrows(InvoiceNotIssuedException.class, () -> f.lifecycle.voidInvoice(draft.id()));
        assertEquals(InvoiceStatus.PARTIALLY_PAID, paid.status());
        InvoiceHasPaymentsException e = assertThrows(InvoiceHasPaymentsException.class,
                () -> f.lifecycle.voidInvoice(paid.id()));
        assertEquals(paid.id(), e.invoiceId());
        assertThrows(InvoiceNotIssuedException.class, () -> f.lifecycle.voidInvoice(voided.id()));
        assertEquals(before, f.snapshot());
    }

    @Test
    void overdue_derivedFromDueDateAndBalance() {
        Invoice open = f.issued(acme, line("1", "100.00", VAT19)); // due TODAY + 14
        Invoice partly = f.pay(f.issued(acme, line("1", "100.00", VAT19)), eur("50.00"));
        Invoice paid = f.pay(f.issued(acme, line("1", "100.00", VAT19)), eur("119.00"));
        LocalDate due = TODAY.plusDays(14);
        assertFalse(open.isOverdueOn(due), "not on the due date itself");
        assertTrue(open.isOverdueOn(due.plusDays(1)));
        assertEquals(List.of(), f.lifecycle.overdueOn(due));
        List<InvoiceId> overdue = f.lifecycle.overdueOn(due.plusDays(1)).stream().map(Invoice::id).toList();
        assertEquals(2, overdue.size());
        assertTrue(overdue.containsAll(List.of(open.id(), partly.id())));
        assertEquals(InvoiceStatus.PAID, paid.status());
        assertFalse(paid.isOverdueOn(due.plusDays(100)));
    }
}
