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
import org.jdbi.v3.core.statement.PreparedBatch;
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
        String t = session.tenantId();
        String id = invoice.id().value();
        if (!invoice.lines().isEmpty()) {
            // a draft remembers each entry's version: issuing refuses entries changed since; issued
            // documents leave it NULL
            Map<String, Long> versions = invoice.isDraft() ? entryVersions(invoice) : Map.of();
            try {
                insertLines(invoice, versions);
            } catch (SQLException e) {
                throw SqlErrors.translate(e, SqlErrors.Phase.STATEMENT);
            }
        }
        PreparedBatch allowances = null;
        for (int i = 0; i < invoice.adjustments().size(); i++) {
            allowances = addAllowance(allowances, id, 0, i, invoice.adjustments().get(i));
        }
        for (InvoiceLine l : invoice.lines()) {
            for (int i = 0; i < l.allowancesCharges().size(); i++) {
                allowances = addAllowance(allowances, id, l.position(), i, l.allowancesCharges().get(i));
            }
        }
        if (allowances != null) {
            allowances.execute();
        }
        if (!invoice.taxBreakdown().isEmpty()) {
            PreparedBatch taxes = session.handle().prepareBatch("INSERT INTO billops_invoice_tax (tenant_id, invoice_id, "
                    + "seq, category, rate, rate_scale, taxable_amount, tax_amount, exemption_reason, exemption_reason_code) "
                    + "VALUES (:t, :id, :seq, :category, :rate, :rateScale, :taxable, :tax, :reason, :reasonCode)");
            for (int i = 0; i < invoice.taxBreakdown().size(); i++) {
                TaxSubtotal s = invoice.taxBreakdown().get(i);
                taxes.bind("t", t).bind("id", id).bind("seq", i)
                        .bind("category", s.category().name())
                        .bind("rate", s.ratePercent())
                        .bind("rateScale", Columns.scaleOrNull(s.ratePercent()))
                        .bind("taxable", s.taxableAmount().amount())
                        .bind("tax", s.taxAmount().amount())
                        .bind("reason", s.exemptionReason())
                        .bind("reasonCode", s.exemptionReasonCode())
                        .add();
            }
            taxes.execute();
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
     */
    private void insertLines(Invoice invoice, Map<String, Long> versions) throws SQLException {
        String t = session.tenantId();
        String id = invoice.id().value();
        int batchSize = session.context().batchSize();
        Connection c = session.handle().getConnection();
        // the JSON column takes its parameter as the dialect binds JSON text
        String lineInsert = LINE_INSERT + session.context().dialect().json("details").replace(":details", "?") + ")";
        try (PreparedStatement lines = c.prepareStatement(lineInsert);
                PreparedStatement entries = c.prepareStatement(LINE_ENTRY_INSERT)) {
            int pendingLines = 0;
            int pendingEntries = 0;
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

    private PreparedBatch addAllowance(@Nullable PreparedBatch batch, String id, int linePosition, int seq,
            AllowanceCharge ac) {
        PreparedBatch b = batch != null ? batch : session.handle().prepareBatch(
                "INSERT INTO billops_invoice_allowance (tenant_id, invoice_id, line_position, seq, is_charge, amount, "
                + "percent, percent_scale, base_amount, reason, tax_category, tax_rate, tax_exemption_reason, "
                + "tax_exemption_code, reason_code) VALUES (:t, :id, :line, :seq, :charge, :amount, :percent, "
                + ":percentScale, :base, :reason, :category, :rate, :taxReason, :taxReasonCode, :reasonCode)");
        TaxTreatment tax = ac.tax();
        Money base = ac.baseAmount();
        b.bind("t", session.tenantId()).bind("id", id)
                .bind("line", linePosition)
                .bind("seq", seq)
                .bind("charge", ac.charge())
                .bind("amount", ac.amount().amount())
                .bind("percent", ac.percent())
                .bind("percentScale", Columns.scaleOrNull(ac.percent()))
                .bind("base", base == null ? null : base.amount())
                .bind("reason", ac.reason())
                .bind("category", tax == null ? null : tax.category().name())
                .bind("rate", tax == null ? null : tax.ratePercent())
                .bind("taxReason", tax == null ? null : tax.exemptionReason())
                .bind("taxReasonCode", tax == null ? null : tax.exemptionReasonCode())
                .bind("reasonCode", ac.reasonCode())
                .add();
        return b;
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
