package dev.billops.einvoice.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.TenantId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceReferences;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.memory.InMemoryBillingStore;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.party.PartyDetails;
import dev.billops.core.party.TaxProfile;
import dev.billops.core.party.Tenant;
import dev.billops.core.payment.PaymentRequest;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.core.time.LocalDateRange;
import dev.billops.einvoice.EInvoiceMapper;
import dev.billops.einvoice.EInvoiceProfile;
import dev.billops.einvoice.EInvoiceWriter;
import dev.billops.einvoice.model.EInvoice;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import javax.money.CurrencyUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A tenant and a client configured only through the core values' withers, an invoice edited and
 * issued through the facade: the mapped document validates without error as XRechnung (UBL and
 * CII), Peppol BIS and EN 16931, with no wither of the e-invoice model in between, and carries
 * every stored business term.
 */
class StoredTermsTest {

    private static final CurrencyUnit EUR = Currencies.of("EUR");
    private static final String SELLER = "/inv:Invoice/cac:AccountingSupplierParty/cac:Party";
    private static final String BUYER = "/inv:Invoice/cac:AccountingCustomerParty/cac:Party";
    private static final String TOTAL = "/inv:Invoice/cac:LegalMonetaryTotal";

    private static EInvoiceValidator validator;

    @BeforeAll
    static void rules() {
        validator = EInvoiceValidator.create();
    }

    static Tenant seller() {
        return Tenant.of(TenantId.of("northwind"), "Northwind Consulting GmbH",
                        Address.of("Friedrichstraße 68", "10117", "Berlin", "DE"))
                .withVatId("DE811907980")
                .withEmail("billing@northwind.test")
                .withBankAccount("DE89370400440532013000", "COBADEFFXXX")
                .withDefaultVatRate(new BigDecimal("19"))
                .withDetails(PartyDetails.none()
                        .withTradingName("Northwind")
                        .withIdentifier("4000001123452", "0088")
                        .withTaxRegistrationId("37/123/45678")
                        .withLegalInfo("Sitz Berlin, Amtsgericht Charlottenburg")
                        .withCountrySubdivision("Berlin"))
                .withElectronicAddress("DE811907980", "9930")
                .withLegalRegistration("HRB 12345 B", null)
                .withContact("Billing office", "+49 30 5550 1234", "office@northwind.test");
    }

    static Client buyer() {
        return Client.of(ClientId.of("bund"), "Beschaffungsamt des BMI",
                        Address.of("Brühler Straße 3", "53119", "Bonn", "DE"), EUR)
                .withVatId("DE129273398")
                .withEmail("rechnung@bund.test")
                .withTerms(14)
                .withElectronicAddress("991-01234-56", "0204")
                .withBuyerReference("991-01234-56")
                .withContact("Accounts payable", "+49 228 555 0", "ap@bund.test")
                .withDetails(buyerDetails());
    }

    private static PartyDetails buyerDetails() {
        return PartyDetails.none().withElectronicAddress("991-01234-56", "0204").withBuyerReference("991-01234-56")
                .withContact("Accounts payable", "+49 228 555 0", "ap@bund.test")
                .withTradingName("BeschA").withIdentifier("C-1001", null).withLegalRegistration("DE-BUND-7", null);
    }

    private static TenantBilling tenant(Billing billing) {
        TenantBilling t = billing.tenant(TenantId.of("northwind"), Actor.user("office@northwind.test"));
        t.profile().create(seller());
        t.clients().create(buyer());
        return t;
    }

    private static Billing billing() {
        return Billing.builder().stores(new InMemoryBillingStore())
                .clock(Clock.fixed(Instant.parse("2026-12-20T10:00:00Z"), ZoneOffset.UTC)).build();
    }

    /** A draft of 10 h at 120.00 (19 %) for November with every reference set through the facade, issued. */
    private static Invoice issue(TenantBilling t, InvoiceReferences refs) {
        Invoice draft = t.invoices().createDraft(ClientId.of("bund"));
        t.invoices().addLine(draft.id(), InvoiceLine.of("Architecture consulting", new BigDecimal("10"),
                UnitCode.HOUR, UnitPrice.of(EUR, "120.00"), TaxTreatment.standard(new BigDecimal("19"))));
        t.invoices().servicePeriod(draft.id(), LocalDateRange.ofMonth(YearMonth.of(2026, 11)));
        t.invoices().references(draft.id(), refs);
        return t.invoices().issue(draft.id(), LocalDate.of(2026, 12, 1));
    }

    private static final InvoiceReferences REFS = InvoiceReferences.none().withPurchaseOrder("PO-4711")
            .withProject("PRJ-7").withContract("CT-2026-01").withSalesOrder("SO-99").withBuyerAccounting("KST-100")
            .withPaymentTerms("14 days net, no deduction");

    @Test
    void map_tenantAndClientConfiguredByCoreWithers_everyProfileValidatesWithoutError() {
        TenantBilling t = tenant(billing());
        Invoice issued = issue(t, REFS);
        EInvoice e = EInvoiceMapper.map(t.profile().get(), t.clients().get(ClientId.of("bund")), issued);
        for (EInvoiceProfile profile : EnumSet.of(EInvoiceProfile.XRECHNUNG_UBL, EInvoiceProfile.XRECHNUNG_CII,
                EInvoiceProfile.PEPPOL_BIS, EInvoiceProfile.EN16931_UBL, EInvoiceProfile.EN16931_CII)) {
            ValidationReport report = validator.validate(EInvoiceWriter.write(e, profile), profile);
            assertTrue(report.isValid(), profile + ": " + report.errors());
        }
        byte[] ubl = EInvoiceWriter.write(e, EInvoiceProfile.XRECHNUNG_UBL);
        Map<String, String> expected = Map.ofEntries(
                Map.entry("/inv:Invoice/cbc:BuyerReference", "991-01234-56"),
                Map.entry("/inv:Invoice/cac:OrderReference/cbc:ID", "PO-4711"),
                Map.entry("/inv:Invoice/cac:OrderReference/cbc:SalesOrderID", "SO-99"),
                Map.entry("/inv:Invoice/cac:ContractDocumentReference/cbc:ID", "CT-2026-01"),
                Map.entry("/inv:Invoice/cac:ProjectReference/cbc:ID", "PRJ-7"),
                Map.entry("/inv:Invoice/cbc:AccountingCost", "KST-100"),
                Map.entry("/inv:Invoice/cac:PaymentTerms/cbc:Note", "14 days net, no deduction"),
                Map.entry(SELLER + "/cbc:EndpointID", "DE811907980"),
                Map.entry(SELLER + "/cbc:EndpointID/@schemeID", "9930"),
                Map.entry(SELLER + "/cac:PartyIdentification/cbc:ID", "4000001123452"),
                Map.entry(SELLER + "/cac:PartyName/cbc:Name", "Northwind"),
                Map.entry(SELLER + "/cac:PostalAddress/cbc:CountrySubentity", "Berlin"),
                Map.entry(SELLER + "/cac:PartyLegalEntity/cbc:CompanyID", "HRB 12345 B"),
                Map.entry(SELLER + "/cac:PartyLegalEntity/cbc:CompanyLegalForm",
                        "Sitz Berlin, Amtsgericht Charlottenburg"),
                Map.entry(SELLER + "/cac:Contact/cbc:Name", "Billing office"),
                Map.entry(SELLER + "/cac:Contact/cbc:Telephone", "+49 30 5550 1234"),
                Map.entry(SELLER + "/cac:Contact/cbc:ElectronicMail", "office@northwind.test"),
                Map.entry(BUYER + "/cbc:EndpointID", "991-01234-56"),
                Map.entry(BUYER + "/cbc:EndpointID/@schemeID", "0204"),
                Map.entry(BUYER + "/cac:PartyName/cbc:Name", "BeschA"),
                Map.entry(BUYER + "/cac:PartyLegalEntity/cbc:CompanyID", "DE-BUND-7"),
                Map.entry(BUYER + "/cac:Contact/cbc:Name", "Accounts payable"),
                Map.entry(TOTAL + "/cbc:PayableAmount", "1428.00"));
        for (Map.Entry<String, String> v : expected.entrySet()) {
            assertEquals(v.getValue(), Xml.value(ubl, v.getKey()), v.getKey());
        }
    }

    @Test
    void issue_draftWithoutBuyerReference_takesTheClientDefault_ownReferenceWins() {
        TenantBilling t = tenant(billing());
        assertEquals("991-01234-56", issue(t, InvoiceReferences.none()).references().buyerReference());
        assertEquals("Dept 7", issue(t, REFS.withBuyerReference("Dept 7")).references().buyerReference());
    }

    @Test
    void paidAfterIssue_amountPaidOfTheEInvoiceUnchanged() {
        TenantBilling t = tenant(billing());
        Invoice issued = issue(t, REFS);
        EInvoice before = EInvoiceMapper.map(t.profile().get(), t.clients().get(ClientId.of("bund")), issued);
        t.payments().record(PaymentRequest.of(issued.clientId(), Money.of(EUR, "400.00")).toInvoice(issued.id()));
        Invoice paid = t.invoices().get(issued.id());
        assertEquals(Money.of(EUR, "400.00"), paid.paid());
        EInvoice after = EInvoiceMapper.map(t.profile().get(), t.clients().get(ClientId.of("bund")), paid);
        assertNull(after.totals().prepaid());
        assertEquals(before.totals(), after.totals());
        assertEquals(new BigDecimal("1428.00"), after.totals().payable());
    }

    @Test
    void creditAppliedOnIssue_isTheAmountPaid_andStaysWhenPaidLater() {
        TenantBilling t = tenant(billing());
        t.payments().record(PaymentRequest.of(ClientId.of("bund"), Money.of(EUR, "200.00"))); // a credit balance
        Invoice issued = issue(t, REFS);
        assertEquals(Money.of(EUR, "200.00"), issued.prepaid());
        assertEquals(issued, t.invoices().get(issued.id()));
        t.payments().record(PaymentRequest.of(issued.clientId(), Money.of(EUR, "100.00")).toInvoice(issued.id()));
        Invoice later = t.invoices().get(issued.id());
        assertEquals(Money.of(EUR, "300.00"), later.paid());
        assertEquals(Money.of(EUR, "200.00"), later.prepaid());
        EInvoice e = EInvoiceMapper.map(t.profile().get(), t.clients().get(ClientId.of("bund")), later);
        assertEquals(new BigDecimal("200.00"), e.totals().prepaid());
        assertEquals(new BigDecimal("1228.00"), e.totals().payable()); // BR-CO-16: 1428.00 - 200.00
        for (EInvoiceProfile profile : EnumSet.of(EInvoiceProfile.XRECHNUNG_UBL, EInvoiceProfile.XRECHNUNG_CII,
                EInvoiceProfile.PEPPOL_BIS)) {
            ValidationReport report = validator.validate(EInvoiceWriter.write(e, profile), profile);
            assertTrue(report.isValid(), profile + ": " + report.errors());
        }
    }

    @Test
    void exemptClientWithVatexCode_breakdownCarriesIt_andValidates() {
        TenantBilling t = tenant(billing());
        Client exempt = t.clients().update(t.clients().get(ClientId.of("bund"))
                .withTaxProfile(TaxProfile.EXEMPT, "Exempt under Art. 132(1)(i) of Directive 2006/112/EC")
                .withDetails(buyerDetails().withExemptionReasonCode("VATEX-EU-132-1I")));
        Invoice draft = t.invoices().createDraft(exempt.id());
        t.invoices().addLine(draft.id(), dev.billops.core.invoice.ManualLine.of("Training", new BigDecimal("2"),
                UnitCode.DAY, UnitPrice.of(EUR, "800.00")));
        Invoice issued = t.invoices().issue(draft.id(), LocalDate.of(2026, 12, 1));
        assertEquals("VATEX-EU-132-1I", issued.taxBreakdown().get(0).exemptionReasonCode());
        EInvoice e = EInvoiceMapper.map(t.profile().get(), exempt, issued);
        byte[] xml = EInvoiceWriter.write(e, EInvoiceProfile.PEPPOL_BIS);
        ValidationReport report = validator.validate(xml, EInvoiceProfile.PEPPOL_BIS);
        assertTrue(report.isValid(), report.errors().toString());
        assertEquals("VATEX-EU-132-1I",
                Xml.value(xml, "/inv:Invoice/cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:TaxExemptionReasonCode"));
    }
}
