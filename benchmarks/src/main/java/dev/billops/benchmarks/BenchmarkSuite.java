package dev.billops.benchmarks;

import dev.billops.core.engagement.PackageRunOptions;
import dev.billops.jdbc.JdbcBillingStore;
import dev.billops.jdbc.JdbcStores;
import dev.billops.pdf.InvoicePdfRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every case and writes {@code latest.md} and {@code latest.json} to the output folder.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar [--quick] [--out DIR] [--cases 1,2,3,4,5,6,7]
 *      [--engagements N] [--stream-entries N] [--aging-invoices N]
 * </pre>
 *
 * Cases 1, 2 and 5 are JMH benchmarks (one fork each, the fork pinned to nothing: the JVM decides);
 * cases 3, 4 and 6 are timed end-to-end runs (3 on H2 and PostgreSQL, 4 and 6 on PostgreSQL, 6
 * on an H2 file when PostgreSQL is not configured; 7 on PostgreSQL, else on an H2 file). PostgreSQL comes from
 * {@code BILLOPS_TEST_POSTGRES_URL}; without it those cases print a SKIPPED line.
 */
public final class BenchmarkSuite {

    private final boolean quick;
    private final Path out;
    private final Set<String> cases;
    private final int engagements;
    private final long streamEntries;
    private final long agingInvoices;
    private final List<Result> results = new ArrayList<>();
    private final Map<String, String> notes = new HashMap<>();

    private BenchmarkSuite(boolean quick, Path out, Set<String> cases, int engagements, long streamEntries,
            long agingInvoices) {
        this.quick = quick;
        this.out = out;
        this.cases = cases;
        this.engagements = engagements;
        this.streamEntries = streamEntries;
        this.agingInvoices = agingInvoices;
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        Path out = Path.of("benchmarks", "results");
        Set<String> cases = new LinkedHashSet<>(List.of("1", "2", "3", "4", "5", "6", "7"));
        Integer engagements = null;
        Long streamEntries = null;
        Long agingInvoices = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--out" -> out = Path.of(args[++i]);
                case "--cases" -> cases = new LinkedHashSet<>(List.of(args[++i].split(",")));
                case "--engagements" -> engagements = Integer.parseInt(args[++i]);
                case "--stream-entries" -> streamEntries = Long.parseLong(args[++i]);
                case "--aging-invoices" -> agingInvoices = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("unknown argument " + args[i] + "; usage: [--quick] [--out DIR] "
                            + "[--cases 1,2,3,4,5,6,7] [--engagements N] [--stream-entries N] [--aging-invoices N]");
                    System.exit(2);
                }
            }
        }
        // quick mode projects the 100,000-engagement run from 10,000 (each engagement is its own transaction)
        int runSize = engagements != null ? engagements : quick ? 10_000 : 100_000;
        // 10 M entries need PostgreSQL: an embedded H2 file takes many minutes and gigabytes to load them
        long streamSize = streamEntries != null ? streamEntries
                : Databases.postgresUrl() != null ? 10_000_000L : 1_000_000L;
        // H2 joins the aggregated allocations row by row: 1,000,000 invoices take minutes per report there
        long agingSize = agingInvoices != null ? agingInvoices
                : Databases.postgresUrl() != null ? 1_000_000L : 100_000L;
        new BenchmarkSuite(quick, out, cases, runSize, streamSize, agingSize).run();
    }

    private void run() throws RunnerException, IOException {
        long t = System.nanoTime();
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String load = loadAverage();
        if (cases.contains("1")) {
            caseGeneration();
        }
        if (cases.contains("2")) {
            caseTaxTotals();
        }
        if (cases.contains("5")) {
            casePdf();
        }
        if (cases.contains("3")) {
            casePersist();
        }
        if (cases.contains("4")) {
            casePackageRun();
        }
        if (cases.contains("6")) {
            caseStreaming();
        }
        if (cases.contains("7")) {
            caseAging();
        }
        double minutes = (System.nanoTime() - t) / 60e9;
        Report report = new Report(started, minutes, quick, load, loadAverage(), results);
        Files.createDirectories(out);
        Files.writeString(out.resolve("latest.md"), report.markdown(), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("latest.json"), report.json(), StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(report.markdown());
        System.out.println("written: " + out.resolve("latest.md") + ", " + out.resolve("latest.json"));
    }

    private ChainedOptionsBuilder jmh(Class<?> benchmark, int warmups, int measurements, int seconds) {
        ChainedOptionsBuilder b = new OptionsBuilder().include("\\." + benchmark.getSimpleName() + "\\.")
                .forks(1).shouldFailOnError(true)
                .warmupIterations(quick ? warmups : warmups * 2)
                .measurementIterations(quick ? measurements : measurements * 2)
                .warmupTime(TimeValue.seconds(seconds)).measurementTime(TimeValue.seconds(seconds))
                .timeUnit(TimeUnit.MICROSECONDS);
        return b;
    }

    private static Map<String, RunResult> byName(Collection<RunResult> runs) {
        Map<String, RunResult> map = new HashMap<>();
        for (RunResult r : runs) {
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            String pages = r.getParams().getParam("pages");
            map.put(pages == null ? name : name + ":" + pages, r);
        }
        return map;
    }

    private static double score(RunResult r) {
        return r.getPrimaryResult().getScore();
    }

    private static String error(RunResult r) {
        double e = r.getPrimaryResult().getScoreError();
        return Double.isNaN(e) ? "" : String.format(Locale.ROOT, "±%.3g (99.9 %%)", e);
    }

    private void caseGeneration() throws RunnerException {
        Collection<RunResult> runs = new Runner(jmh(GenerationBenchmark.class, 5, 3, 3)
                .jvmArgs("-Xms3g", "-Xmx3g").timeUnit(TimeUnit.SECONDS).build()).run();
        Map<String, RunResult> r = byName(runs);
        double perProject = score(r.get("oursPerProject"));
        double perEntry = score(r.get("oursPerEntry"));
        double longLoop = score(r.get("baselineLongLoop"));
        double moneta = score(r.get("baselineMoneta"));
        String target = "≥ 1,000,000 entries/s";
        results.add(new Result("1.perProject.long", "1 · 1M entries, 10k clients → drafts, grouped per project, vs long loop",
                perProject, "entries/s", true, "hand-written long loop", longLoop, "≥ 1/10 of the long loop",
                perProject * 10 >= longLoop, error(r.get("oursPerProject"))));
        results.add(new Result("1.perProject.moneta", "1 · same, vs moneta Money", perProject, "entries/s", true,
                "moneta Money, straightforward", moneta, target, perProject >= 1e6, error(r.get("baselineMoneta"))));
        results.add(new Result("1.perEntry.long", "1 · one line per entry, vs long loop", perEntry, "entries/s", true,
                "hand-written long loop", longLoop, "≥ 1/10 of the long loop", perEntry * 10 >= longLoop,
                error(r.get("oursPerEntry"))));
    }

    private void caseTaxTotals() throws RunnerException {
        Map<String, RunResult> r = byName(new Runner(jmh(TaxTotalsBenchmark.class, 6, 3, 1).build()).run());
        double net = score(r.get("oursNet"));
        double gross = score(r.get("oursGross"));
        double bigDecimal = score(r.get("baselineBigDecimal"));
        double longLoop = score(r.get("baselineLongNet"));
        String target = "≤ 5 × BigDecimal loop";
        results.add(new Result("2.net", "2 · totals + tax breakdown, 1,000 lines, 3 rates, net prices", net, "µs", false,
                "bare BigDecimal sum-and-round loop", bigDecimal, target, net <= 5 * bigDecimal, error(r.get("oursNet"))));
        results.add(new Result("2.gross", "2 · same, gross prices (tax spread over lines)", gross, "µs", false,
                "bare BigDecimal sum-and-round loop (net)", bigDecimal, target, gross <= 5 * bigDecimal,
                error(r.get("oursGross"))));
        results.add(new Result("2.net.long", "2 · net prices, vs the floor", net, "µs", false, "long cents loop",
                longLoop, "", null, error(r.get("baselineLongNet"))));
    }

    private void casePdf() throws RunnerException {
        int pages50 = PdfBenchmark.pageCount(InvoicePdfRenderer.create().render(PdfBenchmark.document(
                PdfBenchmark.linesFor(50))));
        // the one-page render needs about ten seconds of warm-up on a loaded 2-core machine
        Map<String, RunResult> r = byName(new Runner(jmh(PdfBenchmark.class, 8, 3, 1)
                .timeUnit(TimeUnit.MILLISECONDS).build()).run());
        double one = score(r.get("ours:1"));
        double fifty = score(r.get("ours:50"));
        results.add(new Result("5.onePage", "5 · render one-page invoice PDF (8 lines), warm", one, "ms", false,
                "OpenPDF plain table", score(r.get("baselineOpenPdf:1")), "≤ 3 × OpenPDF", one <= 3 * score(r.get("baselineOpenPdf:1")),
                error(r.get("ours:1"))));
        results.add(new Result("5.fiftyPages", "5 · render 50-page invoice PDF (" + PdfBenchmark.linesFor(50) + " lines, " + pages50 + " pages)", fifty, "ms",
                false, "OpenPDF plain table", score(r.get("baselineOpenPdf:50")), "", null, error(r.get("ours:50"))));
    }

    /** Invoices already stored in the second run of case 3, seeded by INSERT … SELECT. */
    static final int SEEDED_INVOICES = 200_000;

    private void casePersist() {
        PersistCase persist = new PersistCase(100_000, 10_000);
        // warm-up on a small H2 database so the JIT has seen both paths before the clock runs
        PersistCase warm = new PersistCase(20_000, 2_000);
        h2Persist(warm, "bench_warm", 0);
        PersistCase.Figures h2 = h2Persist(persist, "bench_store", 0);
        addPersist("H2 (in memory)", "h2", h2, 10_000);
        PersistCase.Figures h2Seeded = h2Persist(persist, "bench_seeded", SEEDED_INVOICES);
        addPersistSeeded("H2 (in memory)", "h2", h2Seeded, h2, 10_000, seedSeconds);
        String pg = Databases.postgresUrl();
        if (pg == null) {
            results.add(Result.skipped("3.pg", "3 · persist on PostgreSQL", Databases.ENV + " is not set"));
            return;
        }
        int pgInvoices = 10_000;
        // the same warm-up on PostgreSQL: the first measured run would otherwise also pay for the JIT
        pgPersist(warm, pg, 0);
        PersistCase.Figures f = pgPersist(persist, pg, 0);
        addPersist("PostgreSQL", "pg", f, pgInvoices);
        PersistCase.Figures seeded = pgPersist(persist, pg, SEEDED_INVOICES);
        addPersistSeeded("PostgreSQL", "pg", seeded, f, pgInvoices, seedSeconds);
        try (Databases.PgSchema db = new Databases.PgSchema(pg, "large"); JdbcBillingStore store = db.store()) {
            LargeInvoiceCase.Figures large = LargeInvoiceCase.run(store, LARGE_INVOICE_LINES);
            results.add(new Result("3.pg.largeInvoice", "3 · draft and issue one " + String.format(Locale.ROOT, "%,d",
                    large.lines()) + "-line invoice from time entries, PostgreSQL", large.draftSeconds()
                    + large.issueSeconds(), "s", false, null, null, "", null, String.format(Locale.ROOT,
                            "draft %.1f s, issue %.1f s (lines, line entries and claims in JDBC batches of 1,000); "
                                    + "the entries were inserted in %.1f s; single run",
                            large.draftSeconds(), large.issueSeconds(), large.insertSeconds())));
        }
    }

    /** Lines of the large invoice of case 3. */
    static final int LARGE_INVOICE_LINES = 100_000;

    /** Seconds the last seeding of case 3 took (both schemas). */
    private double seedSeconds;

    /** Case 3 on two fresh in-memory H2 databases, each holding {@code seed} invoices first. */
    private PersistCase.Figures h2Persist(PersistCase c, String name, int seed) {
        String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        String rawUrl = "jdbc:h2:mem:" + name + "_raw;DB_CLOSE_DELAY=-1";
        try (JdbcBillingStore store = JdbcStores.of(url); JdbcBillingStore raw = JdbcStores.of(rawUrl)) {
            store.migrator().migrate();
            raw.migrator().migrate();
            seedSeconds = 0;
            if (seed > 0) {
                try (Connection a = h2Connection(url); Connection b = h2Connection(rawUrl)) {
                    seedSeconds = PersistCase.seedInvoices(a, seed, false) + PersistCase.seedInvoices(b, seed, false);
                }
            }
            PersistCase.Figures f = c.run(new PersistCase.Target("H2", store, () -> h2Connection(rawUrl), false));
            try (Connection a = h2Connection(url); Connection b = h2Connection(rawUrl)) {
                a.createStatement().execute("SHUTDOWN");
                b.createStatement().execute("SHUTDOWN");
            }
            return f;
        } catch (SQLException e) {
            throw new IllegalStateException("case 3 on H2: " + e.getMessage(), e);
        }
    }

    /** Case 3 on two fresh PostgreSQL schemas, each holding {@code seed} invoices first. */
    private PersistCase.Figures pgPersist(PersistCase c, String pg, int seed) {
        try (Databases.PgSchema storeDb = new Databases.PgSchema(pg, "store");
                Databases.PgSchema rawDb = new Databases.PgSchema(pg, "raw");
                JdbcBillingStore store = storeDb.store(); JdbcBillingStore raw = rawDb.store()) {
            store.migrator().migrate();
            raw.migrator().migrate();
            seedSeconds = 0;
            if (seed > 0) {
                try (Connection a = storeDb.connect(); Connection b = rawDb.connect()) {
                    seedSeconds = PersistCase.seedInvoices(a, seed, true) + PersistCase.seedInvoices(b, seed, true);
                }
            }
            return c.run(new PersistCase.Target("PostgreSQL", store, () -> {
                try {
                    return rawDb.connect();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, true));
        } catch (SQLException e) {
            throw new IllegalStateException("case 3 on PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static Connection h2Connection(String url) {
        try {
            return DriverManager.getConnection(url + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                    "sa", "");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void addPersist(String db, String key, PersistCase.Figures f, int invoices) {
        double e = f.storeEntriesPerSecond() / f.rawEntriesPerSecond();
        double i = f.storeInvoicesPerSecond() / f.rawInvoicesPerSecond();
        results.add(new Result("3." + key + ".entries", "3 · persist 100,000 time entries, " + db,
                f.storeEntriesPerSecond(), "entries/s", true, "raw JDBC batch", f.rawEntriesPerSecond(),
                "≥ 50 % of baseline", e >= 0.5, "TimeEntryStore.insertAll, 10,000 per transaction; single run"));
        results.add(new Result("3." + key + ".invoices", "3 · persist " + String.format(Locale.ROOT, "%,d", invoices)
                + " issued invoices (5 lines, 10 entries), " + db,
                f.storeInvoicesPerSecond(), "invoices/s", true, "raw JDBC batch", f.rawInvoicesPerSecond(),
                "≥ 80 % of baseline", i >= 0.8, String.format(Locale.ROOT,
                        "InvoiceStore.insertAll, 1,000 per transaction; %.0f µs per invoice; single run",
                        1e6 / f.storeInvoicesPerSecond())));
    }

    /** The same invoices stored into tables that already hold {@link #SEEDED_INVOICES}, beside the empty-table run. */
    private void addPersistSeeded(String db, String key, PersistCase.Figures f, PersistCase.Figures empty,
            int invoices, double seeding) {
        double i = f.storeInvoicesPerSecond() / f.rawInvoicesPerSecond();
        double cost = 1e6 / f.storeInvoicesPerSecond();
        double emptyCost = 1e6 / empty.storeInvoicesPerSecond();
        double change = cost / emptyCost - 1;
        results.add(new Result("3." + key + ".invoices.seeded", "3 · same " + String.format(Locale.ROOT, "%,d", invoices)
                + " invoices, " + db + ", " + String.format(Locale.ROOT, "%,d", SEEDED_INVOICES) + " invoices already stored",
                f.storeInvoicesPerSecond(), "invoices/s", true, "raw JDBC batch (also seeded)", f.rawInvoicesPerSecond(),
                "≥ 80 % of baseline; per invoice within 20 % of the empty tables'", i >= 0.8 && Math.abs(change) <= 0.2,
                String.format(Locale.ROOT, "%.0f µs per invoice vs %.0f µs on empty tables (%+.0f %%); "
                        + "seeding both schemas took %.1f s; single run", cost, emptyCost, change * 100, seeding)));
    }

    private void casePackageRun() {
        String pg = Databases.postgresUrl();
        if (pg == null) {
            results.add(Result.skipped("4", "4 · package billing run on PostgreSQL", Databases.ENV + " is not set"));
            System.out.println("case 4 SKIPPED: " + Databases.ENV + " is not set");
            return;
        }
        packageRun(pg, null, "");
        if (!quick) {
            packageRun(pg, "-c synchronous_commit=off", ", synchronous_commit=off");
        }
    }

    private void packageRun(String pg, @Nullable String options, String label) {
        // the workers of one run: 1, 2, 4 with package-pattern numbers, then 1 and 4 on the tenant's counter
        int[][] plan = {{1, 0}, {2, 0}, {4, 0}, {1, 1}, {4, 1}};
        List<PackageRunCase.Rows> written;
        PackageRunCase.Counter counter;
        // warm-up (class loading, JIT) and the rows of the baseline, from a run of the same size
        try (Databases.PgSchema db = new Databases.PgSchema(pg, "package", options);
                JdbcBillingStore store = db.store()) {
            PackageRunCase.run(store, engagements, 1, false);
            try (Connection c = db.connect()) {
                written = PackageRunCase.written(c);
                counter = PackageRunCase.counter(c);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("case 4: cannot read back the rows of the run", e);
        }
        rawPackageRows(pg, options, written, counter);
        List<PackageRunCase.Figures> runs = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        for (int[] step : plan) {
            try (Databases.PgSchema db = new Databases.PgSchema(pg, "package", options);
                    JdbcBillingStore store = db.store()) {
                runs.add(PackageRunCase.run(store, engagements, step[0], step[1] == 1));
            }
            // the baseline right after each run, as the load of a shared machine drifts
            raw.add(rawPackageRows(pg, options, written, counter));
        }
        for (int i = 0; i < runs.size(); i++) {
            PackageRunCase.Figures f = runs.get(i);
            double single = runs.stream().filter(o -> o.workers() == 1 && o.tenantNumbering() == f.tenantNumbering())
                    .findFirst().orElseThrow().seconds();
            double projected = f.microsPerEngagement() * 100_000 / 1e6;
            double rawMicros = raw.get(i) * 1e6 / engagements;
            double ratio = f.microsPerEngagement() / rawMicros;
            String numbering = f.tenantNumbering() ? "tenant's gapless counter" : "package pattern numbers";
            results.add(new Result("4.run." + (f.tenantNumbering() ? "counter" : "pattern") + ".w" + f.workers()
                    + (options == null ? "" : ".asyncCommit"),
                    "4 · package billing run, " + String.format(Locale.ROOT, "%,d", engagements)
                            + " engagements, PostgreSQL, " + f.workers() + (f.workers() == 1 ? " worker" : " workers")
                            + ", " + numbering + label,
                    f.microsPerEngagement(), "µs/engagement", false, "raw JDBC batch of the same rows", rawMicros,
                    "≤ 2× baseline", ratio <= 2,
                    String.format(Locale.ROOT, "%.1f s in all (raw, measured right after: %.1f s); scaling ×%.2f "
                            + "over 1 worker; chunks of %d; 100,000 projected: %.0f s (< 30 s wanted); seeding %.1f s",
                            f.seconds(), raw.get(i), single / f.seconds(), PackageRunOptions.DEFAULT_CHUNK_SIZE,
                            projected, f.seedSeconds())));
        }
    }

    /** Case 4's baseline in a fresh schema: seconds to insert {@code written} with plain JDBC batches. */
    private double rawPackageRows(String pg, @Nullable String options, List<PackageRunCase.Rows> written,
            PackageRunCase.Counter counter) {
        try (Databases.PgSchema db = new Databases.PgSchema(pg, "packageraw", options);
                JdbcBillingStore store = db.store(); Connection c = db.connect()) {
            PackageRunCase.seed(store, engagements);
            return PackageRunCase.rawInsert(c, written, counter, PackageRunOptions.DEFAULT_CHUNK_SIZE);
        } catch (SQLException e) {
            throw new IllegalStateException("case 4: raw insert baseline failed", e);
        }
    }

    private void caseStreaming() {
        Path jar = ownJar();
        String pg = Databases.postgresUrl();
        StreamingCase.Figures f = pg == null ? StreamingCase.onH2(streamEntries, jar)
                : StreamingCase.onPostgres(pg, streamEntries, jar);
        boolean ok = f.exitCode() == 0 && f.entries() == streamEntries;
        if (!ok) {
            System.out.println("case 6 child output:\n" + f.output());
        }
        results.add(new Result("6.stream", "6 · generation over " + String.format(Locale.ROOT, "%,d", streamEntries)
                + " entries from " + f.database() + " with -Xmx256m", f.generationSeconds(), "s", false, null, null,
                "completes with -Xmx256m", ok,
                String.format(Locale.ROOT, "exit %d; %,d entries billed on %,d lines; peak heap %d MB of %d MB; "
                        + "%,.0f entries/s; seeding %.0f s", f.exitCode(), f.entries(), f.lines(), f.peakHeapMb(),
                        f.maxHeapMb(), f.entries() / f.generationSeconds(), f.seedSeconds())));
    }

    private void caseAging() {
        String pg = Databases.postgresUrl();
        AgingCase.Figures f = pg == null ? AgingCase.onH2(agingInvoices) : AgingCase.onPostgres(pg, agingInvoices);
        results.add(new Result("7.aging", "7 · AR aging over " + String.format(Locale.ROOT, "%,d", f.invoices())
                + " invoices (1,000 clients, half with a payment), " + f.database() + ", warm", f.oursMillis(), "ms",
                false, "raw SQL GROUP BY of the same buckets", f.baselineMillis(), "same bucket totals as the baseline",
                f.sameTotals(), String.format(Locale.ROOT, "Receivables.aging through the facade; median of %d runs; "
                        + "EUR totals %s; seeding %.0f s", AgingCase.RUNS, f.totals(), f.seedSeconds())));
    }

    private static Path ownJar() {
        try {
            return Path.of(BenchmarkSuite.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException | UncheckedIOException e) {
            return "n/a";
        }
    }

    /** The tables written at the end. */
    record Report(Instant started, double minutes, boolean quick, String loadBefore, String loadAfter,
            List<Result> results) {

        String machine() {
            return Runtime.getRuntime().availableProcessors() + " cores (availableProcessors), "
                    + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + ", "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch");
        }

        String markdown() {
            StringBuilder md = new StringBuilder();
            md.append("# BillOps benchmark results\n\n");
            md.append("- Date: ").append(started).append(quick ? " (quick mode)" : " (full mode)").append('\n');
            md.append("- Machine: ").append(machine()).append('\n');
            md.append("- Load average before / after: ").append(loadBefore).append(" / ").append(loadAfter).append('\n');
            md.append(String.format(Locale.ROOT, "- Duration: %.1f min%n%n", minutes));
            md.append("| Case | Ours | Baseline | Baseline figure | Ours ÷ baseline | Target | Met | Note |\n");
            md.append("|---|---:|---|---:|---:|---|---|---|\n");
            for (Result r : results) {
                if (r.isSkipped()) {
                    md.append("| ").append(r.measure()).append(" | – | – | – | – | – | – | ").append(r.note()).append(" |\n");
                    continue;
                }
                Double ratio = r.ratio();
                md.append("| ").append(r.measure())
                        .append(" | ").append(fmt(r.ours())).append(' ').append(r.unit())
                        .append(" | ").append(r.baselineName() == null ? "–" : r.baselineName())
                        .append(" | ").append(r.baseline() == null ? "–" : fmt(r.baseline()) + " " + r.unit())
                        .append(" | ").append(ratio == null ? "–" : String.format(Locale.ROOT, "%.2f", ratio))
                        .append(" | ").append(r.target().isEmpty() ? "–" : r.target())
                        .append(" | ").append(r.met() == null ? "–" : r.met() ? "yes" : "**no**")
                        .append(" | ").append(r.note()).append(" |\n");
            }
            md.append("\nRatios are ours ÷ baseline in the row's unit: above 1 is faster for /s units, slower for time"
                    + " units.\n");
            return md.toString();
        }

        private static String fmt(double v) {
            if (Double.isNaN(v)) {
                return "n/a";
            }
            if (Math.abs(v) >= 1000) {
                return String.format(Locale.ROOT, "%,.0f", v);
            }
            if (Math.abs(v) >= 10) {
                return String.format(Locale.ROOT, "%.1f", v);
            }
            return String.format(Locale.ROOT, "%.3f", v);
        }

        String json() {
            StringBuilder j = new StringBuilder();
            j.append("{\n  \"date\": \"").append(started).append("\",\n");
            j.append("  \"mode\": \"").append(quick ? "quick" : "full").append("\",\n");
            j.append("  \"machine\": ").append(str(machine())).append(",\n");
            j.append("  \"loadBefore\": ").append(str(loadBefore)).append(",\n");
            j.append("  \"loadAfter\": ").append(str(loadAfter)).append(",\n");
            j.append(String.format(Locale.ROOT, "  \"minutes\": %.2f,%n", minutes));
            j.append("  \"results\": [\n");
            for (int i = 0; i < results.size(); i++) {
                Result r = results.get(i);
                j.append("    {\"id\": ").append(str(r.id()))
                        .append(", \"measure\": ").append(str(r.measure()))
                        .append(", \"ours\": ").append(num(r.ours()))
                        .append(", \"unit\": ").append(str(r.unit()))
                        .append(", \"higherIsBetter\": ").append(r.higherIsBetter())
                        .append(", \"baseline\": ").append(r.baselineName() == null ? "null" : str(r.baselineName()))
                        .append(", \"baselineValue\": ").append(r.baseline() == null ? "null" : num(r.baseline()))
                        .append(", \"ratio\": ").append(r.ratio() == null ? "null" : num(r.ratio()))
                        .append(", \"target\": ").append(str(r.target()))
                        .append(", \"met\": ").append(r.met() == null ? "null" : r.met().toString())
                        .append(", \"note\": ").append(str(r.note()))
                        .append(i + 1 < results.size() ? "},\n" : "}\n");
            }
            j.append("  ]\n}\n");
            return j.toString();
        }

        private static String num(@Nullable Double v) {
            return v == null || v.isNaN() || v.isInfinite() ? "null" : String.format(Locale.ROOT, "%.6g", v);
        }

        private static String str(String s) {
            StringBuilder b = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    default -> {
                        if (c < 0x20) {
                            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                        } else {
                            b.append(c);
                        }
                    }
                }
            }
            return b.append('"').toString();
        }
    }
}
