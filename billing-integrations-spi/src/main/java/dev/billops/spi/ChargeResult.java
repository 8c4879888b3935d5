package dev.billops.spi;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a gateway said about a charge or refund.
 *
 * @param status SUCCEEDED, FAILED (for good: declined, expired card), PENDING (accepted, not
 *     settled yet) or UNKNOWN (no answer, timeout: it may or may not have happened, so it is
 *     reconciled later with {@link PaymentGateway#status}, never charged again blindly)
 * @param gatewayReference the gateway's id of the charge, or null when it has none
 * @param message the gateway's reason for FAILED/UNKNOWN, or empty
 */
public record ChargeResult(Status status, @Nullable String gatewayReference, String message) {

    /** The outcome of a charge. */
    public enum Status { SUCCEEDED, FAILED, PENDING, UNKNOWN }

    public ChargeResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }

    public static ChargeResult succeeded(String gatewayReference) {
        return new ChargeResult(Status.SUCCEEDED, Objects.requireNonNull(gatewayReference, "gatewayReference"), "");
    }

    public static ChargeResult failed(@Nullable String gatewayReference, String reason) {
        return new ChargeResult(Status.FAILED, gatewayReference, reason);
    }

    public static ChargeResult pending(String gatewayReference) {
        return new ChargeResult(Status.PENDING, gatewayReference, "");
    }

    public static ChargeResult unknown(String reason) {
        return new ChargeResult(Status.UNKNOWN, null, reason);
    }
}
