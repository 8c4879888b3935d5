package dev.billops.einvoice.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AttachmentTest {

    private static final byte[] PDF = "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void invoicePdf_numberWithSlashes_fileNameKeepsOnlySafeCharacters() {
        Attachment a = Attachment.invoicePdf("RE/2026 00001", PDF);

        assertEquals("RE/2026 00001", a.id());
        assertEquals("RE_2026_00001.pdf", a.filename());
        assertEquals("application/pdf", a.mimeCode());
        assertArrayEquals(PDF, a.content());
    }

    @Test
    void invoicePdf_bytesThatAreNoPdf_refusedNamingTheInvoice() {
        byte[] html = "<html></html>".getBytes(StandardCharsets.US_ASCII);

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Attachment.invoicePdf("INV-7", html));

        assertTrue(e.getMessage().contains("INV-7"), e.getMessage());
        assertTrue(e.getMessage().contains("13 bytes"), e.getMessage());
    }

    @Test
    void invoicePdf_blankNumber_refused() {
        assertThrows(InvalidInputException.class, () -> Attachment.invoicePdf(" ", PDF));
    }
}
