package dev.billops.core.invoice;

import dev.billops.core.id.InvoiceId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The delivery facts of one invoice, derived from its audited delivery records.
 *
 * @param invoiceId the invoice
 * @param status the furthest step reached; viewing or downloading without a reported sending still counts
 * @param firstSentAt when it was first sent, or null
 * @param timesSent how many sendings were reported
 * @param firstViewedAt when the client first viewed it, as reported, or null
 * @param firstDownloadedAt when the client first downloaded it, as reported, or null
 */
public record InvoiceDelivery(InvoiceId invoiceId, DeliveryStatus status, @Nullable Instant firstSentAt,
        int timesSent, @Nullable Instant firstViewedAt, @Nullable Instant firstDownloadedAt) {

    public InvoiceDelivery {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(status, "status");
        if (timesSent < 0) {
            throw new IllegalArgumentException("timesSent " + timesSent + " < 0");
        }
    }
}
