package dev.billops.einvoice.validation;

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
import dev.billops.core.party.Tenant;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.einvoice.EInvoiceMapper;
import dev.billops.einvoice.EInvoiceProfile;
import dev.billops.einvoice.facturx.FacturX;
import dev.billops.pdf.InvoiceDocument;
import dev.billops.pdf.InvoicePdfRenderer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import javax.money.CurrencyUnit;
import org.junit.jupiter.api.Test;

/** The XML inside a Factur-X PDF made from billing-pdf's rendering validates against the EN 16931 CII rules. */
class FacturXXmlTest {

    @Test
    void extractXml_facturXOfARenderedInvoice_validatesWithoutError() {
        CurrencyUnit eur = Currencies.of("EUR");
        Tenant seller = Tenant.of(TenantId.of("northwind"), "Northwind Consulting GmbH", Address.of("Friedrichstraße 68", "10117", "Berlin", "DE")).withVatId("DE811907980").withEmail("billing@northwind.test")
                .withBankAccount("DE89370400440532013000", "COBADEFFXXX").withDefaultVatRate(new BigDecimal("19"));
        Client buyer = Client.of(ClientId.of("acme"), "ACME Corporation AG",
                Address.of("Königsallee 12", "40212", "Düsseldorf", "DE"), eur).withEmail("ap@acme.test");
        Invoice invoice = Issued.as(Invoice.draft(InvoiceId.of("inv-1"), buyer.id(), eur, InvoiceSource.MANUAL)
                .withLines(List.of(InvoiceLine.of("Beratung", new BigDecimal("7.75"), UnitCode.HOUR,
                        UnitPrice.of(eur, "135.00"), TaxTreatment.standard(new BigDecimal("19")))))
                , "INV-2026-0042", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 15));
        byte[] pdf = InvoicePdfRenderer.create().render(InvoiceDocument.of(seller, buyer, invoice));
        byte[] hybrid = FacturX.create(pdf, EInvoiceMapper.map(seller, buyer, invoice));

        ValidationReport report = EInvoiceValidator.create().validate(FacturX.extractXml(hybrid));
        assertTrue(report.isValid(), report.errors().toString());
        assertTrue(report.ruleSet().contains("cii"), report.ruleSet());
        assertEquals(EInvoiceProfile.FACTURX_EN16931.specificationId(), Xml.value(FacturX.extractXml(hybrid),
                "/rsm:CrossIndustryInvoice/rsm:ExchangedDocumentContext/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID"));
    }
}
