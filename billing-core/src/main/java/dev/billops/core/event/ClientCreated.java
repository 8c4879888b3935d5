package dev.billops.core.event;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.EventId;
import java.time.Instant;

/**
 * Event {@code client.created}: a client was created.
 *
 * @param eventId unique id
 * @param occurredAt when it was recorded
 * @param clientId the new client
 * @param name its name
 */
public record ClientCreated(EventId eventId, Instant occurredAt, ClientId clientId, String name) implements BillingEvent {

    @Override
    public String type() {
        return "client.created";
    }
}
