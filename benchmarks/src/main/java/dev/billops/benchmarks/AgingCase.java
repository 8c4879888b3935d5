package dev.billops.benchmarks;

import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.party.Actor;
import dev.billops.core.payment.AgingBucket;
import dev.billops.core.payment.AgingBuckets;
import dev.billops.core.payment.AgingReport;
import dev.billops.jdbc.JdbcBillingStore;
import dev.billops.jdbc.JdbcStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Case 7: AR aging of one tenant with {@code invoices} issued EUR invoices of {@link #CLIENTS}
 * clients, written straight into the tables with {@code INSERT … SELECT} over a generated series
 * (PostgreSQL {@code generate_series}, H2 {@code SYSTEM_RANGE}) matching the store's schema: issued
 * on every day of 2026, due 30 days later; a quarter half-paid (PARTIALLY_PAID), a quarter paid in
 * full (PAID), each with a payment and its allocation ten days after issue. Ours is
 * {@code TenantBilling.receivables().aging(asOf)} through the facade (the store's SQL
 * aggregation); the baseline is one hand-written {@code GROUP BY} of the same buckets over the same
 * tables. Both are timed warm (one run of each first), median of {@link #RUNS} runs at successive
 * dates; the case also checks that both give the same bucket totals.
 */
final class AgingCase {

    static final int CLIENTS = 1_000;
    static final int RUNS = 5;
    static final LocalDate AS_OF = LocalDate.of(2026, 12, 31);

    record Figures(String database, long invoices, double oursMillis, double baselineMillis, boolean sameTotals,
            double seedSeconds, String totals) {
    }

    static Figures onPostgres(String baseUrl, long invoices) {
        try (Databases.PgSchema db = new Databases.PgSchema(baseUrl, "aging"); JdbcBillingStore store = db.store()) {
            double seed = seed(store, () -> {
                try {
                    return db.connect();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, true, invoices);
            return measure("PostgreSQL", store, db::connect, invoices, seed);
        }
    }

    static Figures onH2(long invoices) {
        Path dir;
        try {
            dir = Files.createTempDirectory("billops-bench-aging");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String url = "jdbc:h2:file:" + dir.resolve("billops").toAbsolutePath().toString().replace('\\', '/');
        Supplier<Connection> raw = () -> {
            try {
                return DriverManager.getConnection(url + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
        try (JdbcBillingStore store = JdbcStores.of(url)) {
            double seed = seed(store, raw, false, invoices);
            return measure("H2 (file)", store, raw::get, invoices, seed);
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    interface Connections {
        Connection get() throws SQLException;
    }

    private static double seed(JdbcBillingStore store, Supplier<Connection> connections, boolean postgres,
            long invoices) {
        long t = System.nanoTime();
        Seeding.tenantAndClients(store, Workload.TENANT_ID, CLIENTS, false);
        String tenant = "'" + Workload.TENANT_ID.value() + "'";
        String series = postgres ? "generate_series(0, " + (invoices - 1) + ") AS s(g)"
                : "(SELECT \"X\" AS g FROM SYSTEM_RANGE(0, " + (invoices - 1) + "))";
        String mod = postgres ? "(g %% %d)" : "MOD(g, %d)";
        String text = postgres ? "'%s' || g" : "CONCAT('%s', g)";
        String issued = postgres ? "(DATE '2026-01-01' + CAST(" + String.format(mod, 365) + " AS INTEGER))"
                : "DATEADD('DAY', " + String.format(mod, 365) + ", DATE '2026-01-01')";
        String plusDays = postgres ? "(%s + %d)" : "DATEADD('DAY', %2$d, %1$s)";
        String payable = "(CAST(100 + " + String.format(mod, 900) + " AS NUMERIC(24,4)) + 0.50)";
        String quarter = String.format(mod, 4);
        String paid = "CASE " + quarter + " WHEN 0 THEN 50.00 WHEN 1 THEN " + payable + " ELSE 0 END";
        String status = "CASE " + quarter + " WHEN 0 THEN 'PARTIALLY_PAID' WHEN 1 THEN 'PAID' ELSE 'ISSUED' END";
        String json = postgres ? "CAST('{}' AS json)" : "JSON '{}'";
        String invoiceSql = "INSERT INTO billops_invoice (tenant_id, id, doc_type, series, number, client_id, currency, "
                + "status, issue_date, due_date, service_start, service_end, price_basis, tax_rounding, cash_increment, "
                + "cash_increment_scale, line_net_total, allowance_total, charge_total, tax_exclusive, tax_total, "
                + "tax_inclusive, rounding_amount, payable, paid, credited, notes, metadata, source, engagement_id, "
                + "package_period_start, credited_invoice_id, purchase_order_ref, version) SELECT " + tenant + ", "
                + String.format(text, "i") + ", 'INVOICE', 'INV', " + String.format(text, "INV-") + ", "
                + (postgres ? "'c' || (g % " + CLIENTS + ")" : "CONCAT('c', MOD(g, " + CLIENTS + "))") + ", 'EUR', "
                + status + ", " + issued + ", " + String.format(plusDays, issued, 30) + ", NULL, NULL, 'NET', "
                + "'PER_GROUP', NULL, NULL, " + payable + ", 0, 0, " + payable + ", 0, " + payable + ", 0, " + payable
                + ", " + paid + ", 0, '', " + json + ", 'MANUAL', NULL, NULL, NULL, NULL, 0 FROM " + series;
        String paidShare = " FROM " + series + " WHERE " + quarter + " IN (0, 1)";
        String paymentSql = "INSERT INTO billops_payment (tenant_id, id, client_id, amount, currency, received_on, "
                + "method, external_ref, idempotency_key, status, refunded, version) SELECT " + tenant + ", "
                + String.format(text, "p") + ", "
                + (postgres ? "'c' || (g % " + CLIENTS + ")" : "CONCAT('c', MOD(g, " + CLIENTS + "))") + ", " + paid
                + ", 'EUR', " + String.format(plusDays, issued, 10) + ", 'bank-transfer', NULL, NULL, 'SUCCEEDED', 0, 0"
                + paidShare;
        String allocationSql = "INSERT INTO billops_payment_allocation (tenant_id, payment_id, idx, sequence, "
                + "invoice_id, amount, allocated_on) SELECT " + tenant + ", " + String.format(text, "p") + ", 0, 1, "
                + String.format(text, "i") + ", " + paid + ", " + String.format(plusDays, issued, 10) + paidShare;
        try (Connection c = connections.get(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute(invoiceSql);
            s.execute(paymentSql);
            s.execute(allocationSql);
            s.execute("ANALYZE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot seed " + invoices + " invoices: " + e.getMessage(), e);
        }
        return (System.nanoTime() - t) / 1e9;
    }

    private static Figures measure(String database, JdbcBillingStore store, Connections raw, long invoices,
            double seed) {
        TenantBilling billing = Billing.builder().stores(store).build().tenant(Workload.TENANT_ID,
                Actor.system("aging-benchmark"));
        AgingReport report = billing.receivables().aging(AS_OF);
        Map<AgingBucket, BigDecimal> baseline = Map.of();
        try (Connection c = raw.get()) {
            List<Double> ours = new ArrayList<>();
            List<Double> base = new ArrayList<>();
            // each run at another date, the same for both: H2 would otherwise hand a repeated query
            // its previous result without running it
            for (int i = RUNS; i >= 0; i--) {
                LocalDate asOf = AS_OF.minusDays(i);
                long t = System.nanoTime();
                report = billing.receivables().aging(asOf);
                ours.add((System.nanoTime() - t) / 1e6);
                t = System.nanoTime();
                baseline = baseline(c, asOf);
                base.add((System.nanoTime() - t) / 1e6);
            }
            // the last run (at AS_OF) is the one whose totals are compared; the first is a warm-up
            ours.remove(0);
            base.remove(0);
            AgingBuckets total = report.total(Workload.EUR);
            boolean same = true;
            StringBuilder totals = new StringBuilder();
            for (AgingBucket b : AgingBucket.values()) {
                BigDecimal expected = baseline.getOrDefault(b, BigDecimal.ZERO);
                same &= total.amount(b).amount().compareTo(expected) == 0;
                totals.append(totals.length() == 0 ? "" : ", ").append(b).append(' ').append(total.amount(b).amount());
            }
            return new Figures(database, invoices, median(ours), median(base), same, seed, totals.toString());
        } catch (SQLException e) {
            throw new IllegalStateException("baseline aging query failed: " + e.getMessage(), e);
        }
    }

    /**
     * The hand-written GROUP BY: open amount per client, currency and bucket of the tenant's issued
     * invoices in one statement (the shape of our report), summed here per bucket for the check.
     */
    private static Map<AgingBucket, BigDecimal> baseline(Connection c, LocalDate asOf) throws SQLException {
        String sql = "SELECT o.client_id, o.currency, o.bucket, SUM(o.due) AS due FROM (SELECT i.client_id, "
                + "i.currency, CASE WHEN i.due_date >= ? THEN 0 "
                + "WHEN i.due_date >= ? THEN 1 WHEN i.due_date >= ? THEN 2 WHEN i.due_date >= ? THEN 3 ELSE 4 END "
                + "AS bucket, i.payable - COALESCE(a.amount, 0) - i.credited AS due FROM billops_invoice i "
                + "LEFT JOIN (SELECT invoice_id, SUM(amount) AS amount FROM billops_payment_allocation "
                + "WHERE tenant_id = ? AND allocated_on <= ? GROUP BY invoice_id) a ON a.invoice_id = i.id "
                + "WHERE i.tenant_id = ? AND i.doc_type = 'INVOICE' AND i.status IN ('ISSUED', 'PARTIALLY_PAID', 'PAID') "
                + "AND i.issue_date <= ?) o WHERE o.due > 0 GROUP BY o.client_id, o.currency, o.bucket";
        Map<AgingBucket, BigDecimal> sums = new EnumMap<>(AgingBucket.class);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            AgingBucket[] buckets = AgingBucket.values();
            for (int b = 0; b < 4; b++) {
                ps.setDate(b + 1, Date.valueOf(asOf.minusDays(buckets[b].maxDays())));
            }
            ps.setString(5, Workload.TENANT_ID.value());
            ps.setDate(6, Date.valueOf(asOf));
            ps.setString(7, Workload.TENANT_ID.value());
            ps.setDate(8, Date.valueOf(asOf));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sums.merge(buckets[rs.getInt("bucket")], rs.getBigDecimal("due"), BigDecimal::add);
                }
            }
        }
        return sums;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
