package dev.billops.benchmarks;

import dev.billops.core.engagement.Engagement;
import dev.billops.core.engagement.PackagePolicy;
import dev.billops.core.engagement.PackageRunOptions;
import dev.billops.core.engagement.PackageRunResult;
import dev.billops.core.engagement.PackageSchedule;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EngagementId;
import dev.billops.core.internal.engagement.PackageBillingJob;
import dev.billops.core.money.Money;
import dev.billops.core.spi.BillingStore;
import dev.billops.core.spi.EngagementStore;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Case 4: the package billing run ({@link PackageBillingJob}) over {@code engagements} monthly
 * package engagements of 1,000 clients on PostgreSQL, all due on the run date: each run creates,
 * numbers and issues one invoice per engagement (audit record and outbox event included), in
 * chunks of {@link PackageRunOptions#DEFAULT_CHUNK_SIZE} engagements per transaction, with 1, 2 or
 * 4 workers, numbered by the default package pattern or by the tenant's gapless counter. The
 * engagements are seeded through the store before the clock starts.
 *
 * <p>Baseline: the rows a warm-up run of the same size wrote (invoice headers, lines, tax
 * subtotals, audit records, outbox events; the package-period key is part of the header), read
 * back and inserted into a freshly seeded schema with plain JDBC batches, one transaction and one
 * counter update per chunk of the same size; measured right after each run, as the load of a
 * shared machine drifts.
 */
final class PackageRunCase {

    static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 1);

    /** The tables a package run writes rows to, parents first. */
    static final List<String> TABLES = List.of("billops_invoice", "billops_invoice_line", "billops_invoice_tax",
            "billops_audit_log", "billops_outbox");

    record Figures(int engagements, int workers, boolean tenantNumbering, int created, double seconds,
            double seedSeconds) {
        double microsPerEngagement() {
            return seconds * 1e6 / engagements;
        }
    }

    /** The rows of one table: its column names and values, in insertion order. */
    record Rows(String table, List<String> columns, List<Object[]> values) {
    }

    /** Seeds {@code engagements} engagements; returns the seconds it took. */
    static double seed(BillingStore store, int engagements) {
        long t = System.nanoTime();
        int clients = Math.min(1_000, engagements);
        Seeding.tenantAndClients(store, Workload.TENANT_ID, clients, false);
        for (int from = 0; from < engagements; from += 5_000) {
            int start = from;
            store.inTransaction(Workload.TENANT_ID, s -> {
                EngagementStore es = s.get(EngagementStore.class);
                for (int i = start; i < Math.min(engagements, start + 5_000); i++) {
                    es.insert(Engagement.ofPackage(EngagementId.of("g" + i), ClientId.of("c" + i % clients),
                            "Support retainer " + i, Money.of(Workload.EUR, BigDecimal.valueOf(500 + i % 20 * 25)),
                            PackageSchedule.MONTHLY, RUN_DATE, null));
                }
                return null;
            });
        }
        return (System.nanoTime() - t) / 1e9;
    }

    /**
     * Seeds and runs; {@code tenantNumbering} numbers by the tenant's gapless counter (which the
     * workers of one tenant take in turn, a chunk at a time) instead of the default package
     * pattern ({@code PKG-{engagementId}-{periodStart}}, no counter).
     */
    static Figures run(BillingStore store, int engagements, int workers, boolean tenantNumbering) {
        double seed = seed(store, engagements);
        PackagePolicy policy = tenantNumbering ? PackagePolicy.defaults().withTenantNumbering()
                : PackagePolicy.defaults();
        PackageBillingJob job = new PackageBillingJob(store,
                Clock.fixed(RUN_DATE.atTime(6, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC),
                PackageBillingJob.DEFAULT_ACTOR, policy);
        long t = System.nanoTime();
        PackageRunResult result = job.run(RUN_DATE, PackageRunOptions.all().withWorkers(workers));
        double seconds = (System.nanoTime() - t) / 1e9;
        if (!result.failed().isEmpty()) {
            throw new IllegalStateException(result.failed().size() + " engagements failed, first: "
                    + result.failed().get(0));
        }
        if (result.created().size() != engagements) {
            throw new IllegalStateException(result.created().size() + " invoices created for " + engagements
                    + " engagements");
        }
        return new Figures(engagements, workers, tenantNumbering, result.created().size(), seconds, seed);
    }

    /** The number counter a run moved. */
    record Counter(String series, String periodKey) {
    }

    /** The one counter the run moved, or the package series' own if it moved none (pattern numbers). */
    static Counter counter(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT series, period_key FROM billops_number_sequence "
                + "WHERE tenant_id = ?")) {
            ps.setString(1, Workload.TENANT_ID.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new Counter(PackagePolicy.DEFAULT_SERIES, "");
                }
                Counter counter = new Counter(rs.getString(1), rs.getString(2));
                if (rs.next()) {
                    throw new IllegalStateException("the run moved more than one number counter");
                }
                return counter;
            }
        }
    }

    /** The rows a run wrote, read back (identity columns left out) for {@link #rawInsert}. */
    static List<Rows> written(Connection c) throws SQLException {
        List<Rows> out = new ArrayList<>();
        for (String table : TABLES) {
            String order = table.equals("billops_invoice") ? "number"
                    : table.equals("billops_audit_log") || table.equals("billops_outbox") ? "seq" : "invoice_id";
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " WHERE tenant_id = ? ORDER BY "
                    + order)) {
                ps.setString(1, Workload.TENANT_ID.value());
                try (ResultSet rs = ps.executeQuery()) {
                    ResultSetMetaData md = rs.getMetaData();
                    List<Integer> keep = new ArrayList<>();
                    List<String> columns = new ArrayList<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        if (!md.isAutoIncrement(i) && !(md.getColumnName(i).equals("seq") && (table.equals("billops_audit_log")
                                || table.equals("billops_outbox")))) {
                            keep.add(i);
                            columns.add(md.getColumnName(i));
                        }
                    }
                    List<Object[]> values = new ArrayList<>();
                    while (rs.next()) {
                        Object[] row = new Object[keep.size()];
                        for (int i = 0; i < row.length; i++) {
                            row[i] = rs.getObject(keep.get(i));
                        }
                        values.add(row);
                    }
                    out.add(new Rows(table, columns, values));
                }
            }
        }
        return out;
    }

    /**
     * The baseline: {@code rows} inserted with plain JDBC batches, {@code chunk} invoices (with their
     * lines, tax subtotals, audit records and events) per transaction, each transaction also moving
     * the number counter once. Returns the seconds it took.
     */
    static double rawInsert(Connection c, List<Rows> rows, Counter counterKey, int chunk) throws SQLException {
        Rows invoices = rows.get(0);
        int idColumn = invoices.columns().indexOf("id");
        // the children of each invoice, by the invoice id (lines, taxes) or the entity id (audit) or position (events)
        java.util.Map<Object, Integer> invoiceIndex = new java.util.HashMap<>();
        for (int i = 0; i < invoices.values().size(); i++) {
            invoiceIndex.put(invoices.values().get(i)[idColumn], i);
        }
        List<List<List<Object[]>>> perChunk = new ArrayList<>();
        int chunks = (invoices.values().size() + chunk - 1) / chunk;
        for (Rows r : rows) {
            List<List<Object[]>> split = new ArrayList<>();
            for (int k = 0; k < chunks; k++) {
                split.add(new ArrayList<>());
            }
            int key = r.table().equals("billops_invoice") ? idColumn
                    : r.table().equals("billops_audit_log") ? r.columns().indexOf("entity_id")
                    : r.table().equals("billops_outbox") ? -1 : r.columns().indexOf("invoice_id");
            for (int i = 0; i < r.values().size(); i++) {
                Object[] v = r.values().get(i);
                Integer at = key < 0 ? Integer.valueOf(i) : invoiceIndex.get(v[key]);
                split.get(Math.min(chunks - 1, (at == null ? i : at) / chunk)).add(v);
            }
            perChunk.add(split);
        }
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        long t = System.nanoTime();
        try {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO billops_number_sequence (tenant_id, series, "
                    + "period_key, last_value) VALUES (?, ?, ?, 0)")) {
                ps.setString(1, Workload.TENANT_ID.value());
                ps.setString(2, counterKey.series());
                ps.setString(3, counterKey.periodKey());
                ps.executeUpdate();
            }
            List<PreparedStatement> inserts = new ArrayList<>();
            for (Rows r : rows) {
                inserts.add(c.prepareStatement("INSERT INTO " + r.table() + " (" + String.join(", ", r.columns())
                        + ") VALUES (" + String.join(", ", java.util.Collections.nCopies(r.columns().size(), "?"))
                        + ")"));
            }
            try (PreparedStatement counter = c.prepareStatement("UPDATE billops_number_sequence SET last_value = "
                    + "last_value + ? WHERE tenant_id = ? AND series = ? AND period_key = ?")) {
                counter.setString(2, Workload.TENANT_ID.value());
                counter.setString(3, counterKey.series());
                counter.setString(4, counterKey.periodKey());
                for (int k = 0; k < chunks; k++) {
                    counter.setInt(1, perChunk.get(0).get(k).size());
                    counter.executeUpdate();
                    for (int ti = 0; ti < rows.size(); ti++) {
                        PreparedStatement ps = inserts.get(ti);
                        for (Object[] v : perChunk.get(ti).get(k)) {
                            for (int col = 0; col < v.length; col++) {
                                ps.setObject(col + 1, v[col]);
                            }
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                    c.commit();
                }
            } finally {
                for (PreparedStatement ps : inserts) {
                    ps.close();
                }
            }
            return (System.nanoTime() - t) / 1e9;
        } finally {
            c.setAutoCommit(auto);
        }
    }
}
