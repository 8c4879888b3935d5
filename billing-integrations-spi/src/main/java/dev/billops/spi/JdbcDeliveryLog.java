package dev.billops.spi;

import dev.billops.core.id.EventId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A {@link DeliveryLog} in a database table, so that deduplication survives restarts and is
 * shared by several dispatcher processes: table {@value #TABLE} (receiver, event id, when) of the
 * BillOps schema (migration {@code V4__plugin_delivery.sql} of billing-jdbc, which the stores apply
 * on first use and Flyway hosts run with the other scripts). Works on PostgreSQL and H2, on the
 * billing database.
 *
 * <p>{@link #add} of a pair that is already there is a no-op (two dispatchers racing on one
 * event). Database errors are {@link PluginException}s of {@code delivery-log}: the delivery
 * fails and the outbox offers the event again. Thread-safe.
 */
public final class JdbcDeliveryLog implements DeliveryLog {

    /** The table it keeps deliveries in. */
    public static final String TABLE = "billops_plugin_delivery";

    private static final String ID = "delivery-log";
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final Clock clock;

    private JdbcDeliveryLog(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * A log on {@code dataSource}, whose schema must be migrated.
     *
     * @throws PluginException if the table is missing (the BillOps migrations did not run on this
     *     database) or the database cannot be reached
     */
    public static JdbcDeliveryLog create(DataSource dataSource) {
        return create(dataSource, Clock.systemUTC());
    }

    /** A log on {@code dataSource} that times deliveries with {@code clock}. */
    public static JdbcDeliveryLog create(DataSource dataSource, Clock clock) {
        JdbcDeliveryLog log = new JdbcDeliveryLog(Objects.requireNonNull(dataSource, "dataSource"),
                Objects.requireNonNull(clock, "clock"));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeQuery("SELECT receiver, event_id, delivered_at FROM " + TABLE + " WHERE 1 = 0").close();
        } catch (SQLException e) {
            throw new PluginException(ID, "cannot use table " + TABLE + " (it comes with the BillOps schema "
                    + "migration V4__plugin_delivery.sql; run the migrations on this database first): "
                    + e.getMessage(), e);
        }
        return log;
    }

    @Override
    public boolean contains(String receiver, EventId event) {
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(event, "event");
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + TABLE
                        + " WHERE receiver = ? AND event_id = ?")) {
            ps.setString(1, receiver);
            ps.setString(2, event.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new PluginException(ID, "cannot read deliveries of " + receiver + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void add(String receiver, EventId event) {
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(event, "event");
        if (receiver.length() > 200) {
            throw new IllegalArgumentException("receiver id longer than 200 characters: " + receiver.length());
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE
                        + " (receiver, event_id, delivered_at) VALUES (?, ?, ?)")) {
            ps.setString(1, receiver);
            ps.setString(2, event.value());
            ps.setTimestamp(3, Timestamp.from(clock.instant()));
            ps.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return;
            }
            throw new PluginException(ID, "cannot record delivery of " + event + " to " + receiver + ": "
                    + e.getMessage(), e);
        }
    }

    /** Forgets deliveries recorded before {@code cutoff} (older than any redelivery); returns how many. */
    public int purgeBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM " + TABLE + " WHERE delivered_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(cutoff));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new PluginException(ID, "cannot purge " + TABLE + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "JdbcDeliveryLog[" + TABLE + "]";
    }
}
