package dev.billops.einvoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.invoice.AllowanceCharge;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceSource;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.core.time.LocalDateRange;
import dev.billops.einvoice.model.EInvoice;
import dev.billops.einvoice.model.Line;
import dev.billops.einvoice.model.Period;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import javax.money.CurrencyUnit;
import org.junit.jupiter.api.Test;

class EInvoiceMapperTest {

    @Test
    void map_issuedInvoice_carriesPartiesLinesTotalsAndPayment() {
        EInvoice e = EInvoiceMapper.map(Samples.seller(), Samples.buyer(), Samples.invoice());
        assertEquals("INV-2026-0001", e.number());
        assertEquals("380", e.typeCode());
        assertEquals(LocalDate.of(2026, 12, 15), e.dueDate());
        assertEquals("DE811907980", e.seller().vatId());
        assertEquals("EM", e.seller().electronicAddress().scheme());
        assertEquals("ap@acme.test", e.buyer().electronicAddress().value());
        assertEquals("58", e.payment().meansCode());
        // BT-83 is the RF creditor reference the PDF prints and the statement import matches
        assertEquals("RF" + dev.billops.core.bank.CreditorReference.forInvoiceNumber("INV-2026-0001").checkDigits()
                + "INV20260001", e.payment().remittanceInformation());
        assertEquals("DE89370400440532013000", e.payment().creditTransfers().get(0).accountId());
        Line first = e.lines().get(0);
        assertEquals("HUR", first.unitCode());
        assertEquals(new BigDecimal("1500.00"), first.netAmount());
        assertEquals(new BigDecimal("120.00"), first.netPrice());
        assertEquals(new BigDecimal("2450.00"), e.totals().lineNetTotal());
        assertEquals(new BigDecimal("465.50"), e.vatBreakdown().get(0).taxAmount());
        assertEquals(new BigDecimal("2915.50"), e.totals().payable());
        assertNull(e.totals().allowanceTotal());
        assertNull(e.buyerReference());
    }

    @Test
    void map_intraCommunitySupply_deliversToTheClientsCountry() {
        Client buyer = Client.of(ClientId.of("acme"), "ACME S.A.", dev.billops.core.party.Address.of(
                "12 rue de la Paix", "75002", "Paris", "FR"), Samples.EUR).withVatId("FR61954506077")
                .withTaxProfile(dev.billops.core.party.TaxProfile.INTRA_COMMUNITY);
        Invoice k = Issued.as(Invoice.draft(InvoiceId.of("k"), ClientId.of("acme"), Samples.EUR, InvoiceSource.MANUAL)
                .withLines(List.of(InvoiceLine.of("Licence", BigDecimal.ONE, UnitCode.PIECE,
                        UnitPrice.of(Samples.EUR, "500.00"), TaxTreatment.intraCommunity()))),
                "INV-K-1", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31));
        EInvoice e = EInvoiceMapper.map(Samples.seller(), buyer, k);
        // BR-IC-12: the deliver-to country (BT-80); the tax rules take the client's address country
        assertEquals("FR", e.delivery().address().countryCode());
        assertEquals("VATEX-EU-IC", e.vatBreakdown().get(0).exemptionReasonCode());
        assertNull(EInvoiceMapper.map(Samples.seller(), Samples.buyer(), Samples.invoice()).delivery());
    }

    @Test
    void map_servicePeriod_becomesAPeriodWithItsLastDayInclusive() {
        Invoice draft = Invoice.draft(InvoiceId.of("i"), ClientId.of("acme"), Samples.EUR, InvoiceSource.MANUAL)
                .withLines(Samples.invoice().lines()).withServicePeriod(LocalDateRange.ofMonth(YearMonth.of(2026, 11)));
        EInvoice e = EInvoiceMapper.map(Samples.seller(), Samples.buyer(),
                Issued.as(draft, "I-1", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31)));
        assertEquals(new Period(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)), e.invoicingPeriod());
    }

    @Test
    void map_draft_refused() {
        Invoice draft = Invoice.draft(InvoiceId.of("i"), ClientId.of("acme"), Samples.EUR, InvoiceSource.MANUAL);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> EInvoiceMapper.map(Samples.seller(), Samples.buyer(), draft));
        assertTrue(e.getMessage().contains("draft"), e.getMessage());
    }

    @Test
    void map_invoiceOfAnotherClient_refused() {
        Client other = Client.of(ClientId.of("other"), "Other", Address.of("x", "1", "y", "DE"), Samples.EUR);
        assertThrows(InvalidInputException.class,
                () -> EInvoiceMapper.map(Samples.seller(), other, Samples.invoice()));
    }

    @Test
    void creditNote_referencesTheCreditedInvoiceAsBg3() {
        Invoice original = Samples.invoice();
        Invoice cn = Issued.as(Invoice.draft(InvoiceId.of("cn"), ClientId.of("acme"), Samples.EUR, InvoiceSource.CREDIT)
                .withLines(original.lines()).asCreditNoteOf(original.id())
                , "CN-1", LocalDate.of(2026, 12, 5), LocalDate.of(2026, 12, 5));
        EInvoice e = EInvoiceMapper.creditNote(Samples.seller(), Samples.buyer(), cn, original);
        assertEquals("381", e.typeCode());
        assertEquals("INV-2026-0001", e.precedingInvoices().get(0).id());
        assertEquals(LocalDate.of(2026, 12, 1), e.precedingInvoices().get(0).issueDate());
        assertThrows(InvalidInputException.class,
                () -> EInvoiceMapper.creditNote(Samples.seller(), Samples.buyer(), original, original));
    }

    @Test
    void map_bhdAmountWithThreeDecimals_refusedNamingTheAmount() {
        CurrencyUnit bhd = Currencies.of("BHD");
        Client client = Client.of(ClientId.of("acme"), "ACME", Address.of("x", "1", "Manama", "BH"), bhd);
        Invoice inv = Issued.as(Invoice.draft(InvoiceId.of("b"), client.id(), bhd, InvoiceSource.MANUAL)
                .withLines(List.of(InvoiceLine.of("Service", BigDecimal.ONE, UnitCode.PIECE,
                        UnitPrice.of(bhd, "10.125"), TaxTreatment.standard(BigDecimal.TEN))))
                , "B-1", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31));
        AmountNotRepresentableException e = assertThrows(AmountNotRepresentableException.class,
                () -> EInvoiceMapper.map(Samples.seller(), client, inv));
        assertTrue(e.getMessage().contains("10.125 BHD") || e.getMessage().contains("BHD 10.125"), e.getMessage());
    }

    @Test
    void map_bhdAmountsOnTwoDecimals_writtenWithTwoDecimals() {
        CurrencyUnit bhd = Currencies.of("BHD");
        Client client = Client.of(ClientId.of("acme"), "ACME", Address.of("x", "1", "Manama", "BH"), bhd);
        Invoice inv = Issued.as(Invoice.draft(InvoiceId.of("b"), client.id(), bhd, InvoiceSource.MANUAL)
                .withLines(List.of(InvoiceLine.of("Service", BigDecimal.ONE, UnitCode.PIECE,
                        UnitPrice.of(bhd, "10.100"), TaxTreatment.standard(BigDecimal.TEN))))
                , "B-1", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31));
        EInvoice e = EInvoiceMapper.map(Samples.seller(), client, inv);
        assertEquals("11.11", e.totals().payable().toPlainString());
    }

    @Test
    void map_blankLineAllowanceReason_getsReasonCode95() {
        Invoice base = Samples.invoice();
        InvoiceLine line = base.lines().get(0).withAllowancesCharges(List.of(AllowanceCharge.allowance(
                Money.of(Samples.EUR, "10.00"), "")));
        Invoice inv = Issued.as(Invoice.draft(InvoiceId.of("i"), ClientId.of("acme"), Samples.EUR, InvoiceSource.MANUAL)
                .withLines(List.of(line)), "I-2", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2));
        EInvoice e = EInvoiceMapper.map(Samples.seller(), Samples.buyer(), inv);
        assertEquals("95", e.lines().get(0).allowancesCharges().get(0).reasonCode());
        assertNull(e.lines().get(0).allowancesCharges().get(0).reason());
        assertEquals(new BigDecimal("1490.00"), e.lines().get(0).netAmount());
    }

    @Test
    void withPdf_attachesThePdfAsBg24() {
        EInvoice e = EInvoiceMapper.withPdf(Samples.xrechnungReady(), new byte[] {'%', 'P', 'D', 'F'});
        assertEquals("application/pdf", e.attachments().get(0).mimeCode());
        assertEquals("INV-2026-0001.pdf", e.attachments().get(0).filename());
        ReadResult r = EInvoiceReader.standard().read(EInvoiceWriter.write(e, EInvoiceProfile.XRECHNUNG_UBL));
        assertEquals(e.attachments(), r.invoice().attachments());
    }
}
