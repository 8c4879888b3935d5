package dev.billops.benchmarks;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.internal.Transitions;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceSource;
import dev.billops.core.spi.InvoiceStore;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.spi.BillingStore;
import dev.billops.core.tax.TaxSubtotal;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.time.TimeSpan;
import dev.billops.core.timeentry.EntryState;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.core.spi.TimeEntryStore;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Case 3: persist {@code entries} time entries ({@link TimeEntryStore#insertAll}, chunks of
 * {@link #CHUNK} per transaction) and then {@code invoices} issued invoices of 5 lines, each line
 * billing 2 of those entries ({@link InvoiceStore#insertAll}, {@link #INVOICES_PER_TX} per
 * transaction), through the stores; baseline: raw JDBC batch inserts of the same rows (entry;
 * invoice header, lines, line entries, billed entries, tax subtotals) into a second, identical,
 * freshly migrated schema, committed in the same chunks.
 */
final class PersistCase {

    static final int CHUNK = 10_000;
    static final int INVOICES_PER_TX = 1_000;
    static final int LINES = 5;
    static final int ENTRIES_PER_LINE = 2;

    /** What one measurement needs: the store and a raw connection to the baseline's schema. */
    record Target(String name, BillingStore store, Supplier<Connection> baseline, boolean jsonCast) {
    }

    record Figures(double storeEntriesPerSecond, double rawEntriesPerSecond, double storeInvoicesPerSecond,
            double rawInvoicesPerSecond) {
    }

    private final List<TimeEntry> entries;
    private final List<Invoice> invoices;

    PersistCase(int entryCount, int invoiceCount) {
        entries = new ArrayList<>(entryCount);
        Instant t0 = Instant.parse("2026-11-02T07:00:00Z");
        for (int i = 0; i < entryCount; i++) {
            Instant start = t0.plusSeconds(600L * i);
            entries.add(new TimeEntry(TimeEntryId.of("e" + i), ProjectId.of("p" + i % 100),
                    TimekeeperId.of("tk" + i % 50), null, TimeSpan.of(start, start.plusSeconds(540), Workload.ZONE),
                    "Implementation work on ticket " + i, true, null, null, EntryState.OPEN, null, null, 0));
        }
        invoices = new ArrayList<>(invoiceCount);
        LocalDate issue = LocalDate.of(2026, 11, 30);
        int entry = 0;
        for (int n = 0; n < invoiceCount; n++) {
            List<InvoiceLine> lines = new ArrayList<>(LINES);
            for (int l = 1; l <= LINES; l++) {
                List<TimeEntryId> ids = new ArrayList<>(ENTRIES_PER_LINE);
                for (int k = 0; k < ENTRIES_PER_LINE; k++) {
                    ids.add(TimeEntryId.of("e" + entry++ % entryCount));
                }
                lines.add(new InvoiceLine(l, "Consulting – Project " + l, new BigDecimal("0.3000"), UnitCode.HOUR,
                        UnitPrice.of(Workload.EUR, "120.00"), BigDecimal.ONE, List.of(),
                        Invoices.THREE_RATES.get(l % 3), LocalDateRange.ofMonth(Workload.MONTH), ids,
                        ProjectId.of("p" + l), null, null, null));
            }
            Invoice draft = Invoice.draft(InvoiceId.of("inv" + n), ClientId.of("c" + n % 100), Workload.EUR,
                    InvoiceSource.TIME_ENTRIES).withLines(lines);
            invoices.add(Transitions.issuedAs(draft, "2026-" + n, issue, issue.plusDays(30)));
        }
    }

    Figures run(Target target) {
        long t = System.nanoTime();
        for (int from = 0; from < entries.size(); from += CHUNK) {
            List<TimeEntry> chunk = entries.subList(from, Math.min(entries.size(), from + CHUNK));
            target.store().inTransaction(Workload.TENANT_ID, s -> {
                s.get(TimeEntryStore.class).insertAll(chunk);
                return null;
            });
        }
        double storeEntries = perSecond(entries.size(), t);
        t = System.nanoTime();
        for (int from = 0; from < invoices.size(); from += INVOICES_PER_TX) {
            List<Invoice> chunk = invoices.subList(from, Math.min(invoices.size(), from + INVOICES_PER_TX));
            target.store().inTransaction(Workload.TENANT_ID, s -> {
                s.get(InvoiceStore.class).insertAll(chunk);
                return null;
            });
        }
        double storeInvoices = perSecond(invoices.size(), t);
        try (Connection c = target.baseline().get()) {
            c.setAutoCommit(false);
            t = System.nanoTime();
            rawEntries(c);
            double rawEntries = perSecond(entries.size(), t);
            t = System.nanoTime();
            rawInvoices(c, target.jsonCast());
            double rawInvoices = perSecond(invoices.size(), t);
            return new Figures(storeEntries, rawEntries, storeInvoices, rawInvoices);
        } catch (SQLException e) {
            throw new IllegalStateException("baseline inserts failed on " + target.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stores {@code count} issued invoices in the schema of {@code c} by one {@code INSERT … SELECT}
     * per table (PostgreSQL {@code generate_series}, H2 {@code SYSTEM_RANGE}): a header, one line
     * billing one entry, its billed-entry claim and one tax subtotal each, with ids, numbers and
     * entries that the measured invoices do not use. Returns the seconds it took.
     */
    static double seedInvoices(Connection c, int count, boolean postgres) throws SQLException {
        long t = System.nanoTime();
        String tenant = "'" + Workload.TENANT_ID.value() + "'";
        String from = postgres ? " FROM generate_series(1, " + count + ") AS s(g)"
                : " FROM (SELECT \"X\" AS g FROM SYSTEM_RANGE(1, " + count + ")) s";
        String json = postgres ? "CAST('{}' AS json)" : "JSON '{}'";
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (java.sql.Statement st = c.createStatement()) {
            st.execute("INSERT INTO billops_invoice (tenant_id, id, doc_type, series, number, client_id, currency, "
                    + "status, issue_date, due_date, service_start, service_end, price_basis, tax_rounding, "
                    + "line_net_total, allowance_total, charge_total, tax_exclusive, tax_total, tax_inclusive, "
                    + "rounding_amount, payable, paid, credited, notes, metadata, source, version) SELECT " + tenant
                    + ", " + cat(postgres, "seed", "g") + ", 'INVOICE', 'INV', " + cat(postgres, "S-", "g") + ", "
                    + cat(postgres, "c", "MOD(g, 100)") + ", 'EUR', 'ISSUED', "
                    + "DATE '2026-10-31', DATE '2026-11-30', DATE '2026-10-01', DATE '2026-11-01', 'NET', 'PER_GROUP', "
                    + "36.00, 0, 0, 36.00, 6.84, 42.84, 0, 42.84, 0, 0, '', " + json + ", 'TIME_ENTRIES', 0" + from);
            st.execute("INSERT INTO billops_invoice_line (tenant_id, invoice_id, position, idx, description, quantity, "
                    + "quantity_scale, unit, price, base_quantity, base_quantity_scale, tax_category, tax_rate, "
                    + "period_start, period_end, project_id, net_amount) SELECT " + tenant + ", " + cat(postgres, "seed", "g")
                    + ", 1, 0, "
                    + "'Seeded work', 0.3000, 4, 'HOUR', 120.00, 1, 0, 'S', 19, DATE '2026-10-01', DATE '2026-11-01', "
                    + cat(postgres, "p", "MOD(g, 100)") + ", 36.00" + from);
            st.execute("INSERT INTO billops_invoice_line_entry (tenant_id, invoice_id, position, seq, entry_id) SELECT "
                    + tenant + ", " + cat(postgres, "seed", "g") + ", 1, 0, " + cat(postgres, "se", "g") + from);
            st.execute("INSERT INTO billops_billed_entry (tenant_id, entry_id, invoice_id) SELECT " + tenant
                    + ", " + cat(postgres, "se", "g") + ", " + cat(postgres, "seed", "g") + from);
            st.execute("INSERT INTO billops_invoice_tax (tenant_id, invoice_id, seq, category, rate, rate_scale, "
                    + "taxable_amount, tax_amount) SELECT " + tenant + ", " + cat(postgres, "seed", "g")
                    + ", 0, 'S', 19, 0, 36.00, 6.84" + from);
            c.commit();
        } finally {
            c.setAutoCommit(auto);
        }
        return (System.nanoTime() - t) / 1e9;
    }

    /** SQL text for {@code prefix} followed by the value of {@code expression}. */
    private static String cat(boolean postgres, String prefix, String expression) {
        return postgres ? "'" + prefix + "' || " + expression : "CONCAT('" + prefix + "', " + expression + ")";
    }

    private static double perSecond(int count, long startNanos) {
        return count / ((System.nanoTime() - startNanos) / 1e9);
    }

    private static LocalDateTime utc(Instant i) {
        return LocalDateTime.ofInstant(i.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private void rawEntries(Connection c) throws SQLException {
        String tenant = Workload.TENANT_ID.value();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO billops_time_entry (tenant_id, id, project_id, "
                + "timekeeper_id, activity_id, start_at, start_nanos, end_at, end_nanos, zone_id, start_date, "
                + "description, billable, explicit_rate, explicit_rate_currency, explicit_rate_unit, state, invoice_id, "
                + "external_uid, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (TimeEntry e : entries) {
                ps.setString(1, tenant);
                ps.setString(2, e.id().value());
                ps.setString(3, e.projectId().value());
                ps.setString(4, e.timekeeperId().value());
                ps.setNull(5, Types.VARCHAR);
                ps.setTimestamp(6, Timestamp.valueOf(utc(e.span().start())));
                ps.setInt(7, e.span().start().getNano());
                ps.setTimestamp(8, Timestamp.valueOf(utc(e.span().end())));
                ps.setInt(9, e.span().end().getNano());
                ps.setString(10, e.span().zone().getId());
                ps.setObject(11, e.span().localDate());
                ps.setString(12, e.description());
                ps.setBoolean(13, e.billable());
                ps.setNull(14, Types.NUMERIC);
                ps.setNull(15, Types.VARCHAR);
                ps.setNull(16, Types.VARCHAR);
                ps.setString(17, e.state().name());
                ps.setNull(18, Types.VARCHAR);
                ps.setNull(19, Types.VARCHAR);
                ps.setLong(20, e.version());
                ps.addBatch();
                if (++pending % 1_000 == 0) {
                    ps.executeBatch();
                }
                if (pending == CHUNK) {
                    c.commit();
                    pending = 0;
                }
            }
            ps.executeBatch();
            c.commit();
        }
    }

    private void rawInvoices(Connection c, boolean jsonCast) throws SQLException {
        String tenant = Workload.TENANT_ID.value();
        try (PreparedStatement header = c.prepareStatement("INSERT INTO billops_invoice (tenant_id, id, doc_type, "
                + "series, number, client_id, currency, status, issue_date, due_date, service_start, service_end, "
                + "price_basis, tax_rounding, cash_increment, cash_increment_scale, line_net_total, allowance_total, "
                + "charge_total, tax_exclusive, tax_total, tax_inclusive, rounding_amount, payable, paid, credited, "
                + "notes, metadata, source, engagement_id, package_period_start, credited_invoice_id, "
                + "purchase_order_ref, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?, ?, ?, " + (jsonCast ? "CAST(? AS json)" : "? FORMAT JSON")
                + ", ?, ?, ?, ?, ?, ?)");
                PreparedStatement line = c.prepareStatement("INSERT INTO billops_invoice_line (tenant_id, "
                        + "invoice_id, position, idx, description, quantity, quantity_scale, unit, price, "
                        + "base_quantity, base_quantity_scale, tax_category, tax_rate, tax_exemption_reason, "
                        + "period_start, period_end, project_id, activity_id, timekeeper_id, rate_rule_id, net_amount) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement lineEntry = c.prepareStatement("INSERT INTO billops_invoice_line_entry (tenant_id, "
                        + "invoice_id, position, seq, entry_id) VALUES (?, ?, ?, ?, ?)");
                PreparedStatement billed = c.prepareStatement("INSERT INTO billops_billed_entry (tenant_id, entry_id, "
                        + "invoice_id) VALUES (?, ?, ?)");
                PreparedStatement tax = c.prepareStatement("INSERT INTO billops_invoice_tax (tenant_id, invoice_id, "
                        + "seq, category, rate, rate_scale, taxable_amount, tax_amount, exemption_reason) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (Invoice inv : invoices) {
                String id = inv.id().value();
                int p = 1;
                header.setString(p++, tenant);
                header.setString(p++, id);
                header.setString(p++, inv.type().name());
                header.setString(p++, inv.series());
                header.setString(p++, inv.number());
                header.setString(p++, inv.clientId().value());
                header.setString(p++, inv.currency().getCurrencyCode());
                header.setString(p++, inv.status().name());
                header.setObject(p++, inv.issueDate());
                header.setObject(p++, inv.dueDate());
                header.setObject(p++, inv.servicePeriod() == null ? null : inv.servicePeriod().startInclusive());
                header.setObject(p++, inv.servicePeriod() == null ? null : inv.servicePeriod().endExclusive());
                header.setString(p++, inv.priceBasis().name());
                header.setString(p++, inv.taxRounding().name());
                header.setNull(p++, Types.NUMERIC);
                header.setNull(p++, Types.SMALLINT);
                header.setBigDecimal(p++, inv.totals().lineNetTotal().amount());
                header.setBigDecimal(p++, inv.totals().allowanceTotal().amount());
                header.setBigDecimal(p++, inv.totals().chargeTotal().amount());
                header.setBigDecimal(p++, inv.totals().taxExclusive().amount());
                header.setBigDecimal(p++, inv.totals().taxTotal().amount());
                header.setBigDecimal(p++, inv.totals().taxInclusive().amount());
                header.setBigDecimal(p++, inv.totals().roundingAmount().amount());
                header.setBigDecimal(p++, inv.totals().payable().amount());
                header.setBigDecimal(p++, inv.paid().amount());
                header.setBigDecimal(p++, inv.credited().amount());
                header.setString(p++, inv.notes());
                header.setString(p++, "{}");
                header.setString(p++, inv.source().name());
                header.setNull(p++, Types.VARCHAR);
                header.setNull(p++, Types.DATE);
                header.setNull(p++, Types.VARCHAR);
                header.setNull(p++, Types.VARCHAR);
                header.setLong(p, inv.version());
                header.addBatch();
                for (int i = 0; i < inv.lines().size(); i++) {
                    InvoiceLine l = inv.lines().get(i);
                    line.setString(1, tenant);
                    line.setString(2, id);
                    line.setInt(3, l.position());
                    line.setInt(4, i);
                    line.setString(5, l.description());
                    line.setBigDecimal(6, l.quantity());
                    line.setInt(7, l.quantity().scale());
                    line.setString(8, l.unit().code());
                    line.setBigDecimal(9, l.price().amount());
                    line.setBigDecimal(10, l.baseQuantity());
                    line.setInt(11, l.baseQuantity().scale());
                    line.setString(12, l.tax().category().name());
                    line.setBigDecimal(13, l.tax().ratePercent());
                    line.setString(14, l.tax().exemptionReason());
                    line.setObject(15, l.period() == null ? null : l.period().startInclusive());
                    line.setObject(16, l.period() == null ? null : l.period().endExclusive());
                    line.setString(17, l.projectId() == null ? null : l.projectId().value());
                    line.setNull(18, Types.VARCHAR);
                    line.setNull(19, Types.VARCHAR);
                    line.setNull(20, Types.VARCHAR);
                    line.setBigDecimal(21, inv.lineNets().get(i).amount());
                    line.addBatch();
                    for (int seq = 0; seq < l.entryIds().size(); seq++) {
                        String entry = l.entryIds().get(seq).value();
                        lineEntry.setString(1, tenant);
                        lineEntry.setString(2, id);
                        lineEntry.setInt(3, l.position());
                        lineEntry.setInt(4, seq);
                        lineEntry.setString(5, entry);
                        lineEntry.addBatch();
                        billed.setString(1, tenant);
                        billed.setString(2, entry);
                        billed.setString(3, id);
                        billed.addBatch();
                    }
                }
                for (int i = 0; i < inv.taxBreakdown().size(); i++) {
                    TaxSubtotal s = inv.taxBreakdown().get(i);
                    tax.setString(1, tenant);
                    tax.setString(2, id);
                    tax.setInt(3, i);
                    tax.setString(4, s.category().name());
                    tax.setBigDecimal(5, s.ratePercent());
                    if (s.ratePercent() == null) {
                        tax.setNull(6, Types.SMALLINT);
                    } else {
                        tax.setInt(6, s.ratePercent().scale());
                    }
                    tax.setBigDecimal(7, s.taxableAmount().amount());
                    tax.setBigDecimal(8, s.taxAmount().amount());
                    tax.setString(9, s.exemptionReason());
                    tax.addBatch();
                }
                if (++pending % 200 == 0 || pending == INVOICES_PER_TX) {
                    header.executeBatch();
                    line.executeBatch();
                    lineEntry.executeBatch();
                    billed.executeBatch();
                    tax.executeBatch();
                }
                if (pending == INVOICES_PER_TX) {
                    c.commit();
                    pending = 0;
                }
            }
            header.executeBatch();
            line.executeBatch();
            lineEntry.executeBatch();
            billed.executeBatch();
            tax.executeBatch();
            c.commit();
        }
    }
}
