package dev.billops.core.payment;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.Text;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a host knows about money received, before it is recorded:
 *
 * <pre>{@code
 * acme.payments().record(PaymentRequest.of(client, Money.of(EUR, "500.00"))
 *         .withIdempotencyKey("bank-7731")
 *         .toInvoice(invoiceId));
 * }</pre>
 *
 * <p>Without {@code toInvoice(...)}, the mode (unless set) is the policy default
 * ({@link PaymentPolicy#defaultAllocation()}, AUTO unless changed).
 *
 * @param clientId the payer
 * @param amount amount received, positive
 * @param receivedOn value date; null means today in the billing clock's zone
 * @param method e.g. {@code "bank-transfer"}, {@code "card"}
 * @param externalRef bank or gateway reference, or null
 * @param idempotencyKey makes recording safe to repeat, or null
 * @param mode how to allocate; null means the policy default, or EXPLICIT when targets are given
 * @param targets explicit allocations, in order
 */
public record PaymentRequest(
        ClientId clientId,
        Money amount,
        @Nullable LocalDate receivedOn,
        String method,
        @Nullable String externalRef,
        @Nullable String idempotencyKey,
        @Nullable AllocationMode mode,
        List<AllocationTarget> targets) {

    /** Method used when the host does not say. */
    public static final String DEFAULT_METHOD = "bank-transfer";

    public PaymentRequest {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(method, "method");
        targets = List.copyOf(Objects.requireNonNull(targets, "targets"));
        Text.require("payment method", method, 64);
        Text.optional("payment external reference", externalRef, 200);
        Text.optional("payment idempotency key", idempotencyKey, 200);
        if (!amount.isPositive()) {
            throw new InvalidInputException("payment of client " + clientId + ": amount " + amount
                    + " must be positive");
        }
        if (method.isBlank() || method.length() > 64) {
            throw new InvalidInputException("payment of client " + clientId + ": method '" + method
                    + "' must be 1-64 characters");
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw new InvalidInputException("payment of client " + clientId + ": idempotency key '" + idempotencyKey
                    + "' must be 1-200 characters");
        }
        if (externalRef != null && externalRef.length() > 200) {
            throw new InvalidInputException("payment of client " + clientId + ": external reference is longer than"
                    + " 200 characters");
        }
        if (!targets.isEmpty() && mode != null && mode != AllocationMode.EXPLICIT) {
            throw new InvalidInputException("payment of client " + clientId + ": mode " + mode
                    + " cannot have explicit allocation targets");
        }
        Set<InvoiceId> seen = new HashSet<>();
        Money explicit = Money.zero(amount.currency());
        for (AllocationTarget t : targets) {
            if (!seen.add(t.invoiceId())) {
                throw new InvalidInputException("payment of client " + clientId + ": invoice " + t.invoiceId()
                        + " is targeted twice");
            }
            Money a = t.amount();
            if (a != null) {
                if (!a.currencyCode().equals(amount.currencyCode())) {
                    throw new PaymentCurrencyMismatchException(t.invoiceId(), t.invoiceId().value(),
                            a.currencyCode(), amount.currencyCode());
                }
                explicit = explicit.plus(a);
            }
        }
        if (explicit.isGreaterThan(amount)) {
            throw new InsufficientCreditException(clientId, "a payment of " + amount, explicit, amount);
        }
    }

    /** {@code amount} from {@code client}, received today, by bank transfer, policy-default allocation. */
    public static PaymentRequest of(ClientId client, Money amount) {
        return new PaymentRequest(client, amount, null, DEFAULT_METHOD, null, null, null, List.of());
    }

    public PaymentRequest withReceivedOn(LocalDate date) {
        return new PaymentRequest(clientId, amount, Objects.requireNonNull(date, "date"), method, externalRef,
                idempotencyKey, mode, targets);
    }

    public PaymentRequest withMethod(String method) {
        return new PaymentRequest(clientId, amount, receivedOn, method, externalRef, idempotencyKey, mode, targets);
    }

    public PaymentRequest withExternalRef(@Nullable String ref) {
        return new PaymentRequest(clientId, amount, receivedOn, method, ref, idempotencyKey, mode, targets);
    }

    public PaymentRequest withIdempotencyKey(@Nullable String key) {
        return new PaymentRequest(clientId, amount, receivedOn, method, externalRef, key, mode, targets);
    }

    /** Applies as much as possible (up to its balance) to {@code invoice}; the rest is credit. */
    public PaymentRequest toInvoice(InvoiceId invoice) {
        return withTarget(AllocationTarget.upToDue(invoice));
    }

    /** Applies exactly {@code part} to {@code invoice}. */
    public PaymentRequest toInvoice(InvoiceId invoice, Money part) {
        return withTarget(AllocationTarget.of(invoice, part));
    }

    /** Applies the payment to open invoices, oldest due date first. */
    public PaymentRequest autoAllocated() {
        return new PaymentRequest(clientId, amount, receivedOn, method, externalRef, idempotencyKey,
                AllocationMode.AUTO, List.of());
    }

    /** Keeps the whole payment as client credit. */
    public PaymentRequest asCredit() {
        return new PaymentRequest(clientId, amount, receivedOn, method, externalRef, idempotencyKey,
                AllocationMode.NONE, List.of());
    }

    private PaymentRequest withTarget(AllocationTarget target) {
        List<AllocationTarget> next = new ArrayList<>(targets);
        next.add(target);
        return new PaymentRequest(clientId, amount, receivedOn, method, externalRef, idempotencyKey,
                AllocationMode.EXPLICIT, next);
    }

    /** The mode this request is recorded with, given the policy default. */
    public AllocationMode effectiveMode(AllocationMode policyDefault) {
        if (!targets.isEmpty()) {
            return AllocationMode.EXPLICIT;
        }
        return mode != null ? mode : policyDefault;
    }
}
