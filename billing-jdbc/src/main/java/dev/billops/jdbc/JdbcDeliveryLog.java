package dev.billops.jdbc;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.EventId;
import dev.billops.core.spi.DeliveryLog;
import dev.billops.jdbc.internal.Columns;
import dev.billops.jdbc.internal.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * A {@link DeliveryLog} in table {@value #TABLE} of the BillOps schema (migration
 * {@code V4__plugin_delivery.sql}), so that deduplication survives restarts and is shared by
 * several dispatcher processes. Built by {@link JdbcBillingStore#deliveryLog()}, on PostgreSQL or
 * H2; it creates no table itself.
 *
 * <p>{@link #add} of a pair that is already there is a no-op (two dispatchers racing on one
 * event). Database errors are the {@code BillingException}s described on {@link JdbcBillingStore};
 * the event delivery counts them as the receiver's failure, so the outbox offers the event again.
 * Thread-safe.
 */
public final class JdbcDeliveryLog implements DeliveryLog {

    /** The table it keeps deliveries in. */
    public static final String TABLE = "billops_plugin_delivery";
    /** The longest receiver id the table holds. */
    public static final int MAX_RECEIVER_LENGTH = 200;

    private final Jdbi jdbi;
    private final Clock clock;

    JdbcDeliveryLog(Jdbi jdbi, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean contains(String receiver, EventId event) {
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(event, "event");
        return Transactions.withHandle(jdbi, h -> h.createQuery("SELECT COUNT(*) FROM " + TABLE
                + " WHERE receiver = :receiver AND event_id = :event")
                .bind("receiver", receiver).bind("event", event.value())
                .mapTo(Integer.class).one() > 0);
    }

    /**
     * {@inheritDoc}
     *
     * @throws InvalidInputException if {@code receiver} is longer than {@value #MAX_RECEIVER_LENGTH}
     *     characters
     */
    @Override
    public void add(String receiver, EventId event) {
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(event, "event");
        if (receiver.length() > MAX_RECEIVER_LENGTH) {
            throw new InvalidInputException("receiver id '" + receiver.substring(0, 40) + "…' has "
                    + receiver.length() + " characters; the delivery log holds at most " + MAX_RECEIVER_LENGTH);
        }
        Transactions.withHandle(jdbi, h -> h.createUpdate("INSERT INTO " + TABLE
                + " (receiver, event_id, delivered_at) VALUES (:receiver, :event, :at) ON CONFLICT DO NOTHING")
                .bind("receiver", receiver).bind("event", event.value()).bind("at", Columns.utc(clock.instant()))
                .execute());
    }

    /** Forgets deliveries recorded before {@code cutoff} (older than any redelivery); returns how many. */
    public int purgeBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return Transactions.withHandle(jdbi, h -> h.createUpdate("DELETE FROM " + TABLE + " WHERE delivered_at < :cutoff")
                .bind("cutoff", Columns.utc(cutoff)).execute());
    }

    @Override
    public String toString() {
        return "JdbcDeliveryLog[" + TABLE + "]";
    }
}
