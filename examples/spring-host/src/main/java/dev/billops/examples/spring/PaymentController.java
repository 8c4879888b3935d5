package dev.billops.examples.spring;

import static dev.billops.examples.spring.Requests.required;

import dev.billops.core.TenantBilling;
import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.PaymentId;
import dev.billops.core.money.Money;
import dev.billops.core.payment.Payment;
import dev.billops.core.payment.PaymentRequest;
import dev.billops.examples.spring.Requests.PaymentBody;
import dev.billops.examples.spring.Requests.RefundBody;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Payments: record (with an {@code Idempotency-Key} header, a retry returns the first payment
 * instead of paying twice), refund, read. A CLIENT caller sees only its client's payments.
 */
@RestController
public class PaymentController {

    /** The header whose value makes recording a payment idempotent. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final Callers callers;

    public PaymentController(Callers callers) {
        this.callers = callers;
    }

    /**
     * Records a payment, allocated by the tenant's policy (oldest due first unless configured
     * otherwise); what is not allocated becomes the client's credit. 201 for a new payment, 200 with
     * the first payment when the idempotency key was seen before.
     */
    @PostMapping("/api/payments")
    public ResponseEntity<Payment> record(@RequestBody PaymentBody body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String idempotencyKey) {
        TenantBilling t = callers.billing();
        PaymentRequest request = PaymentRequest.of(ClientId.of(required(body.clientId(), "clientId")),
                Requests.money(body.currency(), body.amount())).withIdempotencyKey(idempotencyKey);
        if (body.receivedOn() != null) {
            request = request.withReceivedOn(body.receivedOn());
        }
        if (body.method() != null) {
            request = request.withMethod(body.method());
        }
        if (body.externalRef() != null) {
            request = request.withExternalRef(body.externalRef());
        }
        boolean seen = idempotencyKey != null && seen(t, request.clientId(), idempotencyKey);
        Payment payment = t.payments().record(request);
        return ResponseEntity.status(seen ? HttpStatus.OK : HttpStatus.CREATED).body(payment);
    }

    /** Payments of a client (a CLIENT caller: of its own; others must name the client). */
    @GetMapping("/api/payments")
    public List<Payment> list(@RequestParam(required = false) @Nullable String clientId) {
        Optional<ClientId> bound = callers.boundClient();
        if (bound.isPresent()) {
            if (clientId != null && !bound.get().equals(ClientId.of(clientId))) {
                return List.of();
            }
            return callers.billing().receivables().history(bound.get());
        }
        if (clientId == null) {
            throw new InvalidInputException("query parameter 'clientId' is required");
        }
        return callers.billing().receivables().history(ClientId.of(clientId));
    }

    @GetMapping("/api/payments/{id}")
    public Payment get(@PathVariable String id) {
        Payment payment = callers.billing().payments().find(PaymentId.of(id))
                .orElseThrow(() -> new NotFoundException("payment", id));
        callers.requireVisible("payment", id, payment.clientId());
        return payment;
    }

    /** Refunds part or all of a payment; its allocations are reversed, newest first. */
    @PostMapping("/api/payments/{id}/refunds")
    public Payment refund(@PathVariable String id, @RequestBody RefundBody body) {
        TenantBilling t = callers.billing();
        PaymentId paymentId = PaymentId.of(id);
        Payment payment = t.payments().find(paymentId).orElseThrow(() -> new NotFoundException("payment", id));
        return t.payments().refund(paymentId, Money.of(payment.amount().currency(), required(body.amount(), "amount")));
    }

    private static boolean seen(TenantBilling t, ClientId client, String key) {
        return t.receivables().history(client).stream().anyMatch(p -> key.equals(p.idempotencyKey()));
    }
}
