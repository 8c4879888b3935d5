package dev.billops.core.event;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.EventId;
import java.time.Instant;

/**
 * Event {@code client.deactivated}: a client was made inactive; it gets no new invoices.
 *
 * @param eventId unique id
 * @param occurredAt when it was recorded
 * @param clientId the client
 */
public record ClientDeactivated(EventId eventId, Instant occurredAt, ClientId clientId) implements BillingEvent {

    @Override
    public String type() {
        return "client.deactivated";
    }
}
