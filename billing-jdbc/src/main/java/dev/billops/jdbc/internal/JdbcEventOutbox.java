package dev.billops.jdbc.internal;

import dev.billops.core.error.DuplicateKeyException;
import dev.billops.core.event.BillingEvent;
import dev.billops.core.spi.EventOutbox;
import java.sql.PreparedStatement;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Writes events into {@code billops_outbox} in the business transaction; they become visible to
 * dispatchers when it commits. The payload is the event as JSON, with its type name and class.
 */
final class JdbcEventOutbox extends JdbcPort implements EventOutbox {

    private static final String SAVEPOINT = "billops_outbox_append_all";

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

    /**
     * All {@code events} in one batch, bound by position, under a savepoint: an event id the outbox
     * holds (or the list holds twice) makes the database refuse the batch, which is then rolled
     * back to the savepoint; the first refused id, in list order, is named and nothing is appended.
     */
    @Override
    public void appendAll(List<BillingEvent> events) {
        Objects.requireNonNull(events, "events");
        List<BillingEvent> all = List.copyOf(events);
        if (all.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO billops_outbox (tenant_id, event_id, event_type, event_class, occurred_at, payload, "
                + "attempts) VALUES (?, ?, ?, ?, ?, " + ctx().dialect().json("payload").replace(":payload", "?") + ", 0)";
        underSavepoint(SAVEPOINT, () -> {
            try (PreparedStatement ps = h().getConnection().prepareStatement(sql)) {
                for (BillingEvent event : all) {
                    ps.setString(1, t());
                    ps.setString(2, event.eventId().value());
                    ps.setString(3, event.type());
                    ps.setString(4, event.getClass().getName());
                    ps.setObject(5, Columns.utc(event.occurredAt()));
                    ps.setString(6, Objects.requireNonNull(ctx().json().write(event), "payload"));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }, d -> firstClash(all, d));
    }

    private DuplicateKeyException firstClash(List<BillingEvent> events, DuplicateKeyException refused) {
        Set<String> seen = new HashSet<>();
        for (BillingEvent event : events) {
            String id = event.eventId().value();
            boolean stored = h().createQuery("SELECT COUNT(*) FROM billops_outbox WHERE tenant_id = :t "
                    + "AND event_id = :id").bind("t", t()).bind("id", id).mapTo(Integer.class).one() > 0;
            if (!seen.add(id) || stored) {
                DuplicateKeyException named = new DuplicateKeyException("event", id);
                named.initCause(refused);
                return named;
            }
        }
        return refused;
    }
}
