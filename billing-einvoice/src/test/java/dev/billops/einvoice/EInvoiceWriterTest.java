package dev.billops.einvoice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.einvoice.model.EInvoice;
import dev.billops.einvoice.model.ElectronicAddress;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EInvoiceWriterTest {

    @Test
    void write_xrechnungWithoutBuyerReferenceAndContact_refusedListingTheTermsAndWritesNothing() {
        EInvoice e = EInvoiceMapper.map(Samples.seller(), Samples.buyer(), Samples.invoice());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MissingBusinessTermsException ex = assertThrows(MissingBusinessTermsException.class,
                () -> EInvoiceWriter.write(e, EInvoiceProfile.XRECHNUNG_UBL, out));
        assertEquals(List.of("BT-10 buyer reference (BR-DE-15)", "BT-41 seller contact point (BR-DE-5)",
                "BT-42 seller contact telephone number (BR-DE-6)"), ex.missing());
        assertEquals(EInvoiceProfile.XRECHNUNG_UBL, ex.profile());
        assertTrue(ex.getMessage().contains("INV-2026-0001"), ex.getMessage());
        assertEquals(0, out.size());
    }

    @Test
    void write_xrechnungWithoutBuyerElectronicAddress_refusedNamingBt49() {
        EInvoice e = Samples.xrechnungReady();
        EInvoice noAddress = e.withBuyer(e.buyer().withElectronicAddress(null));
        MissingBusinessTermsException ex = assertThrows(MissingBusinessTermsException.class,
                () -> EInvoiceWriter.write(noAddress, EInvoiceProfile.XRECHNUNG_CII));
        assertEquals(List.of("BT-49 buyer electronic address (BR-DE-16)"), ex.missing());
    }

    @Test
    void write_peppolWithEmailEndpointsAndNoReference_refusedNamingEachTerm() {
        EInvoice e = EInvoiceMapper.map(Samples.seller(), Samples.buyer(), Samples.invoice());
        MissingBusinessTermsException ex = assertThrows(MissingBusinessTermsException.class,
                () -> EInvoiceWriter.write(e, EInvoiceProfile.PEPPOL_BIS));
        assertEquals(3, ex.missing().size(), ex.missing().toString());
        assertTrue(ex.missing().get(0).startsWith("BT-10 buyer reference or BT-13"));
        assertTrue(ex.missing().get(1).startsWith("BT-34 seller electronic address in a Peppol EAS scheme"));
        EInvoice ok = e.withBuyerReference("ref").withSeller(e.seller().withElectronicAddress(
                new ElectronicAddress("DE811907980", "9930"))).withBuyer(e.buyer().withElectronicAddress(
                        new ElectronicAddress("4000001123452", "0088")));
        assertTrue(EInvoiceWriter.write(ok, EInvoiceProfile.PEPPOL_BIS).length > 1000);
    }

    @Test
    void write_en16931WithoutSellerIdentifiers_refusedNamingBrCo26() {
        EInvoice e = Samples.xrechnungReady();
        EInvoice anonymous = e.withSeller(e.seller().withVatId(null));
        MissingBusinessTermsException ex = assertThrows(MissingBusinessTermsException.class,
                () -> EInvoiceWriter.write(anonymous, EInvoiceProfile.EN16931_UBL));
        assertTrue(ex.missing().get(0).contains("BR-CO-26"), ex.missing().toString());
        assertTrue(ex.missing().get(1).contains("category S"), ex.missing().toString());
    }

    @Test
    void write_sameInvoiceTwice_sameBytes() {
        EInvoice e = Samples.xrechnungReady();
        for (EInvoiceProfile p : List.of(EInvoiceProfile.XRECHNUNG_UBL, EInvoiceProfile.XRECHNUNG_CII)) {
            assertArrayEquals(EInvoiceWriter.write(e, p), EInvoiceWriter.write(e, p));
        }
    }

    @Test
    void write_profiles_carryTheirSpecificationAndProcessIds() {
        EInvoice e = Samples.xrechnungReady();
        String ubl = new String(EInvoiceWriter.write(e, EInvoiceProfile.XRECHNUNG_UBL), StandardCharsets.UTF_8);
        assertTrue(ubl.contains("<cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:"
                + "xrechnung_3.0</cbc:CustomizationID>"), ubl);
        assertTrue(ubl.contains("<cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>"));
        String cii = new String(EInvoiceWriter.write(e, EInvoiceProfile.FACTURX_EN16931), StandardCharsets.UTF_8);
        assertTrue(cii.contains("<ram:GuidelineSpecifiedDocumentContextParameter>\n      <ram:ID>urn:cen.eu:en16931:2017"
                + "</ram:ID>"), cii);
    }

    @Test
    void write_creditNote_isAUblCreditNoteReferencingTheInvoice() {
        EInvoice e = Samples.xrechnungReady().withTypeCode(EInvoice.CREDIT_NOTE)
                .withPrecedingInvoices(List.of(new dev.billops.einvoice.model.DocumentReference("INV-1", null)));
        String ubl = new String(EInvoiceWriter.write(e, EInvoiceProfile.EN16931_UBL), StandardCharsets.UTF_8);
        assertTrue(ubl.contains("<CreditNote xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2\""));
        assertTrue(ubl.contains("<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>"));
        assertTrue(ubl.contains("<cac:InvoiceDocumentReference>\n      <cbc:ID>INV-1</cbc:ID>"), ubl);
    }
}
