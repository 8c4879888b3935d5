package dev.billops.core.invoice;

import static dev.billops.core.invoice.LifecycleFixture.VAT19;
import static dev.billops.core.invoice.LifecycleFixture.VAT7;
import static dev.billops.core.invoice.LifecycleFixture.eur;
import static dev.billops.core.invoice.LifecycleFixture.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.error.NotFoundException;
import dev.billops.core.event.InvoiceCredited;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.money.Money;
import dev.billops.core.tax.PriceBasis;
import dev.billops.core.tax.TaxCategory;
import dev.billops.core.timeentry.EntryState;
import dev.billops.core.memory.StoreSnapshot;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Credit notes: full, by lines, by amount; their numbering and their effect on the invoice's balance. */
class CreditNoteTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    private final LifecycleFixture f = new LifecycleFixture(TODAY);
    private final ClientId acme = f.client("acme-gmbh", 14, "DE999999999");

    /** 10 h x 100.00 at 19 % (1190.00) and 4 x 50.00 at 7 % (214.00): payable 1404.00. */
    private Invoice invoice() {
        return f.issued(acme, line("10", "100.00", VAT19), line("4", "50.00", VAT7));
    }

    @Test
    @DisplayName("BR-CO-15: a full credit mirrors the invoice and settles it")
    void creditFully_unpaidInvoice_mirrorInOwnSeriesAndBalanceZero() {
        Invoice inv = invoice();
        assertEquals(eur("1404.00"), inv.totals().payable());
        Invoice note = f.lifecycle.creditFully(inv.id());

        assertEquals(DocumentType.CREDIT_NOTE, note.type());
        assertEquals("CN-2026-00001", note.number());
        assertEquals(InvoiceStatus.ISSUED, note.status());
        assertEquals(inv.id(), note.creditedInvoiceId());
        assertEquals(inv.totals(), note.totals());
        assertEquals(inv.taxBreakdown(), note.taxBreakdown());
        assertEquals(TODAY, note.issueDate());

        Invoice after = f.stored(inv);
        assertEquals(eur("1404.00"), after.credited());
        assertEquals(Money.zero(LifecycleFixture.EUR), after.amountDue());
        assertEquals(InvoiceStatus.PAID, after.status());
        assertEquals(List.of(note), f.lifecycle.creditNotesOf(inv.id()));
        InvoiceCredited event = (InvoiceCredited) f.store.events(LifecycleFixture.TENANT).stream()
                .filter(e -> e instanceof InvoiceCredited).findFirst().orElseThrow();
        assertEquals(note.id(), event.creditNoteId());
        assertEquals("CN-2026-00001", event.creditNoteNumber());
        assertEquals(eur("1404.00"), event.amount());
        assertTrue(!note.isOverdueOn(TODAY.plusYears(1)), "a credit note is never overdue");
    }

    @Test
    void creditFully_afterPartialPayment_creditsTheBalance() {
        Invoice inv = f.pay(invoice(), eur("404.00"));
        Invoice note = f.lifecycle.creditFully(inv.id());
        assertEquals(eur("1000.00"), note.totals().payable());
        Invoice after = f.stored(inv);
        assertEquals(eur("0.00"), after.amountDue());
        assertEquals(InvoiceStatus.PAID, after.status());
        // the balance credit keeps the invoice's rates: 1000.00 split 1190 : 214 -> 847.58 and 152.42 gross
        assertEquals(2, note.taxBreakdown().size());
    }

    @Test
    void creditLines_oneLine_creditsItOnceWithItsTax() {
        Invoice inv = invoice();
        Invoice note = f.lifecycle.creditLines(inv.id(), List.of(2));
        // line 2: 4 x 50.00 = 200.00 at 7 % = 14.00 -> 214.00
        assertEquals(1, note.lines().size());
        assertEquals(1, note.lines().get(0).position());
        assertEquals(eur("214.00"), note.totals().payable());
        assertEquals(eur("1190.00"), f.stored(inv).amountDue());
        assertEquals(InvoiceStatus.PARTIALLY_PAID, f.stored(inv).status());

        StoreSnapshot before = f.snapshot();
        LineAlreadyCreditedException again = assertThrows(LineAlreadyCreditedException.class,
                () -> f.lifecycle.creditLines(inv.id(), List.of(1, 2)));
        assertEquals(2, again.position());
        assertEquals("CN-2026-00001", again.creditNoteNumber());
        assertThrows(NotFoundException.class, () -> f.lifecycle.creditLines(inv.id(), List.of(3)));
        assertEquals(before, f.snapshot());
        assertEquals("CN-2026-00002", f.lifecycle.creditLines(inv.id(), List.of(1)).number());
        assertEquals(eur("0.00"), f.stored(inv).amountDue());
    }

    @Test
    void creditLines_timeEntryLine_entriesStayBilledByTheInvoice() {
        TimeEntryId e = f.entry(TODAY.minusDays(1));
        Invoice inv = f.issued(acme, LifecycleFixture.line("2", "100.00", VAT19, List.of(e)));
        Invoice note = f.lifecycle.creditLines(inv.id(), List.of(1));
        assertEquals(List.of(), note.lines().get(0).entryIds());
        assertEquals(EntryState.BILLED, f.storedEntry(e).state());
        assertEquals(inv.id(), f.storedEntry(e).invoiceId());
    }

    @Test
    @DisplayName("BR-CO-11: a credited line takes the invoice's percentage discount with it")
    void creditLines_invoiceWithPercentDiscount_discountAppliedToCreditedLine() {
        Invoice d = f.draft(acme, line("10", "100.00", VAT19), line("4", "50.00", VAT7));
        d = f.lifecycle.addAllowancePercent(d.id(), new BigDecimal("10"), "loyalty");
        Invoice inv = f.lifecycle.issue(d.id());
        // 900.00 + 171.00 + 180.00 + 12.60 = 1263.60
        assertEquals(eur("1263.60"), inv.totals().payable());
        Invoice note = f.lifecycle.creditLines(inv.id(), List.of(1));
        // line 1: 1000.00 - 10 % = 900.00, + 19 % = 1071.00
        assertEquals(eur("100.00"), note.totals().allowanceTotal());
        assertEquals(eur("1071.00"), note.totals().payable());
        assertEquals(eur("192.60"), f.stored(inv).amountDue());
    }

    @Test
    @DisplayName("BR-CO-15 BR-S-08: an amount credit is split over the invoice's rates and keeps its gross")
    void creditAmount_partial_splitOverRatesPayableExact() {
        Invoice inv = invoice();
        Invoice note = f.lifecycle.creditAmount(inv.id(), eur("100.00"), "goodwill");
        // 100.00 split 1190 : 214 -> 84.757.. and 15.242..: floors 84.75 + 15.24 = 99.99, the cent to the larger
        // remainder (0.757 > 0.242): 84.76 and 15.24 gross
        // 19 %: tax 84.76 x 19/119 = 13.5330 -> 13.53, net 71.23; 7 %: tax 15.24 x 7/107 = 0.9970 -> 1.00, net 14.24
        assertEquals(PriceBasis.GROSS, note.priceBasis());
        assertEquals(eur("100.00"), note.totals().payable());
        assertEquals(eur("14.53"), note.totals().taxTotal());
        assertEquals(TaxCategory.S, note.taxBreakdown().get(0).category());
        assertEquals(eur("14.24"), note.taxBreakdown().get(0).taxableAmount());
        assertEquals(eur("71.23"), note.taxBreakdown().get(1).taxableAmount());
        assertEquals("goodwill", note.metadata().get("credit.reason"));
        assertEquals(eur("1304.00"), f.stored(inv).amountDue());
    }

    @Test
    void creditAmount_moreThanBalance_throwsAndStoresNothing() {
        Invoice inv = f.pay(invoice(), eur("1400.00"));
        StoreSnapshot before = f.snapshot();
        CreditExceedsBalanceException e = assertThrows(CreditExceedsBalanceException.class,
                () -> f.lifecycle.creditAmount(inv.id(), eur("4.01"), "too much"));
        assertEquals(eur("4.01"), e.requested());
        assertEquals(eur("4.00"), e.creditable());
        assertThrows(CreditExceedsBalanceException.class, () -> f.lifecycle.creditLines(inv.id(), List.of(2)));
        assertEquals(before, f.snapshot());
        f.lifecycle.creditAmount(inv.id(), eur("4.00"), "rest");
        assertEquals(InvoiceStatus.PAID, f.stored(inv).status());
        assertThrows(CreditExceedsBalanceException.class, () -> f.lifecycle.creditFully(inv.id()));
    }

    @Test
    void credit_draftVoidOrCreditNote_throwsInvoiceNotIssued() {
        Invoice draft = f.draft(acme, line("1", "100.00", VAT19));
        Invoice voided = f.lifecycle.voidInvoice(f.issued(acme, line("1", "100.00", VAT19)).id());
        Invoice note = f.lifecycle.creditAmount(invoice().id(), eur("1.00"), "x");
        StoreSnapshot before = f.snapshot();
        assertThrows(InvoiceNotIssuedException.class, () -> f.lifecycle.creditFully(draft.id()));
        assertThrows(InvoiceNotIssuedException.class, () -> f.lifecycle.creditAmount(voided.id(), eur("1.00"), "x"));
        assertThrows(InvoiceNotIssuedException.class, () -> f.lifecycle.creditLines(note.id(), List.of(1)));
        assertEquals(before, f.snapshot());
    }

    @Test
    void creditAmount_zeroOrOtherCurrency_rejected() {
        Invoice inv = invoice();
        assertThrows(dev.billops.core.error.InvalidInputException.class,
                () -> f.lifecycle.creditAmount(inv.id(), eur("0.00"), "nothing"));
        assertThrows(dev.billops.core.money.CurrencyMismatchException.class,
                () -> f.lifecycle.creditAmount(inv.id(), Money.of("USD", "1.00"), "dollars"));
    }

    @Test
    void creditNotes_ownGaplessSeries_invoiceSeriesUntouched() {
        Invoice a = invoice();
        f.lifecycle.creditAmount(a.id(), eur("1.00"), "x");
        Invoice b = invoice();
        f.lifecycle.creditAmount(b.id(), eur("1.00"), "y");
        assertEquals("INV-2026-00001", a.number());
        assertEquals("INV-2026-00002", b.number());
        assertEquals(List.of("CN-2026-00001", "CN-2026-00002"), f.snapshot().invoices().stream()
                .filter(i -> i.type() == DocumentType.CREDIT_NOTE).map(Invoice::number).sorted().toList());
    }
}
