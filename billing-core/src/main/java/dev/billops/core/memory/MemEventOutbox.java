package dev.billops.core.memory;

import dev.billops.core.event.BillingEvent;
import dev.billops.core.spi.EventOutbox;
import dev.billops.core.error.DuplicateKeyException;
import dev.billops.core.id.EventId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

final class MemEventOutbox implements EventOutbox {

    private final Session session;

    MemEventOutbox(Session session) {
        this.session = session;
    }

    @Override
    public void append(BillingEvent event) {
        Objects.requireNonNull(event, "event");
        TenantState state = session.state();
        if (state.hasEvent(event.eventId())) {
            throw new DuplicateKeyException("event", event.eventId().value());
        }
        state.appendEvent(event);
    }

    /** Checks every event id (against the outbox and the earlier events of the list) before appending any. */
    @Override
    public void appendAll(List<BillingEvent> events) {
        Objects.requireNonNull(events, "events");
        List<BillingEvent> all = List.copyOf(events);
        TenantState state = session.state();
        Set<EventId> seen = new HashSet<>();
        for (BillingEvent event : all) {
            if (state.hasEvent(event.eventId()) || !seen.add(event.eventId())) {
                throw new DuplicateKeyException("event", event.eventId().value());
            }
        }
        for (BillingEvent event : all) {
            state.appendEvent(event);
        }
    }
}
