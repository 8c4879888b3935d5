package dev.billops.einvoice.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.TenantId;
import dev.billops.core.invoice.DocumentTerms;
import dev.billops.core.invoice.DocumentType;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceReferences;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.memory.InMemoryBillingStore;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.core.payment.PaymentRequest;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.party.DeliverTo;
import dev.billops.core.party.PartyDetails;
import dev.billops.core.party.Payee;
import dev.billops.core.party.TaxRepresentative;
import dev.billops.core.party.Tenant;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.core.time.LocalDateRange;
import dev.billops.einvoice.EInvoiceMapper;
import dev.billops.einvoice.EInvoiceProfile;
import dev.billops.einvoice.EInvoiceReader;
import dev.billops.einvoice.EInvoiceWriter;
import dev.billops.einvoice.TypeCodeNotAllowedException;
import dev.billops.einvoice.ReadResult;
import dev.billops.einvoice.model.DocumentReference;
import dev.billops.einvoice.model.EInvoice;
import dev.billops.einvoice.model.Note;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.money.CurrencyUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Document types and document terms set only through the core values and the {@code Invoices}
 * facade (type, VAT point, coded notes, deliver-to with the client's default, payee and tax
 * representative of the tenant or the document, card and direct debit): the mapped documents
 * validate without error in every profile that allows them, are refused before writing where a
 * profile does not, and read back with the same terms.
 */
class DocumentTermsValidationTest {

    private static final CurrencyUnit EUR = Currencies.of("EUR");
    private static final ClientId BUND = ClientId.of("bund");
    private static EInvoiceValidator validator;

    @BeforeAll
    static void rules() {
        validator = EInvoiceValidator.create();
    }

    private static Tenant seller() {
        return StoredTermsTest.seller().withDetails(StoredTermsTest.seller().details()
                .withPayee(Payee.of("Factoring Bank AG").withIdentifier("4000001987658", "0088")
                        .withLegalRegistration("HRB 999", null))
                .withTaxRepresentative(TaxRepresentative.of("Steuer Vertretung GmbH", "DE123456789",
                        Address.of("Hauptstraße 1", "10115", "Berlin", "DE")))
                .withCreditorId("DE98ZZZ09999999999"));
    }

    private static Client buyer() {
        Client c = StoredTermsTest.buyer();
        return c.withDetails(c.details().withDebitedAccount("DE02120300000000202051")
                .withDeliverTo(DeliverTo.party("Lager Bonn").withLocation("4000001000005", "0088")
                        .withAddress(Address.of("Lagerweg 4", "53119", "Bonn", "DE"))));
    }

    private static TenantBilling tenant() {
        Billing billing = Billing.builder().stores(new InMemoryBillingStore())
                .clock(Clock.fixed(Instant.parse("2026-12-20T10:00:00Z"), ZoneOffset.UTC)).build();
        TenantBilling t = billing.tenant(TenantId.of("northwind"), Actor.user("office@northwind.test"));
        t.profile().create(seller());
        t.clients().create(buyer());
        return t;
    }

    private static final InvoiceReferences REFS = InvoiceReferences.none().withPurchaseOrder("PO-4711");

    private static final DocumentTerms TERMS = DocumentTerms.none()
            .withTaxPointCode("35")
            .withNote("AAI", "Thank you for your order.")
            .withNote("REG", "Registered at Amtsgericht Charlottenburg")
            .withDelivery(null, LocalDate.of(2026, 11, 28));

    /** A draft of 10 h at 120.00 (19 %) for November, edited by {@code edit} through the facade, issued. */
    private static Invoice issue(TenantBilling t, UnaryOperator<Invoice> edit) {
        Invoice draft = t.invoices().createDraft(BUND);
        t.invoices().addLine(draft.id(), InvoiceLine.of("Architecture consulting", new BigDecimal("10"),
                UnitCode.HOUR, UnitPrice.of(EUR, "120.00"), TaxTreatment.standard(new BigDecimal("19"))));
        t.invoices().servicePeriod(draft.id(), LocalDateRange.ofMonth(YearMonth.of(2026, 11)));
        t.invoices().references(draft.id(), REFS);
        edit.apply(t.invoices().get(draft.id()));
        return t.invoices().issue(draft.id(), LocalDate.of(2026, 12, 1));
    }

    private static EInvoice map(TenantBilling t, Invoice issued) {
        return EInvoiceMapper.map(t.profile().get(), t.clients().get(BUND), issued);
    }

    /** Problems of {@code e} in {@code profiles}: validation errors, differences when read back. */
    private static List<String> check(EInvoice e, Set<EInvoiceProfile> profiles) {
        List<String> problems = new ArrayList<>();
        for (EInvoiceProfile p : profiles) {
            byte[] xml = EInvoiceWriter.write(e, p);
            ValidationReport report = validator.validate(xml, p);
            if (!report.isValid()) {
                problems.add(e.typeCode() + " " + p + ": " + report.errors());
            }
            ReadResult read = EInvoiceReader.standard().read(xml);
            EInvoice back = read.invoice();
            if (!read.warnings().isEmpty()) {
                problems.add(e.typeCode() + " " + p + " read with warnings " + read.warnings());
            }
            for (Object[] pair : new Object[][] {{e.typeCode(), back.typeCode()},
                {e.taxPointDate(), back.taxPointDate()}, {e.taxPointDateCode(), back.taxPointDateCode()},
                {e.notes(), back.notes()}, {e.precedingInvoices(), back.precedingInvoices()},
                {e.payee(), back.payee()}, {e.taxRepresentative(), back.taxRepresentative()},
                {e.delivery(), back.delivery()}, {e.payment(), back.payment()}}) {
                if (!java.util.Objects.equals(pair[0], pair[1])) {
                    problems.add(e.typeCode() + " " + p + " read back " + pair[1] + ", wrote " + pair[0]);
                }
            }
        }
        return problems;
    }

    @Test
    void map_everyDocumentTerm_validatesInEveryProfile_andReadsBack() {
        TenantBilling t = tenant();
        Invoice issued = issue(t, d -> t.invoices().terms(d.id(), TERMS));
        // the client's default deliver-to was taken at issue
        assertEquals(buyer().details().deliverTo(), issued.terms().deliverTo());
        EInvoice e = map(t, issued);
        assertEquals("35", e.taxPointDateCode());
        assertEquals(List.of(new Note("AAI", "Thank you for your order."),
                new Note("REG", "Registered at Amtsgericht Charlottenburg")), e.notes());
        assertEquals("Lager Bonn", e.delivery().partyName());
        assertEquals("4000001000005", e.delivery().locationId().value());
        assertEquals(LocalDate.of(2026, 11, 28), e.delivery().date());
        assertEquals("Lagerweg 4", e.delivery().address().line1());
        assertEquals("Factoring Bank AG", e.payee().name());
        assertEquals("DE123456789", e.taxRepresentative().vatId());
        assertEquals(List.of(), check(e, EnumSet.allOf(EInvoiceProfile.class)));
        byte[] ubl = EInvoiceWriter.write(e, EInvoiceProfile.XRECHNUNG_UBL);
        assertEquals("35", Xml.value(ubl, "/inv:Invoice/cac:InvoicePeriod/cbc:DescriptionCode"));
        assertEquals("#AAI#Thank you for your order.", Xml.value(ubl, "/inv:Invoice/cbc:Note[1]"));
        assertEquals("Factoring Bank AG", Xml.value(ubl, "/inv:Invoice/cac:PayeeParty/cac:PartyName/cbc:Name"));
        assertEquals("DE123456789",
                Xml.value(ubl, "/inv:Invoice/cac:TaxRepresentativeParty/cac:PartyTaxScheme/cbc:CompanyID"));
    }

    @Test
    void map_taxPointDate_ownPayeeAndDeliverTo_validate() {
        TenantBilling t = tenant();
        DocumentTerms terms = DocumentTerms.none().withTaxPointDate(LocalDate.of(2026, 11, 30))
                .withPayee(Payee.of("Other Factor SE"))
                .withDelivery(DeliverTo.at(Address.of("Baustelle 9", "50667", "Köln", "DE")), null);
        Invoice issued = issue(t, d -> t.invoices().terms(d.id(), terms));
        EInvoice e = map(t, issued);
        assertEquals(LocalDate.of(2026, 11, 30), e.taxPointDate());
        assertEquals("Other Factor SE", e.payee().name());
        assertEquals("Köln", e.delivery().address().city());
        assertEquals(List.of(), check(e, EnumSet.allOf(EInvoiceProfile.class)));
    }

    @Test
    void map_card_validatesInEveryProfile() {
        TenantBilling t = tenant();
        Invoice issued = issue(t, d -> t.invoices().terms(d.id(),
                TERMS.withCard(DocumentTerms.Card.bankCard("4242", "Beschaffungsamt"))));
        EInvoice e = map(t, issued);
        assertEquals("48", e.payment().meansCode());
        assertEquals("4242", e.payment().card().accountNumber());
        assertEquals(List.of(), check(e, EnumSet.allOf(EInvoiceProfile.class)));
    }

    @Test
    void map_directDebit_carriesMandateCreditorAndDebitedAccount_validatesInEveryProfile() {
        TenantBilling t = tenant();
        Invoice issued = issue(t, d -> t.invoices().terms(d.id(),
                TERMS.withDirectDebit(DocumentTerms.DirectDebit.sepa("MANDATE-2026-7"))));
        EInvoice e = map(t, issued);
        assertEquals("59", e.payment().meansCode());
        assertEquals("MANDATE-2026-7", e.payment().directDebit().mandateReference());
        assertEquals("DE98ZZZ09999999999", e.payment().directDebit().creditorId());
        assertEquals("DE02120300000000202051", e.payment().directDebit().debitedAccountId());
        assertEquals(List.of(), check(e, EnumSet.allOf(EInvoiceProfile.class)));
    }

    @Test
    void map_documentTypes_validateWhereTheProfileAllowsThem_andAreRefusedElsewhere() {
        TenantBilling t = tenant();
        Invoice first = issue(t, d -> d);
        List<String> problems = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        for (DocumentType type : EnumSet.complementOf(EnumSet.of(DocumentType.CREDIT_NOTE))) {
            Invoice issued = issue(t, d -> type == DocumentType.CORRECTED ? t.invoices().corrects(d.id(), first.id())
                    : t.invoices().documentType(d.id(), type));
            assertEquals(type, issued.type());
            EInvoice e = map(t, issued);
            assertEquals(type.code(), e.typeCode());
            for (EInvoiceProfile p : EInvoiceProfile.values()) {
                try {
                    problems.addAll(check(e, EnumSet.of(p)));
                } catch (TypeCodeNotAllowedException refused) {
                    refusals.add(type.code() + " " + p);
                }
            }
            if (type == DocumentType.CORRECTED) {
                assertEquals(first.number(), e.precedingInvoices().get(0).id());
                assertEquals(first.issueDate(), e.precedingInvoices().get(0).issueDate());
            }
        }
        assertEquals(List.of(), problems);
        // self-billing has a Peppol process of its own: PEPPOL-EN16931-P0100 refuses 389 in BIS Billing
        assertEquals(List.of("389 PEPPOL_BIS"), refusals);
    }

    /**
     * A final invoice that deducts a paid prepayment invoice (386): BT-113 is the prepayment's
     * amount, BT-115 the rest, and the prepayment invoice is referred to (BG-3); valid everywhere.
     */
    @Test
    void map_finalInvoiceDeductingAPrepayment_validatesInEveryProfile_andReadsBack() {
        TenantBilling t = tenant();
        Invoice advance = issue(t, d -> t.invoices().documentType(d.id(), DocumentType.PREPAYMENT));
        Money paid = advance.totals().payable();
        t.payments().record(PaymentRequest.of(BUND, paid).toInvoice(advance.id(), paid));
        Invoice issued = issue(t, d -> {
            t.invoices().addLine(d.id(), InvoiceLine.of("Review", new BigDecimal("5"), UnitCode.HOUR,
                    UnitPrice.of(EUR, "120.00"), TaxTreatment.standard(new BigDecimal("19"))));
            return t.invoices().deductPrepayments(d.id(), List.of(advance.id()));
        });
        assertEquals(Money.of(EUR, "1428.00"), issued.prepaid());
        assertEquals(Money.of(EUR, "714.00"), issued.amountDue());
        EInvoice e = map(t, issued);
        assertEquals(List.of(new DocumentReference(advance.number(), advance.issueDate())), e.precedingInvoices());
        assertEquals(List.of(), check(e, EnumSet.allOf(EInvoiceProfile.class)));
        byte[] ubl = EInvoiceWriter.write(e, EInvoiceProfile.XRECHNUNG_UBL);
        assertEquals("2142.00", Xml.value(ubl, "/inv:Invoice/cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount"));
        assertEquals("1428.00", Xml.value(ubl, "/inv:Invoice/cac:LegalMonetaryTotal/cbc:PrepaidAmount"));
        assertEquals("714.00", Xml.value(ubl, "/inv:Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount"));
        assertEquals(advance.number(),
                Xml.value(ubl, "/inv:Invoice/cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID"));
    }

    /** A correction whose BT-113 is negative: the client owes more than BT-112; valid everywhere. */
    @Test
    void map_negativePrepaid_validatesInEveryProfile() {
        TenantBilling t = tenant();
        Invoice issued = issue(t, d -> t.invoices().prepaid(d.id(), Money.of(EUR, "-100.00")));
        assertEquals(Money.of(EUR, "1528.00"), issued.amountDue());
        EInvoice e = map(t, issued);
        assertEquals(List.of(), check(e, EnumSet.allOf(EInvoiceProfile.class)));
        byte[] cii = EInvoiceWriter.write(e, EInvoiceProfile.XRECHNUNG_CII);
        assertEquals("-100.00", Xml.value(cii, "//ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:TotalPrepaidAmount"));
        assertEquals("1528.00", Xml.value(cii, "//ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:DuePayableAmount"));
    }
}
