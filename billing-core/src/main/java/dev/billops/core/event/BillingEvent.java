package dev.billops.core.event;

import dev.billops.core.id.EventId;
import java.time.Instant;

/**
 * Something that happened in billing, written to the outbox in the transaction that caused it
 * and delivered to plugins at least once after commit.
 *
 * <p>Implementations are immutable records holding ids and values only, never entities, so an
 * event means the same thing whenever it is delivered.
 */
public interface BillingEvent {

    /** Unique id; listeners deduplicate by it. */
    EventId eventId();

    /** When it happened. */
    Instant occurredAt();

    /** A stable dotted name, e.g. {@code "invoice.issued"}. */
    String type();
}
