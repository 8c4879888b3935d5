package dev.billops.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.TenantId;
import dev.billops.core.invoice.DocumentType;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceQuery;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.money.Money;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Client;
import dev.billops.core.payment.AgingBucket;
import dev.billops.core.payment.AgingBuckets;
import dev.billops.core.payment.AgingReport;
import dev.billops.core.payment.ClientAging;
import dev.billops.core.payment.Payment;
import dev.billops.core.payment.PaymentStatus;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.core.timeentry.TimeEntryQuery;
import dev.billops.examples.demo.Consultancy;
import dev.billops.examples.demo.DemoRun;
import dev.billops.jdbc.JdbcBillingStore;
import dev.billops.jdbc.JdbcStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job end to end: {@code demo} on a fresh database, its printed summary checked
 * against what the database holds afterwards, and the PDFs read back.
 */
class DemoCommandTest {

    private static final Pattern CLIENT_ROW = Pattern.compile(
            "^  client (\\S+)\\s+.*?invoices\\s+(\\d+)\\s+total\\s+([A-Z]{3}) ([\\d,.]+)$", Pattern.MULTILINE);
    private static final Pattern CURRENCY_ROW = Pattern.compile(
            "^  issued total ([A-Z]{3}): [A-Z]{3} ([\\d,.]+)$", Pattern.MULTILINE);
    private static final Pattern AGING_TOTAL = Pattern.compile(
            "^  TOTAL\\s+([A-Z]{3})((?:\\s+[\\d,.]+){6})$", Pattern.MULTILINE);
    private static final Pattern PAYMENT_ROW = Pattern.compile(
            "^  (\\d{4}-\\d\\d-\\d\\d)  (\\S+)\\s+([A-Z]{3}) ([\\d,.]+)  (full|partial|over)\\s+-> (\\S+?)(,|$)",
            Pattern.MULTILINE);

    private static final Pattern BANK_ROW = Pattern.compile(
            "^  (\\d{4}-\\d\\d-\\d\\d)  (.{20}) +([A-Z]{3}) ([\\d,.]+)  (EXACT|PARTIAL|OVER|AMBIGUOUS|UNMATCHED) +"
                    + "(\\S+) +(\\S+) +(recorded|for review)$", Pattern.MULTILINE);

    private static final Pattern AUTOPAY_ROW = Pattern.compile(
            "^  (PKG-\\S+)\\s+(\\S+)\\s+([A-Z]{3}) ([\\d,.]+)  (PAID|FAILED|PENDING|ERROR|SKIPPED)\\s", Pattern.MULTILINE);

    @TempDir
    Path dir;

    @Test
    void demo_freshH2_exitsZeroAndSummaryMatchesDatabase() throws IOException {
        String url = "jdbc:h2:file:" + dir.resolve("db/billops");
        Path out = dir.resolve("out");

        CliRun run = CliRun.of("demo", "--db", url, "--out", out.toString()).expect(0);

        assertSummaryMatchesDatabase(run.out(), url, TenantId.of("northwind"), out);
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void demo_sameSeedTwice_printsTheSameSummaryAndOtherSeedDiffers() {
        String first = summaryWithoutPaths(CliRun.of("demo", "--db", "jdbc:h2:file:" + dir.resolve("a/billops"),
                "--out", dir.resolve("a-out").toString(), "--seed", "7").expect(0).out());
        String again = summaryWithoutPaths(CliRun.of("demo", "--db", "jdbc:h2:file:" + dir.resolve("b/billops"),
                "--out", dir.resolve("b-out").toString(), "--seed", "7").expect(0).out());
        String other = summaryWithoutPaths(CliRun.of("demo", "--db", "jdbc:h2:file:" + dir.resolve("c/billops"),
                "--out", dir.resolve("c-out").toString(), "--seed", "8").expect(0).out());

        assertEquals(first, again);
        assertNotEquals(first, other);
    }

    @Test
    void demo_databaseThatHasTheTenant_createsTheNextTenantBesideIt() throws IOException {
        String url = "jdbc:h2:file:" + dir.resolve("db/billops");
        CliRun.of("demo", "--db", url, "--out", dir.resolve("out1").toString(), "--no-calendar").expect(0);

        CliRun second = CliRun.of("demo", "--db", url, "--out", dir.resolve("out2").toString()).expect(0);

        assertTrue(second.out().contains("tenant northwind-2"), second.out());
        assertSummaryMatchesDatabase(second.out(), url, TenantId.of("northwind-2"), dir.resolve("out2"));
    }

    @Test
    void demo_threeRunsAtOnceOnOneDatabase_eachCreatesItsOwnTenantUntouchedByTheOthers() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db/billops");
        int runs = 3;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(runs);
        List<java.util.concurrent.Future<CliRun>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < runs; i++) {
                String out = dir.resolve("out" + i).toString();
                futures.add(pool.submit(() -> CliRun.of("demo", "--db", url, "--out", out, "--no-calendar")));
            }
            Set<String> tenants = new java.util.TreeSet<>();
            for (java.util.concurrent.Future<CliRun> f : futures) {
                CliRun run = f.get(10, java.util.concurrent.TimeUnit.MINUTES).expect(0);
                Matcher m = Pattern.compile("tenant (northwind(-\\d+)?),").matcher(run.out());
                assertTrue(m.find(), run.out());
                tenants.add(m.group(1));
            }
            assertEquals(Set.of("northwind", "northwind-2", "northwind-3"), tenants);
            try (JdbcBillingStore store = JdbcStores.of(url)) {
                for (String t : tenants) {
                    TenantId id = TenantId.of(t);
                    assertEquals(1, store.inTransaction(id, s -> s.get(dev.billops.core.spi.AuditLog.class)
                            .history("tenant", t)).size(), t + " was written once");
                    assertEquals(4, store.inTransaction(id, s -> s.get(dev.billops.core.spi.ClientStore.class)
                            .list()).size(), t);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void demo_explicitTenantThatExists_failsWithoutStackTrace() {
        String url = "jdbc:h2:file:" + dir.resolve("db/billops");
        CliRun.of("demo", "--db", url, "--out", dir.resolve("out").toString(), "--tenant", "firm").expect(0);

        CliRun again = CliRun.of("demo", "--db", url, "--out", dir.resolve("out").toString(), "--tenant", "firm")
                .expect(BillOpsCli.EXIT_FAILED);

        assertTrue(again.err().contains("tenant 'firm' already exists"), again.err());
        assertFalse(again.err().contains("\tat "), again.err());
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "BILLOPS_TEST_POSTGRES_URL", matches = ".+")
    void demo_freshPostgresSchema_exitsZeroAndSummaryMatchesDatabase() throws Exception {
        String base = System.getenv("BILLOPS_TEST_POSTGRES_URL");
        String schema = "demo_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try {
            String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            Path out = dir.resolve("pg-out");

            CliRun run = CliRun.of("demo", "--db", url, "--out", out.toString()).expect(0);

            assertSummaryMatchesDatabase(run.out(), url, TenantId.of("northwind"), out);
            CliRun.of("package-invoices", "--db", url, "--date", "2027-01-01").expect(0);
            CliRun second = CliRun.of("package-invoices", "--db", url, "--date", "2027-01-01").expect(0);
            assertTrue(second.out().matches("(?s)Package run for 2027-01-01: 0 created, \\d+ skipped, 0 failed.*"),
                    second.out());
        } finally {
            try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
                // leave the schema; its random name collides with nothing
            }
        }
    }

    /** The summary without the lines that name the run's folders. */
    static String summaryWithoutPaths(String out) {
        return out.lines().filter(l -> !l.startsWith("Database:") && !l.startsWith("PDFs:"))
                .collect(Collectors.joining("\n"));
    }

    static void assertSummaryMatchesDatabase(String out, String url, TenantId tenantId, Path pdfDir)
            throws IOException {
        try (JdbcBillingStore store = JdbcStores.of(url)) {
            TenantBilling t = Billing.builder().stores(store).build().tenant(tenantId, Actor.system("test"));
            List<Invoice> issued = t.invoices().list(InvoiceQuery.all()).stream()
                    .filter(i -> i.type() == DocumentType.INVOICE && i.status() != InvoiceStatus.DRAFT).toList();

            // invoices per client: count and total per currency
            Map<String, String> printed = new TreeMap<>();
            Matcher m = CLIENT_ROW.matcher(out);
            while (m.find()) {
                printed.put(m.group(1) + " " + m.group(3), m.group(2) + " " + money(m.group(3), m.group(4)));
            }
            Map<String, String> stored = new TreeMap<>();
            Map<String, Long> counts = issued.stream().collect(Collectors.groupingBy(i -> i.clientId().value(),
                    Collectors.counting()));
            Map<String, Money> sums = new HashMap<>();
            Map<String, Money> perCurrency = new TreeMap<>();
            for (Invoice i : issued) {
                sums.merge(i.clientId().value() + " " + i.currency().getCurrencyCode(), i.totals().payable(),
                        Money::plus);
                perCurrency.merge(i.currency().getCurrencyCode(), i.totals().payable(), Money::plus);
            }
            sums.forEach((k, v) -> stored.put(k, counts.get(k.substring(0, k.indexOf(' '))) + " " + v));
            assertEquals(stored, printed, out);
            assertEquals(4, stored.size(), "4 clients invoiced: " + stored);
            assertEquals(Set.of("EUR", "USD"), perCurrency.keySet());

            Map<String, Money> printedPerCurrency = new TreeMap<>();
            Matcher c = CURRENCY_ROW.matcher(out);
            while (c.find()) {
                printedPerCurrency.put(c.group(1), money(c.group(1), c.group(2)));
            }
            assertEquals(perCurrency, printedPerCurrency, out);

            // every invoice line of the summary is an issued invoice, time and package ones
            for (Invoice i : issued) {
                assertTrue(out.contains("  " + i.number() + " "), "summary lists " + i.number() + "\n" + out);
            }
            assertTrue(issued.stream().anyMatch(i -> i.engagementId() != null), "package invoices issued");
            assertTrue(issued.stream().anyMatch(i -> i.engagementId() == null), "time invoices issued");
            assertTrue(out.contains("Package run for 2026-12-01: 5 created, 0 skipped, 0 failed"), out);

            // hundreds of entries, part of them from the calendar (unless the run skipped it)
            List<TimeEntry> entries = t.timeEntries().list(TimeEntryQuery.all(Set.of(),
                    LocalDateRange.ofMonth(Consultancy.MONTH)));
            assertTrue(entries.size() >= 200, entries.size() + " entries");
            long imported = entries.stream().filter(e -> e.externalUid() != null).count();
            Matcher logged = Pattern.compile("Time: (\\d+) entries logged(?:, (\\d+) imported)?").matcher(out);
            assertTrue(logged.find(), out);
            long printedImported = logged.group(2) == null ? 0 : Long.parseLong(logged.group(2));
            assertEquals(imported, printedImported, out);
            assertEquals(entries.size(), Long.parseLong(logged.group(1)) + imported, out);

            // payments: full, partial, over (the rest as credit)
            List<Payment> payments = new ArrayList<>();
            for (Client client : t.clients().list()) {
                payments.addAll(t.receivables().history(client.id()));
            }
            // January's bank statement: every row it prints recorded is a payment by its bank key on an
            // invoice now paid; review rows recorded nothing; the second import recorded nothing
            Matcher bank = BANK_ROW.matcher(out);
            int bankRecorded = 0;
            int bankRows = 0;
            Set<String> paidByBank = new java.util.HashSet<>();
            while (bank.find()) {
                bankRows++;
                Money amount = money(bank.group(3), bank.group(4));
                List<Payment> byBank = payments.stream().filter(x -> x.idempotencyKey() != null
                        && x.idempotencyKey().startsWith("bank:") && x.amount().equals(amount)
                        && x.receivedOn().toString().equals(bank.group(1))).toList();
                if (bank.group(8).equals("recorded")) {
                    bankRecorded++;
                    assertEquals("EXACT", bank.group(5), bank.group());
                    assertEquals(1, byBank.size(), bank.group() + " " + payments);
                    String number = bank.group(7);
                    paidByBank.add(number);
                    Invoice paid = issued.stream().filter(i -> number.equals(i.number())).findFirst().orElseThrow();
                    assertEquals(InvoiceStatus.PAID, paid.status(), number);
                } else {
                    assertEquals(List.of(), byBank, bank.group());
                }
            }
            assertTrue(bankRows >= 3 && bankRecorded >= 1, out);
            assertTrue(out.contains("imported again: 0 payments recorded, " + bankRecorded + " already recorded"), out);
            assertTrue(out.contains("PARTIAL   PAYER_IBAN"), out);
            assertTrue(out.contains("UNMATCHED NONE"), out);

            // three by bank transfer in December, two autopay charges, one declined autopay attempt, and
            // the exact matches of January's statement
            assertEquals(5 + bankRecorded, payments.stream().filter(x -> x.status() == PaymentStatus.SUCCEEDED).count(),
                    payments.toString());
            assertEquals(1, payments.stream().filter(x -> x.status() == PaymentStatus.FAILED).count(),
                    payments.toString());
            Matcher auto = AUTOPAY_ROW.matcher(out);
            int charges = 0;
            while (auto.find()) {
                charges++;
                String number = auto.group(1);
                Invoice charged = issued.stream().filter(i -> number.equals(i.number())).findFirst().orElseThrow();
                assertEquals(auto.group(2), charged.clientId().value());
                assertEquals(charged.totals().payable(), money(auto.group(3), auto.group(4)));
                if (auto.group(5).equals("PAID")) {
                    assertEquals(InvoiceStatus.PAID, charged.status(), number);
                    assertTrue(payments.stream().anyMatch(x -> x.status() == PaymentStatus.SUCCEEDED
                            && x.method().equals("autopay") && x.amount().equals(charged.totals().payable())));
                } else {
                    assertEquals("FAILED", auto.group(5));
                    assertEquals(InvoiceStatus.ISSUED, charged.status(), number);
                }
            }
            assertEquals(3, charges, out);
            Matcher p = PAYMENT_ROW.matcher(out);
            int rows = 0;
            while (p.find()) {
                rows++;
                Money amount = money(p.group(3), p.group(4));
                String number = p.group(6);
                assertTrue(payments.stream().anyMatch(x -> x.amount().equals(amount) && x.clientId().value()
                        .equals(p.group(2)) && x.receivedOn().toString().equals(p.group(1))), "payment " + p.group());
                Invoice paid = issued.stream().filter(i -> number.equals(i.number())).findFirst().orElseThrow();
                switch (p.group(5)) {
                    case "full" -> assertEquals(InvoiceStatus.PAID, paid.status());
                    case "partial" -> assertEquals(paidByBank.contains(number) ? InvoiceStatus.PAID
                            : InvoiceStatus.PARTIALLY_PAID, paid.status(), number);
                    default -> {
                        assertEquals(InvoiceStatus.PAID, paid.status());
                        assertEquals(amount.minus(paid.totals().payable()),
                                t.payments().creditBalance(paid.clientId(), paid.currency()));
                    }
                }
            }
            assertEquals(3, rows, out);

            // AR aging totals as printed = as the database computes them
            AgingReport aging = t.receivables().aging(DemoRun.AGING_DATE);
            Matcher a = AGING_TOTAL.matcher(out);
            Map<String, List<Money>> printedAging = new TreeMap<>();
            while (a.find()) {
                String cur = a.group(1);
                printedAging.put(cur, Stream.of(a.group(2).trim().split("\\s+")).map(v -> money(cur, v)).toList());
            }
            Map<String, List<Money>> storedAging = new TreeMap<>();
            for (AgingBuckets b : aging.totals()) {
                List<Money> row = new ArrayList<>();
                for (AgingBucket bucket : AgingBucket.values()) {
                    row.add(b.amount(bucket));
                }
                row.add(b.total());
                storedAging.put(b.currency().getCurrencyCode(), row);
            }
            assertEquals(storedAging, printedAging, out);
            assertTrue(aging.clients().stream().map(ClientAging::clientId).anyMatch(ClientId.of("umbrella")::equals));
            assertTrue(out.contains("AR aging as of " + DemoRun.AGING_DATE), out);

            // one PDF per issued invoice, each a readable PDF with its number on it
            List<Path> pdfs;
            try (Stream<Path> files = Files.list(pdfDir)) {
                pdfs = files.filter(f -> f.toString().endsWith(".pdf")).sorted().toList();
            }
            assertEquals(issued.size(), pdfs.size(), pdfs.toString());
            assertTrue(out.contains(String.format(Locale.ROOT, "PDFs: %d written to", issued.size())), out);
            for (Invoice i : issued) {
                Path pdf = pdfDir.resolve(i.number() + ".pdf");
                try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                    String text = new PDFTextStripper().getText(doc);
                    assertTrue(text.contains(String.valueOf(i.number())), pdf + " shows its number");
                }
            }
        }
    }

    private static Money money(String currency, String amount) {
        return Money.of(currency, amount.replace(",", ""));
    }
}
