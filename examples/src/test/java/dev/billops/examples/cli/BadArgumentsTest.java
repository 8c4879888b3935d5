package dev.billops.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad arguments give a clear one-line message, a non-zero exit and no stack trace unless {@code --verbose}. */
class BadArgumentsTest {

    /** A port nothing listens on. */
    private static final String UNREACHABLE = "jdbc:postgresql://127.0.0.1:1/billops?user=nobody&password=hunter2";

    @TempDir
    Path dir;

    @Test
    void packageInvoices_dateInAnotherFormat_exitsUsageNamingTheValue() {
        CliRun run = CliRun.of("package-invoices", "--date", "01.12.2026").expect(BillOpsCli.EXIT_USAGE);

        assertTrue(run.err().contains("unknown date format '01.12.2026': use YYYY-MM-DD"), run.err());
        assertNoStackTrace(run);
        assertEquals("", run.out(), "nothing ran");
    }

    @Test
    void aging_dateInAnotherFormat_exitsUsage() {
        CliRun run = CliRun.of("aging", "--date", "2026/12/01").expect(BillOpsCli.EXIT_USAGE);

        assertTrue(run.err().contains("unknown date format '2026/12/01'"), run.err());
        assertNoStackTrace(run);
    }

    @Test
    void packageInvoices_impossibleDate_exitsUsageNamingTheValue() {
        CliRun run = CliRun.of("package-invoices", "--date", "2026-02-30").expect(BillOpsCli.EXIT_USAGE);

        assertTrue(run.err().contains("'2026-02-30' is not a date of the calendar"), run.err());
        assertNoStackTrace(run);
    }

    @Test
    void help_ofACommand_exitsZeroAndNamesItsOptions() {
        CliRun run = CliRun.of("package-invoices", "--help").expect(BillOpsCli.EXIT_OK);

        assertTrue(run.out().contains("--dry-run") && run.out().contains("--format"), run.out());
    }

    @Test
    void packageInvoices_withoutDate_exitsUsageNamingTheOption() {
        CliRun run = CliRun.of("package-invoices", "--db", "jdbc:h2:mem:unused").expect(BillOpsCli.EXIT_USAGE);

        assertTrue(run.err().contains("--date"), run.err());
        assertNoStackTrace(run);
    }

    @Test
    void unknownCommand_exitsUsage() {
        CliRun run = CliRun.of("bill-everyone").expect(BillOpsCli.EXIT_USAGE);

        assertTrue(run.err().contains("bill-everyone"), run.err());
    }

    @Test
    void noCommand_exitsUsageListingTheCommands() {
        CliRun run = CliRun.of().expect(BillOpsCli.EXIT_USAGE);

        assertTrue(run.err().contains("choose a command: demo, package-invoices"), run.err());
    }

    @Test
    void aging_unreachableDatabase_failsNamingItWithoutPasswordOrStackTrace() {
        CliRun run = CliRun.of("aging", "--db", UNREACHABLE).expect(BillOpsCli.EXIT_FAILED);

        assertTrue(run.err().startsWith("error: cannot open database jdbc:postgresql://127.0.0.1:1/billops?...: "),
                run.err());
        assertTrue(run.err().toLowerCase(java.util.Locale.ROOT).contains("refused"), run.err());
        assertFalse(run.err().contains("hunter2"), run.err());
        assertNoStackTrace(run);
    }

    @Test
    void aging_unreachableDatabaseVerbose_printsTheStackTrace() {
        CliRun run = CliRun.of("aging", "--db", UNREACHABLE, "--verbose").expect(BillOpsCli.EXIT_FAILED);

        assertTrue(run.err().contains("cannot open database"), run.err());
        assertTrue(run.err().contains("\tat "), run.err());
    }

    @Test
    void demo_unsupportedDatabase_failsNamingIt() {
        CliRun run = CliRun.of("demo", "--db", "jdbc:mysql://localhost/billops", "--out", dir.toString())
                .expect(BillOpsCli.EXIT_FAILED);

        assertTrue(run.err().contains("unsupported JDBC URL 'jdbc:mysql://localhost/billops'"), run.err());
        assertNoStackTrace(run);
    }

    @Test
    void importIcs_missingFile_failsNamingItAndTouchesNoDatabase() {
        Path missing = dir.resolve("nowhere.ics");
        String url = "jdbc:h2:file:" + dir.resolve("db/billops");

        CliRun run = CliRun.of("import-ics", missing.toString(), "--timekeeper", "alice", "--db", url)
                .expect(BillOpsCli.EXIT_FAILED);

        assertEquals("error: calendar file " + missing + " not found", run.err().strip());
        assertFalse(Files.exists(dir.resolve("db")), "no database was created");
    }

    @Test
    void invoicePdf_unknownNumber_failsNamingIt() {
        String url = "jdbc:h2:file:" + dir.resolve("db/billops");

        CliRun run = CliRun.of("invoice-pdf", "--number", "INV-1999-00001", "--out", dir.resolve("x.pdf").toString(),
                "--db", url).expect(BillOpsCli.EXIT_FAILED);

        assertTrue(run.err().contains("no invoice numbered 'INV-1999-00001'"), run.err());
        assertFalse(Files.exists(dir.resolve("x.pdf")));
        assertNoStackTrace(run);
    }

    @Test
    void invoicePdf_outIntoMissingFolder_failsNamingIt() {
        Path out = dir.resolve("no/such/folder/x.pdf");

        CliRun run = CliRun.of("invoice-pdf", "--number", "INV-2026-00001", "--out", out.toString(), "--db",
                "jdbc:h2:mem:pdf-missing-folder").expect(BillOpsCli.EXIT_FAILED);

        assertTrue(run.err().contains("does not exist"), run.err());
        assertNoStackTrace(run);
    }

    static void assertNoStackTrace(CliRun run) {
        assertFalse(run.err().contains("\tat "), run.err());
        assertFalse(run.out().contains("\tat "), run.out());
        assertFalse(run.err().contains("Exception:"), run.err());
    }
}
