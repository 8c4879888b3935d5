package dev.billops.jdbc;

import dev.billops.core.event.BillingEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers outbox events to a handler, one claimed batch per {@link #dispatchOnce} call: each
 * event in write order, then acknowledges those the handler accepted. An event whose handler
 * throws (or that cannot be decoded) is released with the error and retried after
 * {@code retryAfter}. Run it from the host's scheduler, in as many processes as wanted.
 *
 * <p>A database error while claiming, releasing or acknowledging leaves {@link #dispatchOnce} as
 * the {@code BillingException} described on {@link JdbcBillingStore}; the events of that batch
 * that were not acknowledged are claimed again when their lease ends. Thread-safe if the handler
 * is.
 */
public final class OutboxDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final JdbcOutbox outbox;
    private final Consumer<? super OutboxMessage> handler;
    private final Duration retryAfter;

    /** A dispatcher that retries a failed event after one minute. */
    public OutboxDispatcher(JdbcOutbox outbox, Consumer<? super OutboxMessage> handler) {
        this(outbox, handler, Duration.ofMinutes(1));
    }

    public OutboxDispatcher(JdbcOutbox outbox, Consumer<? super OutboxMessage> handler, Duration retryAfter) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /**
     * Claims up to {@code max} events and delivers them.
     *
     * @return how many were delivered and acknowledged
     */
    public int dispatchOnce(int max) {
        List<OutboxMessage> batch = outbox.claim(max);
        List<Long> delivered = new ArrayList<>(batch.size());
        for (OutboxMessage m : batch) {
            BillingEvent event = m.event();
            if (event == null) {
                outbox.release(m.id(), "cannot decode event of type " + m.type(), retryAfter);
                continue;
            }
            try {
                handler.accept(m);
                delivered.add(m.id());
            } catch (RuntimeException e) {
                LOG.warn("delivering outbox event {} ({}) of tenant {} failed (attempt {}); retrying after {}",
                        m.eventId(), m.type(), m.tenant(), m.attempts(), retryAfter, e);
                outbox.release(m.id(), e.toString(), retryAfter);
            }
        }
        outbox.markDelivered(delivered);
        return delivered.size();
    }
}
