package dev.billops.examples.start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.billops.jackson.BillOpsJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GettingStartedTest {

    @TempDir
    Path dir;

    /** The README's "Getting started" host is this compiled class, from its declaration to its end. */
    @Test
    void readme_gettingStartedHost_isTheCompiledExample() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int section = readme.indexOf("\n## Getting started");
        assertTrue(section >= 0, "README has a Getting started section");
        Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(block.find(section), "the section has a java block");
        String source = Files.readString(Path.of("src/main/java/dev/billops/examples/start/GettingStarted.java"));
        String fromClass = source.substring(source.indexOf("public final class GettingStarted"));

        assertEquals(fromClass.strip(), block.group(1).strip());
        long lines = fromClass.lines().filter(l -> !l.isBlank()).count();
        assertTrue(lines <= 45, "about 40 lines: " + lines);
    }

    @Test
    void main_freshFolder_issuesReverseChargeInvoiceRendersItAndPrintsTheAging() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            GettingStarted.main(new String[] {dir.toString()});
        } finally {
            System.setOut(stdout);
        }

        List<Path> pdfs;
        try (var files = Files.list(dir)) {
            pdfs = files.filter(p -> p.toString().endsWith(".pdf")).toList();
        }
        assertEquals(1, pdfs.size(), pdfs.toString());
        try (PDDocument pdf = Loader.loadPDF(pdfs.get(0).toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("NL123456789B01") && text.contains("DE123456789"), text);
            assertTrue(text.contains("210.00") || text.contains("210,00"), text);
        }
        JsonNode aging = BillOpsJson.mapper().readTree(printed.toString(StandardCharsets.UTF_8));
        JsonNode eur = aging.get("totals").get(0);
        assertEquals("EUR", eur.get("currency").asText(), aging.toString());
        assertTrue(aging.toString().contains("\"110.00\""), aging.toString());
    }
}
