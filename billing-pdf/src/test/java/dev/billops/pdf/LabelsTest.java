package dev.billops.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LabelsTest {

    private static Set<String> keys(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = LabelsTest.class.getResourceAsStream("/dev/billops/pdf/" + file)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "fr", "ja"})
    void bundle_eachLanguage_hasExactlyTheEnglishKeys(String language) throws IOException {
        assertEquals(keys("labels.properties"), keys("labels_" + language + ".properties"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"labels.properties", "labels_de.properties", "labels_fr.properties",
        "labels_ja.properties"})
    void bundle_everyLabel_hasGlyphsInTheStandardFont(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = LabelsTest.class.getResourceAsStream("/dev/billops/pdf/" + file)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        PdfFont font = PdfFont.standard();
        for (String key : p.stringPropertyNames()) {
            String label = p.getProperty(key);
            label.codePoints().forEach(cp -> assertTrue(font.canDisplay(cp),
                    () -> file + " " + key + ": no glyph for U+" + Integer.toHexString(cp) + " in '" + label + "'"));
        }
    }

    @Test
    void of_languageWithoutBundle_fallsBackToEnglishNotTheJvmDefault() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("Invoice", Labels.of(Locale.US).get("title.INVOICE"));
            assertEquals("Invoice", Labels.of(Locale.forLanguageTag("pt-BR")).get("title.INVOICE"));
            assertEquals("Facture", Labels.of(Locale.CANADA_FRENCH).get("title.INVOICE"));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void format_replacesPlaceholdersVerbatim() {
        assertEquals("Page 3 of 12", Labels.of(Locale.UK).format("footer.page", "3", "12"));
        assertEquals("3 / 12 ページ", Labels.of(Locale.JAPAN).format("footer.page", "3", "12"));
        assertEquals("Remise\u00a0: l'ami {1}", Labels.of(Locale.FRANCE).format("totals.allowance", "l'ami {1}"));
    }
}
