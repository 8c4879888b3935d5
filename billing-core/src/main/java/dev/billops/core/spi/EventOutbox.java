package dev.billops.core.spi;

import dev.billops.core.event.BillingEvent;
import java.util.List;

/** Port: the transactional outbox. Events appended in a transaction are visible to dispatchers only once it commits. */
public interface EventOutbox {

    void append(BillingEvent event);

    /**
     * Appends {@code events} in list order, as {@link #append} appends each: an event id already in
     * the outbox, or twice in the list, throws {@code DuplicateKeyException}. A store may write them
     * together (the JDBC store: one batch); the JDBC and in-memory stores check before they write,
     * so a refused call appends nothing, while this default leaves the events before the refused
     * one appended.
     */
    default void appendAll(List<BillingEvent> events) {
        for (BillingEvent event : List.copyOf(events)) {
            append(event);
        }
    }
}
