package dev.billops.jdbc;

import dev.billops.core.event.BillingEvent;
import dev.billops.core.id.EventId;
import dev.billops.core.id.TenantId;
import dev.billops.jdbc.internal.Columns;
import dev.billops.jdbc.internal.StoreContext;
import dev.billops.jdbc.internal.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher's side of the transactional outbox, across all tenants.
 *
 * <p>{@link #claim} takes the oldest undelivered events that nobody holds, in write order, and
 * leases them to this instance for a while; {@link #markDelivered} acknowledges them. Claiming
 * uses {@code FOR UPDATE SKIP LOCKED}, so several dispatcher processes share the work without
 * waiting on each other and without claiming the same row twice while its lease runs. A
 * dispatcher that dies leaves its lease to expire, after which another one claims the events
 * again: delivery is at least once, and listeners deduplicate by {@link OutboxMessage#eventId()}.
 *
 * <p>Database errors leave as the {@code BillingException}s described on {@link JdbcBillingStore};
 * a {@link dev.billops.core.error.StoreUnavailableException} from {@link #claim} or
 * {@link #markDelivered} means a later call may succeed, and events not acknowledged are claimed
 * again once their lease ends. Thread-safe.
 */
public final class JdbcOutbox {

    /** How long a claim holds its events unless told otherwise. */
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(JdbcOutbox.class);

    private final Jdbi jdbi;
    private final StoreContext context;
    private final Clock clock;
    private final String owner = "dispatcher-" + UUID.randomUUID();

    JdbcOutbox(Jdbi jdbi, StoreContext context, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.context = Objects.requireNonNull(context, "context");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Claims up to {@code max} events for {@link #DEFAULT_LEASE}. */
    public List<OutboxMessage> claim(int max) {
        return claim(max, DEFAULT_LEASE);
    }

    /**
     * Claims up to {@code max} undelivered events that are not leased to anyone, oldest first, for
     * {@code lease}.
     */
    public List<OutboxMessage> claim(int max, Duration lease) {
        if (max < 1) {
            throw new IllegalArgumentException("max " + max + " must be positive");
        }
        Objects.requireNonNull(lease, "lease");
        Instant now = clock.instant();
        List<Row> rows = Transactions.inTransaction(jdbi, h -> {
            List<Row> found = h.createQuery("SELECT seq, tenant_id, event_id, event_type, event_class, occurred_at, payload, "
                    + "attempts FROM billops_outbox WHERE delivered_at IS NULL AND (claimed_until IS NULL "
                    + "OR claimed_until < :now) ORDER BY seq LIMIT :max FOR UPDATE SKIP LOCKED")
                    .bind("now", Columns.utc(now)).bind("max", max)
                    .map((rs, c) -> new Row(rs.getLong("seq"), rs.getString("tenant_id"), rs.getString("event_id"),
                            rs.getString("event_type"), rs.getString("event_class"), Columns.instant(rs, "occurred_at"),
                            rs.getString("payload"), rs.getInt("attempts") + 1))
                    .list();
            if (!found.isEmpty()) {
                h.createUpdate("UPDATE billops_outbox SET claimed_until = :until, claimed_by = :owner, "
                        + "attempts = attempts + 1 WHERE seq IN (<ids>)")
                        .bind("until", Columns.utc(now.plus(lease))).bind("owner", owner)
                        .bindList("ids", found.stream().map(Row::seq).toList())
                        .execute();
            }
            return found;
        });
        List<OutboxMessage> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(new OutboxMessage(r.seq(), TenantId.of(r.tenant()), EventId.of(r.eventId()), r.type(),
                    r.occurredAt(), r.payload(), r.attempts(), decode(r)));
        }
        return out;
    }

    /** Acknowledges delivered events; they are never claimed again. Unknown or already delivered ids are ignored. */
    public void markDelivered(Collection<Long> ids) {
        Objects.requireNonNull(ids, "ids");
        if (ids.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<Long> all = new ArrayList<>(ids);
        Transactions.inTransaction(jdbi, h -> {
            for (int i = 0; i < all.size(); i += 500) {
                h.createUpdate("UPDATE billops_outbox SET delivered_at = :now, claimed_until = NULL, last_error = NULL "
                        + "WHERE seq IN (<ids>) AND delivered_at IS NULL")
                        .bind("now", Columns.utc(now)).bindList("ids", all.subList(i, Math.min(all.size(), i + 500)))
                        .execute();
            }
            return null;
        });
    }

    /**
     * Gives a claimed event back after a failed delivery: it becomes claimable again after
     * {@code retryAfter}, and {@code error} is kept for operators.
     */
    public void release(long id, String error, Duration retryAfter) {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(retryAfter, "retryAfter");
        String message = error.length() > 4000 ? error.substring(0, 4000) : error;
        Transactions.withHandle(jdbi, h -> h.createUpdate("UPDATE billops_outbox SET claimed_until = :until, "
                + "claimed_by = NULL, last_error = :error WHERE seq = :id AND delivered_at IS NULL")
                .bind("until", Columns.utc(clock.instant().plus(retryAfter))).bind("error", message).bind("id", id)
                .execute());
    }

    /**
     * Every committed event of {@code tenant} in write order, delivered or not, decoded; an event
     * that cannot be decoded is left out. For operators and tests; dispatchers use {@link #claim}.
     */
    public List<BillingEvent> events(TenantId tenant) {
        Objects.requireNonNull(tenant, "tenant");
        List<Row> rows = Transactions.withHandle(jdbi, h -> h.createQuery("SELECT seq, tenant_id, event_id, "
                + "event_type, event_class, occurred_at, payload, attempts FROM billops_outbox WHERE tenant_id = :t "
                + "ORDER BY seq")
                .bind("t", tenant.value())
                .map((rs, c) -> new Row(rs.getLong("seq"), rs.getString("tenant_id"), rs.getString("event_id"),
                        rs.getString("event_type"), rs.getString("event_class"), Columns.instant(rs, "occurred_at"),
                        rs.getString("payload"), rs.getInt("attempts")))
                .list());
        List<BillingEvent> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            BillingEvent e = decode(r);
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    /** How many events are not delivered yet (claimed or not). */
    public long pendingCount() {
        return Transactions.withHandle(jdbi, h -> h.createQuery("SELECT COUNT(*) FROM billops_outbox "
                + "WHERE delivered_at IS NULL").mapTo(Long.class).one());
    }

    private @Nullable BillingEvent decode(Row r) {
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Class<?> type = Class.forName(r.eventClass(), false,
                    loader != null ? loader : JdbcOutbox.class.getClassLoader());
            return type.asSubclass(BillingEvent.class).cast(context.json().read(r.payload(), type));
        } catch (ClassNotFoundException | RuntimeException e) {
            LOG.warn("outbox event {} ({}) of tenant {} cannot be decoded as {}: {}", r.eventId(), r.type(), r.tenant(),
                    r.eventClass(), e.toString());
            return null;
        }
    }

    private record Row(long seq, String tenant, String eventId, String type, String eventClass, Instant occurredAt,
            String payload, int attempts) {
    }
}
