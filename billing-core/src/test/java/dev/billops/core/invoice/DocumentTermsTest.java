package dev.billops.core.invoice;

import static dev.billops.core.timeentry.TimeBillingFixture.ACME;
import static dev.billops.core.timeentry.TimeBillingFixture.ADDRESS;
import static dev.billops.core.timeentry.TimeBillingFixture.ALICE;
import static dev.billops.core.timeentry.TimeBillingFixture.DEV;
import static dev.billops.core.timeentry.TimeBillingFixture.EUR;
import static dev.billops.core.timeentry.TimeBillingFixture.WEB;
import static dev.billops.core.timeentry.TimeBillingFixture.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.error.InvalidBusinessTermException;
import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.ClientId;
import dev.billops.core.memory.StoreSnapshot;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.party.DeliverTo;
import dev.billops.core.party.PartyDetails;
import dev.billops.core.party.Payee;
import dev.billops.core.party.TaxRepresentative;
import dev.billops.core.payment.PaymentRequest;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.timeentry.TimeBillingFixture;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Document types 384/389/326/386 and the document terms (VAT point, coded notes, delivery, payee,
 * card, direct debit, preceding invoice) through the facade: set on drafts, kept by a regenerated
 * draft and at issue, the client's deliver-to taken at issue; bad values refused with the term and
 * value named and nothing stored; every invoice type owed, paid, credited and voided like an invoice.
 */
class DocumentTermsTest {

    private static final LocalDateRange NOVEMBER = LocalDateRange.ofMonth(YearMonth.of(2026, 11));
    private static final DocumentTerms TERMS = DocumentTerms.none()
            .withTaxPointCode("35")
            .withNote("AAI", "Thank you")
            .withNote(null, "Second note")
            .withDelivery(DeliverTo.party("Lager").withLocation("4000001000005", "0088"), LocalDate.of(2026, 11, 20))
            .withPayee(Payee.of("Factor AG"))
            .withCard(DocumentTerms.Card.bankCard("4242", "Jane Doe"));

    private static Invoice manualDraft(TimeBillingFixture f) {
        Invoice draft = f.firm.invoices().createDraft(ACME);
        return f.firm.invoices().addLine(draft.id(), ManualLine.of("Workshop", BigDecimal.ONE, UnitCode.DAY,
                UnitPrice.of(EUR, "900.00")));
    }

    private static void refusedStoringNothing(TimeBillingFixture f, Class<? extends Throwable> type, Executable op) {
        StoreSnapshot before = f.snapshot();
        assertThrows(type, op);
        assertEquals(before, f.snapshot());
    }

    @Test
    void terms_onManualDraft_stored_andKeptAtIssue() {
        TimeBillingFixture f = new TimeBillingFixture();
        Invoice draft = manualDraft(f);
        assertEquals(TERMS, f.firm.invoices().terms(draft.id(), TERMS).terms());
        assertEquals(TERMS, f.firm.invoices().get(draft.id()).terms());
        Invoice issued = f.firm.invoices().issue(draft.id());
        assertEquals(TERMS, issued.terms());
        assertEquals(issued, f.firm.invoices().get(issued.id()));
        assertThrows(InvoiceAlreadyIssuedException.class, () -> f.firm.invoices().terms(issued.id(),
                DocumentTerms.none()));
    }

    @Test
    void draftFromTime_withTermsAndType_carriesThem_andRegenerateKeepsThem() {
        TimeBillingFixture f = new TimeBillingFixture();
        f.firm.timeEntries().log(entry(ALICE, WEB, DEV, "2026-11-02", "09:00", "10:00"));
        Invoice draft = f.firm.invoices().draft(ACME, NOVEMBER,
                DraftOptions.defaults().withTerms(TERMS).withType(DocumentType.PARTIAL)).orElseThrow();
        assertEquals(TERMS, draft.terms());
        assertEquals(DocumentType.PARTIAL, draft.type());
        Invoice again = f.firm.invoices().regenerate(draft.id(), DraftOptions.defaults()).orElseThrow();
        assertEquals(TERMS, again.terms());
        assertEquals(DocumentType.PARTIAL, again.type());
    }

    @Test
    void issue_draftWithoutDeliverTo_takesTheClientDefault_ownWins() {
        TimeBillingFixture f = new TimeBillingFixture();
        DeliverTo site = DeliverTo.at(Address.of("Lagerweg 4", "53119", "Bonn", "DE")).withPartyName("Lager Bonn");
        Client acme = f.firm.clients().get(ACME);
        f.firm.clients().update(acme.withDetails(acme.details().withDeliverTo(site)));
        Invoice plain = manualDraft(f);
        f.firm.invoices().terms(plain.id(), DocumentTerms.none().withDelivery(null, LocalDate.of(2026, 11, 3)));
        Invoice issued = f.firm.invoices().issue(plain.id());
        assertEquals(site, issued.terms().deliverTo());
        assertEquals(LocalDate.of(2026, 11, 3), issued.terms().deliveryDate());
        Invoice own = manualDraft(f);
        DeliverTo other = DeliverTo.party("Baustelle");
        f.firm.invoices().terms(own.id(), DocumentTerms.none().withDelivery(other, null));
        assertEquals(other, f.firm.invoices().issue(own.id()).terms().deliverTo());
    }

    @Test
    void badTerms_throwNamingTermAndValue() {
        InvalidBusinessTermException both = assertThrows(InvalidBusinessTermException.class,
                () -> new DocumentTerms(LocalDate.of(2026, 11, 30), "35", List.of(), null, null, null, null, null,
                        null));
        assertEquals("BT-8 value added tax point date code", both.term());
        assertTrue(both.getMessage().contains("BR-CO-03"), both.getMessage());
        List<Executable> bad = List.of(
                () -> DocumentTerms.none().withTaxPointCode("5"),
                () -> DocumentTerms.none().withNote("XYZ", "text"),
                () -> DocumentTerms.none().withNote("AAI", "  "),
                () -> DocumentTerms.none().withNote(null, ""),
                () -> new DocumentTerms.Card("49", "4242", null),
                () -> DocumentTerms.Card.bankCard("4111111111111111", null),
                () -> DocumentTerms.Card.bankCard("42a2", null),
                () -> new DocumentTerms.DirectDebit("58", "M-1"),
                () -> DocumentTerms.DirectDebit.sepa(" "),
                () -> new DocumentTerms(null, null, List.of(), null, null, null,
                        DocumentTerms.Card.bankCard("4242", null), DocumentTerms.DirectDebit.sepa("M-1"), null),
                () -> new DocumentTerms.PrecedingInvoice("\t", null),
                () -> new DeliverTo(null, null, null, null),
                () -> DeliverTo.location("L-1", "9999"),
                () -> Payee.of(" "),
                () -> TaxRepresentative.of("Rep", "123456789", ADDRESS),
                () -> PartyDetails.none().withDebitedAccount("DE89370400440532013001"),
                () -> PartyDetails.none().withDebitedAccount("not an iban"),
                () -> PartyDetails.none().withCreditorId("DE99ZZZ09999999999"));
        for (Executable e : bad) {
            InvalidBusinessTermException x = assertThrows(InvalidBusinessTermException.class, e);
            assertTrue(x.getMessage().startsWith(x.term()), x.getMessage());
        }
        assertEquals("DE89370400440532013000",
                PartyDetails.none().withDebitedAccount("DE89 3704 0044 0532 0130 00").debitedAccount());
        assertEquals("DE98ZZZ09999999999", PartyDetails.none().withCreditorId("DE98ZZZ09999999999").creditorId());
        assertEquals("AAI", DocumentTerms.none().withNote("aai", "x").notes().get(0).subjectCode());
    }

    @Test
    void corrected_withoutPrecedingInvoice_orOfWrongDocument_refusedStoringNothing() {
        TimeBillingFixture f = new TimeBillingFixture();
        Invoice draft = manualDraft(f);
        Invoice otherDraft = manualDraft(f);
        refusedStoringNothing(f, PrecedingInvoiceRequiredException.class,
                () -> f.firm.invoices().documentType(draft.id(), DocumentType.CORRECTED));
        refusedStoringNothing(f, InvalidInputException.class,
                () -> f.firm.invoices().documentType(draft.id(), DocumentType.CREDIT_NOTE));
        refusedStoringNothing(f, InvoiceNotCorrectableException.class,
                () -> f.firm.invoices().corrects(draft.id(), otherDraft.id()));
        Invoice issued = f.firm.invoices().issue(otherDraft.id());
        Invoice note = f.firm.invoices().creditFully(issued.id());
        refusedStoringNothing(f, InvoiceNotCorrectableException.class,
                () -> f.firm.invoices().corrects(draft.id(), note.id()));
        ClientId globex = ClientId.of("globex");
        f.firm.clients().create(Client.of(globex, "Globex", ADDRESS, EUR));
        Invoice globexDraft = f.firm.invoices().createDraft(globex);
        f.firm.invoices().addLine(globexDraft.id(), ManualLine.of("Audit", BigDecimal.ONE, UnitCode.DAY,
                UnitPrice.of(EUR, "100.00")));
        Invoice globexInvoice = f.firm.invoices().issue(globexDraft.id());
        InvoiceNotCorrectableException other = assertThrows(InvoiceNotCorrectableException.class,
                () -> f.firm.invoices().corrects(draft.id(), globexInvoice.id()));
        assertTrue(other.getMessage().contains("globex"), other.getMessage());
        refusedStoringNothing(f, PrecedingInvoiceRequiredException.class,
                () -> f.firm.invoices().draft(ACME, NOVEMBER, DraftOptions.defaults().withType(DocumentType.CORRECTED)));

        Invoice corrected = f.firm.invoices().corrects(draft.id(), issued.id());
        assertEquals(DocumentType.CORRECTED, corrected.type());
        assertEquals(new DocumentTerms.PrecedingInvoice(issued.number(), issued.issueDate()),
                corrected.terms().precedingInvoice());
        refusedStoringNothing(f, PrecedingInvoiceRequiredException.class,
                () -> f.firm.invoices().terms(draft.id(), DocumentTerms.none()));
        Invoice issuedCorrection = f.firm.invoices().issue(draft.id());
        assertEquals(Invoice.INVOICE_SERIES, issuedCorrection.series());
        assertEquals(corrected.terms(), issuedCorrection.terms());
    }

    @Test
    void selfBilled_numberedInItsOwnSeries_invoiceSequenceStaysGapless() {
        TimeBillingFixture f = new TimeBillingFixture();
        Invoice first = f.firm.invoices().issue(manualDraft(f).id());
        Invoice selfBilled = manualDraft(f);
        assertEquals(Invoice.SELF_BILLED_SERIES,
                f.firm.invoices().documentType(selfBilled.id(), DocumentType.SELF_BILLED).series());
        Invoice issuedSelf = f.firm.invoices().issue(selfBilled.id());
        Invoice second = f.firm.invoices().issue(manualDraft(f).id());
        assertEquals(DocumentType.SELF_BILLED, issuedSelf.type());
        assertEquals(Invoice.SELF_BILLED_SERIES, issuedSelf.series());
        assertNotEquals(first.number(), issuedSelf.number());
        String a = first.number();
        String b = second.number();
        assertEquals(Integer.parseInt(a.substring(a.length() - 4)) + 1, Integer.parseInt(b.substring(b.length() - 4)),
                a + " then " + b);
        // back to a commercial invoice: back to the invoice series
        Invoice again = manualDraft(f);
        f.firm.invoices().documentType(again.id(), DocumentType.SELF_BILLED);
        assertEquals(Invoice.INVOICE_SERIES, f.firm.invoices().documentType(again.id(), DocumentType.INVOICE).series());
    }

    @Test
    void everyInvoiceType_isOwedPaidCreditedAndVoidedLikeAnInvoice() {
        TimeBillingFixture f = new TimeBillingFixture();
        Invoice base = f.firm.invoices().issue(manualDraft(f).id());
        for (DocumentType type : List.of(DocumentType.PREPAYMENT, DocumentType.PARTIAL, DocumentType.SELF_BILLED,
                DocumentType.CORRECTED)) {
            Invoice d = manualDraft(f);
            if (type == DocumentType.CORRECTED) {
                f.firm.invoices().corrects(d.id(), base.id());
            } else {
                f.firm.invoices().documentType(d.id(), type);
            }
            Invoice paid = f.firm.invoices().issue(d.id());
            assertTrue(paid.isOverdueOn(paid.dueDate().plusDays(1)), type.name());
            f.firm.payments().record(PaymentRequest.of(ACME, paid.amountDue()).toInvoice(paid.id()));
            assertEquals(InvoiceStatus.PAID, f.firm.invoices().get(paid.id()).status(), type.name());

            Invoice credited = manualDraft(f);
            f.firm.invoices().terms(credited.id(), DocumentTerms.none().withPrecedingInvoice(
                    new DocumentTerms.PrecedingInvoice("EXT-1", null)));
            f.firm.invoices().documentType(credited.id(), type);
            Invoice c = f.firm.invoices().issue(credited.id());
            f.firm.invoices().creditFully(c.id());
            assertEquals(InvoiceStatus.PAID, f.firm.invoices().get(c.id()).status(), type.name());
            assertEquals(Money.zero(EUR), f.firm.invoices().get(c.id()).amountDue());

            Invoice v = manualDraft(f);
            f.firm.invoices().terms(v.id(), DocumentTerms.none().withPrecedingInvoice(
                    new DocumentTerms.PrecedingInvoice("EXT-2", null)));
            f.firm.invoices().documentType(v.id(), type);
            Invoice voided = f.firm.invoices().voidInvoice(f.firm.invoices().issue(v.id()).id());
            assertEquals(InvoiceStatus.VOID, voided.status(), type.name());
        }
    }
}
