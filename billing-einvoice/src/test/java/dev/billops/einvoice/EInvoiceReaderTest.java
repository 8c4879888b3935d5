package dev.billops.einvoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.einvoice.model.EInvoice;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EInvoiceReaderTest {

    @Test
    void read_writtenUbl_givesTheModelBackWithoutWarnings() {
        EInvoice e = Samples.xrechnungReady();
        ReadResult r = EInvoiceReader.standard().read(EInvoiceWriter.write(e, EInvoiceProfile.XRECHNUNG_UBL));
        assertEquals(Syntax.UBL, r.syntax());
        assertEquals(List.of(), r.warnings());
        assertEquals(e.withSpecification(EInvoiceProfile.XRECHNUNG_UBL.specificationId(),
                EInvoiceProfile.XRECHNUNG_UBL.processId()), r.invoice());
    }

    @Test
    void read_writtenCii_givesTheModelBackWithoutWarnings() {
        EInvoice e = Samples.xrechnungReady();
        ReadResult r = EInvoiceReader.standard().read(EInvoiceWriter.write(e, EInvoiceProfile.XRECHNUNG_CII));
        assertEquals(Syntax.CII, r.syntax());
        assertEquals(List.of(), r.warnings());
        assertEquals(new BigDecimal("2915.50"), r.invoice().totals().payable());
        assertEquals(e.withSpecification(EInvoiceProfile.XRECHNUNG_CII.specificationId(),
                EInvoiceProfile.XRECHNUNG_CII.processId()), r.invoice());
    }

    @Test
    void read_unsupportedUblElements_reportedWithTheirLocation() {
        String xml = new String(EInvoiceWriter.write(Samples.xrechnungReady(), EInvoiceProfile.EN16931_UBL),
                StandardCharsets.UTF_8)
                .replace("<cbc:ID>INV-2026-0001</cbc:ID>", "<cbc:ID>INV-2026-0001</cbc:ID><cbc:UUID>u-1</cbc:UUID>")
                .replace("<cbc:InvoicedQuantity", "<cbc:UUID>line-uuid</cbc:UUID><cbc:InvoicedQuantity");
        ReadResult r = EInvoiceReader.standard().read(xml.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("/Invoice/cbc:UUID", "/Invoice/cac:InvoiceLine[1]/cbc:UUID",
                "/Invoice/cac:InvoiceLine[2]/cbc:UUID"), r.warnings().stream().map(ReadWarning::location).toList());
    }

    @Test
    void read_repeatedSingleTerm_secondOneReported() {
        String xml = new String(EInvoiceWriter.write(Samples.xrechnungReady(), EInvoiceProfile.XRECHNUNG_CII),
                StandardCharsets.UTF_8).replace("<ram:BuyerReference>04011000-12345-03</ram:BuyerReference>",
                        "<ram:BuyerReference>04011000-12345-03</ram:BuyerReference><ram:BuyerReference>x</ram:BuyerReference>");
        ReadResult r = EInvoiceReader.standard().read(xml.getBytes(StandardCharsets.UTF_8));
        assertEquals("04011000-12345-03", r.invoice().buyerReference());
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).location().endsWith("ram:ApplicableHeaderTradeAgreement/ram:BuyerReference[2]"),
                r.warnings().toString());
    }

    @Test
    void read_missingInvoiceNumber_notReadableNamingTheTerm() {
        String xml = new String(EInvoiceWriter.write(Samples.xrechnungReady(), EInvoiceProfile.EN16931_UBL),
                StandardCharsets.UTF_8).replace("<cbc:ID>INV-2026-0001</cbc:ID>", "");
        EInvoiceNotReadableException e = assertThrows(EInvoiceNotReadableException.class,
                () -> EInvoiceReader.standard().read(xml.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("BT-1"), e.getMessage());
    }
}
