package dev.billops.core.spi;

import dev.billops.core.id.EventId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which events each receiver has already handled, so that a redelivered event (the outbox
 * delivers at least once) reaches a receiver that handled it zero more times. The port that the
 * event delivery of billing-integrations-spi reads and writes.
 *
 * <p>{@link #inMemory()} keeps the most recent deliveries of this process: enough against the
 * outbox's redeliveries of a failed batch, not across restarts; billing-jdbc's
 * {@code JdbcDeliveryLog} keeps them in a table of the BillOps schema. Implementations are
 * thread-safe.
 */
public interface DeliveryLog {

    /** Whether {@code receiver} already handled {@code event}. */
    boolean contains(String receiver, EventId event);

    /** Records that {@code receiver} handled {@code event}; recording it twice is a no-op. */
    void add(String receiver, EventId event);

    /** An in-memory log of the last 100,000 deliveries. */
    static DeliveryLog inMemory() {
        return inMemory(100_000);
    }

    /** An in-memory log of the last {@code capacity} deliveries (oldest forgotten first). */
    static DeliveryLog inMemory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("delivery log capacity " + capacity + " must be positive");
        }
        return new DeliveryLog() {
            private final Map<String, Boolean> seen = new LinkedHashMap<>(1024, 0.75f, false) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > capacity;
                }
            };

            @Override
            public synchronized boolean contains(String receiver, EventId event) {
                return seen.containsKey(key(receiver, event));
            }

            @Override
            public synchronized void add(String receiver, EventId event) {
                seen.put(key(receiver, event), Boolean.TRUE);
            }

            private String key(String receiver, EventId event) {
                return Objects.requireNonNull(receiver, "receiver") + '\u0000'
                        + Objects.requireNonNull(event, "event").value();
            }

            @Override
            public String toString() {
                return "DeliveryLog.inMemory(" + capacity + ")";
            }
        };
    }
}
