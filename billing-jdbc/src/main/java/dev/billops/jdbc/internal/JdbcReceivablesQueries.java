package dev.billops.jdbc.internal;

import dev.billops.core.error.NotFoundException;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.invoice.DocumentType;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.core.payment.AgingBucket;
import dev.billops.core.payment.AgingBuckets;
import dev.billops.core.payment.AgingReport;
import dev.billops.core.payment.ClientBalance;
import dev.billops.core.payment.InvoiceBalance;
import dev.billops.core.payment.PaymentStatus;
import dev.billops.core.spi.ReceivablesQueries;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.money.CurrencyUnit;
import org.jdbi.v3.core.statement.Query;
import org.jspecify.annotations.Nullable;

/**
 * Receivables by SQL aggregation: the database sums allocations and later credit notes per invoice,
 * keeps the invoices that owe something, and for the aging report and client balances also groups
 * them by client, currency and bucket, so a tenant's invoices never travel to the JVM one by one.
 * Amounts stay NUMERIC from the columns to {@link Money}; nothing is rounded. The rules are those
 * of {@link ReceivablesQueries}; the tests hold it to core's computation in the JVM.
 */
final class JdbcReceivablesQueries extends JdbcPort implements ReceivablesQueries {

    /** The statuses in which an invoice can owe something. */
    private static final Set<InvoiceStatus> ISSUED = EnumSet.of(InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID,
            InvoiceStatus.PAID);
    private static final String CREDIT_NOTE = quoted(DocumentType.CREDIT_NOTE.name());
    private static final String ISSUED_STATES = ISSUED.stream()
            .map(s -> quoted(s.name())).sorted().collect(Collectors.joining(", "));
    private static final String NOT_ISSUED = quoted(InvoiceStatus.DRAFT.name()) + ", "
            + quoted(InvoiceStatus.VOID.name());
    private static final String NO_CREDIT = quoted(PaymentStatus.PENDING.name()) + ", "
            + quoted(PaymentStatus.FAILED.name());
    private static final AgingBucket[] BUCKETS = AgingBucket.values();

    /**
     * Every receivable invoice issued by {@code :asOf}, its receivable (payable less prepayment
     * invoices deducted) as {@code payable}, with what was paid and credited on it at
     * that date ({@code paid_at}, {@code credited_at}); the callers keep those still owing. Defined
     * attributes: {@code bucket} (an expression), and the optional filters {@code paymentsOfClient},
     * {@code notesOfClient}, {@code invoicesOfClient} and {@code overdueOnly} (empty or a clause).
     */
    private static final String OPEN_ROWS = "SELECT <bucket> AS bucket, i.id, i.number, i.client_id, i.currency, "
            + "i.issue_date, i.due_date, i.payable - i.deducted AS payable, "
            + "LEAST(COALESCE(al.amount, 0), i.paid) AS paid_at, "
            + "GREATEST(i.credited - COALESCE(cl.amount, 0), 0) AS credited_at "
            + "FROM billops_invoice i "
            + "LEFT JOIN (SELECT a.tenant_id, a.invoice_id, SUM(a.amount) AS amount FROM billops_payment_allocation a"
            + "<paymentsOfClient> WHERE a.tenant_id = :t AND a.allocated_on <= :asOf "
            + "GROUP BY a.tenant_id, a.invoice_id) al ON al.tenant_id = i.tenant_id AND al.invoice_id = i.id "
            + "LEFT JOIN (SELECT c.tenant_id, c.credited_invoice_id, SUM(ABS(c.payable)) AS amount "
            + "FROM billops_invoice c WHERE c.tenant_id = :t AND c.doc_type = " + CREDIT_NOTE
            + " AND c.credited_invoice_id IS NOT NULL AND c.status NOT IN (" + NOT_ISSUED + ") "
            + "AND c.issue_date > :asOf<notesOfClient> GROUP BY c.tenant_id, c.credited_invoice_id) cl "
            + "ON cl.tenant_id = i.tenant_id AND cl.credited_invoice_id = i.id "
            + "WHERE i.tenant_id = :t AND i.doc_type <> " + CREDIT_NOTE + " AND i.status IN (" + ISSUED_STATES + ") "
            + "AND i.issue_date <= :asOf<invoicesOfClient><overdueOnly>";

    /** Oldest due first, as {@code Ledger.OLDEST_DUE_FIRST} orders invoices. */
    private static final Comparator<Open> OLDEST_DUE_FIRST = Comparator
            .comparing((Open o) -> o.balance().dueDate(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Open::issueDate)
            .thenComparing(o -> o.balance().number() == null ? "" : o.balance().number())
            .thenComparing(o -> o.balance().invoiceId());

    private final Map<String, CurrencyUnit> currencies = new HashMap<>();

    JdbcReceivablesQueries(JdbcSession session) {
        super(session);
    }

    @Override
    public InvoiceBalance balance(InvoiceId invoiceId, LocalDate asOf) {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(asOf, "asOf");
        return h().createQuery("SELECT i.id, i.number, i.client_id, i.currency, i.doc_type, i.status, i.issue_date, "
                + "i.due_date, i.payable - i.deducted AS payable, i.paid, i.credited, "
                + "(SELECT COALESCE(SUM(a.amount), 0) FROM billops_payment_allocation a WHERE a.tenant_id = i.tenant_id "
                + "AND a.invoice_id = i.id AND a.allocated_on <= :asOf) AS allocated, "
                + "(SELECT COALESCE(SUM(ABS(c.payable)), 0) FROM billops_invoice c WHERE c.tenant_id = i.tenant_id "
                + "AND c.credited_invoice_id = i.id AND c.status NOT IN (" + NOT_ISSUED + ") AND c.issue_date > :asOf) "
                + "AS credited_later "
                + "FROM billops_invoice i WHERE i.tenant_id = :t AND i.id = :id")
                .bind("t", t()).bind("id", invoiceId.value()).bind("asOf", sqlDate(asOf))
                .map((rs, c) -> balanceRow(rs, asOf))
                .findOne()
                .orElseThrow(() -> new NotFoundException("invoice", invoiceId.value()));
    }

    @Override
    public List<InvoiceBalance> openBalances(@Nullable ClientId clientId, LocalDate asOf) {
        return open(clientId, asOf, false);
    }

    @Override
    public List<InvoiceBalance> overdue(@Nullable ClientId clientId, LocalDate asOf) {
        return open(clientId, asOf, true);
    }

    @Override
    public List<ClientBalance> clientBalance(ClientId clientId, LocalDate asOf) {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(asOf, "asOf");
        Map<String, Money> outstanding = new TreeMap<>();
        open(h().createQuery("SELECT o.currency, SUM(o.payable - o.paid_at - o.credited_at) AS due FROM ("
                + OPEN_ROWS + ") o WHERE o.payable - o.paid_at - o.credited_at > 0 GROUP BY o.currency"),
                clientId, asOf, false, "0")
                .map((rs, c) -> Columns.money(rs, "due", currency(rs.getString("currency"))))
                .forEach(m -> outstanding.put(m.currencyCode(), m));
        Map<String, Money> credit = new TreeMap<>();
        h().createQuery("SELECT x.currency, SUM(x.credit) AS credit FROM ("
                + "SELECT p.currency, CASE WHEN p.status IN (" + NO_CREDIT + ") THEN 0 "
                + "ELSE p.amount - p.refunded - COALESCE(SUM(a.amount), 0) END "
                + "+ COALESCE(SUM(CASE WHEN a.allocated_on > :asOf THEN a.amount END), 0) AS credit "
                + "FROM billops_payment p LEFT JOIN billops_payment_allocation a "
                + "ON a.tenant_id = p.tenant_id AND a.payment_id = p.id "
                + "WHERE p.tenant_id = :t AND p.client_id = :client AND p.received_on <= :asOf "
                + "GROUP BY p.id, p.currency, p.status, p.amount, p.refunded) x "
                + "WHERE x.credit > 0 GROUP BY x.currency")
                .bind("t", t()).bind("client", clientId.value()).bind("asOf", sqlDate(asOf))
                .map((rs, c) -> Columns.money(rs, "credit", currency(rs.getString("currency"))))
                .forEach(m -> credit.put(m.currencyCode(), m));
        Map<String, ClientBalance> result = new TreeMap<>();
        for (Map.Entry<String, Money> e : outstanding.entrySet()) {
            result.put(e.getKey(), new ClientBalance(clientId, asOf, e.getValue(),
                    credit.getOrDefault(e.getKey(), Money.zero(e.getValue().currency()))));
        }
        for (Map.Entry<String, Money> e : credit.entrySet()) {
            result.computeIfAbsent(e.getKey(), k -> new ClientBalance(clientId, asOf,
                    Money.zero(e.getValue().currency()), e.getValue()));
        }
        return List.copyOf(result.values());
    }

    @Override
    public AgingReport aging(@Nullable ClientId clientId, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        StringBuilder bucket = new StringBuilder("CASE WHEN i.due_date IS NULL");
        for (int b = 0; b < BUCKETS.length - 1; b++) {
            // days past due <= maxDays  <=>  due date >= asOf - maxDays
            bucket.append(b == 0 ? " OR" : " WHEN").append(" i.due_date >= :bucket").append(b).append(" THEN ").append(b);
        }
        bucket.append(" ELSE ").append(BUCKETS.length - 1).append(" END");
        Query q = open(h().createQuery("SELECT o.client_id, o.currency, o.bucket, "
                + "SUM(o.payable - o.paid_at - o.credited_at) AS due FROM (" + OPEN_ROWS + ") o "
                + "WHERE o.payable - o.paid_at - o.credited_at > 0 GROUP BY o.client_id, o.currency, o.bucket"),
                clientId, asOf, false, bucket.toString());
        for (int b = 0; b < BUCKETS.length - 1; b++) {
            q.bind("bucket" + b, sqlDate(minusDays(asOf, BUCKETS[b].maxDays())));
        }
        Map<ClientId, Map<String, AgingBuckets>> rows = new TreeMap<>();
        q.map((rs, c) -> {
            CurrencyUnit cur = currency(rs.getString("currency"));
            return Map.entry(ClientId.of(rs.getString("client_id")),
                    AgingBuckets.empty(cur).plus(BUCKETS[rs.getInt("bucket")], Columns.money(rs, "due", cur)));
        }).forEach(e -> rows.computeIfAbsent(e.getKey(), k -> new TreeMap<>())
                .merge(e.getValue().currency().getCurrencyCode(), e.getValue(), AgingBuckets::plus));
        return AgingReport.of(asOf, rows);
    }

    private List<InvoiceBalance> open(@Nullable ClientId clientId, LocalDate asOf, boolean overdueOnly) {
        Objects.requireNonNull(asOf, "asOf");
        List<Open> rows = new ArrayList<>();
        open(h().createQuery("SELECT o.* FROM (" + OPEN_ROWS + ") o "
                + "WHERE o.payable - o.paid_at - o.credited_at > 0"), clientId, asOf, overdueOnly, "0")
                .setFetchSize(ctx().fetchSize())
                .map((rs, c) -> openRow(rs, asOf))
                .forEach(rows::add);
        rows.sort(OLDEST_DUE_FIRST);
        List<InvoiceBalance> result = new ArrayList<>(rows.size());
        for (Open o : rows) {
            result.add(o.balance());
        }
        return List.copyOf(result);
    }

    /** {@code q} over {@link #OPEN_ROWS}, its attributes defined and its parameters bound. */
    private Query open(Query q, @Nullable ClientId clientId, LocalDate asOf, boolean overdueOnly, String bucket) {
        q.bind("t", t()).bind("asOf", sqlDate(asOf)).define("bucket", bucket)
                .define("overdueOnly", overdueOnly ? " AND i.due_date < :asOf" : "");
        if (clientId == null) {
            q.define("paymentsOfClient", "").define("notesOfClient", "").define("invoicesOfClient", "");
        } else {
            q.define("paymentsOfClient", " JOIN billops_payment p ON p.tenant_id = a.tenant_id "
                    + "AND p.id = a.payment_id AND p.client_id = :client")
                    .define("notesOfClient", " AND c.client_id = :client")
                    .define("invoicesOfClient", " AND i.client_id = :client")
                    .bind("client", clientId.value());
        }
        return q;
    }

    private Open openRow(ResultSet rs, LocalDate asOf) throws SQLException {
        CurrencyUnit cur = currency(rs.getString("currency"));
        Money payable = Columns.money(rs, "payable", cur);
        Money paid = Columns.money(rs, "paid_at", cur);
        Money credited = Columns.money(rs, "credited_at", cur);
        InvoiceBalance balance = new InvoiceBalance(InvoiceId.of(rs.getString("id")), rs.getString("number"),
                ClientId.of(rs.getString("client_id")), asOf, Columns.dateOrNull(rs, "due_date"), payable, paid,
                credited, payable.minus(paid).minus(credited));
        return new Open(Columns.date(rs, "issue_date"), balance);
    }

    /** One invoice's balance from its row, by the rule of {@link ReceivablesQueries}. */
    private InvoiceBalance balanceRow(ResultSet rs, LocalDate asOf) throws SQLException {
        CurrencyUnit cur = currency(rs.getString("currency"));
        Money zero = Money.zero(cur);
        InvoiceId id = InvoiceId.of(rs.getString("id"));
        String number = rs.getString("number");
        ClientId client = ClientId.of(rs.getString("client_id"));
        LocalDate issueDate = Columns.dateOrNull(rs, "issue_date");
        LocalDate dueDate = Columns.dateOrNull(rs, "due_date");
        boolean receivable = !CREDIT_NOTE.equals(quoted(rs.getString("doc_type")))
                && ISSUED.contains(Columns.enumValue(rs, "status", InvoiceStatus.class))
                && issueDate != null && !issueDate.isAfter(asOf);
        if (!receivable) {
            return new InvoiceBalance(id, number, client, asOf, dueDate, zero, zero, zero, zero);
        }
        Money payable = Columns.money(rs, "payable", cur);
        Money paid = Columns.money(rs, "allocated", cur).min(Columns.money(rs, "paid", cur));
        Money credited = Columns.money(rs, "credited", cur).minus(Columns.money(rs, "credited_later", cur)).max(zero);
        Money due = payable.minus(paid).minus(credited).max(zero);
        return new InvoiceBalance(id, number, client, asOf, dueDate, payable, paid, credited, due);
    }

    private LocalDate sqlDate(LocalDate date) {
        return ctx().dialect().comparable(date);
    }

    /** {@code date} minus {@code days}, or {@link LocalDate#MIN} where that lies before it. */
    private static LocalDate minusDays(LocalDate date, long days) {
        return date.toEpochDay() - days < LocalDate.MIN.toEpochDay() ? LocalDate.MIN : date.minusDays(days);
    }

    private CurrencyUnit currency(String code) {
        return currencies.computeIfAbsent(code, Currencies::of);
    }

    private static String quoted(String value) {
        return "'" + value + "'";
    }

    /** An open balance with the issue date it is ordered by. */
    private record Open(LocalDate issueDate, InvoiceBalance balance) {
    }
}
