package dev.billops.einvoice.facturx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.TenantId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.einvoice.EInvoiceMapper;
import dev.billops.einvoice.EInvoiceProfile;
import dev.billops.einvoice.EInvoiceWriter;
import dev.billops.einvoice.model.EInvoice;
import dev.billops.pdf.InvoiceDocument;
import dev.billops.pdf.InvoicePdfRenderer;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import javax.money.CurrencyUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** Factur-X files made from billing-pdf's rendering pass veraPDF's PDF/A-3B validation. */
class FacturXTest {

    private static final CurrencyUnit EUR = Currencies.of("EUR");

    @BeforeAll
    static void verapdf() {
        VeraGreenfieldFoundryProvider.initialise();
    }

    static Tenant seller() {
        return Tenant.of(TenantId.of("northwind"), "Northwind Consulting GmbH", Address.of("Friedrichstraße 68", "10117", "Berlin", "DE")).withVatId("DE811907980").withEmail("billing@northwind.test")
                .withBankAccount("DE89370400440532013000", "COBADEFFXXX").withDefaultVatRate(new BigDecimal("19"));
    }

    static Client buyer() {
        return Client.of(ClientId.of("acme"), "ACME Corporation AG",
                Address.of("Königsallee 12", "40212", "Düsseldorf", "DE"), EUR).withEmail("ap@acme.test");
    }

    static Invoice invoice() {
        return Issued.as(Invoice.draft(dev.billops.core.id.InvoiceId.of("inv-1"), ClientId.of("acme"), EUR,
                dev.billops.core.invoice.InvoiceSource.MANUAL)
                .withLines(List.of(InvoiceLine.of("Beratung – Architektur", new BigDecimal("12.5"), UnitCode.HOUR,
                        UnitPrice.of(EUR, "120.00"), TaxTreatment.standard(new BigDecimal("19")))))
                , "INV-2026-0001", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 15));
    }

    static byte[] facturX() {
        Invoice invoice = invoice();
        byte[] pdf = InvoicePdfRenderer.create().render(InvoiceDocument.of(seller(), buyer(), invoice));
        EInvoice e = EInvoiceMapper.map(seller(), buyer(), invoice);
        return FacturX.create(pdf, e);
    }

    @Test
    void create_billingPdfRendering_isPdfA3bCompliant() throws Exception {
        byte[] hybrid = facturX();
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(hybrid),
                PDFAFlavour.PDFA_3_B);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false)) {
            ValidationResult result = validator.validate(parser);
            String failed = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage())
                    .distinct().collect(Collectors.joining("\n"));
            assertTrue(result.isCompliant(), "veraPDF PDF/A-3B failures:\n" + failed);
        }
    }

    @Test
    void extractXml_facturX_isTheFacturXProfilesXml() {
        byte[] expected = EInvoiceWriter.write(EInvoiceMapper.map(seller(), buyer(), invoice()),
                EInvoiceProfile.FACTURX_EN16931);
        assertArrayEquals(expected, FacturX.extractXml(facturX()));
    }

    @Test
    void create_sameInput_sameBytes() {
        assertArrayEquals(facturX(), facturX());
    }

    @Test
    void embed_notAPdf_refused() {
        assertThrows(FacturXFailedException.class, () -> FacturX.embed("not a pdf".getBytes(
                java.nio.charset.StandardCharsets.UTF_8), new byte[] {'<', 'x', '/', '>'}));
    }

    @Test
    void extractXml_plainPdf_refused() {
        byte[] pdf = InvoicePdfRenderer.create().render(InvoiceDocument.of(seller(), buyer(), invoice()));
        assertThrows(FacturXFailedException.class, () -> FacturX.extractXml(pdf));
    }
}
