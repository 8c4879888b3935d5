package dev.billops.core.invoice;

/**
 * How far an issued invoice got on its way to the client, in order. Delivery is tracked apart
 * from {@link InvoiceStatus}: a SENT invoice is still ISSUED (or PARTIALLY_PAID, PAID, VOID) for
 * numbering, payments, credit notes and voiding, so the lifecycle draft → issued → sent → paid
 * reads {@code status()} and {@code delivery().status()} together.
 */
public enum DeliveryStatus {
    /** Issued, no sending reported yet. */
    NOT_SENT,
    /** Sent at least once (by a notifier or reported by the host). */
    SENT,
    /** The client viewed it. */
    VIEWED,
    /** The client downloaded it. */
    DOWNLOADED
}
