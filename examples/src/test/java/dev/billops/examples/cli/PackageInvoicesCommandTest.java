package dev.billops.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.id.TenantId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceQuery;
import dev.billops.core.spi.InvoiceStore;
import dev.billops.core.money.Money;
import dev.billops.core.party.Actor;
import dev.billops.examples.demo.Consultancy;
import dev.billops.jdbc.JdbcBillingStore;
import dev.billops.jdbc.JdbcStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/** {@code package-invoices} on the demo's database: idempotent runs, JSON shape, dry run, failures. */
class PackageInvoicesCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    String url;

    @BeforeEach
    void demo() {
        url = "jdbc:h2:file:" + dir.resolve("db/billops");
        CliRun.of("demo", "--db", url, "--out", dir.resolve("out").toString(), "--no-calendar").expect(0);
    }

    @Test
    void packageInvoices_sameDateTwice_secondRunCreatesNothingAndSkipsAll() throws Exception {
        JsonNode first = JSON.readTree(CliRun.of("package-invoices", "--db", url, "--date", "2027-01-01",
                "--format", "json").expect(0).out());
        int invoicesAfterFirst = invoices().size();
        JsonNode second = JSON.readTree(CliRun.of("package-invoices", "--db", url, "--date", "2027-01-01",
                "--format", "json").expect(0).out());

        // January: the monthly retainer, Q1 of the support plan, 2027 of the annual licence
        assertEquals(3, first.get("created").size(), first.toPrettyString());
        assertEquals(0, second.get("created").size(), second.toPrettyString());
        assertEquals(0, second.get("failed").size());
        Set<String> createdFirst = new HashSet<>();
        first.get("created").forEach(c -> createdFirst.add(c.get("engagementId").asText() + "@"
                + c.get("periodStart").asText()));
        Set<String> skippedSecond = new HashSet<>();
        second.get("skipped").forEach(s -> skippedSecond.add(s.get("engagementId").asText() + "@"
                + s.get("periodStart").asText()));
        assertTrue(skippedSecond.containsAll(createdFirst), skippedSecond + " contains " + createdFirst);
        second.get("skipped").forEach(s -> assertEquals("ALREADY_INVOICED", s.get("reason").asText()));
        assertEquals(invoicesAfterFirst, invoices().size());
    }

    @Test
    void packageInvoices_json_hasCreatedSkippedAndFailedArraysWithTheirFields() throws Exception {
        JsonNode r = JSON.readTree(CliRun.of("package-invoices", "--db", url, "--date", "2027-01-01", "--format",
                "json").expect(0).out());

        assertEquals("2027-01-01", r.get("date").asText());
        assertFalse(r.get("dryRun").asBoolean());
        assertTrue(r.get("created").isArray() && r.get("skipped").isArray() && r.get("failed").isArray());
        List<Invoice> stored = invoices();
        for (JsonNode c : r.get("created")) {
            String number = c.get("invoiceNumber").asText();
            Invoice invoice = stored.stream().filter(i -> number.equals(i.number())).findFirst().orElseThrow();
            assertEquals(invoice.engagementId().value(), c.get("engagementId").asText());
            assertEquals(invoice.packagePeriodStart().toString(), c.get("periodStart").asText());
            assertEquals(invoice.totals().payable(), Money.of(c.get("total").get("currency").asText(),
                    c.get("total").get("amount").asText()));
            assertTrue(c.get("total").get("amount").isTextual(), "amount as a string");
        }
        // the December run of the demo already billed these
        JsonNode skipped = r.get("skipped").get(0);
        assertTrue(skipped.has("engagementId") && skipped.has("periodStart") && skipped.has("reason"),
                skipped.toString());
    }

    @Test
    void packageInvoices_demoDateAgain_reportsEverythingSkippedInText() {
        CliRun run = CliRun.of("package-invoices", "--db", url, "--date", "2026-12-01").expect(0);

        assertTrue(run.out().startsWith("Package run for 2026-12-01: 0 created, 5 skipped, 0 failed"), run.out());
        assertTrue(run.out().contains("already invoiced (PKG-umbrella-retainer-2026-12-01)"), run.out());
    }

    @Test
    void packageInvoices_periodsOlderThanTheCatchUpWindow_reportedSkippedThenBilledWithBillMissed() throws Exception {
        // September 2027: the catch-up window (3 months) starts in June; January to May are missed
        JsonNode r = JSON.readTree(CliRun.of("package-invoices", "--db", url, "--date", "2027-09-01", "--tenant",
                "northwind", "--engagement", "umbrella-retainer", "--format", "json").expect(0).out());
        Set<String> missed = new HashSet<>();
        r.get("skipped").forEach(s -> {
            if ("OUTSIDE_CATCH_UP".equals(s.get("reason").asText())) {
                missed.add(s.get("periodStart").asText());
            }
        });
        assertEquals(Set.of("2027-01-01", "2027-02-01", "2027-03-01", "2027-04-01", "2027-05-01"), missed,
                r.toPrettyString());

        CliRun text = CliRun.of("package-invoices", "--db", url, "--date", "2027-09-02", "--tenant", "northwind",
                "--engagement", "umbrella-retainer").expect(0);
        assertTrue(text.out().contains("older than the catch-up window (bill it with --bill-missed)"), text.out());

        JsonNode billed = JSON.readTree(CliRun.of("package-invoices", "--db", url, "--date", "2027-09-02",
                "--tenant", "northwind", "--engagement", "umbrella-retainer", "--bill-missed", "--format", "json")
                .expect(0).out());
        Set<String> created = new HashSet<>();
        billed.get("created").forEach(c -> created.add(c.get("periodStart").asText()));
        assertEquals(missed, created, billed.toPrettyString());
    }

    @Test
    void packageInvoices_dryRun_reportsWhatWouldBeCreatedAndStoresNothing() throws Exception {
        int before = invoices().size();

        JsonNode r = JSON.readTree(CliRun.of("package-invoices", "--db", url, "--date", "2027-01-01", "--dry-run",
                "--format", "json").expect(0).out());

        assertTrue(r.get("dryRun").asBoolean());
        assertEquals(3, r.get("created").size());
        assertEquals(before, invoices().size());
    }

    @Test
    void packageInvoices_oneEngagement_runsOnlyThatOne() throws Exception {
        JsonNode r = JSON.readTree(CliRun.of("package-invoices", "--db", url, "--date", "2027-01-01", "--tenant",
                "northwind", "--engagement", "umbrella-retainer", "--format", "json").expect(0).out());

        assertEquals(1, r.get("created").size());
        assertEquals("umbrella-retainer", r.get("created").get(0).get("engagementId").asText());
        r.get("skipped").forEach(s -> assertEquals("umbrella-retainer", s.get("engagementId").asText()));
    }

    @Test
    void packageInvoices_engagementOfInactiveClient_reportsFailedAndExitsNonZero() throws Exception {
        try (JdbcBillingStore store = JdbcStores.of(url)) {
            TenantBilling t = Billing.builder().stores(store).build().tenant(TenantId.of("northwind"),
                    Actor.system("test"));
            t.clients().update(t.clients().get(Consultancy.UMBRELLA).withActive(false));
        }

        CliRun run = CliRun.of("package-invoices", "--db", url, "--date", "2027-01-01", "--format", "json")
                .expect(BillOpsCli.EXIT_FAILED);

        JsonNode r = JSON.readTree(run.out());
        assertEquals(1, r.get("failed").size(), r.toPrettyString());
        JsonNode failed = r.get("failed").get(0);
        assertEquals("umbrella-retainer", failed.get("engagementId").asText());
        assertTrue(failed.get("reason").asText().contains("umbrella"), failed.toString());
        assertEquals(2, r.get("created").size(), "the other engagements were still billed");
    }

    @Test
    void packageInvoices_failedEngagement_libraryWarningsStayOffStandardErrorUnlessVerbose() throws Exception {
        try (JdbcBillingStore store = JdbcStores.of(url)) {
            TenantBilling t = Billing.builder().stores(store).build().tenant(TenantId.of("northwind"),
                    Actor.system("test"));
            t.clients().update(t.clients().get(Consultancy.UMBRELLA).withActive(false));
        }

        CliRun quiet = ForkedCli.run(dir, java.util.List.of(), "package-invoices", "--db", url, "--date", "2027-01-01",
                "--dry-run").expect(BillOpsCli.EXIT_FAILED);
        CliRun verbose = ForkedCli.run(dir, java.util.List.of(), "package-invoices", "--db", url, "--date",
                "2027-01-01", "--dry-run", "--verbose").expect(BillOpsCli.EXIT_FAILED);

        assertTrue(quiet.out().contains("FAILED   northwind    umbrella-retainer"), quiet.out());
        assertTrue(quiet.err().lines().noneMatch(l -> l.contains("WARN")), quiet.err());
        assertTrue(verbose.err().lines().anyMatch(l -> l.startsWith("WARN") && l.contains("umbrella-retainer")),
                verbose.err());
    }

    @Test
    void packageInvoices_fourWorkersChunksOfOne_billWhatTheDryRunShowsOnceAndTheRerunNothing() throws Exception {
        JsonNode preview = JSON.readTree(CliRun.of("package-invoices", "--db", url, "--date", "2027-01-01",
                "--dry-run", "--format", "json").expect(0).out());
        int before = invoices().size();

        JsonNode r = JSON.readTree(CliRun.of("package-invoices", "--db", url, "--date", "2027-01-01", "--workers",
                "4", "--chunk-size", "1", "--format", "json").expect(0).out());
        JsonNode again = JSON.readTree(CliRun.of("package-invoices", "--db", url, "--date", "2027-01-01",
                "--workers", "4", "--format", "json").expect(0).out());

        assertEquals(periods(preview.get("created")), periods(r.get("created")), r.toPrettyString());
        assertEquals(0, r.get("failed").size());
        assertEquals(0, again.get("created").size(), again.toPrettyString());
        assertEquals(before + r.get("created").size(), invoices().size());
    }

    @Test
    void packageInvoices_workersZeroOrChunkSizeWords_exitUsageNamingTheValue() {
        int before = invoices().size();
        CliRun zero = CliRun.of("package-invoices", "--db", url, "--date", "2027-01-01", "--workers", "0")
                .expect(BillOpsCli.EXIT_USAGE);
        CliRun words = CliRun.of("package-invoices", "--db", url, "--date", "2027-01-01", "--chunk-size", "many")
                .expect(BillOpsCli.EXIT_USAGE);

        assertTrue(zero.err().contains("'--workers': '0' is not a whole number from 1 to 64"), zero.err());
        assertTrue(words.err().contains("'--chunk-size': 'many' is not a whole number from 1 to 10000"),
                words.err());
        assertEquals(before, invoices().size(), "nothing ran");
        assertEquals("", zero.out() + words.out());
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "BILLOPS_TEST_POSTGRES_URL", matches = ".+")
    void packageInvoices_startedFourTimesAtOnceOnPostgres_billEachDuePeriodOnce() throws Exception {
        String base = System.getenv("BILLOPS_TEST_POSTGRES_URL");
        String schema = "pkgcli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try {
            String pg = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            CliRun.of("demo", "--db", pg, "--out", dir.resolve("pg-out").toString(), "--no-calendar").expect(0);
            JsonNode preview = JSON.readTree(CliRun.of("package-invoices", "--db", pg, "--date", "2027-06-01",
                    "--bill-missed", "--dry-run", "--format", "json").expect(0).out());

            List<CliRun> runs = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Path work = Files.createDirectories(dir.resolve("process-" + i));
                Thread t = new Thread(() -> {
                    try {
                        CliRun run = ForkedCli.run(work, List.of(), "package-invoices", "--db", pg, "--date",
                                "2027-06-01", "--bill-missed", "--chunk-size", "1", "--workers", "2", "--format",
                                "json");
                        synchronized (runs) {
                            runs.add(run);
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join(TimeUnit.MINUTES.toMillis(4));
            }

            assertEquals(4, runs.size());
            Set<String> created = new HashSet<>();
            for (CliRun run : runs) {
                run.expect(0);
                JsonNode r = JSON.readTree(run.out());
                for (JsonNode c : r.get("created")) {
                    assertTrue(created.add(c.get("engagementId").asText() + "@" + c.get("periodStart").asText()),
                            "created twice: " + c);
                }
            }
            assertEquals(periods(preview.get("created")), created);
            try (JdbcBillingStore store = JdbcStores.of(pg)) {
                List<Invoice> all = store.inTransaction(TenantId.of("northwind"), s -> s.get(InvoiceStore.class)
                        .list(InvoiceQuery.all()));
                Set<String> stored = new HashSet<>();
                for (Invoice inv : all) {
                    if (inv.engagementId() != null) {
                        assertTrue(stored.add(inv.engagementId().value() + "@" + inv.packagePeriodStart()),
                                "stored twice: " + inv.number());
                    }
                }
                assertTrue(stored.containsAll(created), stored + " contains " + created);
            }
        } finally {
            try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
                // leave the schema; its random name collides with nothing
            }
        }
    }

    private static Set<String> periods(JsonNode created) {
        Set<String> out = new HashSet<>();
        created.forEach(c -> out.add(c.get("engagementId").asText() + "@" + c.get("periodStart").asText()));
        return out;
    }

    private List<Invoice> invoices() {
        try (JdbcBillingStore store = JdbcStores.of(url)) {
            return store.inTransaction(TenantId.of("northwind"), s -> s.get(InvoiceStore.class)
                    .list(InvoiceQuery.all()));
        }
    }
}
