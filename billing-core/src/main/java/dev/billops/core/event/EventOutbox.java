package dev.billops.core.event;

/** Port: the transactional outbox. Events appended in a transaction are visible to dispatchers only once it commits. */
public interface EventOutbox {

    void append(BillingEvent event);
}
