package dev.billops.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.DecoderResult;
import com.google.zxing.qrcode.decoder.Decoder;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import dev.billops.core.error.InvalidInputException;
import dev.billops.core.money.Money;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EpcQrPayloadTest {

    private static final Money AMOUNT = Money.of("EUR", "1234.50");

    @Test
    void text_transferWithUnstructuredReference_followsEpc069Layout() {
        EpcQrPayload p = EpcQrPayload.of("Nordlicht Consulting GmbH", "DE89 3704 0044 0532 0130 00", "cobadeffxxx",
                AMOUNT, "RE-2026-0042");
        assertEquals("BCD\n002\n1\nSCT\nCOBADEFFXXX\nNordlicht Consulting GmbH\nDE89370400440532013000\nEUR1234.50\n"
                + "\n\nRE-2026-0042", p.text());
        assertFalse(p.structuredReference());
    }

    @Test
    void text_creditorReference_goesIntoTheStructuredField() {
        EpcQrPayload p = EpcQrPayload.of("Acme", "DE89370400440532013000", null, AMOUNT, "RF18 5390 0754 7034");
        assertTrue(p.structuredReference());
        assertEquals("BCD\n002\n1\nSCT\n\nAcme\nDE89370400440532013000\nEUR1234.50\n\nRF18539007547034", p.text());
    }

    @Test
    void text_withInformation_keepsEmptyFieldsBeforeIt() {
        EpcQrPayload p = new EpcQrPayload("Acme", "DE89370400440532013000", null, AMOUNT, null, "Thanks");
        assertEquals("BCD\n002\n1\nSCT\n\nAcme\nDE89370400440532013000\nEUR1234.50\n\n\n\nThanks", p.text());
    }

    @Test
    void new_badIbanCheckDigits_throwsNamingTheIban() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> EpcQrPayload.of("Acme", "DE88370400440532013000", null, AMOUNT, null));
        assertTrue(e.getMessage().contains("DE88370400440532013000"), e.getMessage());
    }

    @Test
    void new_nonEuroAmount_throws() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> EpcQrPayload.of("Acme", "DE89370400440532013000", null, Money.of("GBP", "10.00"), null));
        assertTrue(e.getMessage().contains("GBP"), e.getMessage());
    }

    @Test
    void new_amountOutsideRange_throws() {
        assertThrows(InvalidInputException.class,
                () -> EpcQrPayload.of("Acme", "DE89370400440532013000", null, Money.zero(AMOUNT.currency()), null));
        assertThrows(InvalidInputException.class, () -> EpcQrPayload.of("Acme", "DE89370400440532013000", null,
                Money.of("EUR", "1000000000.00"), null));
    }

    @Test
    void new_tooLongNameOrRemittance_throws() {
        assertThrows(InvalidInputException.class,
                () -> EpcQrPayload.of("x".repeat(71), "DE89370400440532013000", null, AMOUNT, null));
        assertThrows(InvalidInputException.class,
                () -> EpcQrPayload.of("Acme", "DE89370400440532013000", null, AMOUNT, "r".repeat(141)));
        assertThrows(InvalidInputException.class,
                () -> EpcQrPayload.of("Acme\nEvil", "DE89370400440532013000", null, AMOUNT, null));
    }

    @Test
    void new_badBic_throws() {
        assertThrows(InvalidInputException.class,
                () -> EpcQrPayload.of("Acme", "DE89370400440532013000", "COBA", AMOUNT, null));
    }

    @Test
    void isValidIban_knownExamples() {
        assertTrue(EpcQrPayload.isValidIban("GB82 WEST 1234 5698 7654 32"));
        assertTrue(EpcQrPayload.isValidIban("FR1420041010050500013M02606"));
        assertFalse(EpcQrPayload.isValidIban("GB82 WEST 1234 5698 7654 33"));
        assertFalse(EpcQrPayload.isValidIban("not an iban"));
    }

    @Test
    void encode_utf8Name_decodesToTheSameBytesWithoutEci() throws Exception {
        EpcQrPayload p = EpcQrPayload.of("Müller & Søn – Ж", "DE89370400440532013000", null, AMOUNT, "Rechnung 7");
        ByteMatrix matrix = QrCodes.encode(p);
        BitMatrix bits = new BitMatrix(matrix.getWidth(), matrix.getHeight());
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y) == 1) {
                    bits.set(x, y);
                }
            }
        }
        DecoderResult result = new Decoder().decode(bits);
        assertEquals(1, result.getByteSegments().size());
        assertArrayEquals(p.text().getBytes(StandardCharsets.UTF_8), result.getByteSegments().get(0));
        assertEquals("M", result.getECLevel());
        assertNull(result.getOther());
    }
}
