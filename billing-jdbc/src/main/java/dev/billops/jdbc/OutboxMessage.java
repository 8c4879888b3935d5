package dev.billops.jdbc;

import dev.billops.core.event.BillingEvent;
import dev.billops.core.id.EventId;
import dev.billops.core.id.TenantId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An event claimed from the outbox, to be delivered and then acknowledged with
 * {@link JdbcOutbox#markDelivered}.
 *
 * @param id the outbox row id; ids grow in the order the events were written
 * @param tenant the tenant whose transaction wrote it
 * @param eventId the event's own id, for listeners that deduplicate
 * @param type the event's dotted type, e.g. {@code invoice.issued}
 * @param occurredAt when it happened (to the microsecond)
 * @param payload the event as JSON
 * @param attempts how many times it has been claimed, this claim included
 * @param event the event decoded from the payload, or null if its class could not be loaded or read
 */
public record OutboxMessage(long id, TenantId tenant, EventId eventId, String type, Instant occurredAt, String payload,
        int attempts, @Nullable BillingEvent event) {

    public OutboxMessage {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
    }
}
