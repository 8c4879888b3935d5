package dev.billops.jdbc.internal;

import dev.billops.core.error.ConcurrentUpdateException;
import dev.billops.core.error.DuplicateKeyException;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.PaymentId;
import dev.billops.core.payment.Allocation;
import dev.billops.core.payment.Payment;
import dev.billops.core.payment.PaymentStatus;
import dev.billops.core.spi.PaymentStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.money.CurrencyUnit;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;
import org.jspecify.annotations.Nullable;

/** Payments with their allocations (a child table). The idempotency key is unique per tenant. */
final class JdbcPaymentStore extends JdbcPort implements PaymentStore {

    private static final String KIND = "payment";
    private static final String KEY_KIND = "payment idempotency key";
    private static final String ORDER = " ORDER BY received_on, id";

    JdbcPaymentStore(JdbcSession session) {
        super(session);
    }

    @Override
    public void insert(Payment payment) {
        Objects.requireNonNull(payment, "payment");
        int inserted = bind(h().createUpdate("INSERT INTO billops_payment (tenant_id, id, client_id, amount, "
                + "currency, received_on, method, external_ref, idempotency_key, status, refunded, version) VALUES "
                + "(:t, :id, :client, :amount, :currency, :receivedOn, :method, :ref, :key, :status, :refunded, :version) "
                + "ON CONFLICT DO NOTHING"), payment).execute();
        if (inserted == 0) {
            if (h().createQuery("SELECT COUNT(*) FROM billops_payment WHERE tenant_id = :t AND id = :id")
                    .bind("t", t()).bind("id", payment.id().value()).mapTo(Integer.class).one() > 0) {
                throw new DuplicateKeyException(KIND, payment.id().value());
            }
            throw new DuplicateKeyException(KEY_KIND, String.valueOf(payment.idempotencyKey()));
        }
        insertAllocations(payment);
    }

    @Override
    public Payment update(Payment payment) {
        Objects.requireNonNull(payment, "payment");
        int updated = bind(h().createUpdate("UPDATE billops_payment SET client_id = :client, amount = :amount, "
                + "currency = :currency, received_on = :receivedOn, method = :method, external_ref = :ref, "
                + "idempotency_key = :key, status = :status, refunded = :refunded, version = version + 1 "
                + "WHERE tenant_id = :t AND id = :id AND version = :version AND NOT EXISTS (SELECT 1 FROM billops_payment o "
                + "WHERE o.tenant_id = :t AND o.idempotency_key = :key AND o.id <> :id)"), payment).execute();
        if (updated == 0) {
            long stored = h().createQuery("SELECT version FROM billops_payment WHERE tenant_id = :t AND id = :id")
                    .bind("t", t()).bind("id", payment.id().value()).mapTo(Long.class).findOne()
                    .orElseThrow(() -> new NotFoundException(KIND, payment.id().value()));
            if (stored != payment.version()) {
                throw new ConcurrentUpdateException(KIND, payment.id().value(), payment.version());
            }
            throw new DuplicateKeyException(KEY_KIND, String.valueOf(payment.idempotencyKey()));
        }
        h().createUpdate("DELETE FROM billops_payment_allocation WHERE tenant_id = :t AND payment_id = :id")
                .bind("t", t()).bind("id", payment.id().value()).execute();
        insertAllocations(payment);
        return payment.withVersion(payment.version() + 1);
    }

    private void insertAllocations(Payment payment) {
        if (payment.allocations().isEmpty()) {
            return;
        }
        PreparedBatch batch = h().prepareBatch("INSERT INTO billops_payment_allocation (tenant_id, payment_id, idx, "
                + "sequence, invoice_id, amount, allocated_on) VALUES (:t, :id, :idx, :sequence, :invoice, :amount, :on)");
        for (int i = 0; i < payment.allocations().size(); i++) {
            Allocation a = payment.allocations().get(i);
            batch.bind("t", t()).bind("id", payment.id().value()).bind("idx", i).bind("sequence", a.sequence())
                    .bind("invoice", a.invoiceId().value()).bind("amount", a.amount().amount())
                    .bindByType("on", a.date(), LocalDate.class).add();
        }
        batch.execute();
    }

    @Override
    public Optional<Payment> find(PaymentId id) {
        Objects.requireNonNull(id, "id");
        return read(h().createQuery("SELECT * FROM billops_payment WHERE tenant_id = :t AND id = :id")
                .bind("id", id.value())).stream().findFirst();
    }

    @Override
    public Optional<Payment> findByIdempotencyKey(String key) {
        Objects.requireNonNull(key, "key");
        return read(h().createQuery("SELECT * FROM billops_payment WHERE tenant_id = :t AND idempotency_key = :key")
                .bind("key", key)).stream().findFirst();
    }

    @Override
    public List<Payment> listByClient(ClientId clientId) {
        Objects.requireNonNull(clientId, "clientId");
        return read(h().createQuery("SELECT * FROM billops_payment WHERE tenant_id = :t AND client_id = :client" + ORDER)
                .bind("client", clientId.value()));
    }

    @Override
    public List<Payment> listByInvoice(InvoiceId invoice) {
        Objects.requireNonNull(invoice, "invoice");
        return read(h().createQuery("SELECT * FROM billops_payment p WHERE p.tenant_id = :t AND EXISTS (SELECT 1 FROM "
                + "billops_payment_allocation a WHERE a.tenant_id = :t AND a.payment_id = p.id AND a.invoice_id = :invoice)"
                + ORDER).bind("invoice", invoice.value()));
    }

    @Override
    public List<Payment> list() {
        return read(h().createQuery("SELECT * FROM billops_payment WHERE tenant_id = :t" + ORDER));
    }

    /** Headers, then the allocations of those payments in one query per 500. */
    private List<Payment> read(Query q) {
        List<Header> headers = q.bind("t", t()).map(JdbcPaymentStore::header).list();
        if (headers.isEmpty()) {
            return List.of();
        }
        Map<String, CurrencyUnit> currencies = new HashMap<>();
        for (Header h : headers) {
            currencies.put(h.id(), h.currency());
        }
        Map<String, List<Allocation>> allocations = new HashMap<>();
        for (List<String> chunk : JdbcTimeEntryStore.chunks(new ArrayList<>(currencies.keySet()))) {
            h().createQuery("SELECT * FROM billops_payment_allocation WHERE tenant_id = :t AND payment_id IN (<ids>) "
                    + "ORDER BY payment_id, idx")
                    .bind("t", t()).bindList("ids", chunk)
                    .map((rs, c) -> {
                        String payment = rs.getString("payment_id");
                        return Map.entry(payment, new Allocation(InvoiceId.of(rs.getString("invoice_id")),
                                Columns.money(rs, "amount", currencies.get(payment)), Columns.date(rs, "allocated_on"),
                                rs.getInt("sequence")));
                    })
                    .forEach(e -> allocations.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        }
        List<Payment> out = new ArrayList<>(headers.size());
        for (Header h : headers) {
            out.add(h.complete(allocations.getOrDefault(h.id(), List.of())));
        }
        return out;
    }

    private <S extends SqlStatement<S>> S bind(S s, Payment p) {
        return s.bind("t", t())
                .bind("id", p.id().value())
                .bind("client", p.clientId().value())
                .bind("amount", p.amount().amount())
                .bind("currency", p.amount().currencyCode())
                .bindByType("receivedOn", p.receivedOn(), LocalDate.class)
                .bind("method", p.method())
                .bind("ref", p.externalRef())
                .bind("key", p.idempotencyKey())
                .bind("status", p.status().name())
                .bind("refunded", p.refunded().amount())
                .bind("version", p.version());
    }

    private record Header(String id, ClientId clientId, CurrencyUnit currency, dev.billops.core.money.Money amount,
            LocalDate receivedOn, String method, @Nullable String externalRef, @Nullable String idempotencyKey,
            PaymentStatus status, dev.billops.core.money.Money refunded, long version) {

        Payment complete(List<Allocation> allocations) {
            return new Payment(PaymentId.of(id), clientId, amount, receivedOn, method, externalRef, idempotencyKey,
                    status, refunded, allocations, version);
        }
    }

    private static Header header(ResultSet rs, StatementContext ctx) throws SQLException {
        CurrencyUnit cur = Columns.currency(rs, "currency");
        return new Header(rs.getString("id"), ClientId.of(rs.getString("client_id")), cur,
                Columns.money(rs, "amount", cur), Columns.date(rs, "received_on"), rs.getString("method"),
                rs.getString("external_ref"), rs.getString("idempotency_key"),
                Columns.enumValue(rs, "status", PaymentStatus.class), Columns.money(rs, "refunded", cur),
                rs.getLong("version"));
    }
}
