package dev.billops.core.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditorReferenceTest {

    @Test
    void parse_isoExamplePrintedInGroups_givesElectronicForm() {
        CreditorReference ref = CreditorReference.parse("RF18 5390 0754 7034");

        assertEquals("RF18539007547034", ref.value());
        assertEquals("18", ref.checkDigits());
        assertEquals("539007547034", ref.body());
        assertEquals("RF18 5390 0754 7034", ref.printed());
    }

    @Test
    void parse_lowerCaseAndShortBody_isValid() {
        assertEquals("RF712348231", CreditorReference.parse("rf71 2348 231").value());
    }

    @Test
    void withBody_isoExampleBody_computesTheCheckDigits() {
        assertEquals("RF18539007547034", CreditorReference.withBody("539007547034").value());
        assertEquals("RF712348231", CreditorReference.withBody("2348231").value());
    }

    @Test
    void withBody_leadingZeros_keepsThemAndTheCheckStillHolds() {
        CreditorReference ref = CreditorReference.withBody("000000000539007547034");

        assertEquals("RF18000000000539007547034", ref.value());
        assertEquals("RF18 0000 0000 0539 0075 4703 4", ref.printed());
    }

    @Test
    void forInvoiceNumber_defaultNumbering_usesTheNumbersLettersAndDigits() {
        CreditorReference ref = CreditorReference.forInvoiceNumber("INV-2026-00042");

        assertEquals("INV202600042", ref.body());
        assertEquals("RF36INV202600042", ref.value());
        assertEquals("RF36 INV2 0260 0042", ref.printed());
        assertTrue(CreditorReference.isValid(ref.printed()));
    }

    @Test
    void forInvoiceNumber_caseAndPunctuation_doNotChangeTheReference() {
        assertEquals(CreditorReference.forInvoiceNumber("INV-2026-00042"),
                CreditorReference.forInvoiceNumber("inv/2026.00042"));
    }

    @Test
    void forInvoiceNumber_longOrNonAsciiNumber_usesTwentyOneDigestDigits() {
        CreditorReference longOne = CreditorReference.forInvoiceNumber("INV-2026-customer-with-a-long-id-00042");
        CreditorReference noAscii = CreditorReference.forInvoiceNumber("№-—");

        assertTrue(longOne.body().matches("[0-9]{21}"), longOne.value());
        assertTrue(noAscii.body().matches("[0-9]{21}"), noAscii.value());
        assertEquals(longOne, CreditorReference.forInvoiceNumber("INV-2026-customer-with-a-long-id-00042"));
        assertFalse(longOne.equals(CreditorReference.forInvoiceNumber("INV-2026-customer-with-a-long-id-00043")));
    }

    @Test
    void forInvoiceNumber_twentyOneCharacters_keepsTheNumber() {
        assertEquals("ABCDEFGHIJ12345678901", CreditorReference.forInvoiceNumber("ABCDEFGHIJ-12345678901").body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"RF19 5390 0754 7034", "RF18539007547035", "RF1", "RF18", "XX18539007547034",
        "RF1853900754703412345678901", "RFAB539007547034", "RF18 5390-0754 7034", "RF18 5390 0754 703Ä", ""})
    void parse_notAReference_throwsNamingTheText(String text) {
        InvalidCreditorReferenceException e = assertThrows(InvalidCreditorReferenceException.class,
                () -> CreditorReference.parse(text));

        assertEquals(text, e.reference());
        assertTrue(e.getMessage().startsWith("creditor reference '" + text.substring(0, Math.min(text.length(), 10))),
                e.getMessage());
        assertEquals(Optional.empty(), CreditorReference.tryParse(text));
    }

    @Test
    void new_lowerCaseElectronicForm_isRefusedAsNotCanonical() {
        assertThrows(InvalidCreditorReferenceException.class, () -> new CreditorReference("rf18539007547034"));
    }

    @Test
    void withBody_tooLongOrBadCharacters_throws() {
        assertThrows(InvalidCreditorReferenceException.class, () -> CreditorReference.withBody("1234567890123456789012"));
        assertThrows(InvalidCreditorReferenceException.class, () -> CreditorReference.withBody("INV-1"));
        assertThrows(InvalidCreditorReferenceException.class, () -> CreditorReference.withBody(""));
    }
}
