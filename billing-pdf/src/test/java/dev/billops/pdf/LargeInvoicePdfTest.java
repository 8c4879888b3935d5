package dev.billops.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 100,000-line invoice renders in a 512 MB heap: the line table goes out page by page instead of
 * being laid out whole in memory. Runs in a JVM of its own so that the heap bound is real.
 */
class LargeInvoicePdfTest {

    private static final int LINES = 100_000;

    @TempDir
    Path dir;

    @Test
    void render_hundredThousandLinesIn512MbHeap_completesWithHeaderAndPageNumbersOnFirstAndLastPage()
            throws Exception {
        Path pdf = dir.resolve("large.pdf");

        Forked run = fork(List.of("-Xmx512m", "-XX:+UseSerialGC"), Integer.toString(LINES), pdf.toString());

        assertEquals(0, run.exit, run.output);
        assertTrue(run.output.startsWith("rendered 100000 lines"), run.output);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            int pages = doc.getNumberOfPages();
            assertTrue(pages > 1_000, pages + " pages");
            String first = page(doc, 1);
            String last = page(doc, pages);
            assertTrue(first.contains("Line 1: development work"), first);
            assertTrue(first.contains("Page 1 of " + pages), first);
            assertTrue(last.contains("Page " + pages + " of " + pages), last);
            String middle = page(doc, pages / 2);
            assertTrue(middle.contains("# Description Period Quantity Unit price VAT Amount"), middle);
            assertTrue(page(doc, pages).contains("Line 100000:") || page(doc, pages - 1).contains("Line 100000:"),
                    "the last line is on one of the last two pages");
        }
        System.out.println(run.output.strip());
    }

    private static String page(PDDocument doc, int n) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        stripper.setStartPage(n);
        stripper.setEndPage(n);
        return PdfText.normalize(stripper.getText(doc));
    }

    private record Forked(int exit, String output) {
    }

    private Forked fork(List<String> jvm, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(RenderLarge.class.getName());
        command.addAll(List.of(args));
        Path log = dir.resolve("render.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(4, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("rendering did not end within 4 minutes");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        return new Forked(p.exitValue(), output.length() > 3_000 ? output.substring(0, 3_000) : output);
    }
}
