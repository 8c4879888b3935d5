package dev.billops.core.payment;

/** State of a payment. Only SUCCEEDED and (partially) refunded payments carry allocations. */
public enum PaymentStatus {
    PENDING,
    SUCCEEDED,
    FAILED,
    REFUNDED,
    PARTIALLY_REFUNDED
}
