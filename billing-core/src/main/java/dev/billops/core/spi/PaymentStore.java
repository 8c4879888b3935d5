package dev.billops.core.spi;

import dev.billops.core.Payments;
import dev.billops.core.payment.Payment;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.PaymentId;
import java.util.List;
import java.util.Optional;

/**
 * Port: payments of the session tenant with their allocations.
 *
 * <p>Contract: {@link #insert} throws {@code DuplicateKeyException} for a known id or a known
 * idempotency key (unique per tenant, also under concurrency); {@link #update} is optimistic on
 * {@link Payment#version()} and returns the payment with its new version.
 */
public interface PaymentStore {

    void insert(Payment payment);

    Payment update(Payment payment);

    Optional<Payment> find(PaymentId id);

    Optional<Payment> findByIdempotencyKey(String key);

    /** Payments of a client ordered by date, then id. */
    List<Payment> listByClient(ClientId clientId);

    /** Payments with an allocation to {@code invoice}, ordered by date, then id. */
    List<Payment> listByInvoice(InvoiceId invoice);

    /** All payments ordered by date, then id. */
    List<Payment> list();
}
