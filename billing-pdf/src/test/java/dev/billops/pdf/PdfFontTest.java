package dev.billops.pdf;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PdfFontTest {

    @Test
    void standard_isParsedOnceAndShared() {
        assertSame(PdfFont.standard(), PdfFont.standard());
    }

    @Test
    void standard_coversLatinCyrillicJapaneseAndCurrencySigns() {
        String sample = "üßÄÖéçñøłŁőŐ€¥£$₽₹￥ЖжЁёЯя日本語請求書ひらがなカタカナ「」、。（）：" + "\u00a0\u202f\u2013";
        sample.codePoints().forEach(cp -> assertTrue(PdfFont.standard().canDisplay(cp),
                () -> "no glyph for U+" + Integer.toHexString(cp).toUpperCase()));
    }

    @Test
    void trueType_notAFont_throwsInvalidFont() {
        InvalidFontException e = assertThrows(InvalidFontException.class,
                () -> PdfFont.trueType("Broken", new byte[] {0, 1, 0, 0, 9}, new byte[] {0, 1, 0, 0, 9}));
        assertTrue(e.getMessage().contains("Broken"), e.getMessage());
    }
}
