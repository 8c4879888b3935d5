package dev.billops.core.memory;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.PaymentId;
import dev.billops.core.payment.Allocation;
import dev.billops.core.payment.Payment;
import dev.billops.core.spi.PaymentStore;
import dev.billops.core.error.DuplicateKeyException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

final class MemPaymentStore implements PaymentStore {

    private static final String KIND = "payment";
    private static final Comparator<Payment> ORDER =
            Comparator.comparing(Payment::receivedOn).thenComparing(Payment::id);

    private final Session session;

    MemPaymentStore(Session session) {
        this.session = session;
    }

    @Override
    public void insert(Payment payment) {
        Objects.requireNonNull(payment, "payment");
        PaymentTable t = session.state().payments;
        t.requireAbsent(payment.id(), KIND);
        requireUniqueKey(t, payment);
        t.put(payment);
    }

    @Override
    public Payment update(Payment payment) {
        Objects.requireNonNull(payment, "payment");
        PaymentTable t = session.state().payments;
        Payment stored = t.require(payment.id(), KIND);
        Table.requireVersion(KIND, payment.id(), stored.version(), payment.version());
        requireUniqueKey(t, payment);
        Payment next = payment.withVersion(stored.version() + 1);
        t.put(next);
        return next;
    }

    @Override
    public Optional<Payment> find(PaymentId id) {
        Objects.requireNonNull(id, "id");
        return session.state().payments.find(id);
    }

    @Override
    public Optional<Payment> findByIdempotencyKey(String key) {
        Objects.requireNonNull(key, "key");
        PaymentTable t = session.state().payments;
        PaymentId id = t.idOfKey(key);
        return id == null ? Optional.empty() : t.find(id);
    }

    @Override
    public List<Payment> listByClient(ClientId clientId) {
        Objects.requireNonNull(clientId, "clientId");
        return sorted(p -> p.clientId().equals(clientId));
    }

    @Override
    public List<Payment> listByInvoice(InvoiceId invoice) {
        Objects.requireNonNull(invoice, "invoice");
        return sorted(p -> {
            for (Allocation a : p.allocations()) {
                if (a.invoiceId().equals(invoice)) {
                    return true;
                }
            }
            return false;
        });
    }

    @Override
    public List<Payment> list() {
        return sorted(p -> true);
    }

    private List<Payment> sorted(Predicate<Payment> filter) {
        List<Payment> out = session.state().payments.list(filter);
        out.sort(ORDER);
        return out;
    }

    private static void requireUniqueKey(PaymentTable t, Payment payment) {
        String key = payment.idempotencyKey();
        if (key != null) {
            PaymentId holder = t.idOfKey(key);
            if (holder != null && !holder.equals(payment.id())) {
                throw new DuplicateKeyException("payment idempotency key", key);
            }
        }
    }
}
