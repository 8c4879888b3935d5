package dev.billops.jdbc.internal;

import dev.billops.core.error.DuplicateKeyException;
import dev.billops.core.event.BillingEvent;
import dev.billops.core.spi.EventOutbox;
import java.util.Objects;

/**
 * Writes events into {@code billops_outbox} in the business transaction; they become visible to
 * dispatchers when it commits. The payload is the event as JSON, with its type name and class.
 */
final class JdbcEventOutbox extends JdbcPort implements EventOutbox {

    JdbcEventOutbox(JdbcSession session) {
        super(session);
    }

    @Override
    public void append(BillingEvent event) {
        Objects.requireNonNull(event, "event");
        String payload = Objects.requireNonNull(ctx().json().write(event), "payload");
        int inserted = h().createUpdate("INSERT INTO billops_outbox (tenant_id, event_id, event_type, "
                + "event_class, occurred_at, payload, attempts) VALUES (:t, :id, :type, :class, :at, "
                + ctx().dialect().json("payload") + ", 0) ON CONFLICT DO NOTHING")
                .bind("t", t())
                .bind("id", event.eventId().value())
                .bind("type", event.type())
                .bind("class", event.getClass().getName())
                .bind("at", Columns.utc(event.occurredAt()))
                .bind("payload", payload)
                .execute();
        if (inserted == 0) {
            throw new DuplicateKeyException("event", event.eventId().value());
        }
    }
}
