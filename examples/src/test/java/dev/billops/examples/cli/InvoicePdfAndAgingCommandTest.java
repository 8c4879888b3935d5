package dev.billops.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.Billing;
import dev.billops.core.id.TenantId;
import dev.billops.core.money.Money;
import dev.billops.core.party.Actor;
import dev.billops.core.payment.AgingBucket;
import dev.billops.core.payment.AgingReport;
import dev.billops.jdbc.JdbcBillingStore;
import dev.billops.jdbc.JdbcStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code invoice-pdf} and {@code aging} on the demo's database. */
class InvoicePdfAndAgingCommandTest {

    @TempDir
    Path dir;

    String url;

    @BeforeEach
    void demo() {
        url = "jdbc:h2:file:" + dir.resolve("db/billops");
        CliRun.of("demo", "--db", url, "--out", dir.resolve("out").toString(), "--no-calendar").expect(0);
    }

    @Test
    void invoicePdf_knownNumber_writesTheSamePdfAsTheDemo() throws Exception {
        Path file = dir.resolve("again.pdf");

        CliRun run = CliRun.of("invoice-pdf", "--number", "INV-2026-00003", "--out", file.toString(), "--db", url)
                .expect(0);

        assertTrue(run.out().startsWith("wrote " + file + " (invoice INV-2026-00003 of Initech B.V."), run.out());
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("INV-2026-00003"), text);
            assertTrue(text.contains("NL853746333B01"), "buyer VAT id of the reverse-charge client: " + text);
        }
        // rendering is deterministic, and nothing changed since the demo rendered it
        assertArrayEquals(Files.readAllBytes(dir.resolve("out/INV-2026-00003.pdf")), Files.readAllBytes(file));
    }

    @Test
    void aging_atADate_printsTheTotalsTheDatabaseComputes() {
        CliRun run = CliRun.of("aging", "--db", url, "--date", "2027-03-01").expect(0);

        AgingReport report;
        try (JdbcBillingStore store = JdbcStores.of(url)) {
            report = Billing.builder().stores(store).build().tenant(TenantId.of("northwind"), Actor.system("t"))
                    .receivables().aging(LocalDate.of(2027, 3, 1));
        }
        assertTrue(run.out().startsWith("AR aging of tenant northwind as of 2027-03-01:"), run.out());
        Money eur61to90 = report.total(dev.billops.core.money.Currencies.of("EUR")).amount(AgingBucket.DAYS_61_90);
        assertTrue(eur61to90.isPositive(), "the December invoices are 61-90 days late on 1 March");
        String totalEur = run.out().lines().filter(l -> l.startsWith("  TOTAL") && l.contains(" EUR ")).findFirst()
                .orElseThrow();
        assertTrue(totalEur.contains(Text.amount(eur61to90)), totalEur);
        assertTrue(totalEur.endsWith(Text.amount(report.total(dev.billops.core.money.Currencies.of("EUR")).total())),
                totalEur);
    }

    @Test
    void aging_unknownTenant_failsListingTheKnownOnes() {
        CliRun run = CliRun.of("aging", "--db", url, "--tenant", "nobody").expect(BillOpsCli.EXIT_FAILED);

        assertEquals("error: tenant 'nobody' not found in " + url + " (it has: northwind)", run.err().strip());
    }
}
