package dev.billops.core.payment;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.Text;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.PaymentId;
import dev.billops.core.internal.Transitions;
import dev.billops.core.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Money received from a client. What is not allocated to invoices (and not refunded) is the
 * client's credit balance. Status, allocations and refunds are changed only by the payment
 * services; this type has no public method that changes them.
 *
 * @param id payment id
 * @param clientId the payer
 * @param amount amount received, positive
 * @param receivedOn value date
 * @param method e.g. {@code "bank-transfer"}, {@code "card"}
 * @param externalRef bank or gateway reference, or null
 * @param idempotencyKey key that makes recording this payment safe to repeat, or null
 * @param status state
 * @param refunded amount refunded so far
 * @param allocations applications to invoices, in allocation order
 * @param version optimistic-locking version, managed by the store
 */
public record Payment(
        PaymentId id,
        ClientId clientId,
        Money amount,
        LocalDate receivedOn,
        String method,
        @Nullable String externalRef,
        @Nullable String idempotencyKey,
        PaymentStatus status,
        Money refunded,
        List<Allocation> allocations,
        long version) {

    static {
        Transitions.register(new Access());
    }

    /** The transitions only the services perform, registered with {@link Transitions}. */
    private static final class Access implements Transitions.PaymentTransitions {
        @Override
        public Payment withStatus(Payment payment, PaymentStatus status) {
            return payment.withStatus(status);
        }

        @Override
        public Payment withAllocations(Payment payment, List<Allocation> allocations) {
            return payment.withAllocations(allocations);
        }

        @Override
        public Payment withRefunded(Payment payment, Money refunded, PaymentStatus status) {
            return payment.withRefunded(refunded, status);
        }
    }

    public Payment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(receivedOn, "receivedOn");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(refunded, "refunded");
        allocations = List.copyOf(Objects.requireNonNull(allocations, "allocations"));
        Text.require("payment method", method, 200);
        Text.optional("payment external reference", externalRef, 1000);
        Text.optional("payment idempotency key", idempotencyKey, 200);
        if (!amount.isPositive()) {
            throw new InvalidInputException("payment " + id + ": amount " + amount + " must be positive");
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw new InvalidInputException("payment " + id + ": idempotency key must be 1-200 characters");
        }
        amount.requireSameCurrency(refunded);
        Money allocated = Money.zero(amount.currency());
        for (Allocation a : allocations) {
            amount.requireSameCurrency(a.amount());
            allocated = allocated.plus(a.amount());
        }
        if (refunded.isNegative() || allocated.plus(refunded).isGreaterThan(amount)) {
            throw new InvalidInputException("payment " + id + ": allocated " + allocated + " plus refunded " + refunded
                    + " exceeds the amount " + amount);
        }
    }

    /** Sum of allocations. */
    public Money allocated() {
        Money sum = Money.zero(amount.currency());
        for (Allocation a : allocations) {
            sum = sum.plus(a.amount());
        }
        return sum;
    }

    /** Amount − refunded − allocated: the credit this payment leaves with the client. */
    public Money unallocated() {
        if (status == PaymentStatus.PENDING || status == PaymentStatus.FAILED) {
            return Money.zero(amount.currency());
        }
        return amount.minus(refunded).minus(allocated());
    }

    private Payment withAllocations(List<Allocation> allocations) {
        return new Payment(id, clientId, amount, receivedOn, method, externalRef, idempotencyKey, status, refunded,
                allocations, version);
    }

    private Payment withStatus(PaymentStatus status) {
        return new Payment(id, clientId, amount, receivedOn, method, externalRef, idempotencyKey, status, refunded,
                allocations, version);
    }

    private Payment withRefunded(Money refunded, PaymentStatus status) {
        return new Payment(id, clientId, amount, receivedOn, method, externalRef, idempotencyKey, status, refunded,
                allocations, version);
    }

    public Payment withVersion(long version) {
        return new Payment(id, clientId, amount, receivedOn, method, externalRef, idempotencyKey, status, refunded,
                allocations, version);
    }
}
