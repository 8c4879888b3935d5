package dev.billops.core.invoice;

import static dev.billops.core.timeentry.TimeBillingFixture.ACME;
import static dev.billops.core.timeentry.TimeBillingFixture.ALICE;
import static dev.billops.core.timeentry.TimeBillingFixture.DEV;
import static dev.billops.core.timeentry.TimeBillingFixture.WEB;
import static dev.billops.core.timeentry.TimeBillingFixture.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.error.InvalidBusinessTermException;
import dev.billops.core.memory.StoreSnapshot;
import dev.billops.core.party.Client;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.timeentry.TimeBillingFixture;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/**
 * The buyer's references (BT-10 to BT-14, BT-19) and payment terms text (BT-20) of a document, set
 * through the facade on manual drafts and drafts from time, kept by a regenerated draft, fixed at
 * issue; the client's default buyer reference fills a draft that has none.
 */
class InvoiceReferencesTest {

    private static final LocalDateRange NOVEMBER = LocalDateRange.ofMonth(YearMonth.of(2026, 11));
    private static final InvoiceReferences REFS = InvoiceReferences.buyer("04011000-12345-03")
            .withPurchaseOrder("PO-1").withProject("PRJ-1").withContract("CT-1").withSalesOrder("SO-1")
            .withBuyerAccounting("4711").withPaymentTerms("Net 14 days");

    @Test
    void references_onManualDraft_storedWithServicePeriod_andKeptAtIssue() {
        TimeBillingFixture f = new TimeBillingFixture();
        Invoice draft = f.firm.invoices().createDraft(ACME);
        f.firm.invoices().addLine(draft.id(), ManualLine.of("Workshop", java.math.BigDecimal.ONE, UnitCode.DAY,
                dev.billops.core.money.UnitPrice.of(TimeBillingFixture.EUR, "900.00")));
        Invoice edited = f.firm.invoices().references(draft.id(), REFS);
        assertEquals(REFS, edited.references());
        assertEquals("PO-1", edited.purchaseOrderRef());
        f.firm.invoices().servicePeriod(draft.id(), NOVEMBER);
        assertEquals(NOVEMBER, f.firm.invoices().get(draft.id()).servicePeriod());
        Invoice issued = f.firm.invoices().issue(draft.id());
        assertEquals(REFS, issued.references());
        assertEquals(NOVEMBER, issued.servicePeriod());
    }

    @Test
    void references_onIssuedInvoice_throwsAlreadyIssuedAndStoresNothing() {
        TimeBillingFixture f = new TimeBillingFixture();
        f.firm.timeEntries().log(entry(ALICE, WEB, DEV, "2026-11-02", "09:00", "10:00"));
        Invoice issued = f.firm.invoices().issue(f.firm.invoices().draft(ACME, NOVEMBER).orElseThrow().id());
        StoreSnapshot before = f.snapshot();
        assertThrows(InvoiceAlreadyIssuedException.class, () -> f.firm.invoices().references(issued.id(), REFS));
        assertThrows(InvoiceAlreadyIssuedException.class, () -> f.firm.invoices().servicePeriod(issued.id(), null));
        assertEquals(before, f.snapshot());
    }

    @Test
    void draftFromTime_withReferencesOption_carriesThem_andRegenerateKeepsThem() {
        TimeBillingFixture f = new TimeBillingFixture();
        f.firm.timeEntries().log(entry(ALICE, WEB, DEV, "2026-11-02", "09:00", "10:00"));
        Invoice draft = f.firm.invoices().draft(ACME, NOVEMBER, DraftOptions.defaults().withReferences(REFS))
                .orElseThrow();
        assertEquals(REFS, draft.references());
        Invoice again = f.firm.invoices().regenerate(draft.id(), DraftOptions.defaults()).orElseThrow();
        assertEquals(REFS, again.references());
        InvoiceReferences other = InvoiceReferences.none().withProject("PRJ-2");
        assertEquals(other, f.firm.invoices().regenerate(again.id(), DraftOptions.defaults().withReferences(other))
                .orElseThrow().references());
    }

    @Test
    void issue_draftWithoutBuyerReference_takesTheClientDefault() {
        TimeBillingFixture f = new TimeBillingFixture();
        Client acme = f.firm.clients().get(ACME);
        f.firm.clients().update(acme.withBuyerReference("991-01234-56"));
        f.firm.timeEntries().log(entry(ALICE, WEB, DEV, "2026-11-02", "09:00", "10:00"));
        Invoice draft = f.firm.invoices().draft(ACME, NOVEMBER,
                DraftOptions.defaults().withReferences(InvoiceReferences.none().withPurchaseOrder("PO-9"))).orElseThrow();
        assertNull(draft.references().buyerReference());
        Invoice issued = f.firm.invoices().issue(draft.id());
        assertEquals("991-01234-56", issued.references().buyerReference());
        assertEquals("PO-9", issued.references().purchaseOrder());
        assertEquals(issued, f.firm.invoices().get(issued.id()));
    }

    @Test
    void buyerReference_blank_throwsNamingTermAndValue() {
        InvalidBusinessTermException e = assertThrows(InvalidBusinessTermException.class,
                () -> InvoiceReferences.buyer("  "));
        assertEquals("BT-10 buyer reference", e.term());
        assertEquals("  ", e.value());
        assertTrue(e.getMessage().contains("'  '"), e.getMessage());
        assertThrows(InvalidBusinessTermException.class, () -> REFS.withPaymentTerms(""));
        assertThrows(InvalidBusinessTermException.class, () -> REFS.withPurchaseOrder("\t"));
    }

    @Test
    void overriddenBy_takesEveryGivenPartOfTheOther() {
        InvoiceReferences over = InvoiceReferences.none().withContract("CT-9");
        assertEquals(REFS.withContract("CT-9"), REFS.overriddenBy(over));
        assertEquals(REFS, REFS.overriddenBy(InvoiceReferences.none()));
        assertTrue(InvoiceReferences.none().isEmpty());
    }
}
