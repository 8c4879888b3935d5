package dev.billops.core.spi;

import dev.billops.core.event.BillingEvent;

/** Port: the transactional outbox. Events appended in a transaction are visible to dispatchers only once it commits. */
public interface EventOutbox {

    void append(BillingEvent event);
}
