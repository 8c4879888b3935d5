package dev.billops.core.memory;

import dev.billops.core.spi.AuditLog;
import dev.billops.core.audit.AuditRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

final class MemAuditLog implements AuditLog {

    private final Session session;

    MemAuditLog(Session session) {
        this.session = session;
    }

    @Override
    public void append(AuditRecord record) {
        session.state().appendAudit(Objects.requireNonNull(record, "record"));
    }

    @Override
    public List<AuditRecord> history(String entityType, String entityId) {
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(entityId, "entityId");
        List<AuditRecord> out = new ArrayList<>();
        for (AuditRecord r : session.state().audit()) {
            if (r.entityType().equals(entityType) && r.entityId().equals(entityId)) {
                out.add(r);
            }
        }
        return out;
    }
}
