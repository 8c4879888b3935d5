package dev.billops.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.TenantId;
import dev.billops.core.invoice.InvoiceQuery;
import dev.billops.core.spi.InvoiceStore;
import dev.billops.jdbc.JdbcBillingStore;
import dev.billops.jdbc.JdbcStores;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Bad input to each command (import-ics has its own): the exit status the README promises, exactly
 * one line on standard error of fewer than 300 characters however long the value, and nothing
 * written.
 */
class BadInputCatalogueTest {

    /** A 120 KB id, as a hostile caller sends it. */
    private static final String HUGE = "x".repeat(120_000);
    private static final String HUGE_INVALID = "bad id " + HUGE;

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    /** A demo database whose invoices the failing commands must not change. */
    static String url;
    static int invoices;

    @BeforeAll
    static void demo() {
        url = "jdbc:h2:file:" + shared.resolve("db/billops");
        CliRun.of("demo", "--db", url, "--out", shared.resolve("out").toString(), "--no-calendar").expect(0);
        invoices = invoiceCount();
    }

    private String freshDb() {
        return "jdbc:h2:file:" + dir.resolve("db/billops");
    }

    private void assertNoDatabase() {
        assertFalse(Files.exists(dir.resolve("db")), "no database was created");
    }

    private static int invoiceCount() {
        try (JdbcBillingStore store = JdbcStores.of(url)) {
            return store.inTransaction(TenantId.of("northwind"), s -> s.get(InvoiceStore.class)
                    .list(InvoiceQuery.all()).size());
        }
    }

    private static CliRun oneLine(CliRun run, int status) {
        run.expect(status);
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), run.err().length() > 2_000 ? run.err().substring(0, 2_000) : run.err());
        assertTrue(lines.get(0).startsWith("error: "), lines.get(0));
        assertTrue(lines.get(0).length() < 300, lines.get(0).length() + " characters: " + lines.get(0));
        BadArgumentsTest.assertNoStackTrace(run);
        return run;
    }

    // demo

    @Test
    void demo_invalidTenantId_exitsUsageNamingIt_noDatabase() {
        CliRun run = oneLine(CliRun.of("demo", "--db", freshDb(), "--out", dir.resolve("out").toString(), "--tenant",
                "north wind"), BillOpsCli.EXIT_USAGE);

        assertTrue(run.err().contains("tenant id 'north wind' must be 1-64 characters"), run.err());
        assertNoDatabase();
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void demo_hugeTenantId_exitsUsageInOneShortLine_noDatabase() {
        CliRun run = oneLine(CliRun.of("demo", "--db", freshDb(), "--out", dir.resolve("out").toString(), "--tenant",
                HUGE), BillOpsCli.EXIT_USAGE);

        assertTrue(run.err().contains("'xxxxxxxxxx"), run.err());
        assertTrue(run.err().contains("(120000 characters)"), run.err());
        assertNoDatabase();
    }

    @Test
    void demo_tenantIdWithLineBreak_exitsUsageInOneLineWithTheBreakEscaped() {
        CliRun run = oneLine(CliRun.of("demo", "--db", freshDb(), "--tenant", "acme\nerror: forged"),
                BillOpsCli.EXIT_USAGE);

        assertTrue(run.err().contains("'acme\\u000Aerror: forged'"), run.err());
        assertNoDatabase();
    }

    @Test
    void demo_seedNotANumber_exitsUsage_noDatabase() {
        CliRun run = oneLine(CliRun.of("demo", "--db", freshDb(), "--seed", "forty-two"), BillOpsCli.EXIT_USAGE);

        assertTrue(run.err().contains("forty-two"), run.err());
        assertNoDatabase();
    }

    @Test
    void demo_unknownOptionWithHugeValue_exitsUsageInOneShortLine() {
        oneLine(CliRun.of("demo", "--db", freshDb(), "--" + HUGE), BillOpsCli.EXIT_USAGE);
        assertNoDatabase();
    }

    @Test
    void anyCommand_argumentStartingWithAt_isAnArgumentNotAFileToRead() {
        // picocli reads "@file" arguments as argument files by default: "@/" gave a stack trace and exit 1
        oneLine(CliRun.of("@/"), BillOpsCli.EXIT_USAGE);
        CliRun run = oneLine(CliRun.of("demo", "--db", freshDb(), "--tenant", "@" + dir), BillOpsCli.EXIT_USAGE);
        assertTrue(run.err().contains("'@"), run.err());
        assertNoDatabase();
    }

    @Test
    void demo_hugeUnsupportedDatabaseUrl_failsInOneShortLine() {
        CliRun run = oneLine(CliRun.of("demo", "--db", "jdbc:mysql://" + HUGE, "--out", dir.resolve("out").toString()),
                BillOpsCli.EXIT_FAILED);

        assertTrue(run.err().contains("unsupported JDBC URL"), run.err());
    }

    // package-invoices

    @Test
    void packageInvoices_invalidTenantId_exitsUsage_nothingInvoiced() {
        CliRun run = oneLine(CliRun.of("package-invoices", "--db", url, "--date", "2027-01-01", "--tenant", "a/b"),
                BillOpsCli.EXIT_USAGE);

        assertTrue(run.err().contains("tenant id 'a/b'"), run.err());
        assertEquals(invoices, invoiceCount());
    }

    @Test
    void packageInvoices_hugeTenantId_exitsUsageInOneShortLine_nothingInvoiced() {
        oneLine(CliRun.of("package-invoices", "--db", url, "--date", "2027-01-01", "--tenant", HUGE_INVALID),
                BillOpsCli.EXIT_USAGE);

        assertEquals(invoices, invoiceCount());
    }

    @Test
    void packageInvoices_hugeEngagementId_exitsUsageInOneShortLine_nothingInvoiced() {
        oneLine(CliRun.of("package-invoices", "--db", url, "--date", "2027-01-01", "--engagement", HUGE),
                BillOpsCli.EXIT_USAGE);

        assertEquals(invoices, invoiceCount());
    }

    @Test
    void packageInvoices_unknownFormat_exitsUsage() {
        CliRun run = oneLine(CliRun.of("package-invoices", "--db", url, "--date", "2027-01-01", "--format", "xml"),
                BillOpsCli.EXIT_USAGE);

        assertTrue(run.err().contains("xml"), run.err());
        assertEquals(invoices, invoiceCount());
    }

    @Test
    void packageInvoices_hugeDate_exitsUsageInOneShortLine() {
        oneLine(CliRun.of("package-invoices", "--db", freshDb(), "--date", "2027-" + HUGE), BillOpsCli.EXIT_USAGE);
        assertNoDatabase();
    }

    @Test
    void packageInvoices_unknownTenant_failsNamingIt_nothingInvoiced() {
        CliRun run = oneLine(CliRun.of("package-invoices", "--db", url, "--date", "2027-01-01", "--tenant", "nobody"),
                BillOpsCli.EXIT_FAILED);

        assertTrue(run.err().contains("tenant 'nobody' not found"), run.err());
        assertEquals(invoices, invoiceCount());
    }

    // invoice-pdf

    @Test
    void invoicePdf_hugeNumber_failsInOneShortLine_noFile() {
        Path out = dir.resolve("x.pdf");

        CliRun run = oneLine(CliRun.of("invoice-pdf", "--db", url, "--number", HUGE, "--out", out.toString()),
                BillOpsCli.EXIT_FAILED);

        assertTrue(run.err().contains("no invoice numbered 'xxxx"), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void invoicePdf_invalidTenantId_exitsUsage_noFile() {
        Path out = dir.resolve("x.pdf");

        oneLine(CliRun.of("invoice-pdf", "--db", url, "--number", "INV-2026-00001", "--out", out.toString(),
                "--tenant", HUGE_INVALID), BillOpsCli.EXIT_USAGE);

        assertFalse(Files.exists(out));
    }

    @Test
    void invoicePdf_withoutOut_exitsUsageNamingTheOption() {
        CliRun run = oneLine(CliRun.of("invoice-pdf", "--db", url, "--number", "INV-2026-00001"), BillOpsCli.EXIT_USAGE);

        assertTrue(run.err().contains("--out"), run.err());
    }

    // aging

    @Test
    void aging_invalidTenantId_exitsUsage_noDatabase() {
        CliRun run = oneLine(CliRun.of("aging", "--db", freshDb(), "--tenant", "bad id"), BillOpsCli.EXIT_USAGE);

        assertTrue(run.err().contains("tenant id 'bad id'"), run.err());
        assertNoDatabase();
    }

    @Test
    void aging_hugeTenantId_exitsUsageInOneShortLine_noDatabase() {
        oneLine(CliRun.of("aging", "--db", freshDb(), "--tenant", HUGE_INVALID), BillOpsCli.EXIT_USAGE);
        assertNoDatabase();
    }

    @Test
    void aging_hugeValidTenantIdAfterFix_unknownTenantFailsInOneShortLine() {
        oneLine(CliRun.of("aging", "--db", url, "--tenant", "x".repeat(64)), BillOpsCli.EXIT_FAILED);
        assertEquals(invoices, invoiceCount());
    }

    @Test
    void unknownCommand_huge_exitsUsageInOneShortLine() {
        oneLine(CliRun.of(HUGE), BillOpsCli.EXIT_USAGE);
    }

    // errors of the JVM

    @Test
    void anyCommand_stackOverflowError_oneLineExitFailed() {
        assertJvmErrorIsOneLine(new StackOverflowError(), "nested too deeply");
    }

    @Test
    void anyCommand_outOfMemoryError_oneLineExitFailed() {
        assertJvmErrorIsOneLine(new OutOfMemoryError("Java heap space"), "out of memory (Java heap space)");
    }

    private static void assertJvmErrorIsOneLine(Error error, String expected) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = BillOpsCli.commandLine(new PrintWriter(out), new PrintWriter(err), false);
        cli.addSubcommand("explode", new CommandLine(new Exploding(error)));

        int status = BillOpsCli.execute(cli, false, "explode");

        CliRun run = new CliRun(status, out.toString(), err.toString());
        oneLine(run, BillOpsCli.EXIT_FAILED);
        assertTrue(run.err().contains(expected), run.err());
    }

    /** A command standing for any that runs out of memory or stack. */
    @CommandLine.Command(name = "explode")
    static final class Exploding implements Callable<Integer> {
        private final Error error;

        Exploding(Error error) {
            this.error = error;
        }

        @Override
        public Integer call() {
            throw error;
        }
    }
}
