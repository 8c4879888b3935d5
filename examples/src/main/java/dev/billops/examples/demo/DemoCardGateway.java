package dev.billops.examples.demo;

import dev.billops.core.money.Money;
import dev.billops.spi.ChargeRequest;
import dev.billops.spi.ChargeResult;
import dev.billops.spi.PaymentGateway;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The demo's card processor, in memory: it charges each idempotency key once and declines a
 * charge that would take a card past its limit, so that the demo's autopay client shows both a
 * paid and a declined invoice. A real host registers a gateway plugin instead (see
 * {@code dev.billops.examples.gateway.HttpPaymentGateway}). Thread-safe.
 */
public final class DemoCardGateway implements PaymentGateway {

    /** The plugin id. */
    public static final String ID = "demo-card";

    private final Money limit;
    private final Map<String, ChargeResult> byKey = new LinkedHashMap<>();
    private Money charged;

    /** A gateway whose cards take at most {@code limit} in total. */
    public DemoCardGateway(Money limit) {
        this.limit = Objects.requireNonNull(limit, "limit");
        this.charged = Money.zero(limit.currency());
    }

    @Override
    public String id() {
        return ID;
    }

    /** The total a card may be charged. */
    public Money limit() {
        return limit;
    }

    @Override
    public synchronized ChargeResult charge(ChargeRequest request) {
        ChargeResult earlier = byKey.get(request.idempotencyKey());
        if (earlier != null) {
            return earlier;
        }
        ChargeResult result;
        if (!request.amount().currency().equals(limit.currency())) {
            result = ChargeResult.failed(null, "card does not take " + request.amount().currencyCode());
        } else if (charged.plus(request.amount()).isGreaterThan(limit)) {
            result = ChargeResult.failed(null, "card declined: limit of " + limit + " reached");
        } else {
            charged = charged.plus(request.amount());
            result = ChargeResult.succeeded("demo-ch-" + (byKey.size() + 1));
        }
        byKey.put(request.idempotencyKey(), result);
        return result;
    }

    @Override
    public synchronized ChargeResult status(String idempotencyKey) {
        ChargeResult known = byKey.get(idempotencyKey);
        return known != null ? known : ChargeResult.failed(null, "no charge with key " + idempotencyKey);
    }
}
