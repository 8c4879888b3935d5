package dev.billops.jdbc.internal;

import dev.billops.core.error.DuplicateKeyException;
import dev.billops.core.id.ActivityId;
import dev.billops.core.project.Activity;
import dev.billops.core.spi.ActivityStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbcActivityStore extends JdbcPort implements ActivityStore {

    JdbcActivityStore(JdbcSession session) {
        super(session);
    }

    @Override
    public void insert(Activity activity) {
        Objects.requireNonNull(activity, "activity");
        int inserted = h().createUpdate("INSERT INTO billops_activity (tenant_id, id, name, billable) "
                + "VALUES (:t, :id, :name, :billable) ON CONFLICT DO NOTHING")
                .bind("t", t()).bind("id", activity.id().value()).bind("name", activity.name())
                .bind("billable", activity.billable())
                .execute();
        if (inserted == 0) {
            throw new DuplicateKeyException("activity", activity.id().value());
        }
    }

    @Override
    public Optional<Activity> find(ActivityId id) {
        Objects.requireNonNull(id, "id");
        return h().createQuery("SELECT * FROM billops_activity WHERE tenant_id = :t AND id = :id")
                .bind("t", t()).bind("id", id.value())
                .map(JdbcActivityStore::map).findOne();
    }

    @Override
    public List<Activity> list() {
        return h().createQuery("SELECT * FROM billops_activity WHERE tenant_id = :t ORDER BY id")
                .bind("t", t())
                .map(JdbcActivityStore::map).list();
    }

    static Activity map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Activity(ActivityId.of(rs.getString("id")), rs.getString("name"), rs.getBoolean("billable"));
    }
}
