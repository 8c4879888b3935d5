package dev.billops.examples.minimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.Billing;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.money.Money;
import dev.billops.jdbc.JdbcBillingStore;
import dev.billops.jdbc.JdbcStores;
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

class MinimalHostTest {

    @TempDir
    Path dir;

    @Test
    void run_freshDatabase_issuesRendersAndRecordsThePayment() throws Exception {
        Invoice invoice;
        try (JdbcBillingStore store = JdbcStores.h2(dir.resolve("data"))) {
            invoice = MinimalHost.run(Billing.builder().stores(store).build(), dir);
        }

        // 3 h at 120.00 + 19 % VAT = 428.40; 200.00 paid
        assertEquals("INV-" + invoice.issueDate().getYear() + "-00001", invoice.number());
        assertEquals(Money.of("EUR", "428.40"), invoice.totals().payable());
        assertEquals(Money.of("EUR", "200.00"), invoice.paid());
        assertEquals(InvoiceStatus.PARTIALLY_PAID, invoice.status());
        try (PDDocument pdf = Loader.loadPDF(dir.resolve(invoice.number() + ".pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains(invoice.number()) && text.contains("Globex GmbH"), text);
        }
    }

    @Test
    void run_twiceOnOneDatabase_issuesTheNextNumber() throws Exception {
        try (JdbcBillingStore store = JdbcStores.h2(dir.resolve("data"))) {
            Billing billing = Billing.builder().stores(store).build();
            Invoice first = MinimalHost.run(billing, dir);
            Invoice second = MinimalHost.run(billing, dir);

            assertFalse(first.number().equals(second.number()));
            assertEquals(first.totals().payable(), second.totals().payable());
        }
    }

    /** The README's five-line example is made of lines of this class, so it compiles and runs. */
    @Test
    void readme_javaExample_consistsOfLinesOfMinimalHost() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(block.find(), "README has a java example");
        List<String> example = block.group(1).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        String source = Files.readString(Path.of("src/main/java/dev/billops/examples/minimal/MinimalHost.java"))
                .replaceAll("\\s+", " ");

        assertTrue(example.size() >= 5 && example.size() <= 7, example.toString());
        for (String line : example) {
            assertTrue(source.contains(line.replaceAll("\\s+", " ")), "MinimalHost.java has: " + line);
        }
    }
}
