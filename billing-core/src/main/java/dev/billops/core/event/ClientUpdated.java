package dev.billops.core.event;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.EventId;
import java.time.Instant;

/**
 * Event {@code client.updated}: a client's data was changed (a deactivation also publishes {@code client.deactivated}).
 *
 * @param eventId unique id
 * @param occurredAt when it was recorded
 * @param clientId the client
 * @param name its name after the change
 * @param version its version after the change
 */
public record ClientUpdated(EventId eventId, Instant occurredAt, ClientId clientId, String name, long version) implements BillingEvent {

    @Override
    public String type() {
        return "client.updated";
    }
}
