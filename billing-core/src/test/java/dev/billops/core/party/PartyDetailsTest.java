package dev.billops.core.party;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.error.InvalidBusinessTermException;
import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.TenantId;
import dev.billops.core.money.Currencies;
import dev.billops.core.tax.TaxTreatment;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The e-invoice details of sellers and buyers: codes checked against their lists, texts never blank. */
class PartyDetailsTest {

    private static final PartyDetails NONE = PartyDetails.none();

    private static InvalidBusinessTermException refused(String term, String value, Executable building) {
        InvalidBusinessTermException e = assertThrows(InvalidBusinessTermException.class, building);
        assertTrue(e.term().contains(term), e.term());
        assertEquals(value, e.value());
        assertTrue(e.getMessage().contains("'" + value + "'"), e.getMessage());
        return e;
    }

    @Test
    void withElectronicAddress_unknownEasScheme_throwsNamingTheScheme() {
        InvalidBusinessTermException e = refused("BT-34", "XX", () -> NONE.withElectronicAddress("a@b.test", "XX"));
        assertTrue(e.getMessage().contains("EAS"), e.getMessage());
        refused("BT-34", "9901", () -> NONE.withElectronicAddress("a@b.test", "9901"));
    }

    @Test
    void withElectronicAddress_knownSchemes_acceptedUpperCase() {
        assertEquals("EM", NONE.withElectronicAddress("a@b.test", "em").electronicAddressScheme());
        assertEquals("0204", NONE.withElectronicAddress("04011000-12345-03", "0204").electronicAddressScheme());
        assertEquals("9930", NONE.withElectronicAddress("DE811907980", "9930").electronicAddressScheme());
    }

    @Test
    void withElectronicAddress_onlyOneOfAddressAndScheme_throws() {
        refused("BT-34", "a@b.test", () -> NONE.withElectronicAddress("a@b.test", null));
        refused("BT-34", "EM", () -> NONE.withElectronicAddress(null, "EM"));
        assertTrue(NONE.withElectronicAddress(null, null).isEmpty());
    }

    @Test
    void identifierSchemes_notAnIcd_orWithoutIdentifier_throw() {
        refused("BT-30", "0001", () -> NONE.withLegalRegistration("HRB 1", "0001"));
        refused("BT-29", "GLN", () -> NONE.withIdentifier("4000001123452", "GLN"));
        refused("BT-29", "0088", () -> NONE.withIdentifier(null, "0088"));
        assertEquals("0088", NONE.withIdentifier("4000001123452", "0088").identifierScheme());
    }

    @Test
    void blankTexts_throwNamingTheTerm() {
        refused("BT-10", " ", () -> NONE.withBuyerReference(" "));
        refused("BT-28", "", () -> NONE.withTradingName(""));
        refused("BT-41", "   ", () -> NONE.withContact("   ", null, null));
        refused("BT-33", "  ", () -> NONE.withLegalInfo("  "));
    }

    @Test
    void exemptionReasonCode_unknownVatex_throws_knownNormalizedToUpperCase() {
        refused("BT-121", "VATEX-EU-999", () -> NONE.withExemptionReasonCode("VATEX-EU-999"));
        assertEquals("VATEX-EU-132-1I", NONE.withExemptionReasonCode("vatex-eu-132-1i").exemptionReasonCode());
        refused("BT-121", "VATEX-XX", () -> TaxTreatment.exempt("x").withExemptionReasonCode("VATEX-XX"));
        assertEquals("VATEX-EU-AE", TaxTreatment.reverseCharge().exemptionReasonCode());
    }

    @Test
    void hugeOrHostileValues_refusedWithShortMessages() {
        String huge = "X".repeat(1_000_000);
        List<Executable> bad = List.of(() -> NONE.withElectronicAddress("a@b.test", huge),
                () -> NONE.withExemptionReasonCode(huge), () -> NONE.withLegalRegistration("HRB 1", huge),
                () -> NONE.withTradingName(huge), () -> NONE.withContact(null, null, huge),
                () -> NONE.withBuyerReference("\uD800"), () -> NONE.withElectronicAddress("a", "E\u0000M"),
                () -> dev.billops.core.invoice.InvoiceReferences.buyer(huge),
                () -> TaxTreatment.exempt("x").withExemptionReasonCode("\uDC00"));
        for (Executable b : bad) {
            InvalidInputException e = assertThrows(InvalidInputException.class, b);
            assertTrue(e.getMessage().length() < 300, e.getMessage().length() + " characters");
        }
    }

    @Test
    void tenantAndClientWithers_delegateToTheirDetails() {
        Tenant t = Tenant.of(TenantId.of("t"), "T GmbH", Address.of("Str. 1", "10115", "Berlin", "DE"))
                .withElectronicAddress("t@t.test", "EM").withLegalRegistration("HRB 1", null)
                .withContact("Jo", "+49 1", "jo@t.test");
        assertEquals(NONE.withElectronicAddress("t@t.test", "EM").withLegalRegistration("HRB 1", null)
                .withContact("Jo", "+49 1", "jo@t.test"), t.details());
        Client c = Client.of(ClientId.of("c"), "C", Address.of("Str. 1", "10115", "Berlin", "DE"),
                Currencies.of("EUR")).withElectronicAddress("991-1", "0204").withBuyerReference("991-1")
                .withContact("Ap", null, null);
        assertEquals(NONE.withElectronicAddress("991-1", "0204").withBuyerReference("991-1")
                .withContact("Ap", null, null), c.details());
        assertEquals(c.details(), c.withTerms(10).withVersion(3).redacted().details());
    }
}
