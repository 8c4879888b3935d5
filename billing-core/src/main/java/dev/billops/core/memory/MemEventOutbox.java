package dev.billops.core.memory;

import dev.billops.core.event.BillingEvent;
import dev.billops.core.spi.EventOutbox;
import dev.billops.core.error.DuplicateKeyException;
import java.util.Objects;

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
}
