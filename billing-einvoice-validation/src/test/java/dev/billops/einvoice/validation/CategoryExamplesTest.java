package dev.billops.einvoice.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.TenantId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceSource;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.party.TaxProfile;
import dev.billops.core.party.Tenant;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.core.time.LocalDateRange;
import dev.billops.einvoice.EInvoiceMapper;
import dev.billops.einvoice.EInvoiceProfile;
import dev.billops.einvoice.EInvoiceReader;
import dev.billops.einvoice.ReadResult;
import dev.billops.einvoice.Syntax;
import dev.billops.einvoice.EInvoiceWriter;
import dev.billops.einvoice.model.Contact;
import dev.billops.einvoice.model.EInvoice;
import dev.billops.einvoice.model.ElectronicAddress;
import dev.billops.einvoice.model.Identifier;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.money.CurrencyUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One hand-written invoice per VAT category (S, Z, E, AE, K, G, O) written as XRechnung 3.0 and as
 * Peppol BIS 3.0, and split payment (B) on every profile: each validates without error against
 * the official rule sets, and the values that matter for the category are the ones written out here.
 */
class CategoryExamplesTest {

    private static final CurrencyUnit EUR = Currencies.of("EUR");
    private static final String TAX = "/inv:Invoice/cac:TaxTotal/cac:TaxSubtotal";
    private static final String TOTAL = "/inv:Invoice/cac:LegalMonetaryTotal";

    private static EInvoiceValidator validator;

    @BeforeAll
    static void rules() {
        validator = EInvoiceValidator.create();
    }

    @Test
    void standardRated_S() {
        byte[][] docs = write("S", TaxProfile.STANDARD, null, TaxTreatment.standard(new BigDecimal("19")),
                "10", "100.00");
        expect(docs, Map.of(TAX + "/cac:TaxCategory/cbc:ID", "S", TAX + "/cac:TaxCategory/cbc:Percent", "19",
                TAX + "/cbc:TaxableAmount", "1000.00", TAX + "/cbc:TaxAmount", "190.00",
                TOTAL + "/cbc:TaxInclusiveAmount", "1190.00", TOTAL + "/cbc:PayableAmount", "1190.00",
                "/inv:Invoice/cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID", "DE811907980"));
    }

    @Test
    void zeroRated_Z() {
        byte[][] docs = write("Z", TaxProfile.STANDARD, null, TaxTreatment.zeroRated(), "5", "40.00");
        expect(docs, Map.of(TAX + "/cac:TaxCategory/cbc:ID", "Z", TAX + "/cac:TaxCategory/cbc:Percent", "0",
                TAX + "/cbc:TaxableAmount", "200.00", TAX + "/cbc:TaxAmount", "0.00",
                TOTAL + "/cbc:PayableAmount", "200.00", TAX + "/cac:TaxCategory/cbc:TaxExemptionReason", ""));
    }

    @Test
    void exempt_E() {
        byte[][] docs = write("E", TaxProfile.EXEMPT, null,
                TaxTreatment.exempt("Exempt under Article 135(1)(g) of Directive 2006/112/EC"), "3", "150.00");
        expect(docs, Map.of(TAX + "/cac:TaxCategory/cbc:ID", "E", TAX + "/cac:TaxCategory/cbc:Percent", "0",
                TAX + "/cbc:TaxableAmount", "450.00", TAX + "/cbc:TaxAmount", "0.00",
                TAX + "/cac:TaxCategory/cbc:TaxExemptionReason",
                "Exempt under Article 135(1)(g) of Directive 2006/112/EC", TOTAL + "/cbc:PayableAmount", "450.00"));
    }

    @Test
    void reverseCharge_AE() {
        byte[][] docs = write("AE", TaxProfile.REVERSE_CHARGE, "FR61954506077", TaxTreatment.reverseCharge(), "8",
                "125.00");
        expect(docs, Map.of(TAX + "/cac:TaxCategory/cbc:ID", "AE", TAX + "/cbc:TaxableAmount", "1000.00",
                TAX + "/cbc:TaxAmount", "0.00", TAX + "/cac:TaxCategory/cbc:TaxExemptionReason", "Reverse charge",
                TAX + "/cac:TaxCategory/cbc:TaxExemptionReasonCode", "VATEX-EU-AE",
                "/inv:Invoice/cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID", "FR61954506077",
                TOTAL + "/cbc:PayableAmount", "1000.00"));
    }

    @Test
    void intraCommunity_K() {
        byte[][] docs = write("K", TaxProfile.INTRA_COMMUNITY, "FR61954506077", TaxTreatment.intraCommunity(), "2",
                "500.00");
        expect(docs, Map.of(TAX + "/cac:TaxCategory/cbc:ID", "K", TAX + "/cbc:TaxAmount", "0.00",
                TAX + "/cac:TaxCategory/cbc:TaxExemptionReason", "Intra-community supply",
                TAX + "/cac:TaxCategory/cbc:TaxExemptionReasonCode", "VATEX-EU-IC",
                "/inv:Invoice/cac:Delivery/cac:DeliveryLocation/cac:Address/cac:Country/cbc:IdentificationCode", "FR",
                "/inv:Invoice/cac:InvoicePeriod/cbc:StartDate", "2026-11-01",
                "/inv:Invoice/cac:InvoicePeriod/cbc:EndDate", "2026-11-30", TOTAL + "/cbc:PayableAmount", "1000.00"));
    }

    @Test
    void export_G() {
        byte[][] docs = write("G", TaxProfile.EXPORT, null, TaxTreatment.export(), "4", "250.00");
        expect(docs, Map.of(TAX + "/cac:TaxCategory/cbc:ID", "G", TAX + "/cbc:TaxAmount", "0.00",
                TAX + "/cac:TaxCategory/cbc:TaxExemptionReason", "Export outside the EU",
                TAX + "/cac:TaxCategory/cbc:TaxExemptionReasonCode", "VATEX-EU-G",
                TOTAL + "/cbc:PayableAmount", "1000.00"));
    }

    @Test
    void outOfScope_O() {
        byte[][] docs = write("O", TaxProfile.OUT_OF_SCOPE, null, TaxTreatment.outOfScope("Not subject to VAT"), "1",
                "300.00");
        expect(docs, Map.of(TAX + "/cac:TaxCategory/cbc:ID", "O", TAX + "/cbc:TaxAmount", "0.00",
                TAX + "/cac:TaxCategory/cbc:TaxExemptionReason", "Not subject to VAT",
                TAX + "/cac:TaxCategory/cbc:TaxExemptionReasonCode", "VATEX-EU-O",
                "/inv:Invoice/cac:InvoiceLine/cac:Item/cac:ClassifiedTaxCategory/cbc:Percent", "",
                "/inv:Invoice/cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID", "",
                "/inv:Invoice/cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID", "HRB 12345",
                TOTAL + "/cbc:PayableAmount", "300.00"));
    }

    /**
     * Split payment (B) between two Italian parties: every profile accepts it with 0 errors, reads
     * back without warnings and writes back identically; 12 h at 85.00 is 1020.00, 22 % of it
     * 224.40, payable 1244.40 (BR-CO-16 keeps the VAT in the amount due).
     */
    @Test
    void splitPayment_B_everyProfileValidatesAndRoundTrips() {
        EInvoice e = splitPayment("IT");
        for (EInvoiceProfile profile : EInvoiceProfile.values()) {
            byte[] doc = EInvoiceWriter.write(e, profile);
            ValidationReport r = validator.validate(doc, profile);
            assertTrue(r.isValid(), profile + ": " + r.errors());
            ReadResult read = EInvoiceReader.standard().read(new ByteArrayInputStream(doc));
            assertEquals(List.of(), read.warnings(), profile.toString());
            assertArrayEquals(doc, EInvoiceWriter.write(read.invoice(), profile), profile.toString());
            if (profile.syntax() == Syntax.UBL) {
                String tax = TAX;
                assertEquals("B", Xml.value(doc, tax + "/cac:TaxCategory/cbc:ID"), profile.toString());
                assertEquals("22", Xml.value(doc, tax + "/cac:TaxCategory/cbc:Percent"), profile.toString());
                assertEquals("1020.00", Xml.value(doc, tax + "/cbc:TaxableAmount"), profile.toString());
                assertEquals("224.40", Xml.value(doc, tax + "/cbc:TaxAmount"), profile.toString());
                assertEquals("1244.40", Xml.value(doc, TOTAL + "/cbc:PayableAmount"), profile.toString());
            }
        }
    }

    /** Mutation: the same document with a French buyer breaks BR-B-01 on every profile. */
    @Test
    void splitPayment_B_foreignBuyer_brB01Fires() {
        EInvoice e = splitPayment("FR");
        for (EInvoiceProfile profile : EInvoiceProfile.values()) {
            ValidationReport r = validator.validate(EInvoiceWriter.write(e, profile), profile);
            assertTrue(r.errors().stream().anyMatch(f -> f.ruleId().equals("BR-B-01")), profile + ": " + r.errors());
        }
    }

    /** The issued value of an Italian seller's split-payment invoice to a buyer in {@code buyerCountry}. */
    private static EInvoice splitPayment(String buyerCountry) {
        Tenant seller = Tenant.of(TenantId.of("milano"), "Studio Rossi S.r.l.",
                Address.of("Via Dante 12", "20121", "Milano", "IT")).withVatId("IT01234567897")
                .withEmail("fatture@rossi.test").withBankAccount("IT60X0542811101000000123456", "BPMOIT22XXX");
        Client buyer = Client.of(ClientId.of("comune"), "Comune di Bergamo", Address.of("Piazza Matteotti 27",
                "24122", "Bergamo", buyerCountry), EUR).withVatId("IT00218760167").withEmail("protocollo@comune.test");
        Invoice invoice = Issued.as(Invoice.draft(InvoiceId.of("inv-B"), buyer.id(), EUR, InvoiceSource.MANUAL)
                .withLines(List.of(InvoiceLine.of("Consulenza", new BigDecimal("12"), UnitCode.HOUR,
                        UnitPrice.of(EUR, "85.00"), TaxTreatment.splitPayment(new BigDecimal("22")))))
                .withServicePeriod(LocalDateRange.ofMonth(YearMonth.of(2026, 11))),
                "FT-B-1", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31));
        EInvoice e = EInvoiceMapper.map(seller, buyer, invoice);
        return e.withBuyerReference("UFXYZ1")
                .withSeller(e.seller().withContact(new Contact("Amministrazione", "+39 02 1234567",
                        "fatture@rossi.test")).withElectronicAddress(new ElectronicAddress("IT01234567897", "0211")))
                .withBuyer(e.buyer().withElectronicAddress(new ElectronicAddress("IT00218760167", "0211")));
    }

    /** XRechnung UBL and Peppol BIS of a one-line invoice in {@code category}; both validated without error. */
    private static byte[][] write(String category, TaxProfile profile, String buyerVat, TaxTreatment tax,
            String quantity, String price) {
        boolean outOfScope = category.equals("O");
        Tenant seller = Tenant.of(TenantId.of("northwind"), "Northwind Consulting GmbH",
                Address.of("Friedrichstraße 68", "10117", "Berlin", "DE")).withVatId(outOfScope ? null : "DE811907980")
                .withEmail("billing@northwind.test").withBankAccount("DE89370400440532013000", "COBADEFFXXX")
                .withDefaultVatRate(new BigDecimal("19"));
        Client buyer = Client.of(ClientId.of("acme"), "ACME S.A.", Address.of("12 rue de la Paix", "75002", "Paris",
                "FR"), EUR).withVatId(buyerVat).withTaxProfile(profile).withEmail("ap@acme.test");
        Invoice invoice = Issued.as(Invoice.draft(InvoiceId.of("inv-" + category), buyer.id(), EUR, InvoiceSource.MANUAL)
                .withLines(List.of(InvoiceLine.of("Consulting (" + category + ")", new BigDecimal(quantity),
                        UnitCode.HOUR, UnitPrice.of(EUR, price), tax)))
                .withServicePeriod(LocalDateRange.ofMonth(YearMonth.of(2026, 11)))
                , "INV-" + category + "-1", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31));
        EInvoice e = EInvoiceMapper.map(seller, buyer, invoice);
        e = e.withBuyerReference("04011000-12345-03")
                .withSeller(e.seller().withContact(new Contact("Accounts", "+49 30 1234567", "billing@northwind.test"))
                        .withLegalRegistration(new Identifier("HRB 12345", null))
                        .withElectronicAddress(new ElectronicAddress("4000001123452", "0088")))
                .withBuyer(e.buyer().withElectronicAddress(new ElectronicAddress("FR61954506077", "9957")));
        byte[] xrechnung = EInvoiceWriter.write(e, EInvoiceProfile.XRECHNUNG_UBL);
        byte[] peppol = EInvoiceWriter.write(e, EInvoiceProfile.PEPPOL_BIS);
        ValidationReport xr = validator.validate(xrechnung, EInvoiceProfile.XRECHNUNG_UBL);
        ValidationReport pp = validator.validate(peppol, EInvoiceProfile.PEPPOL_BIS);
        assertTrue(xr.isValid(), category + " XRechnung: " + xr.errors());
        assertTrue(pp.isValid(), category + " Peppol: " + pp.errors());
        return new byte[][] {xrechnung, peppol};
    }

    private static void expect(byte[][] docs, Map<String, String> values) {
        Map<String, String> sorted = new LinkedHashMap<>(values);
        for (byte[] doc : docs) {
            for (Map.Entry<String, String> v : sorted.entrySet()) {
                assertEquals(v.getValue(), Xml.value(doc, v.getKey()), v.getKey());
            }
        }
        assertEquals(EInvoiceProfile.XRECHNUNG_UBL.specificationId(),
                Xml.value(docs[0], "/inv:Invoice/cbc:CustomizationID"));
        assertEquals(EInvoiceProfile.PEPPOL_BIS.specificationId(), Xml.value(docs[1], "/inv:Invoice/cbc:CustomizationID"));
    }
}
