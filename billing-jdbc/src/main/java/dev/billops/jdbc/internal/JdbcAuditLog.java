package dev.billops.jdbc.internal;

import dev.billops.core.audit.AuditRecord;
import dev.billops.core.party.Actor;
import dev.billops.core.spi.AuditLog;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * The append-only audit log. Before and after states are stored as JSON; {@link #history} gives
 * them back as their JSON text (a {@code String}), since the stored value's Java type is not
 * kept. The time is kept to the nanosecond.
 */
final class JdbcAuditLog extends JdbcPort implements AuditLog {

    JdbcAuditLog(JdbcSession session) {
        super(session);
    }

    @Override
    public void append(AuditRecord record) {
        Objects.requireNonNull(record, "record");
        String before = ctx().json().write(record.before());
        String after = ctx().json().write(record.after());
        h().createUpdate("INSERT INTO billops_audit_log (tenant_id, at_utc, at_nanos, actor_kind, actor_name, "
                + "action, entity_type, entity_id, before_state, after_state) VALUES (:t, :at, :nanos, :kind, :name, "
                + ":action, :type, :entity, " + ctx().dialect().json("before") + ", " + ctx().dialect().json("after") + ")")
                .bind("t", t())
                .bind("at", Columns.utc(record.at()))
                .bind("nanos", record.at().getNano())
                .bind("kind", record.actor().kind())
                .bind("name", record.actor().name())
                .bind("action", record.action())
                .bind("type", record.entityType())
                .bind("entity", record.entityId())
                .bind("before", before)
                .bind("after", after)
                .execute();
    }

    /** All {@code records} in one batch, bound by position on the transaction's connection. */
    @Override
    public void appendAll(List<AuditRecord> records) {
        Objects.requireNonNull(records, "records");
        List<AuditRecord> all = List.copyOf(records);
        if (all.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO billops_audit_log (tenant_id, at_utc, at_nanos, actor_kind, actor_name, action, "
                + "entity_type, entity_id, before_state, after_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                + ctx().dialect().json("before").replace(":before", "?") + ", "
                + ctx().dialect().json("after").replace(":after", "?") + ")";
        try (PreparedStatement ps = h().getConnection().prepareStatement(sql)) {
            for (AuditRecord r : all) {
                ps.setString(1, t());
                ps.setObject(2, Columns.utc(r.at()));
                ps.setInt(3, r.at().getNano());
                ps.setString(4, r.actor().kind());
                ps.setString(5, r.actor().name());
                ps.setString(6, r.action());
                ps.setString(7, r.entityType());
                ps.setString(8, r.entityId());
                ps.setString(9, ctx().json().write(r.before()));
                ps.setString(10, ctx().json().write(r.after()));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw SqlErrors.translate(e, SqlErrors.Phase.STATEMENT);
        }
    }

    @Override
    public List<AuditRecord> history(String entityType, String entityId) {
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(entityId, "entityId");
        return h().createQuery("SELECT * FROM billops_audit_log WHERE tenant_id = :t AND entity_type = :type "
                + "AND entity_id = :entity ORDER BY seq")
                .bind("t", t()).bind("type", entityType).bind("entity", entityId)
                .map((rs, c) -> new AuditRecord(Columns.exactInstant(rs, "at_utc", "at_nanos"),
                        new Actor(rs.getString("actor_kind"), rs.getString("actor_name")), rs.getString("action"),
                        rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("before_state"),
                        rs.getString("after_state")))
                .list();
    }
}
