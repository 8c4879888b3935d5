package dev.billops.spi;

import dev.billops.core.money.Money;

/**
 * A payment service provider that charges stored payment methods (autopay) and refunds.
 *
 * <p>Every call carries an idempotency key: a gateway must charge at most once per key, and
 * {@link #status} must answer for a key it was asked to charge, so that an UNKNOWN result can
 * be reconciled without charging twice.
 */
public interface PaymentGateway extends BillingPlugin {

    /**
     * Charges {@code request.amount()} to the stored method; asking again with the same key
     * returns the first charge's result.
     *
     * @throws TransientPluginException if the gateway could not be reached (treated as UNKNOWN:
     *     the registry's caller reconciles, it does not simply charge again with another key)
     */
    ChargeResult charge(ChargeRequest request);

    /** What became of the charge made with {@code idempotencyKey}; FAILED with a message if no such charge exists. */
    ChargeResult status(String idempotencyKey);

    /**
     * Refunds {@code amount} of the charge {@code gatewayReference}, at most once per
     * {@code idempotencyKey}. The default says the gateway cannot refund.
     */
    default ChargeResult refund(String gatewayReference, Money amount, String idempotencyKey) {
        return ChargeResult.failed(gatewayReference, "gateway " + id() + " does not support refunds");
    }
}
