package dev.billops.jdbc.internal;

import dev.billops.core.error.ConcurrentUpdateException;
import dev.billops.core.error.DuplicateKeyException;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EngagementId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.invoice.AllowanceCharge;
import dev.billops.core.invoice.DocumentTerms;
import dev.billops.core.invoice.DocumentType;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceAlreadyIssuedException;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceReferences;
import dev.billops.core.invoice.InvoiceQuery;
import dev.billops.core.invoice.InvoiceSource;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.invoice.PrepaymentDeduction;
import dev.billops.core.spi.InvoiceStore;
import dev.billops.core.tax.PayableRounding;
import dev.billops.core.tax.PriceBasis;
import dev.billops.core.tax.TaxRoundingPolicy;
import dev.billops.core.tax.Totals;
import dev.billops.core.time.LocalDateRange;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.money.CurrencyUnit;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jspecify.annotations.Nullable;

/**
 * Invoices and credit notes: a header row with totals, and child rows for lines, the entries each
 * line bills, allowances/charges and the VAT breakdown ({@link InvoiceChildren}).
 *
 * <p>Uniqueness of id, (series, number) and (engagement, package period start) is the table's;
 * {@link #insert} uses {@code ON CONFLICT DO NOTHING} and names the clashing key itself, and
 * {@link #insertAll} rolls its batch back to a savepoint before naming it, so a refused insert
 * leaves the transaction usable on both databases. An issued invoice (not a credit note)
 * also claims each stored time entry it bills in {@code billops_billed_entry}, whose primary key lets
 * an entry sit on at most one issued invoice; voiding the invoice releases them.
 */
final class JdbcInvoiceStore extends JdbcPort implements InvoiceStore {

    private static final String KIND = "invoice";
    private static final String NUMBER_KIND = "invoice number";
    private static final String PERIOD_KIND = "package invoice of engagement period";
    private static final String DEDUCTION_KIND = "prepayment deduction";
    static final String ORDER = " ORDER BY issue_date NULLS LAST, id";

    /** The header insert up to its VALUES list; {@link #insert} and {@link #insertAll} complete it. */
    private static final String HEADER_INSERT = "INSERT INTO billops_invoice (tenant_id, id, doc_type, series, "
            + "number, client_id, currency, status, issue_date, due_date, service_start, service_end, price_basis, "
            + "tax_rounding, cash_increment, cash_increment_scale, line_net_total, allowance_total, charge_total, "
            + "tax_exclusive, tax_total, tax_inclusive, rounding_amount, payable, paid, credited, notes, metadata, "
            + "source, engagement_id, package_period_start, credited_invoice_id, purchase_order_ref, "
            + "buyer_reference, project_reference, contract_reference, sales_order_reference, "
            + "buyer_accounting_reference, payment_terms_text, prepaid, explicit_rounding, document_terms, deducted, prepayments, "
            + "version) "
            + "VALUES (";
    private static final String SAVEPOINT = "billops_invoice_insert_all";
    /** Entries claimed per statement on PostgreSQL (bound as two arrays: no parameter limit). */
    private static final int PG_CLAIM_CHUNK = 5_000;
    /**
     * The claims of a chunk on PostgreSQL: entry and owning invoice come from the two arrays side
     * by side ({@code unnest} of two arrays), and each entry is looked up by its key, so only
     * stored entries are claimed. Not {@code owners[ordinality]}: subscripting an array of
     * variable-length values walks it from its start, which made the claim quadratic in the chunk
     * (a 5,000-entry chunk took about twice as long as with the side-by-side arrays).
     */
    private static final String PG_CLAIM = "INSERT INTO billops_billed_entry (tenant_id, entry_id, invoice_id) "
            + "SELECT :t, k.id, v.owner FROM unnest(CAST(:keys AS varchar[]), CAST(:owners AS varchar[])) "
            + "AS v(id, owner) CROSS JOIN LATERAL (SELECT r.id FROM billops_time_entry r "
            + "WHERE r.tenant_id = :t AND r.id = v.id LIMIT 1) k";

    private final InvoiceChildren children;

    JdbcInvoiceStore(JdbcSession session) {
        super(session);
        this.children = new InvoiceChildren(session);
    }

    @Override
    public void insert(Invoice invoice) {
        Objects.requireNonNull(invoice, "invoice");
        validate(invoice);
        List<String> billed = billedEntries(invoice);
        requireEntriesFree(invoice.id(), billed);
        int inserted = bindHeader(h().createUpdate(HEADER_INSERT + ":t, :id, :type, :series, :number, :client, "
                + ":currency, :status, :issueDate, :dueDate, :serviceStart, :serviceEnd, :priceBasis, :taxRounding, "
                + ":cashIncrement, :cashIncrementScale, :lineNetTotal, :allowanceTotal, :chargeTotal, :taxExclusive, "
                + ":taxTotal, :taxInclusive, :roundingAmount, :payable, :paid, :credited, :notes, "
                + ctx().dialect().json("metadata") + ", :source, :engagement, :periodStart, :creditedInvoice, :poRef, "
                + ":buyerRef, :projectRef, :contractRef, :salesOrderRef, :accountingRef, :paymentTerms, :prepaid, "
                + ":explicitRounding, " + ctx().dialect().json("docTerms") + ", :deducted, :prepayments, :version) "
                + "ON CONFLICT DO NOTHING"),
                invoice).execute();
        if (inserted == 0) {
            throw duplicateOf(invoice, true);
        }
        children.insert(invoice);
        claimEntries(invoice.id(), billed);
        claimPrepayments(invoice);
    }

    /**
     * Writes every table's rows of all {@code invoices} in one batch per table (headers, lines,
     * line entries, allowances, VAT breakdown, billed-entry claims), under a savepoint. The
     * database's keys refuse a clash; the batch is then rolled back to the savepoint and the
     * invoices are checked one by one, in list order, as {@link #insert} checks one, to name the
     * clash: the call throws what {@code insert} would have thrown for the first refused invoice
     * and stores nothing.
     */
    @Override
    public void insertAll(List<Invoice> invoices) {
        Objects.requireNonNull(invoices, "invoices");
        List<Invoice> all = List.copyOf(invoices);
        if (all.isEmpty()) {
            return;
        }
        List<List<String>> billed = new ArrayList<>(all.size());
        for (Invoice invoice : all) {
            validate(invoice);
            billed.add(billedEntries(invoice));
        }
        underSavepoint(SAVEPOINT, () -> {
            insertHeaders(all);
            children.insertAll(all);
            claimAll(all, billed);
            for (Invoice invoice : all) {
                claimPrepayments(invoice); // rare: one statement per deducting invoice
            }
        }, d -> firstClash(all, billed, d));
    }

    /**
     * The headers of {@code invoices}, bound by position on the transaction's connection (Jdbi's
     * named binding costs more than the insert itself for a row of 40 columns), in one batch.
     */
    private void insertHeaders(List<Invoice> invoices) throws SQLException {
        StringBuilder sql = new StringBuilder(HEADER_INSERT);
        for (int i = 0; i < 27; i++) {
            sql.append("?, ");
        }
        sql.append(ctx().dialect().json("metadata").replace(":metadata", "?"));
        for (int i = 0; i < 13; i++) {
            sql.append(", ?");
        }
        sql.append(", ").append(ctx().dialect().json("docTerms").replace(":docTerms", "?")).append(", ?, ?, ?)");
        try (PreparedStatement ps = h().getConnection().prepareStatement(sql.toString())) {
            for (Invoice i : invoices) {
                Totals tot = i.totals();
                LocalDateRange period = i.servicePeriod();
                int p = 1;
                ps.setString(p++, t());
                ps.setString(p++, i.id().value());
                ps.setString(p++, i.type().name());
                ps.setString(p++, i.series());
                ps.setString(p++, i.number());
                ps.setString(p++, i.clientId().value());
                ps.setString(p++, i.currency().getCurrencyCode());
                ps.setString(p++, i.status().name());
                ps.setObject(p++, i.issueDate(), Types.DATE);
                ps.setObject(p++, i.dueDate(), Types.DATE);
                ps.setObject(p++, period == null ? null : period.startInclusive(), Types.DATE);
                ps.setObject(p++, period == null ? null : period.endExclusive(), Types.DATE);
                ps.setString(p++, i.priceBasis().name());
                ps.setString(p++, i.taxRounding().name());
                java.math.BigDecimal increment = i.cashIncrement() instanceof PayableRounding.CashIncrement c
                        ? c.increment() : null;
                ps.setBigDecimal(p++, increment);
                ps.setObject(p++, Columns.scaleOrNull(increment), Types.INTEGER);
                ps.setBigDecimal(p++, tot.lineNetTotal().amount());
                ps.setBigDecimal(p++, tot.allowanceTotal().amount());
                ps.setBigDecimal(p++, tot.chargeTotal().amount());
                ps.setBigDecimal(p++, tot.taxExclusive().amount());
                ps.setBigDecimal(p++, tot.taxTotal().amount());
                ps.setBigDecimal(p++, tot.taxInclusive().amount());
                ps.setBigDecimal(p++, tot.roundingAmount().amount());
                ps.setBigDecimal(p++, tot.payable().amount());
                ps.setBigDecimal(p++, i.paid().amount());
                ps.setBigDecimal(p++, i.credited().amount());
                ps.setString(p++, i.notes());
                ps.setString(p++, Metadata.write(i.metadata()));
                ps.setString(p++, i.source().name());
                ps.setString(p++, Columns.valueOrNull(i.engagementId()));
                ps.setObject(p++, i.packagePeriodStart(), Types.DATE);
                ps.setString(p++, Columns.valueOrNull(i.creditedInvoiceId()));
                ps.setString(p++, i.references().purchaseOrder());
                ps.setString(p++, i.references().buyerReference());
                ps.setString(p++, i.references().project());
                ps.setString(p++, i.references().contract());
                ps.setString(p++, i.references().salesOrder());
                ps.setString(p++, i.references().buyerAccounting());
                ps.setString(p++, i.references().paymentTerms());
                ps.setBigDecimal(p++, i.prepaid().amount());
                ps.setBigDecimal(p++, i.cashIncrement() instanceof PayableRounding.Amount a ? a.amount().amount() : null);
                ps.setString(p++, i.terms().isEmpty() ? null : ctx().json().write(i.terms()));
                ps.setBigDecimal(p++, i.deducted().amount());
                ps.setString(p++, prepaymentsJson(i));
                ps.setLong(p, i.version());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * The billed-entry claims of all {@code invoices}: like {@link #claimEntries}, only entries the
     * time-entry table holds are claimed. On PostgreSQL one {@code INSERT … SELECT} per
     * {@link #PG_CLAIM_CHUNK} entries looks each entry up by its key and takes its invoice from
     * a second array beside it; on H2 the stored entries are looked up a chunk at a time and the
     * claims written in one batch.
     */
    private void claimAll(List<Invoice> invoices, List<List<String>> billed) throws SQLException {
        List<String> entries = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < invoices.size(); i++) {
            for (String entry : billed.get(i)) {
                entries.add(entry);
                owners.add(invoices.get(i).id().value());
            }
        }
        if (entries.isEmpty()) {
            return;
        }
        SqlDialect d = ctx().dialect();
        if (d == SqlDialect.POSTGRESQL) {
            for (int from = 0; from < entries.size(); from += PG_CLAIM_CHUNK) {
                int to = Math.min(entries.size(), from + PG_CLAIM_CHUNK);
                h().createUpdate(PG_CLAIM).bind("t", t()).bindArray("keys", String.class, entries.subList(from, to))
                        .bindArray("owners", String.class, owners.subList(from, to))
                        .execute();
            }
            return;
        }
        Set<String> stored = new java.util.HashSet<>();
        for (List<String> chunk : JdbcTimeEntryStore.chunks(entries)) {
            KeyLookup.bind(d, h().createQuery("SELECT k.id FROM "
                    + KeyLookup.rows(d, "billops_time_entry", "id", "id", chunk.size(), false)), chunk)
                    .bind("t", t()).mapTo(String.class).forEach(stored::add);
        }
        if (stored.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = h().getConnection().prepareStatement(
                "INSERT INTO billops_billed_entry (tenant_id, entry_id, invoice_id) VALUES (?, ?, ?)")) {
            for (int i = 0; i < entries.size(); i++) {
                if (stored.contains(entries.get(i))) {
                    ps.setString(1, t());
                    ps.setString(2, entries.get(i));
                    ps.setString(3, owners.get(i));
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /**
     * After a refused batch, rolled back: the clash {@link #insert} would have reported for the
     * first invoice of {@code invoices} that clashes with a stored invoice or with an earlier one
     * of the list; {@code refused} if none does (a concurrent writer's row is gone again).
     */
    private DuplicateKeyException firstClash(List<Invoice> invoices, List<List<String>> billed,
            DuplicateKeyException refused) {
        Set<String> ids = new java.util.HashSet<>();
        Set<String> numbers = new java.util.HashSet<>();
        Set<String> periods = new java.util.HashSet<>();
        Set<String> entries = new java.util.HashSet<>();
        Set<String> deductions = new java.util.HashSet<>();
        for (int i = 0; i < invoices.size(); i++) {
            Invoice invoice = invoices.get(i);
            List<String> mine = billed.get(i);
            for (String entry : mine) {
                if (entries.contains(entry)) {
                    return withCause(new DuplicateKeyException("billed time entry", entry), refused);
                }
            }
            try {
                requireEntriesFree(invoice.id(), mine);
            } catch (DuplicateKeyException e) {
                return withCause(e, refused);
            }
            entries.addAll(mine);
            for (String prepayment : deductedPrepayments(invoice)) {
                if (!deductions.add(prepayment) || deductingInvoice(InvoiceId.of(prepayment))
                        .filter(holder -> !holder.equals(invoice.id())).isPresent()) {
                    return withCause(new DuplicateKeyException(DEDUCTION_KIND, prepayment), refused);
                }
            }
            if (!ids.add(invoice.id().value())) {
                return withCause(new DuplicateKeyException(KIND, invoice.id().value()), refused);
            }
            if (invoice.number() != null && !numbers.add(invoice.series() + " " + invoice.number())) {
                return withCause(new DuplicateKeyException(NUMBER_KIND, invoice.series() + " " + invoice.number()),
                        refused);
            }
            if (invoice.engagementId() != null && invoice.packagePeriodStart() != null
                    && !periods.add(invoice.engagementId() + " " + invoice.packagePeriodStart())) {
                return withCause(new DuplicateKeyException(PERIOD_KIND, invoice.engagementId() + " "
                        + invoice.packagePeriodStart()), refused);
            }
            Optional<DuplicateKeyException> stored = storedClash(invoice);
            if (stored.isPresent()) {
                return withCause(stored.get(), refused);
            }
        }
        return refused;
    }

    private static DuplicateKeyException withCause(DuplicateKeyException e, DuplicateKeyException refused) {
        if (e != refused && e.getCause() == null) {
            e.initCause(refused);
        }
        return e;
    }

    @Override
    public Invoice update(Invoice invoice) {
        Objects.requireNonNull(invoice, "invoice");
        validate(invoice);
        List<String> billed = billedEntries(invoice);
        requireEntriesFree(invoice.id(), billed);
        int updated = bindHeader(h().createUpdate("UPDATE billops_invoice SET doc_type = :type, "
                + "series = :series, number = :number, client_id = :client, currency = :currency, status = :status, "
                + "issue_date = :issueDate, due_date = :dueDate, service_start = :serviceStart, "
                + "service_end = :serviceEnd, price_basis = :priceBasis, tax_rounding = :taxRounding, "
                + "cash_increment = :cashIncrement, cash_increment_scale = :cashIncrementScale, "
                + "line_net_total = :lineNetTotal, allowance_total = :allowanceTotal, charge_total = :chargeTotal, "
                + "tax_exclusive = :taxExclusive, tax_total = :taxTotal, tax_inclusive = :taxInclusive, "
                + "rounding_amount = :roundingAmount, payable = :payable, paid = :paid, credited = :credited, "
                + "notes = :notes, metadata = " + ctx().dialect().json("metadata") + ", source = :source, "
                + "engagement_id = :engagement, package_period_start = :periodStart, "
                + "credited_invoice_id = :creditedInvoice, purchase_order_ref = :poRef, buyer_reference = :buyerRef, "
                + "project_reference = :projectRef, contract_reference = :contractRef, "
                + "sales_order_reference = :salesOrderRef, buyer_accounting_reference = :accountingRef, "
                + "payment_terms_text = :paymentTerms, prepaid = :prepaid, explicit_rounding = :explicitRounding, "
                + "document_terms = " + ctx().dialect().json("docTerms") + ", deducted = :deducted, "
                + "prepayments = :prepayments, version = version + 1 "
                + "WHERE tenant_id = :t AND id = :id AND version = :version "
                + "AND NOT EXISTS (SELECT 1 FROM billops_invoice o WHERE o.tenant_id = :t AND o.id <> :id "
                + "AND ((o.series = :series AND o.number = :number) "
                + "OR (o.engagement_id = :engagement AND o.package_period_start = :periodStart)))"), invoice)
                .execute();
        if (updated == 0) {
            long stored = h().createQuery("SELECT version FROM billops_invoice WHERE tenant_id = :t AND id = :id")
                    .bind("t", t()).bind("id", invoice.id().value())
                    .mapTo(Long.class).findOne()
                    .orElseThrow(() -> new NotFoundException(KIND, invoice.id().value()));
            if (stored != invoice.version()) {
                throw new ConcurrentUpdateException(KIND, invoice.id().value(), invoice.version());
            }
            throw duplicateOf(invoice, false);
        }
        children.delete(invoice.id());
        children.insert(invoice);
        h().createUpdate("DELETE FROM billops_billed_entry WHERE tenant_id = :t AND invoice_id = :id")
                .bind("t", t()).bind("id", invoice.id().value()).execute();
        claimEntries(invoice.id(), billed);
        if (!invoice.prepayments().isEmpty()) {
            // only an invoice that names prepayment invoices holds claims (its list never changes
            // once issued); voiding it releases them
            h().createUpdate("DELETE FROM billops_prepayment_deduction WHERE tenant_id = :t AND invoice_id = :id")
                    .bind("t", t()).bind("id", invoice.id().value()).execute();
            claimPrepayments(invoice);
        }
        return invoice.withVersion(invoice.version() + 1);
    }

    @Override
    public void deleteDraft(InvoiceId id) {
        Objects.requireNonNull(id, "id");
        InvoiceStatus status = h().createQuery("SELECT status FROM billops_invoice WHERE tenant_id = :t AND id = :id "
                + "FOR UPDATE")
                .bind("t", t()).bind("id", id.value())
                .mapTo(String.class).findOne().map(InvoiceStatus::valueOf)
                .orElseThrow(() -> new NotFoundException(KIND, id.value()));
        if (status != InvoiceStatus.DRAFT) {
            throw new InvoiceAlreadyIssuedException(id, status);
        }
        h().createUpdate("DELETE FROM billops_invoice WHERE tenant_id = :t AND id = :id")
                .bind("t", t()).bind("id", id.value()).execute();
    }

    @Override
    public Optional<Invoice> find(InvoiceId id) {
        Objects.requireNonNull(id, "id");
        return first(h().createQuery("SELECT * FROM billops_invoice WHERE tenant_id = :t AND id = :id")
                .bind("id", id.value()));
    }

    @Override
    public Optional<Invoice> findByNumber(String number) {
        Objects.requireNonNull(number, "number");
        return first(h().createQuery("SELECT * FROM billops_invoice WHERE tenant_id = :t AND number = :number "
                + "ORDER BY series LIMIT 1").bind("number", number));
    }

    @Override
    public Optional<Invoice> findByEngagementPeriod(EngagementId engagement, LocalDate periodStart) {
        Objects.requireNonNull(engagement, "engagement");
        Objects.requireNonNull(periodStart, "periodStart");
        return first(h().createQuery("SELECT * FROM billops_invoice WHERE tenant_id = :t AND engagement_id = :engagement "
                + "AND package_period_start = :periodStart")
                .bind("engagement", engagement.value())
                .bindByType("periodStart", periodStart, LocalDate.class));
    }

    @Override
    public List<Invoice> list(InvoiceQuery query) {
        List<Invoice> out = new ArrayList<>();
        forEach(query, out::add);
        return out;
    }

    @Override
    public void forEach(InvoiceQuery query, Consumer<Invoice> sink) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(sink, "sink");
        StringBuilder sql = new StringBuilder("SELECT * FROM billops_invoice WHERE tenant_id = :t");
        if (query.clientId() != null) {
            sql.append(" AND client_id = :client");
        }
        if (!query.statuses().isEmpty()) {
            sql.append(" AND status IN (<statuses>)");
        }
        if (query.type() == DocumentType.INVOICE) {
            // INVOICE selects every invoice type (DocumentType.selects)
            sql.append(" AND doc_type <> '" + DocumentType.CREDIT_NOTE.name() + "'");
        } else if (query.type() != null) {
            sql.append(" AND doc_type = :type");
        }
        sql.append(ORDER);
        Query q = h().createQuery(sql.toString());
        if (query.clientId() != null) {
            q.bind("client", query.clientId().value());
        }
        if (!query.statuses().isEmpty()) {
            q.bindList("statuses", query.statuses().stream().map(Enum::name).sorted().toList());
        }
        if (query.type() != null && query.type() != DocumentType.INVOICE) {
            q.bind("type", query.type().name());
        }
        stream(q, sink);
    }

    @Override
    public List<Invoice> creditNotesOf(InvoiceId invoice) {
        Objects.requireNonNull(invoice, "invoice");
        List<Invoice> out = new ArrayList<>();
        stream(h().createQuery("SELECT * FROM billops_invoice WHERE tenant_id = :t AND credited_invoice_id = :credited"
                + ORDER).bind("credited", invoice.value()), out::add);
        return out;
    }

    private Optional<Invoice> first(Query q) {
        List<Invoice> found = new ArrayList<>(1);
        stream(q, found::add);
        return found.stream().findFirst();
    }

    /**
     * Reads the matching headers, then completes them a page at a time with their children (four
     * queries per page, not per invoice). The headers are read to the end first so that the sink
     * may write to the store while it runs; only one page of complete invoices is held at once.
     */
    private void stream(Query q, Consumer<Invoice> sink) {
        List<Header> page = new ArrayList<>();
        List<Header> all = q.bind("t", t()).setFetchSize(ctx().fetchSize()).map((rs, c) -> header(rs, ctx().json())).list();
        for (Header h : all) {
            page.add(h);
            if (page.size() == JdbcTimeEntryStore.IN_CHUNK) {
                emit(page, sink);
                page.clear();
            }
        }
        if (!page.isEmpty()) {
            emit(page, sink);
        }
    }

    private void emit(List<Header> page, Consumer<Invoice> sink) {
        Map<String, CurrencyUnit> currencies = new java.util.LinkedHashMap<>();
        for (Header h : page) {
            currencies.put(h.id(), h.currency());
        }
        Map<String, InvoiceChildren.Parts> parts = children.load(currencies);
        List<Invoice> done = new ArrayList<>(page.size());
        for (Header h : page) {
            done.add(h.complete(parts.getOrDefault(h.id(), InvoiceChildren.Parts.EMPTY)));
        }
        done.forEach(sink);
    }

    /** What a write must not break, checked before anything is written. */
    private static void validate(Invoice invoice) {
        if (invoice.cashIncrement() instanceof PayableRounding.CashIncrement c) {
            Columns.exact("invoice " + invoice.id() + " cash increment", c.increment());
        }
        for (InvoiceLine line : invoice.lines()) {
            Columns.exact("invoice " + invoice.id() + " line " + line.position() + " quantity", line.quantity());
            Columns.exact("invoice " + invoice.id() + " line " + line.position() + " base quantity", line.baseQuantity());
            for (AllowanceCharge ac : line.allowancesCharges()) {
                Columns.exactOrNull("invoice " + invoice.id() + " line " + line.position() + " allowance percent",
                        ac.percent());
            }
        }
        for (AllowanceCharge ac : invoice.adjustments()) {
            Columns.exactOrNull("invoice " + invoice.id() + " allowance percent", ac.percent());
        }
        Set<Integer> positions = new java.util.HashSet<>();
        for (InvoiceLine line : invoice.lines()) {
            if (!positions.add(line.position())) {
                throw new dev.billops.core.error.InvalidInputException("invoice " + invoice.id() + " has two lines at position "
                        + line.position());
            }
        }
    }

    /**
     * The entries an invoice claims: those of its lines, if it is an issued (not void) invoice and
     * not a credit note. Only entries stored in the time-entry table are claimed: a line may name
     * entries the store does not hold (imported documents, tests), and those bill nothing here.
     */
    private static List<String> billedEntries(Invoice invoice) {
        if (invoice.type().isCreditNote() || invoice.status() == InvoiceStatus.DRAFT
                || invoice.status() == InvoiceStatus.VOID) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (InvoiceLine line : invoice.lines()) {
            for (TimeEntryId id : line.entryIds()) {
                ids.add(id.value());
            }
        }
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        return sorted;
    }

    private void requireEntriesFree(InvoiceId invoice, List<String> entries) {
        SqlDialect d = ctx().dialect();
        for (List<String> chunk : JdbcTimeEntryStore.chunks(entries)) {
            // the rare taken ids are few: the smallest is picked here, not by ORDER BY … LIMIT 1
            Optional<String> taken = KeyLookup.bind(d, h().createQuery("SELECT k.entry_id FROM "
                    + KeyLookup.rows(d, "billops_billed_entry", "entry_id", "entry_id, invoice_id", chunk.size(), false)
                    + " WHERE k.invoice_id <> :invoice"), chunk)
                    .bind("t", t()).bind("invoice", invoice.value())
                    .mapTo(String.class).list().stream().min(Comparator.naturalOrder());
            if (taken.isPresent()) {
                throw new DuplicateKeyException("billed time entry", taken.get());
            }
        }
    }

    private void claimEntries(InvoiceId invoice, List<String> entries) {
        SqlDialect d = ctx().dialect();
        for (List<String> chunk : JdbcTimeEntryStore.chunks(entries)) {
            KeyLookup.bind(d, h().createUpdate("INSERT INTO billops_billed_entry (tenant_id, entry_id, invoice_id) "
                    + "SELECT :t, k.id, :invoice FROM " + KeyLookup.rows(d, "billops_time_entry", "id", "id",
                            chunk.size(), false)), chunk)
                    .bind("t", t()).bind("invoice", invoice.value())
                    .execute();
        }
    }

    /**
     * The prepayment invoices an invoice deducts while it is stored: those it names if it is issued
     * (not a draft and not void), none otherwise.
     */
    private static List<String> deductedPrepayments(Invoice invoice) {
        if (invoice.status() == InvoiceStatus.DRAFT || invoice.status() == InvoiceStatus.VOID) {
            return List.of();
        }
        List<String> ids = new ArrayList<>(invoice.prepayments().size());
        for (PrepaymentDeduction d : invoice.prepayments()) {
            ids.add(d.invoiceId().value());
        }
        return ids;
    }

    /**
     * Claims each prepayment invoice {@code invoice} deducts in {@code billops_prepayment_deduction},
     * whose primary key lets one issued invoice deduct it; a claim held by another invoice is
     * named, and a concurrent claim is refused by the key.
     */
    private void claimPrepayments(Invoice invoice) {
        for (String prepayment : deductedPrepayments(invoice)) {
            Optional<InvoiceId> holder = deductingInvoice(InvoiceId.of(prepayment));
            if (holder.isPresent() && !holder.get().equals(invoice.id())) {
                throw new DuplicateKeyException(DEDUCTION_KIND, prepayment);
            }
            if (holder.isEmpty()) {
                h().createUpdate("INSERT INTO billops_prepayment_deduction (tenant_id, prepayment_id, invoice_id) "
                        + "VALUES (:t, :p, :invoice)")
                        .bind("t", t()).bind("p", prepayment).bind("invoice", invoice.id().value()).execute();
            }
        }
    }

    @Override
    public Optional<InvoiceId> deductingInvoice(InvoiceId prepayment) {
        Objects.requireNonNull(prepayment, "prepayment");
        return h().createQuery("SELECT invoice_id FROM billops_prepayment_deduction WHERE tenant_id = :t "
                + "AND prepayment_id = :p")
                .bind("t", t()).bind("p", prepayment.value())
                .mapTo(String.class).findOne().map(InvoiceId::of);
    }

    private @Nullable String prepaymentsJson(Invoice invoice) {
        return invoice.prepayments().isEmpty() ? null
                : ctx().json().write(invoice.prepayments().toArray(new PrepaymentDeduction[0]));
    }

    /** Which unique key {@code invoice} clashes with, looked up after the database refused it. */
    private DuplicateKeyException duplicateOf(Invoice invoice, boolean inserting) {
        if (inserting && idTaken(invoice)) {
            return new DuplicateKeyException(KIND, invoice.id().value());
        }
        return otherKeyTaken(invoice).orElseGet(() -> new DuplicateKeyException(KIND, invoice.id().value()));
    }

    /** The clash of {@code invoice}, inserted, with a stored invoice, if there is one. */
    private Optional<DuplicateKeyException> storedClash(Invoice invoice) {
        if (idTaken(invoice)) {
            return Optional.of(new DuplicateKeyException(KIND, invoice.id().value()));
        }
        return otherKeyTaken(invoice);
    }

    private boolean idTaken(Invoice invoice) {
        return h().createQuery("SELECT COUNT(*) FROM billops_invoice WHERE tenant_id = :t AND id = :id")
                .bind("t", t()).bind("id", invoice.id().value()).mapTo(Integer.class).one() > 0;
    }

    /** The (series, number) or (engagement, period start) of {@code invoice}, if another invoice holds it. */
    private Optional<DuplicateKeyException> otherKeyTaken(Invoice invoice) {
        if (invoice.number() != null) {
            boolean numberTaken = h().createQuery("SELECT COUNT(*) FROM billops_invoice WHERE tenant_id = :t "
                    + "AND series = :series AND number = :number AND id <> :id")
                    .bind("t", t()).bind("series", invoice.series()).bind("number", invoice.number())
                    .bind("id", invoice.id().value()).mapTo(Integer.class).one() > 0;
            if (numberTaken) {
                return Optional.of(new DuplicateKeyException(NUMBER_KIND, invoice.series() + " " + invoice.number()));
            }
        }
        if (invoice.engagementId() != null && invoice.packagePeriodStart() != null) {
            boolean periodTaken = h().createQuery("SELECT COUNT(*) FROM billops_invoice WHERE tenant_id = :t "
                    + "AND engagement_id = :engagement AND package_period_start = :periodStart AND id <> :id")
                    .bind("t", t()).bind("engagement", invoice.engagementId().value())
                    .bindByType("periodStart", invoice.packagePeriodStart(), LocalDate.class)
                    .bind("id", invoice.id().value()).mapTo(Integer.class).one() > 0;
            if (periodTaken) {
                return Optional.of(new DuplicateKeyException(PERIOD_KIND, invoice.engagementId() + " "
                        + invoice.packagePeriodStart()));
            }
        }
        return Optional.empty();
    }

    private <S extends SqlStatement<S>> S bindHeader(S s, Invoice i) {
        Totals tot = i.totals();
        LocalDateRange period = i.servicePeriod();
        java.math.BigDecimal increment = i.cashIncrement() instanceof PayableRounding.CashIncrement c ? c.increment()
                : null;
        return s.bind("t", t())
                .bind("id", i.id().value())
                .bind("type", i.type().name())
                .bind("series", i.series())
                .bind("number", i.number())
                .bind("client", i.clientId().value())
                .bind("currency", i.currency().getCurrencyCode())
                .bind("status", i.status().name())
                .bindByType("issueDate", i.issueDate(), LocalDate.class)
                .bindByType("dueDate", i.dueDate(), LocalDate.class)
                .bindByType("serviceStart", period == null ? null : period.startInclusive(), LocalDate.class)
                .bindByType("serviceEnd", period == null ? null : period.endExclusive(), LocalDate.class)
                .bind("priceBasis", i.priceBasis().name())
                .bind("taxRounding", i.taxRounding().name())
                .bind("cashIncrement", increment)
                .bind("cashIncrementScale", Columns.scaleOrNull(increment))
                .bind("explicitRounding", i.cashIncrement() instanceof PayableRounding.Amount a ? a.amount().amount() : null)
                .bind("lineNetTotal", tot.lineNetTotal().amount())
                .bind("allowanceTotal", tot.allowanceTotal().amount())
                .bind("chargeTotal", tot.chargeTotal().amount())
                .bind("taxExclusive", tot.taxExclusive().amount())
                .bind("taxTotal", tot.taxTotal().amount())
                .bind("taxInclusive", tot.taxInclusive().amount())
                .bind("roundingAmount", tot.roundingAmount().amount())
                .bind("payable", tot.payable().amount())
                .bind("paid", i.paid().amount())
                .bind("credited", i.credited().amount())
                .bind("notes", i.notes())
                .bind("metadata", Metadata.write(i.metadata()))
                .bind("source", i.source().name())
                .bind("engagement", Columns.valueOrNull(i.engagementId()))
                .bindByType("periodStart", i.packagePeriodStart(), LocalDate.class)
                .bind("creditedInvoice", Columns.valueOrNull(i.creditedInvoiceId()))
                .bind("poRef", i.references().purchaseOrder())
                .bind("buyerRef", i.references().buyerReference())
                .bind("projectRef", i.references().project())
                .bind("contractRef", i.references().contract())
                .bind("salesOrderRef", i.references().salesOrder())
                .bind("accountingRef", i.references().buyerAccounting())
                .bind("paymentTerms", i.references().paymentTerms())
                .bind("prepaid", i.prepaid().amount())
                .bind("docTerms", i.terms().isEmpty() ? null : ctx().json().write(i.terms()))
                .bind("deducted", i.deducted().amount())
                .bind("prepayments", prepaymentsJson(i))
                .bind("version", i.version());
    }

    /** An invoice header as read, waiting for its children. */
    private record Header(String id, DocumentType type, String series, @Nullable String number, ClientId clientId,
            CurrencyUnit currency, InvoiceStatus status, @Nullable LocalDate issueDate, @Nullable LocalDate dueDate,
            @Nullable LocalDateRange servicePeriod, PriceBasis priceBasis, TaxRoundingPolicy taxRounding,
            @Nullable PayableRounding cashIncrement, Totals totals, dev.billops.core.money.Money paid,
            dev.billops.core.money.Money credited, String notes, Map<String, String> metadata, InvoiceSource source,
            @Nullable EngagementId engagementId, @Nullable LocalDate packagePeriodStart,
            @Nullable InvoiceId creditedInvoiceId, InvoiceReferences references, DocumentTerms terms,
            dev.billops.core.money.Money prepaid, List<PrepaymentDeduction> prepayments,
            dev.billops.core.money.Money deducted, long version) {

        Invoice complete(InvoiceChildren.Parts parts) {
            return new Invoice(InvoiceId.of(id), type, series, number, clientId, currency, status, issueDate, dueDate,
                    servicePeriod, parts.lines(), parts.adjustments(), priceBasis, taxRounding, cashIncrement,
                    parts.breakdown(), parts.lineNets(), totals, paid, credited, notes, metadata, source, engagementId,
                    packagePeriodStart, creditedInvoiceId, references, terms, prepaid, prepayments, deducted, version);
        }
    }

    /** The rounding of the payable amount (BT-114) as stored: a cash increment, an explicit amount, or none. */
    private static @Nullable PayableRounding payableRounding(java.math.@Nullable BigDecimal increment,
            dev.billops.core.money.@Nullable Money explicit) {
        return increment != null ? PayableRounding.cashIncrement(increment)
                : explicit != null ? PayableRounding.amount(explicit) : null;
    }

    private static Header header(ResultSet rs, JsonCodec json) throws SQLException {
        String terms = rs.getString("document_terms");
        String prepayments = rs.getString("prepayments");
        CurrencyUnit cur = Columns.currency(rs, "currency");
        LocalDate serviceStart = Columns.dateOrNull(rs, "service_start");
        LocalDate serviceEnd = Columns.dateOrNull(rs, "service_end");
        Totals totals = new Totals(Columns.money(rs, "line_net_total", cur), Columns.money(rs, "allowance_total", cur),
                Columns.money(rs, "charge_total", cur), Columns.money(rs, "tax_exclusive", cur),
                Columns.money(rs, "tax_total", cur), Columns.money(rs, "tax_inclusive", cur),
                Columns.money(rs, "rounding_amount", cur), Columns.money(rs, "payable", cur));
        return new Header(rs.getString("id"), Columns.enumValue(rs, "doc_type", DocumentType.class),
                rs.getString("series"), rs.getString("number"), ClientId.of(rs.getString("client_id")), cur,
                Columns.enumValue(rs, "status", InvoiceStatus.class), Columns.dateOrNull(rs, "issue_date"),
                Columns.dateOrNull(rs, "due_date"),
                serviceStart == null || serviceEnd == null ? null : LocalDateRange.of(serviceStart, serviceEnd),
                Columns.enumValue(rs, "price_basis", PriceBasis.class),
                Columns.enumValue(rs, "tax_rounding", TaxRoundingPolicy.class),
                payableRounding(Columns.exactOrNull(rs, "cash_increment", "cash_increment_scale"),
                        Columns.moneyOrNull(rs, "explicit_rounding", cur)), totals,
                Columns.money(rs, "paid", cur), Columns.money(rs, "credited", cur), rs.getString("notes"),
                Metadata.read(rs.getString("metadata")), Columns.enumValue(rs, "source", InvoiceSource.class),
                Columns.idOrNull(rs, "engagement_id", EngagementId::of), Columns.dateOrNull(rs, "package_period_start"),
                Columns.idOrNull(rs, "credited_invoice_id", InvoiceId::of),
                new InvoiceReferences(rs.getString("buyer_reference"), rs.getString("purchase_order_ref"),
                        rs.getString("project_reference"), rs.getString("contract_reference"),
                        rs.getString("sales_order_reference"), rs.getString("buyer_accounting_reference"),
                        rs.getString("payment_terms_text")),
                terms == null ? DocumentTerms.none() : json.read(terms, DocumentTerms.class),
                Columns.money(rs, "prepaid", cur),
                prepayments == null ? List.of() : List.of(json.read(prepayments, PrepaymentDeduction[].class)),
                Columns.money(rs, "deducted", cur), rs.getLong("version"));
    }
}
