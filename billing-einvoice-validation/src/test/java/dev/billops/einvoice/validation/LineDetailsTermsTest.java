package dev.billops.einvoice.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.TenantId;
import dev.billops.core.invoice.AllowanceCharge;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceReferences;
import dev.billops.core.invoice.LineDetails;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.memory.InMemoryBillingStore;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Actor;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.einvoice.EInvoiceMapper;
import dev.billops.einvoice.EInvoiceProfile;
import dev.billops.einvoice.EInvoiceWriter;
import dev.billops.einvoice.model.EInvoice;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A line carrying every item term of {@link LineDetails} and a unit beyond hours and pieces,
 * issued through the facade: each profile's document validates without error and shows the terms
 * where EN 16931 puts them.
 */
class LineDetailsTermsTest {

    private static final String LINE = "/inv:Invoice/cac:InvoiceLine";

    private static EInvoiceValidator validator;

    @BeforeAll
    static void rules() {
        validator = EInvoiceValidator.create();
    }

    @Test
    void lineWithEveryItemTerm_everyProfileValidates_andCarriesThem() {
        TenantBilling t = Billing.builder().stores(new InMemoryBillingStore())
                .clock(Clock.fixed(Instant.parse("2026-12-20T10:00:00Z"), ZoneOffset.UTC)).build()
                .tenant(TenantId.of("northwind"), Actor.user("office@northwind.test"));
        t.profile().create(StoredTermsTest.seller());
        t.clients().create(StoredTermsTest.buyer());
        LineDetails details = LineDetails.NONE.withNote("Delivered to site B")
                .withObjectId("METER-0815", "AAJ")
                .withOrderLineReference("3")
                .withAccountingReference("KST-200")
                .withItemIds("SKU-77", "BUY-77")
                .withStandardItemId("4000862141404", "0160")
                .withClassification("43211503", "STI", "2.1")
                .withOriginCountry("JP")
                .withAttribute("Colour", "Black")
                .withPriceBeforeDiscount(UnitPrice.of("EUR", "30.00"));
        Invoice draft = t.invoices().createDraft(ClientId.of("bund"));
        t.invoices().addLine(draft.id(), InvoiceLine.of("Cable drum", new BigDecimal("12.5"), UnitCode.KILOGRAM,
                UnitPrice.of("EUR", "24.00"), TaxTreatment.standard(new BigDecimal("19"))).withDetails(details));
        t.invoices().addAdjustment(draft.id(), AllowanceCharge.charge(Money.of("EUR", "25.00"), "Freight",
                TaxTreatment.standard(new BigDecimal("19"))).withReasonCode("FC"));
        t.invoices().references(draft.id(), InvoiceReferences.none().withPurchaseOrder("PO-4711"));
        Invoice issued = t.invoices().issue(draft.id(), LocalDate.of(2026, 12, 1));
        assertEquals(details, issued.lines().get(0).details());

        EInvoice e = EInvoiceMapper.map(t.profile().get(), t.clients().get(ClientId.of("bund")), issued);
        for (EInvoiceProfile profile : EnumSet.of(EInvoiceProfile.XRECHNUNG_UBL, EInvoiceProfile.XRECHNUNG_CII,
                EInvoiceProfile.PEPPOL_BIS, EInvoiceProfile.EN16931_UBL, EInvoiceProfile.EN16931_CII)) {
            ValidationReport report = validator.validate(EInvoiceWriter.write(e, profile), profile);
            assertTrue(report.isValid(), profile + ": " + report.errors());
        }
        byte[] ubl = EInvoiceWriter.write(e, EInvoiceProfile.PEPPOL_BIS);
        Map<String, String> expected = Map.ofEntries(
                Map.entry("/inv:Invoice/cac:AllowanceCharge/cbc:AllowanceChargeReasonCode", "FC"),
                Map.entry("/inv:Invoice/cac:AllowanceCharge/cbc:AllowanceChargeReason", "Freight"),
                Map.entry(LINE + "/cbc:Note", "Delivered to site B"),
                Map.entry(LINE + "/cbc:InvoicedQuantity", "12.5"),
                Map.entry(LINE + "/cbc:InvoicedQuantity/@unitCode", "KGM"),
                Map.entry(LINE + "/cbc:LineExtensionAmount", "300.00"),
                Map.entry(LINE + "/cbc:AccountingCost", "KST-200"),
                Map.entry(LINE + "/cac:DocumentReference/cbc:ID", "METER-0815"),
                Map.entry(LINE + "/cac:DocumentReference/cbc:ID/@schemeID", "AAJ"),
                Map.entry(LINE + "/cac:OrderLineReference/cbc:LineID", "3"),
                Map.entry(LINE + "/cac:Item/cac:BuyersItemIdentification/cbc:ID", "BUY-77"),
                Map.entry(LINE + "/cac:Item/cac:SellersItemIdentification/cbc:ID", "SKU-77"),
                Map.entry(LINE + "/cac:Item/cac:StandardItemIdentification/cbc:ID", "4000862141404"),
                Map.entry(LINE + "/cac:Item/cac:StandardItemIdentification/cbc:ID/@schemeID", "0160"),
                Map.entry(LINE + "/cac:Item/cac:OriginCountry/cbc:IdentificationCode", "JP"),
                Map.entry(LINE + "/cac:Item/cac:CommodityClassification/cbc:ItemClassificationCode", "43211503"),
                Map.entry(LINE + "/cac:Item/cac:CommodityClassification/cbc:ItemClassificationCode/@listID", "STI"),
                Map.entry(LINE + "/cac:Item/cac:AdditionalItemProperty/cbc:Name", "Colour"),
                Map.entry(LINE + "/cac:Item/cac:AdditionalItemProperty/cbc:Value", "Black"),
                Map.entry(LINE + "/cac:Price/cbc:PriceAmount", "24.00"),
                Map.entry(LINE + "/cac:Price/cac:AllowanceCharge/cbc:Amount", "6.00"),
                Map.entry(LINE + "/cac:Price/cac:AllowanceCharge/cbc:BaseAmount", "30.00"));
        for (Map.Entry<String, String> v : expected.entrySet()) {
            assertEquals(v.getValue(), Xml.value(ubl, v.getKey()), v.getKey());
        }
    }
}
