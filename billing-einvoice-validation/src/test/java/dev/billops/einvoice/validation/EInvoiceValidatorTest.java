package dev.billops.einvoice.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.einvoice.EInvoiceNotReadableException;
import dev.billops.einvoice.EInvoiceProfile;
import dev.billops.einvoice.EInvoiceWriter;
import dev.billops.einvoice.UnsafeXmlException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EInvoiceValidatorTest {

    private static EInvoiceValidator validator;

    @TempDir
    Path dir;

    @BeforeAll
    static void rules() {
        validator = EInvoiceValidator.create();
    }

    @Test
    void validate_withoutProfile_choosesTheRuleSetByCustomizationId() {
        Generated.Case c = Generated.draw(3, 1);
        assertTrue(validator.validate(EInvoiceWriter.write(c.invoice(), EInvoiceProfile.XRECHNUNG_UBL)).ruleSet()
                .contains("xrechnung"));
        assertTrue(validator.validate(EInvoiceWriter.write(c.invoice(), EInvoiceProfile.PEPPOL_BIS)).ruleSet()
                .contains("peppol"));
        assertTrue(validator.validate(EInvoiceWriter.write(c.invoice(), EInvoiceProfile.FACTURX_EN16931)).ruleSet()
                .contains("cii"));
    }

    @Test
    void validate_missingBuyerReference_reportsBrDe15WithLocationAndMessage() {
        Generated.Case c = Generated.draw(3, 1);
        String xml = new String(EInvoiceWriter.write(c.invoice(), EInvoiceProfile.XRECHNUNG_UBL), StandardCharsets.UTF_8)
                .replaceAll("<cbc:BuyerReference>[^<]*</cbc:BuyerReference>", "");
        ValidationReport r = validator.validate(xml.getBytes(StandardCharsets.UTF_8));
        Finding f = r.errors().stream().filter(e -> e.ruleId().equals("BR-DE-15")).findFirst().orElseThrow();
        assertTrue(f.severity().isError(), f.severity().toString());
        assertTrue(f.location().contains("Invoice") || f.location().contains("CreditNote"), f.location());
        assertTrue(f.message().contains("BT-10"), f.message());
    }

    @Test
    void validate_schemaViolation_reportedAsError() {
        Generated.Case c = Generated.draw(3, 2);
        String xml = new String(EInvoiceWriter.write(c.invoice(), EInvoiceProfile.EN16931_CII), StandardCharsets.UTF_8)
                .replace("<ram:TypeCode>VAT</ram:TypeCode>", "<ram:Unknown>VAT</ram:Unknown>");
        ValidationReport r = validator.validate(xml.getBytes(StandardCharsets.UTF_8));
        assertTrue(!r.isValid(), r.findings().toString());
    }

    @Test
    void validate_externalEntity_refusedBeforeAnyRuleSetSeesIt() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "secret");
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE Invoice [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\">&x;</Invoice>";
        assertThrows(UnsafeXmlException.class, () -> validator.validate(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void validate_notAnInvoice_notReadable() {
        assertThrows(EInvoiceNotReadableException.class,
                () -> validator.validate("<Order xmlns=\"urn:x\"/>".getBytes(StandardCharsets.UTF_8)));
    }
}
