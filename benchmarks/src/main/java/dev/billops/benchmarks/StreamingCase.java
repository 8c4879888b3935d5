package dev.billops.benchmarks;

import dev.billops.jdbc.JdbcBillingStore;
import dev.billops.jdbc.JdbcStores;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Case 6: {@code entries} time entries of {@link #CLIENTS} clients written straight into the
 * entries table with one {@code INSERT … SELECT} over a generated series (PostgreSQL
 * {@code generate_series}, H2 {@code SYSTEM_RANGE}), matching the store's schema and what
 * {@code insertAll} would write; then a child JVM with {@code -Xmx256m} runs
 * {@link StreamingGeneration} over all clients. The case passes when the child exits 0 and
 * billed every entry.
 */
final class StreamingCase {

    static final int CLIENTS = 1_000;

    record Figures(String database, long entries, long lines, double seedSeconds, double generationSeconds,
            long peakHeapMb, long maxHeapMb, int exitCode, String output) {
    }

    private static String insertSql(boolean postgres, long entries) {
        String ts = postgres ? "TIMESTAMP '2026-11-01 00:00:00' + ((g / " + CLIENTS + ") * 240) * INTERVAL '1 second'"
                : "DATEADD('SECOND', (g / " + CLIENTS + ") * 240, TIMESTAMP '2026-11-01 00:00:00')";
        String end = postgres ? "TIMESTAMP '2026-11-01 00:00:00' + ((g / " + CLIENTS + ") * 240 + 200) * INTERVAL '1 second'"
                : "DATEADD('SECOND', (g / " + CLIENTS + ") * 240 + 200, TIMESTAMP '2026-11-01 00:00:00')";
        // Europe/Berlin is UTC+1 all November 2026: the local start date is the UTC start + 1 hour
        String date = postgres ? "CAST(TIMESTAMP '2026-11-01 01:00:00' + ((g / " + CLIENTS + ") * 240) * INTERVAL '1 second' AS DATE)"
                : "CAST(DATEADD('SECOND', (g / " + CLIENTS + ") * 240 + 3600, TIMESTAMP '2026-11-01 00:00:00') AS DATE)";
        String series = postgres ? "generate_series(0, " + (entries - 1) + ") AS s(g)"
                : "(SELECT \"X\" AS g FROM SYSTEM_RANGE(0, " + (entries - 1) + "))";
        String cat = postgres ? "'e' || g" : "CONCAT('e', g)";
        String p = postgres ? "'p' || (g % " + CLIENTS + ")" : "CONCAT('p', MOD(g, " + CLIENTS + "))";
        String tk = postgres ? "'tk' || (g % 50)" : "CONCAT('tk', MOD(g, 50))";
        return "INSERT INTO billops_time_entry (tenant_id, id, project_id, timekeeper_id, activity_id, start_at, "
                + "start_nanos, end_at, end_nanos, zone_id, start_date, description, billable, explicit_rate, "
                + "explicit_rate_currency, explicit_rate_unit, state, invoice_id, external_uid, version) "
                + "SELECT '" + Workload.TENANT_ID.value() + "', " + cat + ", " + p + ", " + tk + ", NULL, " + ts
                + ", 0, " + end + ", 0, 'Europe/Berlin', " + date + ", 'work', TRUE, NULL, NULL, NULL, 'OPEN', NULL, "
                + "NULL, 0 FROM " + series;
    }

    static Figures onPostgres(String baseUrl, long entries, Path jar) {
        try (Databases.PgSchema db = new Databases.PgSchema(baseUrl, "stream")) {
            long t = System.nanoTime();
            try (JdbcBillingStore store = db.store()) {
                Seeding.tenantAndClients(store, Workload.TENANT_ID, CLIENTS, true);
            }
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute(insertSql(true, entries));
                s.execute("ANALYZE billops_time_entry");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot seed " + entries + " entries: " + e.getMessage(), e);
            }
            double seed = (System.nanoTime() - t) / 1e9;
            return child("PostgreSQL", seed, jar, List.of("postgres", baseUrl, db.schema, Integer.toString(CLIENTS)));
        }
    }

    static Figures onH2(long entries, Path jar) {
        Path dir;
        try {
            dir = Files.createTempDirectory("billops-bench-h2");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String url = "jdbc:h2:file:" + dir.resolve("billops").toAbsolutePath().toString().replace('\\', '/');
        try {
            long t = System.nanoTime();
            try (JdbcBillingStore store = JdbcStores.of(url)) {
                Seeding.tenantAndClients(store, Workload.TENANT_ID, CLIENTS, true);
            }
            try (Connection c = DriverManager.getConnection(url + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
                    Statement s = c.createStatement()) {
                s.execute(insertSql(false, entries));
                s.execute("ANALYZE");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot seed " + entries + " entries: " + e.getMessage(), e);
            }
            double seed = (System.nanoTime() - t) / 1e9;
            return child("H2 (file)", seed, jar, List.of("h2", url, Integer.toString(CLIENTS)));
        } finally {
            deleteTree(dir);
        }
    }

    private static Figures child(String database, double seed, Path jar, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(jar.toString());
        command.add(StreamingGeneration.class.getName());
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            StringBuilder out = new StringBuilder();
            @Nullable String result = null;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    out.append(line).append('\n');
                    if (line.startsWith("RESULT ")) {
                        result = line;
                    }
                }
            }
            int exit = process.waitFor();
            Map<String, String> kv = new HashMap<>();
            if (result != null) {
                for (String part : result.substring(7).split(" ")) {
                    int eq = part.indexOf('=');
                    kv.put(part.substring(0, eq), part.substring(eq + 1));
                }
            }
            String tail = out.length() > 2_000 ? out.substring(out.length() - 2_000) : out.toString();
            return new Figures(database, Long.parseLong(kv.getOrDefault("entries", "-1")),
                    Long.parseLong(kv.getOrDefault("lines", "-1")), seed,
                    Double.parseDouble(kv.getOrDefault("seconds", "NaN")),
                    Long.parseLong(kv.getOrDefault("peakHeapMB", "-1")), Long.parseLong(kv.getOrDefault("maxHeapMB", "-1")),
                    exit, tail);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
