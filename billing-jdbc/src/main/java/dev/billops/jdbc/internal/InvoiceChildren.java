package dev.billops.jdbc.internal;

import dev.billops.core.id.ActivityId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.RateRuleId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.invoice.AllowanceCharge;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.LineDetails;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.money.Money;
import dev.billops.core.tax.TaxCategory;
import dev.billops.core.tax.TaxSubtotal;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.core.time.LocalDateRange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;

/** The child rows of invoices: lines (with their entries), allowances and charges, VAT breakdown. */
final class InvoiceChildren {

    /** The parts of one invoice that live in child tables. */
    record Parts(List<InvoiceLine> lines, List<AllowanceCharge> adjustments, List<TaxSubtotal> breakdown,
            List<Money> lineNets) {
        static final Parts EMPTY = new Parts(List.of(), List.of(), List.of(), List.of());
    }

    private static final String[] TABLES = {
        "billops_invoice_line_entry", "billops_invoice_allowance", "billops_invoice_tax", "billops_invoice_line"};

    private final JdbcSession session;

    InvoiceChildren(JdbcSession session) {
        this.session = session;
    }

    void delete(InvoiceId id) {
        for (String table : TABLES) {
            session.handle().createUpdate("DELETE FROM " + table + " WHERE tenant_id = :t AND invoice_id = :id")
                    .bind("t", session.tenantId()).bind("id", id.value()).execute();
        }
    }

    void insert(Invoice invoice) {
        try {
            insertAll(List.of(invoice));
        } catch (SQLException e) {
            throw SqlErrors.translate(e, SqlErrors.Phase.STATEMENT);
        }
    }

    /**
     * The child rows of {@code invoices}, each table's rows of all of them in one batch (executed
     * every {@code batchSize} rows), bound by position on the transaction's connection. Database
     * errors are left to the caller, which may roll back to a savepoint and name the clash.
     */
    void insertAll(List<Invoice> invoices) throws SQLException {
        // a draft remembers each entry's version: issuing refuses entries changed since; issued
        // documents leave it NULL
        Map<String, Map<String, Long>> versions = new HashMap<>();
        for (Invoice invoice : invoices) {
            if (invoice.isDraft() && !invoice.lines().isEmpty()) {
                versions.put(invoice.id().value(), entryVersions(invoice));
            }
        }
        insertLines(invoices, versions);
        insertAllowances(invoices);
        insertTaxes(invoices);
    }

    private static final String ALLOWANCE_INSERT = "INSERT INTO billops_invoice_allowance (tenant_id, invoice_id, "
            + "line_position, seq, is_charge, amount, percent, percent_scale, base_amount, reason, tax_category, "
            + "tax_rate, tax_exemption_reason, tax_exemption_code, reason_code) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String TAX_INSERT = "INSERT INTO billops_invoice_tax (tenant_id, invoice_id, seq, category, "
            + "rate, rate_scale, taxable_amount, tax_amount, exemption_reason, exemption_reason_code) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Document allowances and charges (line position 0) and those of each line. */
    private void insertAllowances(List<Invoice> invoices) throws SQLException {
        boolean any = false;
        for (Invoice invoice : invoices) {
            any |= !invoice.adjustments().isEmpty();
            for (InvoiceLine l : invoice.lines()) {
                any |= !l.allowancesCharges().isEmpty();
            }
        }
        if (!any) {
            return;
        }
        int batchSize = session.context().batchSize();
        try (PreparedStatement ps = session.handle().getConnection().prepareStatement(ALLOWANCE_INSERT)) {
            int pending = 0;
            for (Invoice invoice : invoices) {
                String id = invoice.id().value();
                for (int i = 0; i < invoice.adjustments().size(); i++) {
                    bindAllowance(ps, id, 0, i, invoice.adjustments().get(i));
                    if (++pending == batchSize) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
                for (InvoiceLine l : invoice.lines()) {
                    for (int i = 0; i < l.allowancesCharges().size(); i++) {
                        bindAllowance(ps, id, l.position(), i, l.allowancesCharges().get(i));
                        if (++pending == batchSize) {
                            ps.executeBatch();
                            pending = 0;
                        }
                    }
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    private void bindAllowance(PreparedStatement ps, String id, int linePosition, int seq, AllowanceCharge ac)
            throws SQLException {
        TaxTreatment tax = ac.tax();
        Money base = ac.baseAmount();
        ps.setString(1, session.tenantId());
        ps.setString(2, id);
        ps.setInt(3, linePosition);
        ps.setInt(4, seq);
        ps.setBoolean(5, ac.charge());
        ps.setBigDecimal(6, ac.amount().amount());
        ps.setBigDecimal(7, ac.percent());
        ps.setObject(8, Columns.scaleOrNull(ac.percent()), Types.INTEGER);
        ps.setBigDecimal(9, base == null ? null : base.amount());
        ps.setString(10, ac.reason());
        ps.setString(11, tax == null ? null : tax.category().name());
        ps.setBigDecimal(12, tax == null ? null : tax.ratePercent());
        ps.setString(13, tax == null ? null : tax.exemptionReason());
        ps.setString(14, tax == null ? null : tax.exemptionReasonCode());
        ps.setString(15, ac.reasonCode());
        ps.addBatch();
    }

    /** The VAT breakdown of each invoice. */
    private void insertTaxes(List<Invoice> invoices) throws SQLException {
        boolean any = false;
        for (Invoice invoice : invoices) {
            any |= !invoice.taxBreakdown().isEmpty();
        }
        if (!any) {
            return;
        }
        int batchSize = session.context().batchSize();
        try (PreparedStatement ps = session.handle().getConnection().prepareStatement(TAX_INSERT)) {
            int pending = 0;
            for (Invoice invoice : invoices) {
                for (int i = 0; i < invoice.taxBreakdown().size(); i++) {
                    TaxSubtotal s = invoice.taxBreakdown().get(i);
                    ps.setString(1, session.tenantId());
                    ps.setString(2, invoice.id().value());
                    ps.setInt(3, i);
                    ps.setString(4, s.category().name());
                    ps.setBigDecimal(5, s.ratePercent());
                    ps.setObject(6, Columns.scaleOrNull(s.ratePercent()), Types.INTEGER);
                    ps.setBigDecimal(7, s.taxableAmount().amount());
                    ps.setBigDecimal(8, s.taxAmount().amount());
                    ps.setString(9, s.exemptionReason());
                    ps.setString(10, s.exemptionReasonCode());
                    ps.addBatch();
                    if (++pending == batchSize) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    private static final String LINE_INSERT = "INSERT INTO billops_invoice_line (tenant_id, invoice_id, position, idx, "
            + "description, quantity, quantity_scale, unit, price, base_quantity, base_quantity_scale, tax_category, "
            + "tax_rate, tax_exemption_reason, period_start, period_end, project_id, activity_id, timekeeper_id, "
            + "rate_rule_id, net_amount, tax_exemption_code, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            + "?, ?, ?, ?, ?, ?, ?, ";
    private static final String LINE_ENTRY_INSERT = "INSERT INTO billops_invoice_line_entry (tenant_id, invoice_id, "
            + "position, seq, entry_id, entry_version) VALUES (?, ?, ?, ?, ?, ?)";

    /**
     * Lines and the entries they bill, through two positional statements on the transaction's
     * connection, each executed every {@code batchSize} rows: a large invoice costs one round
     * trip per batch and holds at most one batch of bound rows, whatever its number of lines.
     * {@code draftVersions} holds the entry versions of each draft, by invoice id.
     */
    private void insertLines(List<Invoice> invoices, Map<String, Map<String, Long>> draftVersions)
            throws SQLException {
        boolean any = false;
        for (Invoice invoice : invoices) {
            any |= !invoice.lines().isEmpty();
        }
        if (!any) {
            return;
        }
        String t = session.tenantId();
        int batchSize = session.context().batchSize();
        Connection c = session.handle().getConnection();
        // the JSON column takes its parameter as the dialect binds JSON text
        String lineInsert = LINE_INSERT + session.context().dialect().json("details").replace(":details", "?") + ")";
        try (PreparedStatement lines = c.prepareStatement(lineInsert);
                PreparedStatement entries = c.prepareStatement(LINE_ENTRY_INSERT)) {
            int pendingLines = 0;
            int pendingEntries = 0;
            for (Invoice invoice : invoices) {
                String id = invoice.id().value();
                Map<String, Long> versions = draftVersions.getOrDefault(id, Map.of());
                for (int i = 0; i < invoice.lines().size(); i++) {
                    InvoiceLine l = invoice.lines().get(i);
                    LocalDateRange period = l.period();
                    lines.setString(1, t);
                    lines.setString(2, id);
                    lines.setInt(3, l.position());
                    lines.setInt(4, i);
                    lines.setString(5, l.description());
                    lines.setBigDecimal(6, l.quantity());
                    lines.setInt(7, l.quantity().scale());
                    lines.setString(8, l.unit().code());
                    lines.setBigDecimal(9, l.price().amount());
                    lines.setBigDecimal(10, l.baseQuantity());
                    lines.setInt(11, l.baseQuantity().scale());
                    lines.setString(12, l.tax().category().name());
                    lines.setBigDecimal(13, l.tax().ratePercent());
                    lines.setString(14, l.tax().exemptionReason());
                    lines.setObject(15, period == null ? null : period.startInclusive(), Types.DATE);
                    lines.setObject(16, period == null ? null : period.endExclusive(), Types.DATE);
                    lines.setString(17, Columns.valueOrNull(l.projectId()));
                    lines.setString(18, Columns.valueOrNull(l.activityId()));
                    lines.setString(19, Columns.valueOrNull(l.timekeeperId()));
                    lines.setString(20, Columns.valueOrNull(l.rateRuleId()));
                    lines.setBigDecimal(21, invoice.lineNets().get(i).amount());
                    lines.setString(22, l.tax().exemptionReasonCode());
                    lines.setString(23, l.details().equals(LineDetails.NONE) ? null : session.context().json().write(l.details()));
                    lines.addBatch();
                    if (++pendingLines == batchSize) {
                        lines.executeBatch();
                        pendingLines = 0;
                    }
                    for (int seq = 0; seq < l.entryIds().size(); seq++) {
                        String entry = l.entryIds().get(seq).value();
                        Long version = versions.get(entry);
                        entries.setString(1, t);
                        entries.setString(2, id);
                        entries.setInt(3, l.position());
                        entries.setInt(4, seq);
                        entries.setString(5, entry);
                        if (version == null) {
                            entries.setNull(6, Types.BIGINT);
                        } else {
                            entries.setLong(6, version);
                        }
                        entries.addBatch();
                        if (++pendingEntries == batchSize) {
                            entries.executeBatch();
                            pendingEntries = 0;
                        }
                    }
                }
            }
            if (pendingLines > 0) {
                lines.executeBatch();
            }
            if (pendingEntries > 0) {
                entries.executeBatch();
            }
        }
    }

    /** The current version of every stored time entry {@code draft} lists, by id. */
    private Map<String, Long> entryVersions(Invoice draft) {
        List<String> ids = new ArrayList<>(new TreeSet<>(draft.lines().stream()
                .flatMap(l -> l.entryIds().stream()).map(TimeEntryId::value).toList()));
        Map<String, Long> out = new HashMap<>();
        SqlDialect d = session.context().dialect();
        for (List<String> chunk : JdbcTimeEntryStore.chunks(ids)) {
            KeyLookup.bind(d, session.handle().createQuery("SELECT k.id, k.version FROM "
                    + KeyLookup.rows(d, "billops_time_entry", "id", "id, version", chunk.size(), false)), chunk)
                    .bind("t", session.tenantId())
                    .map((rs, c) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
        }
        return out;
    }

    /** The children of the given invoices (ids with their currencies), in four queries per 500 invoices. */
    Map<String, Parts> load(Map<String, CurrencyUnit> currencies) {
        Map<String, Parts> out = new HashMap<>();
        List<String> ids = new ArrayList<>(currencies.keySet());
        for (List<String> chunk : JdbcTimeEntryStore.chunks(ids)) {
            loadChunk(chunk, currencies, out);
        }
        return out;
    }

    private void loadChunk(List<String> ids, Map<String, CurrencyUnit> currencies, Map<String, Parts> out) {
        String t = session.tenantId();
        // entries per (invoice, position)
        Map<String, List<TimeEntryId>> entries = new HashMap<>();
        session.handle().createQuery("SELECT invoice_id, position, entry_id FROM billops_invoice_line_entry "
                + "WHERE tenant_id = :t AND invoice_id IN (<ids>) ORDER BY invoice_id, position, seq")
                .bind("t", t).bindList("ids", ids)
                .map((rs, c) -> new String[] {rs.getString(1) + "/" + rs.getInt(2), rs.getString(3)})
                .forEach(r -> entries.computeIfAbsent(r[0], k -> new ArrayList<>()).add(TimeEntryId.of(r[1])));
        // allowances per (invoice, line position); position 0 is the document
        Map<String, List<AllowanceCharge>> allowances = new HashMap<>();
        session.handle().createQuery("SELECT * FROM billops_invoice_allowance WHERE tenant_id = :t "
                + "AND invoice_id IN (<ids>) ORDER BY invoice_id, line_position, seq")
                .bind("t", t).bindList("ids", ids)
                .map((rs, c) -> {
                    String invoice = rs.getString("invoice_id");
                    return Map.entry(invoice + "/" + rs.getInt("line_position"), allowance(rs, currencies.get(invoice)));
                })
                .forEach(e -> allowances.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<String, List<TaxSubtotal>> breakdowns = new HashMap<>();
        session.handle().createQuery("SELECT * FROM billops_invoice_tax WHERE tenant_id = :t AND invoice_id IN (<ids>) "
                + "ORDER BY invoice_id, seq")
                .bind("t", t).bindList("ids", ids)
                .map((rs, c) -> {
                    String invoice = rs.getString("invoice_id");
                    CurrencyUnit cur = currencies.get(invoice);
                    return Map.entry(invoice, new TaxSubtotal(Columns.enumValue(rs, "category", TaxCategory.class),
                            Columns.exactOrNull(rs, "rate", "rate_scale"), Columns.money(rs, "taxable_amount", cur),
                            Columns.money(rs, "tax_amount", cur), rs.getString("exemption_reason"),
                            rs.getString("exemption_reason_code")));
                })
                .forEach(e -> breakdowns.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<String, List<InvoiceLine>> lines = new HashMap<>();
        Map<String, List<Money>> nets = new HashMap<>();
        session.handle().createQuery("SELECT * FROM billops_invoice_line WHERE tenant_id = :t AND invoice_id IN (<ids>) "
                + "ORDER BY invoice_id, idx")
                .bind("t", t).bindList("ids", ids)
                .map((rs, c) -> {
                    String invoice = rs.getString("invoice_id");
                    CurrencyUnit cur = currencies.get(invoice);
                    String key = invoice + "/" + rs.getInt("position");
                    LocalDate ps = Columns.dateOrNull(rs, "period_start");
                    LocalDate pe = Columns.dateOrNull(rs, "period_end");
                    InvoiceLine line = new InvoiceLine(rs.getInt("position"), rs.getString("description"),
                            Columns.exact(rs, "quantity", "quantity_scale"),
                            UnitCode.of(rs.getString("unit")), Columns.unitPrice(rs, "price", cur),
                            Columns.exact(rs, "base_quantity", "base_quantity_scale"),
                            allowances.getOrDefault(key, List.of()),
                            new TaxTreatment(Columns.enumValue(rs, "tax_category", TaxCategory.class),
                                    Columns.normalizedOrNull(rs, "tax_rate"), rs.getString("tax_exemption_reason"),
                                    rs.getString("tax_exemption_code")),
                            ps == null || pe == null ? null : LocalDateRange.of(ps, pe),
                            entries.getOrDefault(key, List.of()), Columns.idOrNull(rs, "project_id", ProjectId::of),
                            Columns.idOrNull(rs, "activity_id", ActivityId::of),
                            Columns.idOrNull(rs, "timekeeper_id", TimekeeperId::of),
                            Columns.idOrNull(rs, "rate_rule_id", RateRuleId::of), details(rs.getString("details")));
                    return new Object[] {invoice, line, Columns.money(rs, "net_amount", cur)};
                })
                .forEach(r -> {
                    lines.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add((InvoiceLine) r[1]);
                    nets.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add((Money) r[2]);
                });
        for (String id : ids) {
            out.put(id, new Parts(lines.getOrDefault(id, List.of()), allowances.getOrDefault(id + "/0", List.of()),
                    breakdowns.getOrDefault(id, List.of()), nets.getOrDefault(id, List.of())));
        }
    }

    private LineDetails details(@Nullable String json) {
        return json == null ? LineDetails.NONE : session.context().json().read(json, LineDetails.class);
    }

    private static AllowanceCharge allowance(ResultSet rs, CurrencyUnit cur) throws SQLException {
        String category = rs.getString("tax_category");
        TaxTreatment tax = category == null ? null : new TaxTreatment(TaxCategory.valueOf(category),
                Columns.normalizedOrNull(rs, "tax_rate"), rs.getString("tax_exemption_reason"),
                rs.getString("tax_exemption_code"));
        return new AllowanceCharge(rs.getBoolean("is_charge"), Columns.money(rs, "amount", cur),
                Columns.exactOrNull(rs, "percent", "percent_scale"), Columns.moneyOrNull(rs, "base_amount", cur),
                rs.getString("reason"), tax, rs.getString("reason_code"));
    }
}
