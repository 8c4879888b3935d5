package dev.billops.jdbc.internal;

import dev.billops.core.error.DuplicateKeyException;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.party.Timekeeper;
import dev.billops.core.spi.TimekeeperStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbcTimekeeperStore extends JdbcPort implements TimekeeperStore {

    private static final String KIND = "timekeeper";

    JdbcTimekeeperStore(JdbcSession session) {
        super(session);
    }

    @Override
    public void insert(Timekeeper timekeeper) {
        Objects.requireNonNull(timekeeper, "timekeeper");
        int inserted = h().createUpdate("INSERT INTO billops_timekeeper (tenant_id, id, name, email, active) "
                + "VALUES (:t, :id, :name, :email, :active) ON CONFLICT DO NOTHING")
                .bind("t", t()).bind("id", timekeeper.id().value()).bind("name", timekeeper.name())
                .bind("email", timekeeper.email()).bind("active", timekeeper.active())
                .execute();
        if (inserted == 0) {
            throw new DuplicateKeyException(KIND, timekeeper.id().value());
        }
    }

    @Override
    public void update(Timekeeper timekeeper) {
        Objects.requireNonNull(timekeeper, "timekeeper");
        int updated = h().createUpdate("UPDATE billops_timekeeper SET name = :name, email = :email, "
                + "active = :active WHERE tenant_id = :t AND id = :id")
                .bind("t", t()).bind("id", timekeeper.id().value()).bind("name", timekeeper.name())
                .bind("email", timekeeper.email()).bind("active", timekeeper.active())
                .execute();
        if (updated == 0) {
            throw new NotFoundException(KIND, timekeeper.id().value());
        }
    }

    @Override
    public Optional<Timekeeper> find(TimekeeperId id) {
        Objects.requireNonNull(id, "id");
        return h().createQuery("SELECT * FROM billops_timekeeper WHERE tenant_id = :t AND id = :id")
                .bind("t", t()).bind("id", id.value())
                .map(JdbcTimekeeperStore::map).findOne();
    }

    @Override
    public List<Timekeeper> list() {
        return h().createQuery("SELECT * FROM billops_timekeeper WHERE tenant_id = :t ORDER BY id")
                .bind("t", t())
                .map(JdbcTimekeeperStore::map).list();
    }

    static Timekeeper map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Timekeeper(TimekeeperId.of(rs.getString("id")), rs.getString("name"), rs.getString("email"),
                rs.getBoolean("active"));
    }
}
